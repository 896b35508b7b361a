/**
 * The texts find searches, kept per column between searches: each column's cells as one string
 * (every row's shown text, and its typed text when that differs, between separators), so one
 * search of 100k rows is a few regular-expression scans rather than a million calls to the
 * formatter. A column is read whole on first use (`texts`), or a part at a time by the background
 * build (`readSome`, find-build.ts) while searches look at what is read so far (`soFar`). A
 * column is read again only after something changed it: an edit (this person's, a teammate's, an
 * undo), a recalculation of its values, or a change of how values are shown; following those only
 * marks what to read again, so it is cheap while the find bar is closed.
 *
 * @example
 *   const index = new FindIndex(wb, calc);
 *   const stop = index.follow();          // for as long as the index is kept
 *   index.texts(sheetId, column, wb.rowIds(sheetId), false, format).text;
 */
import type { Workbook, WorkbookChange } from '../model/index.ts';
import type { ComputedValue } from '../schema/computed-value.ts';
import { formatValue, plainText, valueFormatter, type FormatContext } from '../schema/format-value.ts';
import { isCellFormula, type Column } from '../schema/types.ts';
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
  rowIds: readonly string[];
  /** Rows read so far (`parts[0 … filled)`): fewer than all while the column is read in slices. */
  filled: number;
  /** A column typed in (not a formula's, not a view's): its stored values are its computed values. */
  stored: boolean;
  joined: ColumnTexts | null;
  /** How many rows `joined` holds. */
  joinedRows: number;
  dirty: Set<string>;
}

