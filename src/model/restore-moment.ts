/**
 * Restoring a workbook to a past moment (src/model). A CRDT cannot go back in time: merging an old
 * state into a newer one changes nothing. So, on the kept history, everything done since that
 * moment (as timeline.ts dates it) is undone as one step: the undo deletes what was added since
 * and re-creates what was deleted since, as new items. Those are written to the replica as one
 * change of its own, so it syncs to everyone like any edit and is one undo step (as `restore
 * --replace` does with a backup, server/store/replace-content.ts).
 */
import * as Y from 'yjs';
import { ReadOnlyError } from '../schema/errors.ts';
import type { KeptHistory } from './kept-history.ts';
import type { WorkbookChange } from './changes.ts';
import { Workbook } from './workbook.ts';

/** What going back to a moment changed: the typed change of that step, and how many values of then are gone for good. */
export interface Rewound {
  /** Null when nothing had changed since. */
  change: WorkbookChange | null;
  lost: number;
}

/**
 * Undoes on `wb` (a workbook over the history's own document) everything done after `time` (ms),
 * as one step dated on its timeline as a restore by `wb`'s user. The history's document then
 * holds that step, and the history is spent: it is not joined with a replica again.
 */
const rewind = (wb: Workbook, history: KeptHistory, time: number): Rewound => {
  const { insertions, deletions, lost } = history.timeline.changesAfter(time);
  history.spend();
  let change: WorkbookChange | null = null;
  const stop = wb.onChange((c) => (change ??= c));
  // The step goes on an empty undo stack (a step that changes nothing must not let the undo go on to older ones).
  const stack = wb.undoManager.undoStack;
  const older = stack.splice(0);
  stack.push({ insertions, deletions, meta: new Map([['kind', 'restore']]) });
  try {
    wb.undo();
  } finally {
    stack.splice(0, stack.length, ...older);
    stop();
  }
  return { change, lost };
};

/**
 * What restoring `live` to `time` changes, found by going back on the history's own document
 * (nothing is written to `live`; the history is spent, see rewind).
 */
export const previewMoment = (live: Workbook, history: KeptHistory, time: number): Rewound => {
  history.join(live);
  return rewind(history.doc === live.doc ? live : new Workbook(history.doc, { user: live.user }), history, time);
};

/**
 * Makes the content of `live` what it was at `time` with one change (one undo step of `live`,
 * dated on the timeline as a restore). `history` is joined with `live` first and then spent.
 * When `live` keeps deleted content itself (the CLI's stored workbook) it goes back by itself;
 * else the history's document (another Yjs client id) goes back, and that change is applied to
 * `live` as one step of its own (applying items of its own client id from elsewhere would make
 * Yjs give it a new id). Returns whether anything changed. Throws ReadOnlyError for a viewer.
 */
export const restoreMoment = (live: Workbook, history: KeptHistory, time: number): boolean => {
  if (live.readOnly) throw new ReadOnlyError();
  history.join(live);
  if (history.doc === live.doc) return rewind(live, history, time).change !== null;
  const copy = new Workbook(history.doc, { user: live.user });
  if (rewind(copy, history, time).change === null) return false;
  // Applied with the replica's own origin: one undo step of it. (Not dated again: it carries its entry.)
  const change = Y.encodeStateAsUpdate(history.doc, Y.encodeStateVector(live.doc));
  live.doc.transact(() => Y.applyUpdate(live.doc, change, live.origin), live.origin);
  return true;
};
