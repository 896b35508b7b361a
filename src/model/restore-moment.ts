/**
 * Restoring a workbook to a past moment (src/model). A CRDT cannot go back in time: merging an old
 * state into a newer one changes nothing. So the content as it was at that moment is rebuilt from
 * the kept history (timeline.ts), everything made since is applied to that copy as one tracked
 * step, and that step is undone there: the undo deletes what was added since and re-creates what
 * was deleted since, as new items of this replica. Those are written to the replica as one change
 * of its own, so it syncs to everyone like any edit and is one undo step (as `restore --replace`
 * does with a backup, server/store/replace-content.ts).
 */
import * as Y from 'yjs';
import { ReadOnlyError } from '../schema/errors.ts';
import type { KeptHistory } from './kept-history.ts';
import { Workbook } from './workbook.ts';

/** The content of a moment: a separate scratch workbook, and how many values of then are gone for good. */
export interface MomentContent {
  workbook: Workbook;
  lost: number;
}

/** The workbook as it was at `time` (ms), as a scratch workbook; destroy its doc when done. */
export const workbookAt = (history: KeptHistory, time: number): MomentContent => {
  const { snapshot, lost } = history.timeline.snapshotAt(time);
  return { workbook: new Workbook(Y.createDocFromSnapshot(history.doc, snapshot, new Y.Doc({ gc: false }))), lost };
};

/**
 * Makes the content of `live` what it was at `time` with one change (one undo step of `live`,
 * dated on the timeline as a restore). `history` is joined with `live` first. The change is made
 * on the copy, whose own new Yjs client id writes it: applying items of the replica's own client
 * id from elsewhere would make Yjs give the replica a new id. Returns whether anything changed.
 * Throws ReadOnlyError for a viewer's replica.
 */
export const restoreMoment = (live: Workbook, history: KeptHistory, time: number): boolean => {
  if (live.readOnly) throw new ReadOnlyError();
  history.join(live);
  const { workbook: target } = workbookAt(history, time);
  try {
    target.setUser(live.user);
    const since = Y.encodeStateAsUpdate(history.doc, Y.encodeStateVector(target.doc));
    // Everything made since that moment, as one step of the copy (not dated: those changes are dated already) …
    target.transact(() => target.applyUpdate(since), null);
    // … and undone there: what was added since is deleted, what was deleted since is made again.
    if (!target.undo('restore')) return false;
    live.applyOwnChange(Y.encodeStateAsUpdate(target.doc, Y.encodeStateVector(live.doc)));
    return true;
  } finally {
    target.doc.destroy();
  }
};
