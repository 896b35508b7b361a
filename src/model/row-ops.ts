/** Operations on rows and cells: insert, delete, move, duplicate, set, paste, bulk append. */
import { NotFoundError, OperationError } from '../schema/errors.ts';
import { bulkLogged, cellsLogged } from './history-ops.ts';
import { newId, newIds } from '../schema/ids.ts';
import { cellKey, layoutColumns } from './layout.ts';
import { planKeys } from './order-keys.ts';
import type { SheetCache } from './sheet-cache.ts';
import type { CellValue, Column } from '../schema/types.ts';
import { BatchCheck } from '../schema/batch-check.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** One cell write. */
export interface CellEdit {
  rowId: string;
  colId: string;
  value: CellValue;
}

const sheetName = (wb: WorkbookBase, sheetId: string): string => wb.sheet(sheetId)?.name ?? sheetId;

/** The id of a layout listing exactly `colIds`, creating it (inside the current transaction) if needed. */
export const layoutFor = (wb: WorkbookBase, cache: SheetCache, colIds: readonly string[]): string => {
  const want = colIds.join(' ');
  for (const [id, cols] of cache.maps.layouts.entries()) if (layoutColumns(cols)?.join(' ') === want) return id;
  const id = newId(wb.random).slice(0, 8);
  cache.maps.layouts.set(id, [...colIds]);
  return id;
};

/** Writes base records for new rows at the given keys (inside a transaction). */
const writeRows = (
  wb: WorkbookBase,
  cache: SheetCache,
  ids: readonly string[],
  keys: readonly string[],
  colIds: readonly string[],
  values: readonly (readonly CellValue[])[] | null,
): void => {
  const layout = layoutFor(wb, cache, colIds);
  const width = colIds.length;
  ids.forEach((id, i) => {
    const rec: CellValue[] = new Array(width + 1);
    rec[0] = layout;
    const vals = values?.[i];
    for (let c = 0; c < width; c++) rec[c + 1] = vals?.[c] ?? null;
    cache.maps.rows.set(id, rec);
    cache.maps.rowOrder.set(id, keys[i] ?? 'a0');
  });
};

/** Checks `records` (by column id) against the sheet's columns: the ordered column ids and value arrays. */
const checkRecords = (
  wb: WorkbookBase,
  sheetId: string,
  columns: readonly Column[],
  records: readonly Record<string, CellValue>[],
  firstRow: number,
): CellValue[][] => {
  const batch = new BatchCheck(sheetName(wb, sheetId));
  const known = new Set(columns.map((c) => c.id));
  const out = records.map((rec, i) => {
    for (const k of Object.keys(rec)) if (!known.has(k)) throw new NotFoundError(`No column with id ${k} in sheet ${sheetId}.`);
    return columns.map((col) => batch.check(col, firstRow + i, rec[col.id]) ?? null);
  });
  batch.done();
  return out;
};

/** Inserts `count` rows (or one per record of `values`) at position `index` (the end when omitted). */
export const insertRows = (
  wb: WorkbookBase,
  sheetId: string,
  opts: { index?: number; count?: number; values?: Record<string, CellValue>[] } = {},
): string[] => {
  const cache = wb.ownCache(sheetId);
  const keyed = cache.keyedRows();
  const count = opts.values?.length ?? opts.count ?? 1;
  const at = opts.index === undefined ? keyed.length : Math.max(0, Math.min(keyed.length, Math.floor(opts.index)));
  const columns = cache.columns();
  const values = opts.values ? checkRecords(wb, sheetId, columns, opts.values, at + 1) : null;
  const { keys, moved } = planKeys(keyed, at, count);
  const ids = newIds(count, 10, wb.random);
  wb.transact(() => {
    const write = () => writeRows(wb, cache, ids, keys, columns.map((c) => c.id), values);
    // Empty rows have no values to tell the history of.
    if (values) bulkLogged(wb, sheetId, 'rows', ids.length, write);
    else write();
    for (const m of moved) cache.maps.rowOrder.set(m.id, m.key);
    cache.rowsChanged([...ids, ...moved.map((m) => m.id)], ids.length + moved.length);
  });
  return ids;
};

