/**
 * Reading the cell history (src/model): a cell's entries with what was kept and what was lost, the
 * cells of a sheet that lost a concurrent write nobody has looked at, and marking those seen. Kept
 * apart from the writing side (edit-log.ts, history-ops.ts) so that it loads only with the parts
 * of the app that show history; the grid's conflict marks load it right after the first paint.
 *
 * @example
 *   import { cellHistory, hasConflict } from './history.ts';
 *   if (hasConflict(wb, sheetId, rowId, colId)) console.log(cellHistory(wb, sheetId, rowId, colId));
 */
import * as Y from 'yjs';
import { headOf, newestFirst, same, type StoredEdit, type StoredEntry, type WriterId } from './edit-log.ts';
import { HISTORY_ORIGIN } from './history-ops.ts';
import type { CellConflict, CellHistoryEntry } from '../schema/history-types.ts';
import { cellKey, splitCellKey } from './layout.ts';
import type { CellValue } from '../schema/types.ts';
import { readLogEntry } from '../schema/stored/read-log-entry.ts';
import { shownName } from '../schema/shown-name.ts';
import type { WorkbookBase } from './workbook-base.ts';

/**
 * Entries of one cell whose value was not kept: those off the line that leads to the head, whose
 * value differs from the one kept where that line went on (equal concurrent values lose nothing).
 */
export const lostOf = (list: readonly StoredEdit[], current: CellValue): StoredEdit[] => {
  const head = headOf(list, current);
  if (!head) return [];
  const byId = new Map(list.map((e) => [e.id, e]));
  const line = new Set<string>();
  const keptAfter = new Map<string | null, StoredEdit>();
  for (let e: StoredEdit | undefined = head; e && !line.has(e.id); e = e.p === null ? undefined : byId.get(e.p)) {
    line.add(e.id);
    keptAfter.set(e.p, e);
  }
  return list.filter((e) => !line.has(e.id) && !same(e.v, keptAfter.get(e.p)?.v ?? current));
};

/** The item holding a key's value in a map, when it is there. */
const itemIdOf = (map: Y.Map<unknown>, key: string): WriterId | null => {
  const item = map._map.get(key);
  return item && !item.deleted ? { client: item.id.client, clock: item.id.clock } : null;
};

/**
 * The value of a cell by overlay key, or undefined when its row or column no longer exists. Built
 * on first call: the grid asks `hasConflict` for every cell it paints, and conflicts are cached.
 */
const currentOf = (wb: WorkbookBase, sheetId: string): ((key: string) => CellValue | undefined) => {
  let cols: Set<string> | undefined;
  return (key) => {
    const cache = wb.cache(sheetId);
    cols ??= new Set(cache.columns().map((c) => c.id));
    const [rowId, colId] = splitCellKey(key);
    return cache.maps.rows.has(rowId) && cols.has(colId) ? cache.cell(rowId, colId) : undefined;
  };
};

/** Cells of a sheet (by key) that lost a concurrent write nobody has looked at, with those entries (cached). */
const sheetConflicts = (wb: WorkbookBase, sheetId: string): ReadonlyMap<string, StoredEdit[]> => {
  const log = wb.log;
  let found = log.conflicts.get(sheetId);
  if (found) return found;
  found = new Map();
  const current = currentOf(wb, sheetId);
  for (const [key, list] of log.sheet(sheetId)?.cells ?? []) {
    if (list.length < 2) continue;
    // Only a cell where two entries share a predecessor can have lost a value.
    if (new Set(list.map((e) => e.p)).size === list.length) continue;
    const value = current(key);
    if (value === undefined) continue; // its row or column is gone
    const lost = lostOf(list, value).filter((e) => log.seenMark(e.id) === undefined);
    if (lost.length > 0) found.set(key, lost.sort(newestFirst));
  }
  log.conflicts.set(sheetId, found);
  return found;
};

/**
 * The client id that wrote a log entry: entries are named `<client>.<clock>` after the Yjs id of
 * their slot, so the entry must be the very value stored at that id in the log. The name is
 * written by the client; the slot's id is not (the relay binds it to its owner).
 */
const writerOf = (wb: WorkbookBase, e: StoredEntry): number | undefined => {
  const m = /^(\d{1,10})\.(\d{1,15})$/.exec(e.id);
  if (!m) return undefined;
  const client = Number(m[1]);
  const clock = Number(m[2]);
  if (Y.getState(wb.doc.store, client) <= clock) return undefined;
  const item = Y.getItem(wb.doc.store, Y.createID(client, clock));
  if (!(item instanceof Y.Item) || item.parent !== wb.log.edits) return undefined;
  // The index holds checked copies of the stored entries: the slot's entry, read the same way,
  // must say exactly what `e` says (an entry copied into another slot names no writer).
  const stored = readLogEntry(item.content.getContent()[clock - item.id.clock]).value;
  return stored !== undefined && JSON.stringify(stored) === JSON.stringify(e) ? client : undefined;
};