/** What has been read of one column so far: its first `rows` rows' texts. */
export interface TextsSoFar {
  texts: ColumnTexts;
  rows: number;
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
    const e = this.entry(sheetId, col, rowIds, isView, format);
    this.fill(sheetId, col.id, e, Number.POSITIVE_INFINITY);
    return this.joinedOf(e);
  }

  /**
   * Reads at most `max` more cells of a column (from where its reading stopped); the number read,
   * 0 once the column is read whole. The background build (find-build.ts) reads the workbook so.
   */
  readSome(sheetId: string, col: Column, rowIds: readonly string[], isView: boolean, format: FormatContext, max: number): number {
    return this.fill(sheetId, col.id, this.entry(sheetId, col, rowIds, isView, format, false), max);
  }

  /** How many rows of a column have been read for `format` (-1: none, not even started). */
  rowsRead(sheetId: string, colId: string, format: FormatContext): number {
    if (formatKey(format) !== this.shownAs) return -1;
    return this.sheets.get(sheetId)?.get(colId)?.filled ?? -1;
  }

  /** The texts of the rows of a column read so far (undefined when none are), with the changed ones read again. */
  soFar(sheetId: string, colId: string, format: FormatContext): TextsSoFar | undefined {
    if (formatKey(format) !== this.shownAs) return undefined;
    const cols = this.sheets.get(sheetId);
    const e = cols?.get(colId);
    if (!e || e.filled === 0) return undefined;
    if (e.dirty.size > 0) {
      if (e.dirty.size * REREAD_SHARE > e.filled) {
        cols?.delete(colId);
        this.dropped();
        return undefined;
      }
      this.reread(sheetId, colId, e);
    }
    return { texts: this.joinedOf(e), rows: e.filled };
  }

  /** Called when texts were forgotten (a background build then has work again). */
  onDrop: (() => void) | undefined;

  /** How much the index holds: cells read and characters kept (each cell's text, and each column joined). */
  footprint(): { cells: number; chars: number } {
    let cells = 0;
    let chars = 0;
    for (const cols of this.sheets.values()) {
      for (const e of cols.values()) {
        cells += e.filled;
        for (let i = 0; i < e.filled; i++) chars += e.parts[i]?.length ?? 0;
        chars += e.joined?.text.length ?? 0;
      }
    }
    return { cells, chars };
  }

  /** The entry of a column for `format` (made empty when missing); rows changed since are read again (`reread`). */
  private entry(sheetId: string, col: Column, rowIds: readonly string[], isView: boolean, format: FormatContext, reread = true): Entry {
    const key = formatKey(format);
    if (key !== this.shownAs) {
      this.sheets.clear();
      this.shownAs = key;
    }
    let cols = this.sheets.get(sheetId);
    if (!cols) this.sheets.set(sheetId, (cols = new Map()));
    let e = cols.get(col.id);
    if (e && reread && e.dirty.size > 0) {
      if (e.dirty.size * REREAD_SHARE > e.filled) e = undefined;
      else this.reread(sheetId, col.id, e);
    }
    if (!e) {
      const stored = !isView && col.formula === undefined;
      e = { parts: new Array<string>(rowIds.length), cellText: this.cellTextOf(sheetId, col, isView, format), rowIds, filled: 0, stored, joined: null, joinedRows: -1, dirty: new Set() };
      cols.set(col.id, e);
    }
    return e;
  }

  /** Reads up to `max` more rows of an entry; the number read. */
  private fill(sheetId: string, colId: string, e: Entry, max: number): number {
    const start = e.filled;
    const end = Math.min(e.parts.length, start + max);
    if (end <= start) return 0;
    // Cell by cell, not the engine's whole column: that costs 20–250 ms in one go (more the first
    // time it is asked for), too long for one slice. A typed-in value is its own computed value.
    const { wb, calc } = this;
    for (let i = start; i < end; i++) {
      const rowId = e.rowIds[i] ?? '';
      const v = e.stored ? wb.cell(sheetId, rowId, colId) : undefined;
      e.parts[i] = e.cellText(rowId, v === undefined || isCellFormula(v) ? calc.value(sheetId, rowId, colId) : v);
    }
    e.filled = end;
    return end - start;
  }

  private joinedOf(e: Entry): ColumnTexts {
    if (!e.joined || e.joinedRows !== e.filled) {
      e.joined = joined(e.parts, e.filled);
      e.joinedRows = e.filled;
    }
    return e.joined;
  }

  /** Forgets everything (the next search reads every column again). */
  clear(): void {
    this.sheets.clear();
    this.dropped();
  }

  private dropped(): void {
    this.onDrop?.();
  }

  /** Reads again the rows of a column that changed (a sheet with rows of its own: views are read whole). */
  private reread(sheetId: string, colId: string, e: Entry): void {
    for (const rowId of e.dirty) {
      const i = this.wb.hasSheet(sheetId) ? this.wb.rowIndex(sheetId, rowId) : -1;
      // Rows not read yet are read with the column's values as they are then.
      if (i >= 0 && i < e.filled) e.parts[i] = e.cellText(rowId, this.calc.value(sheetId, rowId, colId));
    }
    e.dirty.clear();
    e.joined = null;
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
    this.dropped();
  }

  /** Marks cells to read again: row id → column ids. */
  private dirty(sheetId: string, cells: ReadonlyMap<string, ReadonlySet<string>>): void {
    const cols = this.sheets.get(sheetId);
    if (!cols) return;
    for (const [rowId, ids] of cells) {
      for (const id of ids) {
        const e = cols.get(id);
        // Rows not read yet are read as they are when their turn comes (and do not count towards reading the column again).
        if (e && (e.filled === e.parts.length || this.wb.rowIndex(sheetId, rowId) < e.filled)) e.dirty.add(rowId);
      }
    }
  }

  private dropSheet(sheetId: string): void {
    if (this.sheets.delete(sheetId)) this.dropped();
  }

  private changed(c: WorkbookChange): void {
    // Names and types show in formulas and formats across sheets: read everything again.
    if (c.settings || c.sheetList) return this.clear();
    for (const [sheetId, s] of c.sheets) {
      if (s.added || s.removed || s.meta || s.view || s.columns.size > 0) return this.clear();
      if (s.rowsAdded.size + s.rowsRemoved.size + s.rowsMoved.size > 0) this.dropSheet(sheetId);
      else this.dirty(sheetId, s.cells);
    }
  }

  private recalculated(r: ReadonlyMap<string, SheetRepaint>): void {
    for (const [sheetId, s] of r) {
      if (s.all || s.rows) {
        this.dropSheet(sheetId);
        continue;
      }
      if (s.columns) this.dropColumns(sheetId, s.columns);
      if (s.cells) this.dirty(sheetId, s.cells);
    }
  }
}

/** The first `rows` of a column's texts as one string: each row's followed by ROW_END, the first preceded by it. */
const joined = (parts: readonly string[], rows: number): ColumnTexts => {
  const ends = new Int32Array(rows);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    at += (parts[i]?.length ?? 0) + 1;
    ends[i] = at;
  }
  const read = rows === parts.length ? parts : parts.slice(0, rows);
  return { text: `${ROW_END}${read.join(ROW_END)}${ROW_END}`, ends };
};
