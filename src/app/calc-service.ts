/**
 * What the app needs from the formula engine, as a small interface of our own: computed values,
 * a recalculation event, formula checking, the function registry and alerts. `engineCalc`
 * (engine-calc.ts) implements it over src/formula; the engine loads after the grid has shown, and
 * until then `storedValuesCalc` shows input values as stored and formula cells as not computed yet.
 */
import type { Workbook } from '../model/workbook.ts';
import type { ComputedValue, ErrorValue } from '../schema/computed-value.ts';
import { formatValue, type FormatContext } from '../schema/format-value.ts';
import { isCellFormula, type CellScalar, type Column, type ColumnType, type Locale, type RuleColor } from '../schema/types.ts';

/** What a recalculation changed in one sheet: some cells, whole columns, or everything. */
export interface SheetRepaint {
  /** Row id → column ids whose computed value changed. */
  cells?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Columns whose values changed in every row (a column formula feeding 100k rows). */
  columns?: ReadonlySet<string>;
  all?: boolean;
  /** The rows themselves changed (a view sheet computed again: which rows, in which order, and its columns). */
  rows?: boolean;
}

/** Fired after each recalculation: sheet id → what changed there. */
export type RecalcListener = (changed: ReadonlyMap<string, SheetRepaint>) => void;

/** Where a formula is being typed: a column formula (every row) or one cell's own formula. */
export type FormulaTarget =
  | { kind: 'column'; sheetId: string; colId: string }
  | { kind: 'cell'; sheetId: string; rowId: string; colId: string }
  /** A view sheet's formula (no row; it gives the table the view shows). */
  | { kind: 'view' }
  /** A rule's condition: a formula in row context that must give TRUE or FALSE. */
  | { kind: 'rule'; sheetId: string };

/** A view sheet as the app shows it: its computed columns and rows. */
export interface ViewSheet {
  /** The stored formula the rows are computed from. */
  formula: string;
  /** Columns typed as the columns they come from (each computed by the view's formula). */
  columns: readonly Column[];
  /** Row ids, in the formula's order (a source row's id when the row is one). */
  rowIds: readonly string[];
  /** The position of a row, or -1. */
  rowIndex(rowId: string): number;
  /** Why the view shows no rows (its formula gives an error). */
  error?: ErrorValue;
}

/** An array a cell's own formula gives: the cell shows its count and first values; this is the whole of it. */
export interface CellArray {
  rows: number;
  /** Each column's type, and its name when it is a sheet's column. */
  columns: readonly { type: ColumnType; name?: string }[];
  /** The value at row `r`, column `c` (0-based). */
  at(r: number, c: number): ComputedValue;
}

/** Result of checking a formula as typed (display form): the stored form, or where and why not. */
export type FormulaCheck =
  | { ok: true; stored: string; type?: ColumnType }
  | { ok: false; message: string; from: number; to: number; suggestions: readonly string[] };

/** One function of the registry, for autocomplete and the help panel. */
export interface FunctionDoc {
  name: string;
  /** e.g. `SUMIFS(sum_range, criteria_range1, criteria1, …)` */
  signature: string;
  /** One-line description in each UI language. */
  doc: Record<Locale, string>;
  example: string;
}

/** An alert raised by a sheet's rules on a row (and optionally one cell of it). */
export interface CellAlert {
  colId?: string;
  message: string;
  /** How loud it is; none for a rule a person coloured green, blue or purple (a mark, not an alert). */
  level?: 'error' | 'warning';
  /** The colour of a rule a person made; the alert style of the level when missing. */
  color?: RuleColor;
}

