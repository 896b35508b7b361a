/** Cell history, the writing side: logging writes as they are made, and undos, which are writes too (reading is history.ts). */
import type * as Y from 'yjs';
import { addCell, sheetChangeOf, type WorkbookChange } from './changes.ts';
import { clockOf, LOG_CELL_LIMIT, type StoredBulk, type StoredEdit } from './edit-log.ts';
import { cellKey, splitCellKey } from './layout.ts';
import type { CellValue } from '../schema/types.ts';
import { writeTick } from './timeline-log.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** Transaction origin of log entries written after an undo or redo, and of "seen" marks: never undone themselves. */
export const HISTORY_ORIGIN = 'history';

/** One cell write to log. */
export interface LoggedWrite {
  rowId: string;
  colId: string;
  value: CellValue;
}

/** Runs `write` inside the caller's transaction and logs it as one bulk entry (rows added, a big paste, a retype). */
export const bulkLogged = (wb: WorkbookBase, sheetId: string, kind: StoredBulk['b'], count: number, write: () => void): void => {
  const from = clockOf(wb.doc);
  write();
  wb.log.logBulk(sheetId, kind, count, { c: wb.doc.clientID, from, to: clockOf(wb.doc) }, wb.user);
};

/**
 * Runs `write` (the caller's transaction) and logs the cells it writes: one entry per cell, each
 * naming the entry this replica showed before, or one bulk entry when there are many.
 */
export const cellsLogged = (wb: WorkbookBase, sheetId: string, writes: readonly LoggedWrite[], write: () => void): void => {
  // A cell written twice in one operation is one write (its last value), not two concurrent ones.
  const last = new Map<string, LoggedWrite>();
  for (const w of writes) last.set(cellKey(w.rowId, w.colId), w);
  if (last.size > LOG_CELL_LIMIT) return bulkLogged(wb, sheetId, 'cells', last.size, write);
  const cache = wb.cache(sheetId);
  const entries = [...last].map(([key, w]) => ({ key, value: w.value, pred: wb.log.headId(sheetId, key, cache.cell(w.rowId, w.colId)) }));
  write();
  wb.log.logEdits(sheetId, entries, wb.user);
};

/**
 * After an undo or redo (a transaction of the undo manager): logs the cells it changed, as this
 * person's writes, and dates it on the timeline as `kind` (an undo, unless its step says otherwise).
 */
export const logUndo = (wb: WorkbookBase, change: WorkbookChange, txn: Y.Transaction, kind = 'undo'): void => {
  const client = wb.doc.clientID;
  const range = { c: client, from: txn.beforeState.get(client) ?? 0, to: txn.afterState.get(client) ?? 0 };
  const work: (() => void)[] = [];
  for (const [sheetId, c] of change.sheets) {
    if (c.removed || c.cells.size === 0 || !wb.hasSheet(sheetId)) continue;
    const cache = wb.cache(sheetId);
    const keys: string[] = [];
    for (const [rowId, cols] of c.cells) if (cache.maps.rows.has(rowId)) for (const colId of cols) keys.push(cellKey(rowId, colId));
    if (keys.length === 0) continue;
    if (keys.length > LOG_CELL_LIMIT) work.push(() => wb.log.logBulk(sheetId, 'cells', keys.length, range, wb.user));
    else {
      const entries = keys.map((key) => {
        const [rowId, colId] = splitCellKey(key);
        const value = cache.cell(rowId, colId);
        return { key, value, pred: wb.log.headId(sheetId, key, value) };
      });
      work.push(() => wb.log.logEdits(sheetId, entries, wb.user));
    }
  }
  wb.doc.transact((t) => {
    work.forEach((w) => w());
    writeTick(t, txn, wb.user, kind);
  }, HISTORY_ORIGIN);
};

/** Records the log's new entries and seen marks as marks in the transaction's typed change. */
export const markLogged = (change: WorkbookChange, entries: readonly unknown[]): void => {
  for (const e of entries) {
    // Entries and marks come from peers too: anything but a record with text `s` and `k` marks nothing.
    if (typeof e !== 'object' || e === null) continue;
    const r = e as Partial<StoredEdit>;
    if (typeof r.s === 'string' && typeof r.k === 'string' && r.k.includes(' ')) addCell(sheetChangeOf(change, r.s).marks, r.k);
  }
};
