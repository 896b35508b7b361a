/**
 * The computed values of a sheet's columns as its charts read them, kept between redraws and
 * patched cell by cell after an edit or a recalculation. Reading a 100k-row column through the
 * engine costs tens of milliseconds; a chart redrawn after one edit should not pay that for every
 * column it uses. Everything that moves rows, changes a column or swaps the engine drops what is kept.
 */
import type { Workbook } from '../../model/index.ts';
import { type ComputedValue } from '../../schema/computed-value.ts';
import type { CalcService, SheetRepaint } from '../calc-service.ts';
import { sheetShape } from '../sheet-shape.ts';

/** Patching more cells than this at once costs more than reading their columns again. */
const PATCH_LIMIT = 5_000;

/** How the kept values are read and patched. */
export interface ValueReader {
  column(colId: string): readonly ComputedValue[];
  cell(rowId: string, colId: string): ComputedValue;
  /** Position of a row, or -1. */
  rowIndex(rowId: string): number;
}

/** Kept column values of one sheet. */
export class SheetValues {
  private readonly cols = new Map<string, ComputedValue[]>();

  constructor(private readonly read: ValueReader) {}

  /** The column's values in row order (read once, then kept). */
  values(colId: string): readonly ComputedValue[] {
    let v = this.cols.get(colId);
    if (!v) {
      v = [...this.read.column(colId)];
      this.cols.set(colId, v);
    }
    return v;
  }

  /** Cells whose value changed (row id → column ids). */
  cellsChanged(cells: ReadonlyMap<string, ReadonlySet<string>>): void {
    let count = 0;
    for (const cols of cells.values()) count += cols.size;
    if (count > PATCH_LIMIT) {
      for (const cols of cells.values()) for (const c of cols) this.cols.delete(c);
      return;
    }
    for (const [rowId, cols] of cells) {
      const i = this.read.rowIndex(rowId);
      for (const c of cols) {
        const kept = this.cols.get(c);
        if (!kept) continue;
        if (i < 0 || i >= kept.length) this.cols.delete(c);
        else kept[i] = this.read.cell(rowId, c);
      }
    }
  }

  /** Whole columns changed (retyped, a new formula, a column-wide recalculation). */
  columnsChanged(colIds: Iterable<string>): void {
    for (const c of colIds) this.cols.delete(c);
  }

  /** Rows added, removed or moved, or a new engine: nothing kept is right any more. */
  clear(): void {
    this.cols.clear();
  }
}

/** What the kept values follow: the workbook's changes and the engine, looked up on each use (it is replaced once loaded). */
export interface ValuesHost {
  readonly wb: Workbook;
  readonly calc: CalcService;
}

interface Shared {
  values: SheetValues;
  users: number;
  calc: CalcService;
  stop: () => void;
}

const shared = new WeakMap<ValuesHost, Map<string, Shared>>();

const subscribe = (app: ValuesHost, sheetId: string, values: SheetValues): (() => void) => {
  const offChange = app.wb.onChange((c) => {
    const s = c.sheets.get(sheetId);
    if (!s) return;
    if (s.added || s.removed || s.rowsAdded.size + s.rowsRemoved.size + s.rowsMoved.size > 0) values.clear();
    else {
      if (s.columns.size > 0) values.columnsChanged(s.columns.keys());
      if (s.cells.size > 0) values.cellsChanged(s.cells);
    }
  });
  const offRecalc = app.calc.onRecalc((changed) => {
    const r: SheetRepaint | undefined = changed.get(sheetId);
    if (!r) return;
    if (r.all) values.clear();
    if (r.columns) values.columnsChanged(r.columns);
    if (r.cells) values.cellsChanged(r.cells);
  });
  return () => {
    offChange();
    offRecalc();
  };
};

/**
 * The kept values of a sheet, shared by its charts; call `release` when done with them. The
 * engine is looked up on each use: once it is replaced, everything is read again from the new one.
 */
export const useSheetValues = (app: ValuesHost, sheetId: string): { values: (colId: string) => readonly ComputedValue[]; release: () => void } => {
  let bySheet = shared.get(app);
  if (!bySheet) shared.set(app, (bySheet = new Map()));
  const map = bySheet;
  let entry = map.get(sheetId);
  if (!entry) {
    const values = new SheetValues({
      column: (c) => app.calc.columnValues(sheetId, c),
      cell: (r, c) => app.calc.value(sheetId, r, c),
      rowIndex: (r) => sheetShape(app.wb, app.calc, sheetId).rowIndex(r),
    });
    entry = { values, users: 0, calc: app.calc, stop: subscribe(app, sheetId, values) };
    map.set(sheetId, entry);
  }
  const e = entry;
  e.users++;
  let released = false;
  return {
    values: (colId) => {
      if (e.calc !== app.calc) {
        e.stop();
        e.values.clear();
        e.calc = app.calc;
        e.stop = subscribe(app, sheetId, e.values);
      }
      return e.values.values(colId);
    },
    release: () => {
      if (released) return;
      released = true;
      if (--e.users > 0) return;
      e.stop();
      map.delete(sheetId);
    },
  };
};
