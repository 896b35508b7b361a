/**
 * View sheets and array cells as the app shows them: the engine's computed view becomes columns the
 * grid, charts and exports read like any sheet's (typed as the columns they come from: a view of
 * Inventory shows Stock as Inventory shows it), and an array a cell's formula gives becomes its
 * whole (for the expanded cell) and its count and first values (the text the cell shows).
 */
import {
  isError,
  isoFromSerial,
  type ArrayResult,
  type FormulaEngine,
  type FormulaMessage,
  type ResultColumn,
  type Scalar,
  type ValueType,
  type ViewResult,
} from '../formula/index.ts';
import type { Workbook } from '../model/index.ts';
import { arrayText, ARRAY_PREVIEW_VALUES } from '../schema/array-text.ts';
import type { ComputedValue } from '../schema/computed-value.ts';
import { formatValue, type FormatContext } from '../schema/format-value.ts';
import type { Column, ColumnType } from '../schema/types.ts';
import type { CellArray, ViewSheet } from './calc-service.ts';

const SHOWN: ReadonlySet<ValueType> = new Set<ValueType>(['number', 'integer', 'currency', 'percent', 'date', 'boolean', 'text']);

/** The column type values of a formula type are shown as (an error-only column shows as text). */
export const shownType = (t: ValueType): ColumnType => (SHOWN.has(t) ? (t as ColumnType) : 'text');

/** Writes a formula message in the language the app shows (English for the CLI). */
export type MessageWriter = (m: FormulaMessage) => string;

/** A computed value as the app reads it: dates as YYYY-MM-DD, errors as values with their message (written by `write`). */
export const computedValue = (v: Scalar, type: ValueType, write: MessageWriter): ComputedValue => {
  if (isError(v)) return { error: v.code, message: write(v.detail) };
  if (type === 'date' && typeof v === 'number') return isoFromSerial(v);
  return v;
};

/** The value type a column's values have as formulas read them (what a source column must still be to lend its options). */
const readAs = (col: Column): ValueType => (col.type === 'choice' || col.type === 'reference' ? 'text' : (col.type as ValueType));

/**
 * A column of a view: a source column lends its name, labels, type and options (choices, currency,
 * precision, width) when the view's values are still of its type; any other column is named by its
 * place (`Column 2`, 第 2 列). `resultType` is a formula column's computed type.
 */
const viewColumn = (wb: Workbook, c: ResultColumn & { id: string }, i: number, formula: string, resultType: (sheetId: string, colId: string) => ValueType): Column => {
  const src = c.from && wb.hasSheet(c.from.sheetId) ? wb.column(c.from.sheetId, c.from.colId) : undefined;
  const srcType = src && c.from ? (src.formula === undefined ? readAs(src) : resultType(c.from.sheetId, src.id)) : undefined;
  if (src && srcType === c.type) {
    const { key: _key, ...options } = src.options;
    const type = src.formula === undefined ? src.type : shownType(c.type);
    return { id: c.id, name: src.name, ...(src.labels ? { labels: src.labels } : {}), type, options, formula };
  }
  const name = src?.name ?? `Column ${i + 1}`;
  const labels = src ? src.labels : { 'zh-CN': `第 ${i + 1} 列` };
  return { id: c.id, name, ...(labels ? { labels } : {}), type: shownType(c.type), options: {}, formula };
};

/** A view sheet of the engine as the app shows it, with a reader of its cells. */
export interface ShownView extends ViewSheet {
  value(rowId: string, colId: string): ComputedValue;
  columnValues(colId: string): ComputedValue[];
}

/** The app's view of an engine view (built once per computation of the view). */
export const shownView = (wb: Workbook, engine: FormulaEngine, sheetId: string, r: ViewResult, write: MessageWriter): ShownView => {
  const formula = wb.sheet(sheetId)?.formula ?? '';
  const typeOf = (s: string, c: string): ValueType => {
    try {
      return engine.columnType(s, c);
    } catch {
      return 'error';
    }
  };
  const columns = r.columns.map((c, i) => viewColumn(wb, c, i, formula, typeOf));
  const at = new Map(r.columns.map((c, i) => [c.id, i]));
  const read = (row: number, c: number): ComputedValue => computedValue(r.at(row, c), r.columns[c]?.type ?? 'text', write);
  return {
    formula,
    columns,
    rowIds: r.rowIds,
    rowIndex: (id) => r.rowIndex(id),
    ...(r.error ? { error: { error: r.error.code, message: write(r.error.detail) } } : {}),
    value: (rowId, colId) => {
      const row = r.rowIndex(rowId);
      const c = at.get(colId);
      return row < 0 || c === undefined ? null : read(row, c);
    },
    columnValues: (colId) => {
      const c = at.get(colId);
      return c === undefined ? [] : r.rowIds.map((_, row) => read(row, c));
    },
  };
};

/** An array a cell's formula gives, as the app reads it. */
export const cellArray = (a: ArrayResult, write: MessageWriter): CellArray => ({
  rows: a.table.rowCount,
  columns: a.columns.map((c) => ({ type: shownType(c.type), ...(c.name !== undefined ? { name: c.name } : {}) })),
  at: (r, c) => computedValue(a.table.at(r, c), a.columns[c]?.type ?? 'text', write),
});

/** The text a cell holding an array shows: its count and first values, each formatted by its column's type. */
export const cellArrayText = (a: CellArray, fmt: FormatContext): string => {
  const first: string[] = [];
  const width = a.columns.length;
  for (let i = 0; i < Math.min(ARRAY_PREVIEW_VALUES, a.rows * width); i++) {
    const c = i % width;
    const v = a.at(Math.floor(i / width), c);
    first.push(typeof v === 'object' && v !== null ? v.error : formatValue(v, { type: a.columns[c]?.type ?? 'text', options: {} }, fmt));
  }
  return arrayText(a.rows, width, first, fmt.locale);
};
