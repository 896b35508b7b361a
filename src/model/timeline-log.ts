/**
 * The timeline (private to src/model): one small entry per local transaction that changed the
 * workbook, appended in that same transaction, so that any past state can be dated and rebuilt
 * (restore to a moment) and any device's changes found (revert a device), see timeline.ts.
 *
 *   timeline: Y.Array (root)  { t: ms, f: clock, d: [client, clock, len, …], u, n, k? }
 *     t  the writer's time;  f  the writer's clock when the transaction began: the entry's own Yjs
 *        id (client, clock) is the end of the range [f, clock] of everything the transaction made;
 *     d  what it deleted (Yjs ids; a child of something deleted with it goes with its parent);
 *     u, n  who (user id and name, as the cell history stamps them);  k  'restore' | 'revert' | 'undo'.
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
  f: number;
  d: number[];
  u: string;
  n: string;
  k?: string;
}

/**
 * Appends, in the open transaction `txn`, the entry of `of` (`txn` itself, or an undo's transaction
 * that has ended) when it changed anything.
 */
export const writeTick = (
  timeline: Y.Array<StoredTick>,
  txn: Y.Transaction,
  of: Pick<Y.Transaction, 'beforeState' | 'deleteSet'>,
  user: WorkbookUser,
  kind?: string,
): void => {
  const doc = txn.doc;
  const f = of.beforeState.get(doc.clientID) ?? 0;
  const ids: [number, number, number][] = [];
  Y.iterateDeletedStructs(txn, of.deleteSet, (s) => {
    const parent = s instanceof Y.Item ? (s.parent as Y.AbstractType<unknown> | null) : null;
    if (parent && !parent._item?.deleted) ids.push([s.id.client, s.id.clock, s.length]);
  });
  if (Y.getState(doc.store, doc.clientID) === f && ids.length === 0) return;
  ids.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const d: number[] = [];
  for (const [c, k, n] of ids) {
    const at = d.length;
    // Ranges of one client that touch are one range.
    if (at > 0 && d[at - 3] === c && (d[at - 2] ?? 0) + (d[at - 1] ?? 0) === k) d[at - 1] = (d[at - 1] ?? 0) + n;
    else d.push(c, k, n);
  }
  const tick: StoredTick = { t: Date.now(), f, d, u: user.id, n: user.name };
  if (kind) tick.k = kind;
  // At the end by index, not push: push walks the whole list from its start.
  timeline.insert(timeline.length, [tick]);
};