/** The formula engine as the UI sees it. */
export interface CalcService {
  /** Computed value of a cell: the stored value of an input cell, or a formula's result or error. */
  value(sheetId: string, rowId: string, colId: string): ComputedValue;
  /** Computed values of a whole column, in the sheet's row order (sorting and filtering read these). */
  columnValues(sheetId: string, colId: string): readonly ComputedValue[];
  /** Result type of a formula column (for formatting), or undefined to use the column's own type. */
  resultType(sheetId: string, colId: string): ColumnType | undefined;
  /** Result type of a cell's own formula (a per-row formula, as in a KPI sheet), or undefined for any other cell. */
  cellType(sheetId: string, rowId: string, colId: string): ColumnType | undefined;
  /** Subscribes to recalculations; returns the unsubscribe function. */
  onRecalc(listener: RecalcListener): () => void;
  /** Checks a formula as typed, in display form (names, not ids). */
  check(text: string, target: FormulaTarget): FormulaCheck;
  /** A stored formula in display form (column and sheet names in the given language). */
  display(stored: string, sheetId: string, locale: Locale): string;
  /** Every function, for autocomplete and help. */
  functions(): readonly FunctionDoc[];
  /** Alerts on a row, from its sheet's rules. */
  alerts(sheetId: string, rowId: string): readonly CellAlert[];
  /** A view sheet's columns and rows as computed now; undefined for a sheet with rows of its own. */
  view(sheetId: string): ViewSheet | undefined;
  /** The array a cell's own formula gives, or undefined for any other cell. */
  arrayAt(sheetId: string, rowId: string, colId: string): CellArray | undefined;
  /**
   * A template's state a formula gives as text ("needs ≥ 10 conversions", an A/B test's "Ship B"), in
   * `locale`; any other text as it is. The engine's adapter knows them (sheets/state-texts.ts).
   */
  stateText?(text: string, locale: Locale): string;
  dispose(): void;
}

/**
 * The text a cell shows: its computed value, formatted by the schema's formatter as its shown type
 * (a template's state computed by a formula, "needs ≥ 10 conversions" or "Ship B", in the UI
 * language; text a person typed is never taken for one). The grid, its tooltips, find and printing
 * show this text; a CSV export writes the value itself (a state's English key, in every language).
 */
export const cellText = (
  calc: CalcService,
  fmt: FormatContext,
  sheetId: string,
  rowId: string | undefined,
  col: Pick<Column, 'id' | 'type' | 'options'>,
  value: ComputedValue = rowId === undefined ? null : calc.value(sheetId, rowId, col.id),
): string => {
  const type = cellShownType(calc, sheetId, rowId, col);
  const computed = type !== 'text' || calc.resultType(sheetId, col.id) !== undefined || (rowId !== undefined && calc.cellType(sheetId, rowId, col.id) !== undefined);
  return formatValue(typeof value === 'string' && computed && calc.stateText ? calc.stateText(value, fmt.locale) : value, col, fmt, type);
};

/** The type a cell is shown as: its own formula's result, else its column formula's, else the column's type. */
export const cellShownType = (
  calc: CalcService,
  sheetId: string,
  rowId: string | undefined,
  col: Pick<Column, 'id' | 'type'> & { options?: Column['options'] },
): ColumnType => {
  const own = (rowId === undefined ? undefined : calc.cellType(sheetId, rowId, col.id)) ?? calc.resultType(sheetId, col.id);
  if (own) return own;
  // A number shown like another column of its row (a KPI's target like its value): as that cell is shown.
  const like = col.options?.formatLike;
  const shown = like === undefined || like === col.id ? undefined : (rowId === undefined ? undefined : calc.cellType(sheetId, rowId, like)) ?? calc.resultType(sheetId, like);
  return shown !== undefined && col.type === 'number' ? shown : col.type;
};

/** Texts the stand-in shows, in the user's language. */
export interface StoredValuesTexts {
  notComputed: () => string;
  notAvailable: () => string;
}

/**
 * The stand-in while the engine loads: input cells show their stored value, formula cells an
 * error value saying they are not computed yet, and formulas cannot be saved (nothing could check
 * them, and an unchecked formula must never be stored).
 */
export const storedValuesCalc = (wb: Workbook, texts: StoredValuesTexts): CalcService => ({
  value(sheetId, rowId, colId) {
    const col = wb.column(sheetId, colId);
    const v = wb.cell(sheetId, rowId, colId);
    if (col?.formula !== undefined || isCellFormula(v)) return { error: '#N/A', message: texts.notComputed() };
    return v as CellScalar;
  },
  columnValues(sheetId, colId) {
    const computed = wb.column(sheetId, colId)?.formula !== undefined;
    const notComputed: ErrorValue = { error: '#N/A', message: texts.notComputed() };
    return wb.columnValues(sheetId, colId).map((v) => (computed || isCellFormula(v) ? notComputed : v));
  },
  resultType: () => undefined,
  cellType: () => undefined,
  onRecalc: () => () => undefined,
  check: (text) => ({ ok: false, message: texts.notAvailable(), from: 0, to: text.length, suggestions: [] }),
  display: (stored) => stored,
  functions: () => [],
  alerts: () => [],
  view: () => undefined,
  arrayAt: () => undefined,
  dispose: () => undefined,
});
