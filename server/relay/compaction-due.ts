/**
 * When a room asks for its workbook's log to be folded into the snapshot. With history kept (gc
 * off) folding shrinks nothing: a snapshot of the same content is as big as the snapshot plus the
 * log (the edit history is content). What it saves is load time (a log of small updates loads
 * about 1.5 times slower than the same bytes folded) and rows. What it costs is a rebuild of the
 * whole workbook. Asked every N updates, that cost per edit grew with the workbook (a 2.5 MB
 * snapshot took 150-250 ms to fold for every 1,000 edits). Asked when the log is as big as the
 * snapshot, each fold handles at most twice what the edits since the last one wrote: a flat cost
 * per edit.
 *
 * @example
 *   compactionDue({ updates: 300, bytes: 70_000 }, 28_000, 10_000); // true: the log passed 64 KiB
 */

/** The log is never folded for less than this (a small workbook would be folded every few edits). */
export const MIN_FOLD_BYTES = 64 * 1024;
/** Nor left to grow past this: it bounds what a load reads as separate updates. */
export const MAX_LOG_BYTES = 1024 * 1024;

/**
 * Between folds, the log is settled (CompactionClaim.settle: SQLite's write-ahead log folded into
 * the file, off the main thread) every this many updates, so that it stays as short as when every
 * 1,000 updates were folded.
 */
export const SETTLE_EVERY = 1000;

/** The log since the last fold: how many updates and how many bytes. */
export interface LogSince {
  updates: number;
  bytes: number;
}

/** The log's size at which it is folded: the snapshot's, at least 64 KiB and at most 1 MiB. */
const foldBytes = (snapshotBytes: number): number => Math.min(Math.max(snapshotBytes, MIN_FOLD_BYTES), MAX_LOG_BYTES);

/** True when the log should be folded: as many bytes as the snapshot (64 KiB-1 MiB), or `maxUpdates` updates (COMPACT_AFTER). */
export const compactionDue = (log: LogSince, snapshotBytes: number, maxUpdates: number): boolean =>
  log.updates > 0 && (log.updates >= maxUpdates || log.bytes >= foldBytes(snapshotBytes));

/**
 * True when the log is halfway to a fold or a settling (`unsettled` updates since the last job):
 * the compaction worker is started then, ahead of its first job, rather than in the middle of it.
 */
export const compactionNear = (log: LogSince, snapshotBytes: number, maxUpdates: number, unsettled: number): boolean =>
  log.bytes * 2 >= foldBytes(snapshotBytes) || log.updates * 2 >= maxUpdates || unsettled * 2 >= SETTLE_EVERY;

/** What a room asks of the compactor after an append: a fold, a settling, the worker got ready, or nothing. */
export type CompactionStep = 'fold' | 'settle' | 'near' | null;

/**
 * A room's count of what its log holds since the last fold and settling, and the step each
 * append calls for (by compactionDue, SETTLE_EVERY and compactionNear).
 *
 * @example
 *   const plan = new CompactionPlan(10_000);
 *   plan.loaded(snapshot.byteLength, logBytes, logUpdates);
 *   if (plan.appended(2, 420) === 'fold') compactor.request(...), plan.folded();
 */
export class CompactionPlan {
  private log: LogSince = { updates: 0, bytes: 0 };
  private snapshotBytes = 0;
  private unsettled = 0;
  private nearTold = false;

  constructor(private readonly maxUpdates: number) {}

  /** Updates in the log since the last fold. */
  get logged(): number {
    return this.log.updates;
  }

  /** The stored state as read: the snapshot's bytes, and the log's bytes and updates. */
  loaded(snapshotBytes: number, logBytes: number, logUpdates: number): void {
    this.snapshotBytes = snapshotBytes;
    this.log = { updates: logUpdates, bytes: logBytes };
  }

  /** The snapshot's size as the store says it is now (another fold may have run). */
  snapshotIs(bytes: number): void {
    this.snapshotBytes = bytes;
  }

  /** `updates` of `bytes` were appended (by this room or, read back, by another writer); the step they call for. */
  appended(updates: number, bytes: number): CompactionStep {
    this.log.updates += updates;
    this.log.bytes += bytes;
    this.unsettled += updates;
    if (compactionDue(this.log, this.snapshotBytes, this.maxUpdates)) return 'fold';
    if (this.unsettled >= SETTLE_EVERY) {
      this.unsettled = 0;
      return 'settle';
    }
    if (!this.nearTold && compactionNear(this.log, this.snapshotBytes, this.maxUpdates, this.unsettled)) {
      this.nearTold = true;
      return 'near';
    }
    return null;
  }

  /** A fold was asked for: until the store is read again, the snapshot is taken to be what it will be once folded. */
  folded(): void {
    this.snapshotBytes += this.log.bytes;
    this.log = { updates: 0, bytes: 0 };
    this.unsettled = 0;
  }
}