/**
 * Appends many rows in one transaction (import). `columns` names the column id of each value slot;
 * every value is checked first, so a bad one writes nothing.
 */
export const appendRows = (
  wb: WorkbookBase,
  sheetId: string,
  columns: readonly string[],
  rows: readonly (readonly CellValue[])[],
): string[] => {
  const cache = wb.ownCache(sheetId);
  const defs = columns.map((id) => {
    const col = cache.columns().find((c) => c.id === id);
    if (!col) throw new NotFoundError(`No column with id ${id} in sheet ${sheetId}.`);
    return col;
  });
  const batch = new BatchCheck(sheetName(wb, sheetId));
  const checked = rows.map((r, i) => defs.map((col, c) => batch.check(col, i + 1, r[c]) ?? null));
  batch.done();
  const keyed = cache.keyedRows();
  const { keys } = planKeys(keyed, keyed.length, rows.length);
  const ids = newIds(rows.length, 10, wb.random);
  wb.transact(() => {
    bulkLogged(wb, sheetId, 'rows', ids.length, () => writeRows(wb, cache, ids, keys, columns, checked));
    cache.rowsChanged(ids, ids.length);
  });
  return ids;
};

const existingRows = (wb: WorkbookBase, sheetId: string, rowIds: readonly string[]): string[] => {
  const cache = wb.cache(sheetId);
  return [...new Set(rowIds)].filter((id) => cache.maps.rows.has(id));
};

/** Deletes rows (and their edited cells). Rows that no longer exist are ignored. */
export const deleteRows = (wb: WorkbookBase, sheetId: string, rowIds: readonly string[]): void => {
  const cache = wb.cache(sheetId);
  const ids = existingRows(wb, sheetId, rowIds);
  if (ids.length === 0) return;
  const cols = cache.columns().map((c) => c.id);
  wb.transact(() => {
    for (const id of ids) {
      cache.maps.rows.delete(id);
      cache.maps.rowOrder.delete(id);
      for (const c of cols) {
        const k = cellKey(id, c);
        if (cache.maps.cells.has(k)) cache.maps.cells.delete(k);
      }
    }
    cache.rowsChanged(ids, ids.length);
  });
};

/** Moves rows (kept in their current relative order) to just before `beforeRowId`, or to the end when null. */
export const moveRows = (
  wb: WorkbookBase,
  sheetId: string,
  rowIds: readonly string[],
  beforeRowId: string | null,
): void => {
  const cache = wb.cache(sheetId);
  const moving = new Set(existingRows(wb, sheetId, rowIds));
  if (moving.size === 0) return;
  if (beforeRowId !== null && moving.has(beforeRowId)) throw new OperationError('Rows cannot be moved before themselves.');
  const all = cache.keyedRows();
  const ordered = all.filter((k) => moving.has(k.id)).map((k) => k.id);
  const others = all.filter((k) => !moving.has(k.id));
  const at = beforeRowId === null ? others.length : others.findIndex((k) => k.id === beforeRowId);
  if (at < 0) throw new NotFoundError(`No row with id ${beforeRowId} in sheet ${sheetId}.`);
  const { keys, moved } = planKeys(others, at, ordered.length);
  wb.transact(() => {
    ordered.forEach((id, i) => cache.maps.rowOrder.set(id, keys[i] ?? 'a0'));
    for (const m of moved) cache.maps.rowOrder.set(m.id, m.key);
    cache.rowsChanged([...ordered, ...moved.map((m) => m.id)], ordered.length + moved.length);
  });
};

/** Copies rows, each copy placed right after its original; returns the new ids in the same order. */
export const duplicateRows = (wb: WorkbookBase, sheetId: string, rowIds: readonly string[]): string[] => {
  const cache = wb.cache(sheetId);
  const ids = existingRows(wb, sheetId, rowIds);
  const colIds = cache.columns().map((c) => c.id);
  const copies = newIds(ids.length, 10, wb.random);
  wb.transact(() => bulkLogged(wb, sheetId, 'rows', ids.length, () => {
    ids.forEach((id, i) => {
      const keyed = cache.keyedRows();
      const at = keyed.findIndex((k) => k.id === id) + 1;
      const { keys, moved } = planKeys(keyed, at, 1);
      const values = colIds.map((c) => cache.cell(id, c));
      writeRows(wb, cache, [copies[i] ?? ''], keys, colIds, [values]);
      for (const m of moved) cache.maps.rowOrder.set(m.id, m.key);
      cache.rowsChanged([copies[i] ?? '', ...moved.map((m) => m.id)], 1 + moved.length);
    });
  }));
  return copies;
};

