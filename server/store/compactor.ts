/**
 * Runs compactions in a worker thread so that rebuilding a large workbook's snapshot never blocks
 * the rooms. Jobs are queued one per workbook and run one at a time; the worker is started ahead
 * of a room's first job (see warm) or on the first job, and stopped after a minute without work
 * and rooms. The worker opens the same store again (its location); a store that cannot be opened
 * from another thread (memory) compacts on this one.
 */
import { randomBytes } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../ts-worker.ts';
import { runCompactJob, type CompactJob, type CompactResult } from './compact.ts';
import type { Store, StoreLocation } from './contract.ts';
import { errorMessage, type Logger } from '../log.ts';

export type { CompactJob } from './compact.ts';

/** What the worker thread is sent for a job. */
export interface WorkerJob {
  job: CompactJob;
  location: StoreLocation;
  /** Who holds the compaction claim. */
  owner: string;
}

/** The worker's answer to a job. */
export type CompactReply =
  | ({ ok: true; job: CompactJob; ms: number } & CompactResult)
  | { ok: false; job: CompactJob; message: string };

const IDLE_MS = 60_000;

/**
 * The compaction worker's heap limit for workbooks of up to `maxRoomBytes` stored: a loaded
 * document takes about 10 times its encoded size (BENCHMARKS.md, "Keeping history"), and the old
 * snapshot, the log and the new snapshot are held besides. A compaction that needs more fails
 * alone (the worker is stopped and restarted, the log kept as it was) instead of taking the relay
 * process to gigabytes.
 */
export const compactionHeapMB = (maxRoomBytes: number): number => Math.max(256, Math.ceil((32 * maxRoomBytes) / 1048576));

// The worker keeps the normal CPU priority: at a lower one it was descheduled while holding a
// file's write lock, which made that room wait longer (20-50 ms instead of under 20 ms, measured
// on 2 busy cores).

/** Queues and runs compaction jobs off the main thread. */
export class Compactor {
  private worker: Worker | null = null;
  private readonly queue = new Map<string, CompactJob>();
  private running: CompactJob | null = null;
  private idle: NodeJS.Timeout | null = null;
  private closed = false;
  private drained: (() => void) | null = null;
  /** Rooms are loaded: the worker stays started between jobs. */
  private warmWanted = false;
  /** The claim owner of this process's compactions. */
  private readonly owner = `compactor-${process.pid}-${randomBytes(6).toString('hex')}`;

  constructor(
    private readonly log: Logger,
    private readonly store: Store,
    /** Called after each finished job (the relay records the workbook's name). */
    private readonly onDone: (reply: CompactReply) => void = () => {},
    /** MAX_ROOM_BYTES: sets the worker's heap limit (compactionHeapMB). */
    private readonly maxRoomBytes = 6 * 1048576,
  ) {}

  /** Asks for a compaction; a job already queued for the same workbook is widened instead. */
  request(job: CompactJob): void {
    if (this.closed) return;
    const queued = this.queue.get(job.workbook);
    // A fold also settles: a queued fold stays one when a settling is asked for.
    this.queue.set(job.workbook, queued ? { ...job, upto: Math.max(queued.upto, job.upto), settleOnly: !!queued.settleOnly && !!job.settleOnly } : job);
    this.next();
  }

  /**
   * On (a room's log is halfway to a compaction job), the worker is started and kept between jobs
   * while rooms are loaded: starting it costs about half a second of CPU (its modules are compiled
   * anew), better spent ahead of the first job than in the middle of a team's edits, once a minute.
   * Off (no room is loaded), it stops after a minute idle.
   */
  warm(on: boolean): void {
    this.warmWanted = on;
    if (this.closed) return;
    if (on) {
      if (this.idle) clearTimeout(this.idle);
      this.idle = null;
      if (this.store.location) this.ensureWorker();
    } else if (!this.running && this.queue.size === 0) this.stopWhenIdle();
  }

  /** The worker thread is started. */
  get started(): boolean {
    return this.worker !== null;
  }

  /** True while a job is queued or running for `workbook`. */
  pending(workbook: string): boolean {
    return this.queue.has(workbook) || this.running?.workbook === workbook;
  }

  /** Stops taking jobs, lets the running one finish (up to `timeoutMs`), then stops the worker. */
  async close(timeoutMs = 10_000): Promise<void> {
    this.closed = true;
    this.queue.clear();
    if (this.running) {
      await Promise.race([
        new Promise<void>((resolve) => (this.drained = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
    // An unfinished compaction is one uncommitted SQLite transaction: stopping it loses nothing.
    await this.stopWorker();
  }

  private next(): void {
    if (this.running || this.closed) return;
    const [first] = this.queue.values();
    if (!first) {
      if (!this.warmWanted) this.stopWhenIdle();
      return;
    }
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.queue.delete(first.workbook);
    this.running = first;
    const location = this.store.location;
    if (location) this.ensureWorker().postMessage({ job: first, location, owner: this.owner } satisfies WorkerJob);
    else void this.runHere(first);
  }

  /** Runs a job on this thread (for a store without a location). */
  private async runHere(job: CompactJob): Promise<void> {
    const t0 = performance.now();
    let reply: CompactReply;
    try {
      reply = { ok: true, job, ms: 0, ...(await runCompactJob(this.store, job, this.owner)) };
      reply.ms = performance.now() - t0;
    } catch (err) {
      reply = { ok: false, job, message: errorMessage(err) };
    }
    this.finished(reply);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = startTsWorker(new URL('./compact-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: compactionHeapMB(this.maxRoomBytes) },
    });
    w.unref();
    w.on('message', (reply: CompactReply) => this.finished(reply));
    w.on('error', (err) => {
      this.log.error('compaction.worker_failed', { message: errorMessage(err) });
      // A worker that failed (out of memory, say) is gone: the next job starts a new one.
      if (this.worker === w) this.worker = null;
      const job = this.running;
      if (job) this.finished({ ok: false, job, message: errorMessage(err) });
    });
    w.on('exit', () => {
      if (this.worker === w) this.worker = null;
    });
    this.worker = w;
    return w;
  }

  private finished(reply: CompactReply): void {
    this.running = null;
    if (reply.ok) {
      if (reply.compacted) {
        this.log.info('compaction.done', { workbook: reply.job.workbook, folded: reply.folded, bytes: reply.bytes, ms: Math.round(reply.ms) });
      }
    } else {
      this.log.warn('compaction.failed', { workbook: reply.job.workbook, message: reply.message });
    }
    try {
      this.onDone(reply);
    } catch (err) {
      this.log.error('compaction.callback_failed', { message: errorMessage(err) });
    }
    if (this.drained) {
      this.drained();
      this.drained = null;
    }
    this.next();
  }

  /** Stops the worker after a minute unless a job comes first. */
  private stopWhenIdle(): void {
    this.idle ??= setTimeout(() => void this.stopWorker(), IDLE_MS).unref();
  }

  private async stopWorker(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
