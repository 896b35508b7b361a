/**
 * Finding the damaged entries of a workbook, part by part: what the checkers of src/schema/stored
 * refused or replaced while reading. Pure reads; damage-watch.ts keeps the results up to date as
 * the document changes, and repair.ts sets an entry right.
 */
import * as Y from 'yjs';
import { layoutColumns, missingParts, splitCellKey } from './layout.ts';
import { isOrderKey } from '../schema/stored/order-key.ts';
import type { SheetCache } from './sheet-cache.ts';
import type { DamagedEntry, DamageKind, RepairAction } from '../schema/stored/damaged-entry.ts';
import { readChart } from '../schema/stored/read-chart.ts';
import { readColumn } from '../schema/stored/read-column.ts';
import { readLogEntry, readSeenMark } from '../schema/stored/read-log-entry.ts';
import type { StoredRead } from '../schema/stored/read-record.ts';
import { readRule } from '../schema/stored/read-rule.ts';
import { readSettings } from '../schema/stored/read-settings.ts';
import { readOrder, readSheetMeta } from '../schema/stored/read-sheet.ts';
import { readTile } from '../schema/stored/read-tile.ts';
import { cellProblem } from '../schema/stored/cell-problem.ts';
import { kindOf, shortText, type StoredProblem } from '../schema/stored/stored-problem.ts';
import type { Column } from '../schema/types.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** A damaged entry before its row number and sheet name are filled in (they change as rows move and sheets are renamed). */
export type FoundDamage = Omit<DamagedEntry, 'row' | 'sheet'>;

const entry = (
  kind: DamageKind,
  id: string,
  problems: StoredProblem[],
  hidden: boolean,
  repairs: RepairAction[],
  more: Partial<FoundDamage> = {},
): FoundDamage => ({ key: `${kind}\u0000${more.sheetId ?? ''}\u0000${id}`, kind, id, problems, hidden, repairs, ...more });

/** A name to show for a record that may be damaged: its read name, else its stored one when that is text. */
const nameOf = (read: string | undefined, stored: unknown): string | undefined =>
  read ?? (typeof stored === 'string' ? shortText(stored) : undefined);

/** The damaged parts of the workbook's settings (none, or one entry). */
export const settingsDamage = (wb: WorkbookBase): FoundDamage[] => {
  const { problems } = readSettings((k) => wb.internals.settings.get(k));
  return problems.length > 0 ? [entry('settings', 'settings', problems, false, ['reset'])] : [];
};

/** One sheet's own damage (its entry, identity and missing parts), or null when it reads cleanly. */
export const sheetDamage = (id: string, stored: unknown): FoundDamage | null => {
  if (!(stored instanceof Y.Map)) {
    return entry('sheet', id, [{ code: 'type', field: 'sheet', expected: 'record', got: kindOf(stored) }], true, ['remove'], { sheetId: id });
  }
  const m = stored as Y.Map<unknown>;
  const read = readSheetMeta(id, (k) => m.get(k));
  const missing = missingParts(m);
  const problems: StoredProblem[] = [...read.problems, ...missing.map((field): StoredProblem => ({ code: 'missing', field }))];
  if (problems.length === 0) return null;
  const hidden = read.value === undefined || missing.some((p) => p !== 'charts');
  // A sheet stored under a key that is not an id can only go.
  const repairs: RepairAction[] = read.value === undefined ? ['remove'] : ['reset', 'remove'];
  return entry('sheet', id, problems, hidden, repairs, { sheetId: id, name: nameOf(read.value?.info.name, m.get('name')) });
};

const recordDamage = <T,>(
  kind: 'rule' | 'chart',
  sheetId: string,
  map: Y.Map<unknown> | undefined,
  read: (id: string, stored: unknown) => StoredRead<T>,
  name: (value: T) => string,
  nameField: string,
): FoundDamage[] => {
  const out: FoundDamage[] = [];
  map?.forEach((stored, id) => {
    const r = read(id, stored);
    if (r.problems.length === 0) return;
    const raw = stored !== null && typeof stored === 'object' && Object.hasOwn(stored, nameField) ? (stored as Record<string, unknown>)[nameField] : undefined;
    out.push(entry(kind, id, r.problems, r.value === undefined, r.value === undefined ? ['remove'] : ['reset', 'remove'], { sheetId, name: nameOf(r.value === undefined ? undefined : name(r.value), raw) }));
  });
  return out;
};

/** The damaged columns, rules and charts of a sheet. */
export const sheetPartsDamage = (sheetId: string, cache: SheetCache): FoundDamage[] => {
  const out: FoundDamage[] = [];
  cache.maps.columns.forEach((stored, id) => {
    if (!(stored instanceof Y.Map)) {
      out.push(entry('column', id, [{ code: 'type', field: 'column', expected: 'record', got: kindOf(stored) }], true, ['remove'], { sheetId }));
      return;
    }
    const m = stored as Y.Map<unknown>;
    const r = readColumn(id, (k) => m.get(k));
    if (r.problems.length === 0) return;
    const repairs: RepairAction[] = r.value === undefined && r.problems.some((p) => p.code === 'badKey') ? ['remove'] : ['reset', 'remove'];
    out.push(entry('column', id, r.problems, r.value === undefined, repairs, { sheetId, name: nameOf(r.value?.column.name, m.get('name')) }));
  });
  out.push(...recordDamage('rule', sheetId, cache.maps.rules, readRule, (r) => r.name, 'name'));
  out.push(...recordDamage('chart', sheetId, cache.maps.charts, readChart, (c) => c.title, 'title'));
  return out;
};

