/** Compaction: folds a workbook's update log into its snapshot (run off the main thread by Compactor). */
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import { WorkbookFile } from './workbook-file.ts';

/** What one compaction did. */
export interface CompactResult {
  /** False when there was nothing to fold, or another compaction got there first. */
  compacted: boolean;
  /** Updates folded into the snapshot. */
  folded: number;
  /** Size of the new snapshot in bytes. */
  bytes: number;
  /** The workbook's name as stored in its settings. */
  name: string;
}

/**
 * Folds the logged updates with seq ≤ `upto` (all when omitted) into a new snapshot. The document
 * is rebuilt with garbage collection off: deleted content stays in the snapshot, so any state the
 * workbook was in can still be rebuilt (an export's version, see rebuild-version.ts).
 * Updates appended meanwhile (seq > upto) stay in the log.
 */
export const compactFile = (path: string, upto = Number.MAX_SAFE_INTEGER): CompactResult => {
  // No disk flush per commit here: if the commit is lost, the old snapshot and the log remain, whole.
  const file = WorkbookFile.open(path, { durability: 'commit' });
  try {
    const state = file.readState();
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
      const compacted = file.compact(state.snapshotUpto, last, snapshot);
      // The relay's own connections leave the write-ahead log to this (off the main thread).
      file.checkpoint();
      return { compacted, folded: compacted ? folded.length : 0, bytes: snapshot.byteLength, name };
    } finally {
      doc.destroy();
    }
  } finally {
    file.close();
  }
};
