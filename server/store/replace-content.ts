/**
 * Restoring a backup over a live workbook. A CRDT cannot go back in time: merging an old state
 * into a newer one changes nothing. Instead this computes a new change that makes the content
 * equal to the backup's: the backup is loaded, everything the current state has beyond it is
 * applied as one tracked step, and that step is undone. Undo deletes what was added and re-creates
 * what was deleted, as new operations that every replica merges like any other edit.
 */
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';

/** The update that turns the content of `current` into the content of the workbook encoded in `backup`. */
export const replaceContentUpdate = (current: Workbook, backup: Uint8Array): Uint8Array => {
  const target = Workbook.load(backup);
  try {
    const beyond = Y.encodeStateAsUpdate(current.doc, Y.encodeStateVector(target.doc));
    // Applied inside the target's own transaction, the change becomes an undoable local step.
    target.transact(() => target.applyUpdate(beyond));
    target.undo();
    return Y.encodeStateAsUpdate(target.doc, Y.encodeStateVector(current.doc));
  } finally {
    target.doc.destroy();
  }
};
