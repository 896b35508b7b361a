/**
 * Setting a damaged entry right (see damage-watch.ts): each repair is one transaction of this
 * replica, so it syncs to everyone like any edit and can be undone. `reset` writes the default in
 * place of each wrong part (the parts that read well stay as they are); `remove` deletes the entry.
 */
import * as Y from 'yjs';
import { DamageWatch } from './damage-watch.ts';
import { cellsLogged } from './history-ops.ts';
import { cellKey, childMap, layoutColumns, SHEET_PARTS, splitCellKey } from './layout.ts';
import { planKeys } from './order-keys.ts';
import { layoutFor } from './row-ops.ts';
import type { DamagedEntry, RepairAction } from '../schema/stored/damaged-entry.ts';
import { readChart } from '../schema/stored/read-chart.ts';
import { readColumn } from '../schema/stored/read-column.ts';
import { readLogEntry } from '../schema/stored/read-log-entry.ts';
import { readRule } from '../schema/stored/read-rule.ts';
import { readSettings } from '../schema/stored/read-settings.ts';
import { readSheetMeta } from '../schema/stored/read-sheet.ts';
import { readTile } from '../schema/stored/read-tile.ts';
import { isOrderKey } from '../schema/stored/order-key.ts';
import { isStoredCell } from '../schema/stored/stored-cell.ts';
import { COLUMN_TYPES, isCellFormula, type CellValue, type ColumnType } from '../schema/types.ts';
import { cellProblem } from '../schema/stored/cell-problem.ts';
import { convertValue } from '../schema/values.ts';
import { OperationError } from '../schema/errors.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** Which entry to repair: as the "needs repair" list names it. */
export type RepairTarget = Pick<DamagedEntry, 'kind' | 'id' | 'sheetId'>;

/** A fresh order key for an item shown at `index` among `others` (its neighbours). */
const keyAt = (others: readonly { id: string; key: string }[], index: number): string =>
  planKeys(others, Math.max(0, Math.min(others.length, index)), 1).keys[0] ?? 'a0';

const hasProblemAt = (problems: readonly { field: string }[], field: string): boolean => problems.some((p) => p.field === field);

const resetSettings = (wb: WorkbookBase): void => {
  const s = wb.internals.settings;
  const { value } = readSettings((k) => s.get(k));
  s.set('name', value.name);
  s.set('currency', value.currency);
  s.set('locale', value.locale);
  if (value.region !== undefined) s.set('region', value.region);
  else if (s.has('region')) s.delete('region');
};

const removeSheet = (wb: WorkbookBase, sheetId: string): void => {
  const dash = wb.internals.dashboard;
  for (const [id, t] of [...dash.entries()]) if (readTile(id, t).value?.tile.sheetId === sheetId) dash.delete(id);
  wb.internals.sheets.delete(sheetId);
  wb.dropCache(sheetId);
};

const resetSheet = (wb: WorkbookBase, sheetId: string): void => {
  const m = childMap(wb.internals.sheets, sheetId);
  const read = m && readSheetMeta(sheetId, (k) => m.get(k));
  if (!m || !read?.value) return removeSheet(wb, sheetId);
  const { info } = read.value;
  m.set('name', info.name);
  m.set('kind', info.kind);
  if (info.labels) m.set('labels', info.labels);
  else if (m.has('labels')) m.delete('labels');
  // A view sheet's formula that cannot be read goes: the sheet then asks for one in the formula bar.
  if (info.formula !== undefined) m.set('formula', info.formula);
  else if (m.has('formula')) m.delete('formula');
  if (hasProblemAt(read.problems, 'order')) {
    const others = wb.keyedSheets().filter((k) => k.id !== sheetId);
    m.set('order', keyAt(others, others.length));
  }
  const lostOrder = !(m.get('rowOrder') instanceof Y.Map);
  for (const part of [...SHEET_PARTS, 'charts']) if (!(m.get(part) instanceof Y.Map)) m.set(part, new Y.Map());
  wb.dropCache(sheetId);
  // Rows whose order keys were lost get new ones, in the order they show in now (by id).
  if (lostOrder) {
    const cache = wb.cache(sheetId);
    const ids = cache.rowIds();
    const keys = planKeys([], 0, ids.length).keys;
    ids.forEach((id, i) => cache.maps.rowOrder.set(id, keys[i] ?? 'a0'));
    cache.rowsChanged(ids, ids.length);
  }
};

const removeColumn = (wb: WorkbookBase, sheetId: string, colId: string): void => {
  const cache = wb.cache(sheetId);
  const suffix = ` ${colId}`;
  for (const key of [...cache.maps.cells.keys()]) if (key.endsWith(suffix)) cache.maps.cells.delete(key);
  cache.maps.columns.delete(colId);
  cache.columnsChanged();
};

