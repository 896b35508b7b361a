/**
 * The texts find searches, kept per column between searches: each column's cells as one string
 * (every row's shown text, and its typed text when that differs, between separators), so one
 * search of 100k rows is a few regular-expression scans rather than a million calls to the
 * formatter. A column is read again only after something changed it: an edit (this person's, a
 * teammate's, an undo), a recalculation of its values, or a change of how values are shown.
 *
 * @example
 *   const index = new FindIndex(wb, calc);
 *   const stop = index.follow();          // while the find bar is open
 *   index.texts(sheetId, column, wb.rowIds(sheetId), false, format).text;
 */
import type { Workbook, WorkbookChange } from '../model/index.ts';
import type { ComputedValue } from '../schema/computed-value.ts';
import { formatValue, plainText, valueFormatter, type FormatContext } from '../schema/format-value.ts';
import type { Column } from '../schema/types.ts';
import { cellShownType, type CalcService, type SheetRepaint } from './calc-service.ts';

/** Ends a row's texts (and starts the first): no cell text holds it, so no match crosses a row. */
export const ROW_END = '\u0000';
/** Between a row's shown text and its typed text. */
export const TYPED_MARK = '\u0001';
const SEPARATORS = /[\u0000\u0001]/g;

/** One column's texts: `text` is ROW_END, then each row's texts followed by ROW_END; row i ends at `ends[i]`. */
export interface ColumnTexts {
  text: string;
  ends: Int32Array;
}

const formatKey = (f: FormatContext): string => `${f.mode ?? 'display'} ${f.locale} ${f.currency}`;

/** A cell's text with the separators taken out (they could otherwise join two cells into one match). */
const clean = (s: string): string => (s.includes(ROW_END) || s.includes(TYPED_MARK) ? s.replace(SEPARATORS, '\uFFFD') : s);

/** How one column's cells become text (built once per column, reused for the cells that change). */
type CellText = (rowId: string, value: ComputedValue) => string;

/** A column's texts: one per row, joined when searched; rows changed since are read again first. */
interface Entry {
  parts: string[];
  cellText: CellText;
  joined: ColumnTexts | null;
  dirty: Set<string>;
}

/** Past this share of a column's rows changed, the column is read again whole. */
const REREAD_SHARE = 8;

/** The texts of find, by sheet and column, built on first use and kept in step with edits and recalculations. */
export class FindIndex {
  private readonly sheets = new Map<string, Map<string, Entry>>();
  private shownAs = '';

  constructor(
    readonly wb: Workbook,
    readonly calc: CalcService,
  ) {}

  /** Keeps the index in step with the workbook and the engine; returns the function that stops it. */
  follow(): () => void {
    const offChange = this.wb.onChange((c) => this.changed(c));
    const offRecalc = this.calc.onRecalc((r) => this.recalculated(r));
    return () => {
      offChange();
      offRecalc();
    };
  }

  /**
   * The texts of one column of a sheet, in the order of `rowIds` (the sheet's rows, or a view
   * sheet's, whose cells are all computed: `isView`).
   */
  texts(sheetId: string, col: Column, rowIds: readonly string[], isView: boolean, format: FormatContext): ColumnTexts {
    const key = formatKey(format);
    if (key !== this.shownAs) {
      this.sheets.clear();
      this.shownAs = key;
    }
    let cols = this.sheets.get(sheetId);
    if (!cols) this.sheets.set(sheetId, (cols = new Map()));
    let e = cols.get(col.id);
    if (e && e.dirty.size > 0) {
      if (e.dirty.size * REREAD_SHARE > e.parts.length) e = undefined;
      else this.reread(sheetId, col.id, e);
    }
    if (!e) cols.set(col.id, (e = this.build(sheetId, col, rowIds, isView, format)));
    e.joined ??= joined(e.parts);
    return e.joined;
  }

  /** Forgets everything (the next search reads every column again). */
  clear(): void {
    this.sheets.clear();
  }

