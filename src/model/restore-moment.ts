/**
 * Restoring a workbook to a past moment (src/model). A CRDT cannot go back in time: merging an old
 * state into a newer one changes nothing. So, on a copy of the kept history, everything done since
 * that moment (as timeline.ts dates it) is undone as one step: the undo deletes what was added
 * since and re-creates what was deleted since, as new items of the copy. Those are written to the
 * replica as one change of its own, so it syncs to everyone like any edit and is one undo step (as
 * `restore --replace` does with a backup, server/store/replace-content.ts).
 */
import * as Y from 'yjs';
import { ReadOnlyError } from '../schema/errors.ts';
import type { KeptHistory } from './kept-history.ts';
import type { WorkbookUser } from '../schema/history-types.ts';
import { Workbook } from './workbook.ts';

/** A workbook rebuilt as it was at a moment, and how many values of then are gone for good. */
export interface MomentContent {
  workbook: Workbook;
  /** True when anything had changed since (the rebuilt copy made a change to go back). */
  changed: boolean;
  lost: number;
}

/**
 * The workbook as it was at `time` (ms): a scratch copy of the history (its own new Yjs client id)
 * on which everything done since is undone as one step, dated on its timeline as a restore by
 * `user`. Destroy its doc when done.
 */
export const workbookAt = (history: KeptHistory, time: number, user?: WorkbookUser): MomentContent => {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(history.doc), 'history');
  const workbook = new Workbook(doc, user ? { user } : {});
  const { insertions, deletions, lost } = history.timeline.changesAfter(time);
  workbook.undoManager.undoStack.push({ insertions, deletions, meta: new Map([['kind', 'restore']]) });
  return { workbook, changed: workbook.undo(), lost };
};

/**
 * Makes the content of `live` what it was at `time` with one change (one undo step of `live`,
 * dated on the timeline as a restore). `history` is joined with `live` first. The change is made
 * on a copy, whose own new Yjs client id writes it: applying items of the replica's own client id
 * from elsewhere would make Yjs give the replica a new id. Returns whether anything changed.
 * Throws ReadOnlyError for a viewer's replica.
 */
export const restoreMoment = (live: Workbook, history: KeptHistory, time: number): boolean => {
  if (live.readOnly) throw new ReadOnlyError();
  history.join(live);
  const { workbook: copy, changed } = workbookAt(history, time, live.user);
  try {
    if (!changed) return false;
    // Applied with the replica's own origin: one undo step of it. (Not dated again: it carries its entry.)
    const change = Y.encodeStateAsUpdate(copy.doc, Y.encodeStateVector(live.doc));
    live.doc.transact(() => Y.applyUpdate(live.doc, change, live.origin), live.origin);
    return true;
  } finally {
    copy.doc.destroy();
  }
};
