/**
 * View sheets in the engine. A view sheet's rows are the live result of one table formula over
 * other sheets; the engine computes that formula as one hidden cell of the view sheet (so it is
 * recomputed, like any cell, when what it reads changes) and reads the view's columns and rows
 * from the array it gives. Nothing of it is ever written to the workbook.
 */
import { isViewSheet } from '../../schema/types.ts';
import type { Catalog } from '../catalog.ts';
import { FormulaError, isError } from '../errors.ts';
import { msg } from '../messages.ts';
import { STEP_COST } from '../limits.ts';
import { isArray, type Scalar, type Table } from '../values.ts';
import { arrayResult, type ResultColumn } from './array-result.ts';
import { CLEAN, ColumnState } from './column-state.ts';
import type { CompiledFormula } from './compiled-formula.ts';
import type { Core } from './core.ts';
import { SheetState } from './sheet-state.ts';

/** The hidden row and column of a view sheet that hold its formula. */
export const VIEW_CELL = '\u0001view';

/** One column of a view sheet: an id stable across recomputations, and its type and source column. */
export interface ViewColumn extends ResultColumn {
  id: string;
}

/** What a view sheet shows: its columns, its rows (ids stable while the source rows live), or why it cannot. */
export interface ViewResult {
  columns: readonly ViewColumn[];
  rowIds: readonly string[];
  /** The value at row `r`, column `c` (0-based). */
  at(r: number, c: number): Scalar;
  /** The position of a row id, or -1. */
  rowIndex(rowId: string): number;
  /** Why the view shows no rows: its formula gives an error (a deleted source, a formula that no longer fits). */
  error?: FormulaError;
}

/** What the views need of the engine. */
export interface ViewHost {
  readonly core: Core;
  readonly catalog: Catalog;
  /** Compiles a stored formula of a sheet: a view's has no row and gives an array. */
  compile(stored: string, sheetId: string, colId: string, result: 'array', row: false): CompiledFormula;
}

/** The formula of a view sheet whose stored one cannot be read (written by another client): it shows why. */
const unreadable = (stored: string): CompiledFormula => {
  const broken = new FormulaError('#VALUE!', msg('view.noFormula'));
  return { stored, type: 'error', orText: false, run: () => broken, sameRow: [], usesToday: false, broken, depth: 1, steps: STEP_COST.cell };
};

/** Ids for the view's columns: a source column's own id when it appears once, else its place. */
const columnIds = (columns: readonly ResultColumn[]): string[] => {
  const count = new Map<string, number>();
  for (const c of columns) if (c.from) count.set(c.from.colId, (count.get(c.from.colId) ?? 0) + 1);
  return columns.map((c, i) => (c.from && count.get(c.from.colId) === 1 ? c.from.colId : `c${i + 1}`));
};

/** The view sheets of one engine. */
export class ViewSheets {
  private readonly cells = new Map<string, ColumnState>();
  private readonly kept = new Map<string, { array: unknown; result: ViewResult }>();

  constructor(private readonly host: ViewHost) {}

  /** True when `sheetId` is a view sheet the engine computes. */
  has(sheetId: string): boolean {
    return this.cells.has(sheetId);
  }

  /** Adds the hidden cell of every view sheet of the catalog (on a rebuild, after the sheets' own columns). */
  build(): void {
    this.cells.clear();
    this.kept.clear();
    for (const s of this.host.catalog.sheets()) if (isViewSheet(s)) this.add(s.id);
  }

  /** Adds the hidden cell of view sheet `sheetId` (its sheet state is made when missing) and marks it to compute. */
  add(sheetId: string): void {
    const { core, catalog } = this.host;
    const sheet = catalog.sheet(sheetId);
    if (!sheet) return;
    let st = core.sheets.get(sheetId);
    if (!st) {
      st = new SheetState(sheetId);
      core.sheets.set(sheetId, st);
      core.setSheetName(sheetId, catalog.displayName(sheet));
    }
    st.allocate(VIEW_CELL);
    st.setOrder([VIEW_CELL]);
    const stored = sheet.formula ?? '';
    const cs = new ColumnState(core.cols.length, st, { id: VIEW_CELL, name: catalog.displayName(sheet), type: 'text', options: {}, formula: stored });
    core.cols.push(cs);
    st.columns.set(VIEW_CELL, cs);
    cs.formula = this.compile(stored, sheetId);
    cs.loaded = true;
    this.cells.set(sheetId, cs);
    core.markColumnDirty(cs);
  }