  /** Reads again the rows of a column that changed (a sheet with rows of its own: views are read whole). */
  private reread(sheetId: string, colId: string, e: Entry): void {
    for (const rowId of e.dirty) {
      const i = this.wb.hasSheet(sheetId) ? this.wb.rowIndex(sheetId, rowId) : -1;
      if (i >= 0 && i < e.parts.length) e.parts[i] = e.cellText(rowId, this.calc.value(sheetId, rowId, colId));
    }
    e.dirty.clear();
    e.joined = null;
  }

  private build(sheetId: string, col: Column, rowIds: readonly string[], isView: boolean, format: FormatContext): Entry {
    const values = this.calc.columnValues(sheetId, col.id);
    const cellText = this.cellTextOf(sheetId, col, isView, format);
    const parts: string[] = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) parts[i] = cellText(rowIds[i] ?? '', values[i] ?? null);
    return { parts, cellText, joined: null, dirty: new Set() };
  }

  private cellTextOf(sheetId: string, col: Column, isView: boolean, format: FormatContext): CellText {
    const { wb, calc } = this;
    const own = isView ? undefined : wb.formulaCells(sheetId);
    const input = !isView && col.formula === undefined;
    const perCell = col.options.formatLike !== undefined;
    const shown = valueFormatter(col, format, cellShownType(calc, sheetId, undefined, col));
    return (rowId, v) => {
      const formula = own?.get(rowId)?.get(col.id);
      // A cell's own formula: its result as shown, and the formula as it is typed.
      if (formula !== undefined) {
        return `${clean(formatValue(v, col, format, cellShownType(calc, sheetId, rowId, col)))}${TYPED_MARK}${clean(calc.display(formula, sheetId, format.locale))}`;
      }
      if (v === null) return '';
      const s = perCell ? formatValue(v, col, format, cellShownType(calc, sheetId, rowId, col)) : shown(v);
      if (typeof v === 'string') return clean(s);
      // The typed text of a number, a date or a tick (`1200` for `¥1,200.00`, `TRUE` for Yes).
      const typed = input && typeof v !== 'object' ? plainText(v, col.type) : s;
      return typed === s ? s : `${s}${TYPED_MARK}${typed}`;
    };
  }

  private dropColumns(sheetId: string, colIds: Iterable<string>): void {
    const cols = this.sheets.get(sheetId);
    if (cols) for (const id of colIds) cols.delete(id);
  }

  /** Marks cells to read again: row id → column ids. */
  private dirty(sheetId: string, cells: ReadonlyMap<string, ReadonlySet<string>>): void {
    const cols = this.sheets.get(sheetId);
    if (!cols) return;
    for (const [rowId, ids] of cells) for (const id of ids) cols.get(id)?.dirty.add(rowId);
  }

  private changed(c: WorkbookChange): void {
    // Names and types show in formulas and formats across sheets: read everything again.
    if (c.settings || c.sheetList) return this.clear();
    for (const [sheetId, s] of c.sheets) {
      if (s.added || s.removed || s.meta || s.view || s.columns.size > 0) return this.clear();
      if (s.rowsAdded.size + s.rowsRemoved.size + s.rowsMoved.size > 0) this.sheets.delete(sheetId);
      else this.dirty(sheetId, s.cells);
    }
  }

  private recalculated(r: ReadonlyMap<string, SheetRepaint>): void {
    for (const [sheetId, s] of r) {
      if (s.all || s.rows) {
        this.sheets.delete(sheetId);
        continue;
      }
      if (s.columns) this.dropColumns(sheetId, s.columns);
      if (s.cells) this.dirty(sheetId, s.cells);
    }
  }
}

/** A column's texts as one string: each row's followed by ROW_END, the first preceded by it. */
const joined = (parts: readonly string[]): ColumnTexts => {
  const ends = new Int32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    at += (parts[i]?.length ?? 0) + 1;
    ends[i] = at;
  }
  return { text: `${ROW_END}${parts.join(ROW_END)}${ROW_END}`, ends };
};
