/** The compaction worker thread: runs runCompactJob for each job the Compactor posts, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runCompactJob } from './compact.ts';
import type { CompactReply, WorkerJob } from './compactor.ts';
import { reopenStore } from './open-store.ts';
import { errorMessage } from '../log.ts';

const port = parentPort;
if (!port) throw new Error('compact-worker.ts runs as a worker thread of the relay.');

const run = async ({ job, location, owner }: WorkerJob): Promise<CompactReply> => {
  const t0 = performance.now();
  try {
    // No disk flush per commit and no automatic checkpoints: compactWorkbook checkpoints itself.
    const store = await reopenStore(location, { durability: 'commit', autoCheckpoint: false });
    try {
      const result = await runCompactJob(store, job, owner);
      return { ok: true, job, ms: performance.now() - t0, ...result };
    } finally {
      await store.close();
    }
  } catch (err) {
    return { ok: false, job, message: errorMessage(err) };
  }
};

// Jobs come one at a time: the Compactor posts the next only after this one's reply.
port.on('message', (msg: WorkerJob) => void run(msg).then((reply) => port.postMessage(reply)));