const resetColumn = (wb: WorkbookBase, sheetId: string, colId: string): void => {
  const cache = wb.cache(sheetId);
  const m = childMap(cache.maps.columns, colId);
  if (!m) return removeColumn(wb, sheetId, colId);
  const typeOk = (COLUMN_TYPES as readonly unknown[]).includes(m.get('type'));
  const read = readColumn(colId, (k) => (k === 'type' && !typeOk ? guessType(wb, sheetId, colId) : m.get(k)));
  if (!read.value) return removeColumn(wb, sheetId, colId);
  const { column } = read.value;
  m.set('name', column.name);
  m.set('type', column.type);
  m.set('options', column.options);
  if (column.formula !== undefined) m.set('formula', column.formula);
  else if (m.has('formula')) m.delete('formula');
  if (column.labels) m.set('labels', column.labels);
  else if (m.has('labels')) m.delete('labels');
  if (hasProblemAt(read.problems, 'order')) {
    const others = cache.keyedColumns().filter((k) => k.id !== colId);
    m.set('order', keyAt(others, others.length));
  }
  cache.columnsChanged();
};

/**
 * The type for a column whose stored type is unknown: the one its values fit (numbers, dates,
 * true/false), else text, which shows any value. (Whether numbers were amounts of money is not
 * known any more: they become plain numbers.)
 */
const guessType = (wb: WorkbookBase, sheetId: string, colId: string): ColumnType => {
  const cache = wb.cache(sheetId);
  const values = cache.rowIds().map((r) => cache.cell(r, colId)).filter((v) => v !== null && !isCellFormula(v));
  if (values.length === 0) return 'text';
  for (const type of ['number', 'date', 'boolean'] as const) if (values.every((v) => cellProblem({ type }, v) === null)) return type;
  return 'text';
};

const removeRow = (wb: WorkbookBase, sheetId: string, rowId: string): void => {
  const cache = wb.cache(sheetId);
  cache.maps.rows.delete(rowId);
  cache.maps.rowOrder.delete(rowId);
  for (const col of cache.columns()) if (cache.maps.cells.has(cellKey(rowId, col.id))) cache.maps.cells.delete(cellKey(rowId, col.id));
  cache.rowsChanged([rowId], 1);
};

const resetRow = (wb: WorkbookBase, sheetId: string, rowId: string): void => {
  const cache = wb.cache(sheetId);
  const rec = cache.maps.rows.get(rowId);
  if (!Array.isArray(rec) || typeof rec[0] !== 'string' || !layoutColumns(cache.maps.layouts.get(rec[0]))) {
    // The values it was added with cannot be read: it keeps its edited cells and is otherwise empty.
    const cols = cache.columns().map((c) => c.id);
    cache.maps.rows.set(rowId, [layoutFor(wb, cache, cols), ...cols.map((): CellValue => null)]);
  }
  if (!isOrderKey(cache.maps.rowOrder.get(rowId))) {
    const keyed = cache.keyedRows();
    const at = keyed.findIndex((k) => k.id === rowId);
    cache.maps.rowOrder.set(rowId, keyAt(keyed.filter((k) => k.id !== rowId), at < 0 ? keyed.length : at));
  }
  cache.rowsChanged([rowId], 1);
};

/** A cell of the wrong shape is cleared; one of another kind than its column's is converted when it can be, else cleared. */
const resetCell = (wb: WorkbookBase, sheetId: string, key: string): void => {
  const cache = wb.cache(sheetId);
  const [rowId, colId] = splitCellKey(key);
  const col = wb.column(sheetId, colId);
  if (!col || !cache.maps.rows.has(rowId)) return;
  const edited = cache.maps.cells.get(key);
  const stored = edited !== undefined ? edited : rawBase(wb, sheetId, rowId, colId);
  const value: CellValue = isStoredCell(stored) && typeof stored !== 'object' ? (convertValue(stored, col) ?? null) : null;
  cellsLogged(wb, sheetId, [{ rowId, colId, value }], () => cache.maps.cells.set(key, value));
};

/** The value a row was added with for a column, unchecked (to tell what a reset converts). */
const rawBase = (wb: WorkbookBase, sheetId: string, rowId: string, colId: string): unknown => {
  const cache = wb.cache(sheetId);
  const rec = cache.maps.rows.get(rowId);
  if (!Array.isArray(rec)) return null;
  const at = cache.slot(rec[0], colId);
  return at === undefined ? null : rec[at];
};

const recordMap = (wb: WorkbookBase, kind: 'rule' | 'chart', sheetId: string): Y.Map<unknown> | undefined =>
  kind === 'rule' ? wb.cache(sheetId).maps.rules : wb.cache(sheetId).maps.charts;