/** Writes cells (one transaction). Every value is checked first; a refused one writes nothing. */
export const setCells = (wb: WorkbookBase, sheetId: string, edits: readonly CellEdit[]): void => {
  const cache = wb.cache(sheetId);
  const cols = new Map(cache.columns().map((c) => [c.id, c]));
  const batch = new BatchCheck(sheetName(wb, sheetId));
  const writes: CellEdit[] = [];
  for (const e of edits) {
    const col = cols.get(e.colId);
    if (!col) throw new NotFoundError(`No column with id ${e.colId} in sheet ${sheetId}.`);
    if (!cache.maps.rows.has(e.rowId)) throw new NotFoundError(`No row with id ${e.rowId} in sheet ${sheetId}.`);
    const value = batch.check(col, cache.rowIndex(e.rowId) + 1, e.value);
    if (value === undefined) continue;
    // Writing what is already there would only add history.
    if (JSON.stringify(cache.cell(e.rowId, e.colId)) !== JSON.stringify(value)) writes.push({ ...e, value });
  }
  batch.done();
  if (writes.length === 0) return;
  wb.transact(() => {
    cellsLogged(wb, sheetId, writes, () => {
      for (const w of writes) cache.maps.cells.set(cellKey(w.rowId, w.colId), w.value);
    });
  });
};

/**
 * Pastes a block at (top row index, left column index). `undefined` in the block leaves that cell
 * unchanged. Rows past the end are appended when `grow` is set; columns past the end are an error.
 * Returns the ids of appended rows.
 */
export const setBlock = (
  wb: WorkbookBase,
  sheetId: string,
  top: number,
  left: number,
  block: readonly (readonly (CellValue | undefined)[])[],
  { grow = true }: { grow?: boolean } = {},
): string[] => {
  const cache = wb.ownCache(sheetId);
  const columns = cache.columns();
  const width = Math.max(0, ...block.map((r) => r.length));
  if (left < 0 || left + width > columns.length) {
    throw new OperationError(`The pasted block is ${width} columns wide but only ${columns.length - left} columns are there.`);
  }
  const rowIds = cache.rowIds();
  const missing = Math.max(0, top + block.length - rowIds.length);
  if (missing > 0 && !grow) throw new OperationError(`The pasted block needs ${missing} more rows.`);
  const batch = new BatchCheck(sheetName(wb, sheetId));
  const checked = block.map((r, i) =>
    r.map((v, j) => {
      const col = columns[left + j];
      return v === undefined || !col ? undefined : batch.check(col, top + i + 1, v);
    }),
  );
  batch.done();
  const newOnes = missing > 0 ? newIds(missing, 10, wb.random) : [];
  wb.transact(() => {
    if (missing > 0) {
      const keyed = cache.keyedRows();
      const { keys } = planKeys(keyed, keyed.length, missing);
      const rows = checked.slice(rowIds.length - top).map((r) => columns.map((_c, j) => (j >= left ? (r[j - left] ?? null) : null)));
      bulkLogged(wb, sheetId, 'rows', newOnes.length, () => writeRows(wb, cache, newOnes, keys, columns.map((c) => c.id), rows));
      cache.rowsChanged(newOnes, newOnes.length);
    }
    const writes: CellEdit[] = [];
    checked.forEach((r, i) => {
      const rowId = rowIds[top + i];
      if (rowId === undefined) return;
      r.forEach((v, j) => {
        const col = columns[left + j];
        if (v !== undefined && col) writes.push({ rowId, colId: col.id, value: v });
      });
    });
    cellsLogged(wb, sheetId, writes, () => {
      for (const w of writes) cache.maps.cells.set(cellKey(w.rowId, w.colId), w.value);
    });
  });
  return newOnes;
};
