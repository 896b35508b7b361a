/** The compaction worker thread: runs compactFile for each job the Compactor posts, one at a time. */
import { parentPort } from 'node:worker_threads';
import { compactFile } from './compact.ts';
import type { CompactJob, CompactReply } from './compactor.ts';
import { errorMessage } from '../log.ts';

const port = parentPort;
if (!port) throw new Error('compact-worker.ts runs as a worker thread of the relay.');
port.on('message', (job: CompactJob) => {
  const t0 = performance.now();
  let reply: CompactReply;
  try {
    reply = { ok: true, job, ms: performance.now() - t0, ...compactFile(job.path, job.upto) };
    reply.ms = performance.now() - t0;
  } catch (err) {
    reply = { ok: false, job, message: errorMessage(err) };
  }
  port.postMessage(reply);
});
