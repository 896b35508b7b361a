/** Compaction: folds a workbook's update log into its snapshot (run off the main thread by Compactor). */
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import type { CompactionClaim, Store } from './contract.ts';

/** How long a compaction may hold its claim: far longer than folding the largest workbook takes. */
export const CLAIM_MS = 120_000;

/** A compaction request: fold the log of `workbook` up to `upto`, or only settle it (CompactionClaim.settle). */
export interface CompactJob {
  workbook: string;
  upto: number;
  settleOnly?: boolean;
}

/** What one compaction did. */
export interface CompactResult {
  /** False when there was nothing to fold, or another compaction held the claim or got there first. */
  compacted: boolean;
  /** Updates folded into the snapshot. */
  folded: number;
  /** Size of the new snapshot in bytes. */
  bytes: number;
  /** The workbook's name as stored in its settings. */
  name: string;
  /** A settling job (nothing folded) took the claim and settled the log. */
  settled?: boolean;
}

/** Runs `fn` holding workbook `id`'s compaction claim for `owner` (released after, also on failure); `none` when another owner holds it. */
const withClaim = async <T,>(store: Store, id: string, owner: string, none: T, fn: (claim: CompactionClaim) => Promise<T>): Promise<T> => {
  const claim = await store.claimCompaction(id, owner, CLAIM_MS);
  if (!claim) return none;
  try {
    return await fn(claim);
  } finally {
    await claim.release();
  }
};

/** Runs `job` on `store` under a claim for `owner`: a fold, or (settleOnly) a settling of the log. */
export const runCompactJob = async (store: Store, job: CompactJob, owner: string): Promise<CompactResult> =>
  job.settleOnly ? { compacted: false, folded: 0, bytes: 0, name: '', settled: await settleWorkbook(store, job.workbook, owner) } : compactWorkbook(store, job.workbook, owner, job.upto);

/**
 * Settles workbook `id`'s log without folding it (see CompactionClaim.settle), under a compaction
 * claim for `owner`; false when another owner holds one.
 */
export const settleWorkbook = (store: Store, id: string, owner: string): Promise<boolean> =>
  withClaim(store, id, owner, false, async (claim) => {
    await claim.settle();
    return true;
  });

/**
 * Folds the logged updates with seq ≤ `upto` (all when omitted) of workbook `id` into a new
 * snapshot, under a compaction claim for `owner` (nothing is done while another owner holds one).
 * The document is rebuilt with garbage collection off: deleted content stays in the snapshot, so
 * any state the workbook was in can still be rebuilt (an export's version, see rebuild-version.ts).
 * Updates appended meanwhile (seq > upto) stay in the log.
 */
export const compactWorkbook = (store: Store, id: string, owner: string, upto = Number.MAX_SAFE_INTEGER): Promise<CompactResult> =>
  withClaim(store, id, owner, { compacted: false, folded: 0, bytes: 0, name: '' }, async (claim) => {
    const state = await claim.read();
    const folded = state.updates.filter((u) => u.seq <= upto);
    const last = folded.at(-1)?.seq;
    if (last === undefined) return { compacted: false, folded: 0, bytes: state.snapshot.byteLength, name: '' };
    const doc = new Y.Doc({ gc: false });
    try {
      doc.transact(() => {
        Y.applyUpdate(doc, state.snapshot);
        for (const u of folded) Y.applyUpdate(doc, u.data);
      });
      const snapshot = Y.encodeStateAsUpdate(doc);
      const name = new Workbook(doc).settings.name;
      const compacted = await claim.replace(state.snapshotUpto, last, snapshot);
      return { compacted, folded: compacted ? folded.length : 0, bytes: snapshot.byteLength, name };
    } finally {
      doc.destroy();
    }
  });