/** What the cell-level scan of a sheet needs: its readable columns, and layouts read once per scan. */
export interface SheetScan {
  sheetId: string;
  cache: SheetCache;
  columns: readonly Column[];
  byId: ReadonlyMap<string, Column>;
  /** Layout id → the columns of each slot (undefined for a column that is not shown), or null when it cannot be read. */
  layouts: Map<string, (Column | undefined)[] | null>;
}

/** Starts the cell-level scan of a sheet. */
export const sheetScan = (sheetId: string, cache: SheetCache): SheetScan => {
  const columns = cache.columns();
  return { sheetId, cache, columns, byId: new Map(columns.map((c) => [c.id, c])), layouts: new Map() };
};

const slotsOf = (scan: SheetScan, layoutId: string): (Column | undefined)[] | null => {
  let slots = scan.layouts.get(layoutId);
  if (slots === undefined) {
    const layout = layoutColumns(scan.cache.maps.layouts.get(layoutId));
    slots = layout ? layout.map((c) => scan.byId.get(c)) : null;
    scan.layouts.set(layoutId, slots);
  }
  return slots;
};

/** The damage of one row: its stored record and order key, and each value it was added with that is wrong for its column. */
export const rowDamage = (scan: SheetScan, rowId: string): FoundDamage[] => {
  const { cache, sheetId } = scan;
  const rec = cache.maps.rows.get(rowId);
  const order = cache.maps.rowOrder.get(rowId);
  if (rec === undefined) return [];
  let out: FoundDamage[] | null = null;
  const slots = Array.isArray(rec) && typeof rec[0] === 'string' ? slotsOf(scan, rec[0]) : null;
  if (!slots || !isOrderKey(order)) {
    const problems: StoredProblem[] = [];
    if (!Array.isArray(rec)) problems.push({ code: 'type', field: 'values', expected: 'list', got: kindOf(rec) });
    else if (typeof rec[0] !== 'string') problems.push({ code: 'type', field: 'values[0]', expected: 'id', got: kindOf(rec[0]) });
    else if (!slots) problems.push({ code: 'missing', field: `layout ${shortText(rec[0])}` });
    if (order === undefined) problems.push({ code: 'missing', field: 'order' });
    else readOrder(problems, order);
    out = [entry('row', rowId, problems, false, ['reset', 'remove'], { sheetId })];
  }
  if (!slots || !Array.isArray(rec)) return out ?? [];
  for (let i = 0; i < slots.length; i++) {
    const col = slots[i];
    const v: unknown = rec[i + 1];
    // Fast path: most values are fine (the problem check itself is the slow one).
    if (!col || v === null || v === undefined || !cellProblem(col, v)) continue;
    const key = `${rowId} ${col.id}`;
    // A value edited since the row was added is the overlay's (checked as a cell of its own).
    if (cache.maps.cells.has(key)) continue;
    const found = cellDamage(scan, key, v);
    if (found) (out ??= []).push(found);
  }
  return out ?? [];
};

/** The damage of one edited cell (by overlay key), or null. */
export const cellDamage = (scan: SheetScan, key: string, stored: unknown): FoundDamage | null => {
  const [rowId, colId] = splitCellKey(key);
  const col = scan.byId.get(colId);
  if (!col || !scan.cache.maps.rows.has(rowId)) return null;
  const problem = cellProblem(col, stored);
  if (!problem) return null;
  // A value of the wrong shape reads as empty; one of another kind is shown as it is.
  const hidden = problem.code === 'type' && problem.expected === 'cellValue';
  return entry('cell', key, [problem], hidden, ['reset'], { sheetId: scan.sheetId, columnId: col.id, column: col.name });
};

/** Every damaged cell edited since its row was added. */
export const overlayDamage = (scan: SheetScan): FoundDamage[] => {
  const out: FoundDamage[] = [];
  scan.cache.maps.cells.forEach((stored, key) => {
    const found = cellDamage(scan, key, stored);
    if (found) out.push(found);
  });
  return out;
};

/** The damaged tiles of the dashboard. */
export const tileDamage = (wb: WorkbookBase): FoundDamage[] => {
  const out: FoundDamage[] = [];
  wb.internals.dashboard.forEach((stored, id) => {
    const r = readTile(id, stored);
    if (r.problems.length > 0) out.push(entry('tile', id, r.problems, r.value === undefined, r.value === undefined ? ['remove'] : ['reset', 'remove']));
  });
  return out;
};

/** The damaged entries of the cell history: log entries by position, seen marks by key. */
export const historyDamage = (wb: WorkbookBase): FoundDamage[] => {
  const out: FoundDamage[] = [];
  wb.log.edits.forEach((stored, i) => {
    const r = readLogEntry(stored);
    if (!r.value) out.push(entry('history', `entry ${i}`, r.problems, true, ['remove']));
  });
  wb.log.seen.forEach((stored, id) => {
    const r = readSeenMark(stored);
    if (!r.value) out.push(entry('history', `seen ${id}`, r.problems, true, ['remove']));
  });
  return out;
};