  /** Forgets view sheet `sheetId` (deleted): its cell is computed no more. */
  remove(sheetId: string): void {
    const cs = this.cells.get(sheetId);
    if (!cs) return;
    const slot = cs.sheet.slotOf.get(VIEW_CELL);
    if (slot !== undefined) this.host.core.dropAccumulators(cs.instance(slot));
    cs.sheet.release(VIEW_CELL);
    cs.arrays.clear();
    this.host.core.sheets.delete(sheetId);
    this.cells.delete(sheetId);
    this.kept.delete(sheetId);
  }

  /** Takes a view sheet's new formula and marks its cell to compute again. */
  recompile(sheetId: string): void {
    const cs = this.cells.get(sheetId);
    const sheet = this.host.catalog.sheet(sheetId);
    const slot = cs?.sheet.slotOf.get(VIEW_CELL);
    if (!cs || !sheet || slot === undefined) return;
    cs.formula = this.compile(sheet.formula ?? '', sheetId);
    this.host.core.dropAccumulators(cs.instance(slot));
    cs.state[slot] = CLEAN;
    this.kept.delete(sheetId);
    this.host.core.markDirty(cs, slot);
  }

  private compile(stored: string, sheetId: string): CompiledFormula {
    return stored === '' ? unreadable(stored) : this.host.compile(stored, sheetId, VIEW_CELL, 'array', false);
  }

  /** Forgets what was read of every view (names of columns may have changed). */
  namesChanged(): void {
    this.kept.clear();
  }

  /** What view sheet `sheetId` shows now (computed first when its sources changed), or undefined for another sheet. */
  result(sheetId: string): ViewResult | undefined {
    const cs = this.cells.get(sheetId);
    const slot = cs?.sheet.slotOf.get(VIEW_CELL);
    if (!cs || slot === undefined) return undefined;
    const first = this.host.core.read(cs, slot);
    const array = cs.arrays.get(slot);
    const kept = this.kept.get(sheetId);
    if (kept && kept.array === (array ?? first)) return kept.result;
    const result = this.read(cs, array, first);
    this.kept.set(sheetId, { array: array ?? first, result });
    return result;
  }

  private read(cs: ColumnState, array: ReturnType<ColumnState['arrays']['get']>, first: Scalar): ViewResult {
    const f = cs.formula;
    const type = f?.checked?.type ?? { t: 'error' as const, list: true as const };
    if (!array || !isArray(array)) {
      const error = isError(first) ? first : new FormulaError('#VALUE!', msg('view.noTable'));
      const shape = f?.checked ? arrayResult([], type, (from) => this.host.catalog.columnName(from)).columns : [];
      const columns = shape.map((c, i) => ({ ...c, id: columnIds(shape)[i] ?? `c${i + 1}` }));
      return { columns, rowIds: [], at: () => null, rowIndex: () => -1, error };
    }
    const { table, columns: shape } = arrayResult(array, type, (from) => this.host.catalog.columnName(from));
    const ids = columnIds(shape);
    const columns = shape.map((c, i) => ({ ...c, id: ids[i] ?? `c${i + 1}` }));
    const { rowIds, rowIndex } = this.rows(table);
    return { columns, rowIds, at: (r, c) => table.at(r, c), rowIndex };
  }

  /**
   * The view's row ids: the source sheet's row ids when the rows come from one (a repeat numbered
   * "~2", "~3" …), else positions; and how to find a row by its id: a source row through the
   * source's slots (an array indexed by slot, not a map of 100,000 ids rebuilt with every
   * recomputation), others by a map.
   */
  private rows(table: Table): { rowIds: string[]; rowIndex: (rowId: string) => number } {
    const src = table.source ? this.host.core.sheets.get(table.source.sheetId) : undefined;
    const count = table.rowCount;
    const rowIds: string[] = new Array<string>(count);
    const bySlot = new Int32Array(src?.capacity ?? 0).fill(-1);
    const others = new Map<string, number>();
    for (let r = 0; r < count; r++) {
      const p = src ? table.sourceRow(r) : -1;
      const slot = src && p >= 0 ? (src.order[p] ?? -1) : -1;
      const id = slot >= 0 ? src?.rowAt[slot] : undefined;
      if (id === undefined) {
        rowIds[r] = `#${r + 1}`;
        others.set(`#${r + 1}`, r);
      } else if ((bySlot[slot] ?? -1) < 0) {
        rowIds[r] = id;
        bySlot[slot] = r;
      } else {
        let n = 2;
        while (others.has(`${id}~${n}`)) n++;
        rowIds[r] = `${id}~${n}`;
        others.set(rowIds[r] ?? '', r);
      }
    }
    const rowIndex = (id: string): number => {
      const slot = src?.slotOf.get(id);
      const r = slot === undefined ? -1 : (bySlot[slot] ?? -1);
      // A slot freed and given to another row since is not this row.
      return r >= 0 && rowIds[r] === id ? r : (others.get(id) ?? -1);
    };
    return { rowIds, rowIndex };
  }
}
