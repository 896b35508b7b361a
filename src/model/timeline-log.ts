/**
 * The timeline (private to src/model): one small entry per local transaction that changed the
 * workbook, appended in that same transaction, so that any past state can be dated and rebuilt
 * (restore to a moment) and any device's changes found (revert a device), see timeline.ts.
 *
 *   timeline: Y.Array (root)  { t: ms, d: [client, clock, len, …], n, k? }
 *     t  the writer's time: everything the writer made below the entry's own Yjs id (client,
 *        clock) and after its previous entry was made by then;
 *     d  what it deleted (Yjs ids; a child of something deleted with it goes with its parent);
 *     n  who (the name the cell history stamps);  k  'restore' | 'revert' | 'undo' (or absent).
 *
 * The writer is never read from the entry but from the entry's Yjs id, so a device can only date
 * its own changes. Like the cell history, the timeline is outside the undo scope and never trimmed.
 * This half only writes (it runs with every edit, in the first load); reading is timeline.ts.
 */
import * as Y from 'yjs';
import type { WorkbookUser } from '../schema/history-types.ts';

export const ROOT_TIMELINE = 'timeline';

/** One timeline entry, as stored. */
export interface StoredTick {
  t: number;
  d: number[];
  n: string;
  k?: string | undefined;
}

/**
 * Appends, in the open transaction `txn`, the entry of `of` (`txn` itself, or an undo's transaction
 * that has ended). Called only for transactions that change something (an operation that would
 * change nothing writes nothing, and returns before its transaction).
 */
export const writeTick = (txn: Y.Transaction, of: Pick<Y.Transaction, 'deleteSet'>, user: WorkbookUser, kind?: string): void => {
  const d: number[] = [];
  // The range being gathered: ranges of one client that touch are one range.
  let [c, k, n] = [0, 0, 0];
  Y.iterateDeletedStructs(txn, of.deleteSet, (s) => {
    if (!(s instanceof Y.Item) || (s.parent as Y.AbstractType<unknown>)._item?.deleted) return;
    // (The empty range at 0 of client 0 may take a first struct there: it is that struct's range.)
    if (s.id.client === c && k + n === s.id.clock) n += s.length;
    else {
      if (n) d.push(c, k, n);
      [c, k, n] = [s.id.client, s.id.clock, s.length];
    }
  });
  if (n) d.push(c, k, n);
  const timeline = txn.doc.getArray<StoredTick>(ROOT_TIMELINE);
  // At the end by index, not push: push walks the whole list from its start.
  timeline.insert(timeline.length, [{ t: Date.now(), d, n: user.name, k: kind }]);
};
