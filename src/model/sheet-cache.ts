/**
 * In-memory indexes over one sheet's maps: ordered rows, ordered columns, layout slots. Never
 * written to Yjs. Every value comes out through a checker of src/schema/stored: a column, rule or
 * chart that cannot be used is left out, a cell value of the wrong shape reads as empty.
 */
import * as Y from 'yjs';
import { cellKey, layoutColumns, type SheetMaps } from './layout.ts';
import { compareKeyed, type Keyed } from './order-keys.ts';
import type { Chart } from '../schema/chart-types.ts';
import { chartReader } from './chart-support.ts';
import { readColumn } from '../schema/stored/read-column.ts';
import { readRule } from '../schema/stored/read-rule.ts';
import { FALLBACK_ORDER } from '../schema/stored/read-sheet.ts';
import { isStoredCell } from '../schema/stored/stored-cell.ts';
import type { CellValue, Column, Rule } from '../schema/types.ts';

/** Finds where `item` belongs in `sorted` (first index whose entry sorts after it). */
const insertionPoint = (sorted: readonly Keyed[], item: Keyed): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = sorted[mid];
    if (m && compareKeyed(m, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** A row's order key as stored, or the fallback (a key that is not text cannot be compared safely). */
const rowKey = (stored: unknown): string => (typeof stored === 'string' ? stored : FALLBACK_ORDER);

const setFormula = (index: Map<string, Map<string, string>>, rowId: string, colId: string, f: string): void => {
  let row = index.get(rowId);
  if (!row) index.set(rowId, (row = new Map()));
  row.set(colId, f);
};

/** Indexes of one sheet, rebuilt lazily and patched in place for small changes. */
export class SheetCache {
  private sorted: Keyed[] | null = null;
  private ids: string[] | null = null;
  private index: Map<string, number> | null = null;
  private cols: Keyed[] | null = null;
  private colList: Column[] | null = null;
  // Read for every painted cell (alerts), so kept until a rule changes.
  private ruleList: Rule[] | null = null;
  private slots = new Map<string, Map<string, number> | null>();
  // Cells holding their own formula, by row: built on first use, then kept up to date by change.
  private formulas: Map<string, Map<string, string>> | null = null;

  constructor(
    readonly id: string,
    readonly maps: SheetMaps,
  ) {}

  /** Rows whose existence or order key changed; small batches are patched, large ones rebuild. */
  rowsChanged(changed: Iterable<string>, size: number): void {
    this.ids = null;
    this.index = null;
    if (!this.sorted) return;
    if (size > 256) {
      this.sorted = null;
      return;
    }
    const set = new Set(changed);
    const kept = this.sorted.filter((k) => !set.has(k.id));
    for (const id of set) {
      if (!this.maps.rows.has(id)) continue;
      const item = { id, key: rowKey(this.maps.rowOrder.get(id)) };
      kept.splice(insertionPoint(kept, item), 0, item);
    }
    this.sorted = kept;
  }

  columnsChanged(): void {
    this.cols = null;
    this.colList = null;
  }

  /** A layout was written (by anyone): slots are looked up again. */
  layoutsChanged(): void {
    this.slots.clear();
  }

  /** Rows with their order keys, in order. */
  keyedRows(): readonly Keyed[] {
    if (!this.sorted) {
      const out: Keyed[] = [];
      const order = this.maps.rowOrder;
      for (const id of this.maps.rows.keys()) out.push({ id, key: rowKey(order.get(id)) });
      out.sort(compareKeyed);
      this.sorted = out;
    }
    return this.sorted;
  }

  /** How many rows: the ordered list's length when it is kept (counting the shared map's entries is O(n)). */
  rowCount(): number {
    return this.sorted ? this.sorted.length : this.maps.rows.size;
  }

  /** Row ids in order. */
  rowIds(): readonly string[] {
    if (!this.ids) this.ids = this.keyedRows().map((k) => k.id);
    return this.ids;
  }

  /** Position of a row (0-based), or -1. */
  rowIndex(rowId: string): number {
    if (!this.index) {
      const index = new Map<string, number>();
      this.rowIds().forEach((id, i) => index.set(id, i));
      this.index = index;
    }
    return this.index.get(rowId) ?? -1;
  }

  /** Columns with their order keys, in order (those that cannot be read left out). */
  keyedColumns(): Keyed[] {
    this.columns();
    return [...(this.cols ?? [])];
  }

  /** Columns in order. */
  columns(): readonly Column[] {
    if (!this.colList) {
      const list: { col: Column; key: string }[] = [];
      this.maps.columns.forEach((m: unknown, id: string) => {
        if (!(m instanceof Y.Map)) return;
        const stored = readColumn(id, (k) => (m as Y.Map<unknown>).get(k)).value;
        if (stored) list.push({ col: stored.column, key: stored.order });
      });
      list.sort((a, b) => compareKeyed({ id: a.col.id, key: a.key }, { id: b.col.id, key: b.key }));
      this.cols = list.map((x) => ({ id: x.col.id, key: x.key }));
      this.colList = list.map((x) => x.col);
    }
    return this.colList;
  }

  /** Alert rules, by name. */
  rules(): readonly Rule[] {
    if (!this.ruleList) {
      const out: Rule[] = [];
      this.maps.rules.forEach((r, id) => {
        const rule = readRule(id, r).value;
        if (rule) out.push(rule);
      });
      this.ruleList = out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    }
    return this.ruleList;
  }

  /** Rules were added, changed or removed. */
  rulesChanged(): void {
    this.ruleList = null;
  }

  /** Charts, by title. */
  charts(): Chart[] {
    const out: Chart[] = [];
    this.maps.charts?.forEach((c, id) => {
      const chart = chartReader()(id, c).value;
      if (chart) out.push(chart);
    });
    return out.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Array slot of a column in a base row record of the given layout (after the layout id), or undefined. */
  slot(layoutId: unknown, colId: string): number | undefined {
    if (typeof layoutId !== 'string') return undefined;
    let s = this.slots.get(layoutId);
    if (s === undefined) {
      const layout = layoutColumns(this.maps.layouts.get(layoutId));
      // A layout that is not there yet may come with a later update: only a damaged one is remembered.
      if (!layout) {
        if (this.maps.layouts.has(layoutId)) this.slots.set(layoutId, null);
        return undefined;
      }
      const m = new Map<string, number>();
      layout.forEach((c, i) => m.set(c, i + 1));
      this.slots.set(layoutId, m);
      s = m;
    }
    return s?.get(colId);
  }

  /**
   * Calls `fn` with every stored non-empty value of the columns `colIds` (row order not kept): one
   * pass over the rows as inserted, then over the cells edited since. Much faster than reading a
   * column cell by cell, for scans that look for a few cells among many (formulas, a key).
   */
  forEachStored(colIds: ReadonlySet<string>, fn: (rowId: string, colId: string, value: CellValue) => void): void {
    const { rows, cells, layouts } = this.maps;
    const slotsOf = new Map<unknown, (string | undefined)[] | null>();
    rows.forEach((rec, rowId) => {
      if (!Array.isArray(rec)) return;
      let slots = slotsOf.get(rec[0]);
      if (slots === undefined) {
        const layout = typeof rec[0] === 'string' ? layoutColumns(layouts.get(rec[0])) : undefined;
        slots = layout ? layout.map((c) => (colIds.has(c) ? c : undefined)) : null;
        slotsOf.set(rec[0], slots);
      }
      if (!slots) return;
      for (let i = 0; i < slots.length; i++) {
        const colId = slots[i];
        if (colId === undefined) continue;
        const v: unknown = rec[i + 1];
        if (v === null || v === undefined || !isStoredCell(v) || cells.has(cellKey(rowId, colId))) continue;
        fn(rowId, colId, v);
      }
    });
    cells.forEach((v, key) => {
      const at = key.indexOf(' ');
      const rowId = key.slice(0, at);
      const colId = key.slice(at + 1);
      if (!colIds.has(colId) || v === null || !isStoredCell(v) || !rows.has(rowId)) return;
      fn(rowId, colId, v);
    });
  }

  /**
   * Every cell holding its own formula (row id → column id → stored formula). The first call
   * reads the sheet once; after that the changes keep it (`formulaCellsChanged`), so a check
   * before a delete costs a walk over a few entries, not over every cell.
   */
  formulaCells(): ReadonlyMap<string, ReadonlyMap<string, string>> {
    if (!this.formulas) {
      const index = new Map<string, Map<string, string>>();
      this.forEachStored(new Set(this.columns().map((c) => c.id)), (rowId, colId, v) => {
        if (v !== null && typeof v === 'object' && 'f' in v) setFormula(index, rowId, colId, v.f);
      });
      this.formulas = index;
    }
    return this.formulas;
  }

  /** Keeps the formula index (when built) in step with changed cells and rows; many new rows drop it. */
  formulaCellsChanged(cells: ReadonlyMap<string, ReadonlySet<string>>, rowsAdded: ReadonlySet<string>, rowsRemoved: ReadonlySet<string>): void {
    const index = this.formulas;
    if (!index) return;
    if (rowsAdded.size > 256) {
      this.formulas = null;
      return;
    }
    for (const rowId of rowsRemoved) index.delete(rowId);
    const recheck = (rowId: string, colId: string) => {
      const v = this.maps.rows.has(rowId) ? this.cell(rowId, colId) : null;
      if (v !== null && typeof v === 'object' && 'f' in v) setFormula(index, rowId, colId, v.f);
      else index.get(rowId)?.delete(colId);
    };
    for (const rowId of rowsAdded) for (const c of this.columns()) recheck(rowId, c.id);
    for (const [rowId, colIds] of cells) for (const colId of colIds) recheck(rowId, colId);
  }

  /** The stored value of a cell: the overlay if edited since insert, else the inserted value. */
  cell(rowId: string, colId: string): CellValue {
    const edited = this.maps.cells.get(cellKey(rowId, colId));
    if (edited !== undefined) return isStoredCell(edited) ? edited : null;
    return this.baseCell(rowId, colId);
  }

  /** The value a cell's row was added with (whatever was edited since). */
  baseCell(rowId: string, colId: string): CellValue {
    const rec = this.maps.rows.get(rowId);
    if (!Array.isArray(rec)) return null;
    const at = this.slot(rec[0], colId);
    if (at === undefined) return null;
    const v: unknown = rec[at];
    return v !== undefined && isStoredCell(v) ? v : null;
  }
}