const repairRecord = (wb: WorkbookBase, kind: 'rule' | 'chart', sheetId: string, id: string, action: RepairAction): void => {
  const map = recordMap(wb, kind, sheetId);
  if (!map) return;
  const value = kind === 'rule' ? readRule(id, map.get(id)).value : readChart(id, map.get(id)).value;
  if (action === 'remove' || !value) {
    map.delete(id);
    if (kind === 'chart' && wb.internals.dashboard.has(id)) wb.internals.dashboard.delete(id);
  } else {
    const { id: _id, ...rest } = value;
    // Through JSON, as setChart stores a chart: fields left undefined are not stored.
    map.set(id, JSON.parse(JSON.stringify(rest)) as unknown);
  }
  if (kind === 'rule') wb.cache(sheetId).rulesChanged();
};

const repairTile = (wb: WorkbookBase, chartId: string, action: RepairAction): void => {
  const dash = wb.internals.dashboard;
  const read = readTile(chartId, dash.get(chartId));
  if (action === 'remove' || !read.value) {
    dash.delete(chartId);
    return;
  }
  const { tile } = read.value;
  const order = hasProblemAt(read.problems, 'order') ? 'a0' : read.value.order;
  dash.set(chartId, { sheetId: tile.sheetId, order, w: tile.w, h: tile.h });
};

const removeHistory = (wb: WorkbookBase, id: string): void => {
  if (id.startsWith('seen ')) {
    wb.log.seen.delete(id.slice('seen '.length));
    return;
  }
  const i = Number(id.slice('entry '.length));
  // Only while that place still holds an entry that cannot be read (the log may have changed since).
  if (Number.isInteger(i) && i >= 0 && i < wb.log.edits.length && !readLogEntry(wb.log.edits.get(i)).value) wb.log.edits.delete(i, 1);
};

/** Applies one repair inside the caller's transaction. */
const apply = (wb: WorkbookBase, target: RepairTarget, action: RepairAction): void => {
  const { kind, id, sheetId } = target;
  if (kind === 'settings') return resetSettings(wb);
  if (kind === 'tile') return repairTile(wb, id, action);
  if (kind === 'history') return removeHistory(wb, id);
  if (sheetId === undefined) return;
  if (kind === 'sheet') return action === 'remove' ? removeSheet(wb, sheetId) : resetSheet(wb, sheetId);
  if (!wb.hasSheet(sheetId)) return;
  switch (kind) {
    case 'column':
      return action === 'remove' ? removeColumn(wb, sheetId, id) : resetColumn(wb, sheetId, id);
    case 'row':
      return action === 'remove' ? removeRow(wb, sheetId, id) : resetRow(wb, sheetId, id);
    case 'cell':
      return resetCell(wb, sheetId, id);
    case 'rule':
    case 'chart':
      return repairRecord(wb, kind, sheetId, id, action);
  }
};

/**
 * Repairs one damaged entry, as one edit of this replica (synced, undoable). Throws OperationError
 * when the action does not apply to it, and ReadOnlyError for a viewer.
 */
export const repairEntry = (wb: WorkbookBase, entry: RepairTarget & Pick<DamagedEntry, 'repairs'>, action: RepairAction): void => {
  if (!entry.repairs.includes(action)) throw new OperationError(`This entry cannot be repaired by "${action}".`);
  wb.transact(() => apply(wb, entry, action));
};

/** Passes of "repair all": a sheet that was hidden shows after its repair, with damage of its own. */
const PASSES = 3;

const damageNow = (wb: WorkbookBase): DamagedEntry[] => {
  const watch = new DamageWatch(wb);
  const { entries } = watch.report(Number.MAX_SAFE_INTEGER);
  watch.dispose();
  return entries;
};

/** Repairs every damaged entry with its first repair, as one edit; returns how many entries it repaired. */
export const repairAll = (wb: WorkbookBase): number => {
  let repaired = 0;
  wb.transact(() => {
    for (let pass = 0; pass < PASSES; pass++) {
      const entries = damageNow(wb);
      if (entries.length === 0) return;
      const removedSheets = new Set(entries.filter((e) => e.kind === 'sheet' && e.repairs[0] === 'remove').map((e) => e.sheetId));
      // History entries go last to first, so that each removal leaves the places of the others as found.
      const history = entries.filter((e) => e.kind === 'history').sort((a, b) => historyPlace(b) - historyPlace(a));
      for (const e of [...entries.filter((x) => x.kind !== 'history'), ...history]) {
        const action = e.repairs[0];
        if (action === undefined || (e.kind !== 'sheet' && e.sheetId !== undefined && removedSheets.has(e.sheetId))) continue;
        apply(wb, e, action);
      }
      repaired += entries.length;
    }
  });
  return repaired;
};

/** A history entry's place in the log (seen marks, which have none, count as -1). */
const historyPlace = (e: RepairTarget): number => (e.id.startsWith('entry ') ? Number(e.id.slice('entry '.length)) : -1);