/** `entry` with the client id that wrote `stored`, when it is known. */
const withWriter = (wb: WorkbookBase, stored: StoredEntry, entry: CellHistoryEntry): CellHistoryEntry => {
  const client = writerOf(wb, stored);
  if (client !== undefined) entry.clientId = client;
  return entry;
};

/**
 * Who changed a cell to what and when, newest first. A bulk write (rows added, a big paste, a
 * retype) is the cell's entry when its clock range holds the item of the cell's edited value, or
 * of its row (then with the value the row came with). Each entry names the client id that wrote
 * it when the log shows it (see writerOf).
 */
export const cellHistory = (wb: WorkbookBase, sheetId: string, rowId: string, colId: string): CellHistoryEntry[] => {
  const cache = wb.cache(sheetId);
  const key = cellKey(rowId, colId);
  const current = cache.cell(rowId, colId);
  const list = wb.log.sheet(sheetId)?.cells.get(key) ?? [];
  const head = headOf(list, current);
  const lost = new Set(lostOf(list, current).map((e) => e.id));
  const out: CellHistoryEntry[] = list.map((e) => {
    const entry = withWriter(wb, e, { id: e.id, kind: 'edit', value: e.v, userId: e.u, userName: shownName(e.n), time: e.t, current: false, lost: lost.has(e.id) });
    const mark = wb.log.seenMark(e.id);
    if (entry.lost && mark) entry.seenBy = { userName: shownName(mark.n), time: mark.t };
    return entry;
  });
  const bulks = wb.log.sheet(sheetId)?.bulks ?? [];
  const bulkOf = (w: WriterId | null) => (w ? bulks.find((b) => b.c === w.client && w.clock >= b.from && w.clock < b.to) : undefined);
  const cellItem = itemIdOf(cache.maps.cells as Y.Map<unknown>, key);
  const rowBulk = bulkOf(itemIdOf(cache.maps.rows as Y.Map<unknown>, rowId));
  if (rowBulk) out.push(withWriter(wb, rowBulk, { id: rowBulk.id, kind: rowBulk.b, value: cache.baseCell(rowId, colId), userId: rowBulk.u, userName: shownName(rowBulk.n), time: rowBulk.t, count: rowBulk.count, current: false, lost: false }));
  const cellBulk = bulkOf(cellItem);
  if (cellBulk) out.push(withWriter(wb, cellBulk, { id: cellBulk.id, kind: cellBulk.b, value: current, userId: cellBulk.u, userName: shownName(cellBulk.n), time: cellBulk.t, count: cellBulk.count, current: false, lost: false }));
  const bulk = cellItem ? cellBulk : rowBulk;
  // What the cell shows came from the newest of: its head edit (when it holds that value) and the bulk write of its item.
  const candidates = out.filter((h) => (h.id === head?.id && same(h.value, current)) || h.id === bulk?.id);
  const now = candidates.sort((a, b) => newestFirst({ t: a.time, id: a.id }, { t: b.time, id: b.id }))[0];
  if (now) now.current = true;
  return out.sort((a, b) => newestFirst({ t: a.time, id: a.id }, { t: b.time, id: b.id }));
};

/** True when the cell lost a concurrent write that nobody has looked at yet. */
export const hasConflict = (wb: WorkbookBase, sheetId: string, rowId: string, colId: string): boolean =>
  wb.hasSheet(sheetId) && sheetConflicts(wb, sheetId).has(cellKey(rowId, colId));

/** The cells of a sheet that lost a concurrent write nobody has looked at, in row order. */
export const cellConflicts = (wb: WorkbookBase, sheetId: string): CellConflict[] => {
  if (!wb.hasSheet(sheetId)) return [];
  const out: CellConflict[] = [];
  for (const key of sheetConflicts(wb, sheetId).keys()) {
    const [rowId, colId] = splitCellKey(key);
    out.push({ rowId, colId, lost: cellHistory(wb, sheetId, rowId, colId).filter((h) => h.lost && !h.seenBy) });
  }
  return out.sort((a, b) => wb.rowIndex(sheetId, a.rowId) - wb.rowIndex(sheetId, b.rowId) || (a.colId < b.colId ? -1 : 1));
};

/** Someone looked at a cell's history: its lost values are marked seen for everyone (not undoable). Returns how many. */
export const markConflictSeen = (wb: WorkbookBase, sheetId: string, rowId: string, colId: string): number => {
  if (wb.readOnly || !hasConflict(wb, sheetId, rowId, colId)) return 0;
  const key = cellKey(rowId, colId);
  const lost = lostOf(wb.log.sheet(sheetId)?.cells.get(key) ?? [], wb.cell(sheetId, rowId, colId)).filter((e) => wb.log.seenMark(e.id) === undefined);
  const { id, name } = wb.user;
  wb.doc.transact(() => {
    for (const e of lost) wb.log.seen.set(e.id, { s: sheetId, k: key, u: id, n: name, t: Date.now() });
  }, HISTORY_ORIGIN);
  return lost.length;
};
