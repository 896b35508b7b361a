/**
 * Reading a cell's stored value. Every read of a cell goes through `isStoredCell` (a few `typeof`
 * checks: the grid, the formula engine and exports read millions of cells); a value of the wrong
 * shape reads as empty. `cellProblem` says, for the "needs repair" list, what is wrong with one
 * value in its column: its shape, or a kind that does not fit the column's type.
 */
import { isIsoDate } from '../calendar-day.ts';
import type { CellValue, Column, ColumnType } from '../types.ts';
import { isPlainRecord, MAX_CELL_TEXT } from './stored-parts.ts';
import { kindOf, type Expected, type StoredProblem } from './stored-problem.ts';

/** A cell's own formula as stored: a plain record whose only use is its text `f`. */
const isFormulaRecord = (v: object): boolean => isPlainRecord(v) && Object.hasOwn(v, 'f') && typeof v.f === 'string';

/** True when a stored value has the shape of a cell value (null, text, finite number, true/false, `{ f }`). */
export const isStoredCell = (v: unknown): v is CellValue => {
  switch (typeof v) {
    case 'string':
      return v.length <= MAX_CELL_TEXT;
    case 'number':
      return Number.isFinite(v);
    case 'boolean':
      return true;
    case 'object':
      return v === null || isFormulaRecord(v);
    default:
      return false;
  }
};

const EXPECTED: Record<ColumnType, Expected> = {
  text: 'text',
  number: 'number',
  integer: 'wholeNumber',
  currency: 'number',
  percent: 'number',
  date: 'date',
  boolean: 'boolean',
  choice: 'text',
  reference: 'text',
};

const fits = (type: ColumnType, v: string | number | boolean): boolean => {
  switch (type) {
    case 'text':
    case 'choice':
    case 'reference':
      return typeof v === 'string';
    case 'number':
    case 'currency':
    case 'percent':
      return typeof v === 'number';
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'date':
      return typeof v === 'string' && isIsoDate(v);
    case 'boolean':
      return typeof v === 'boolean';
  }
};

/**
 * What is wrong with a stored value of a column, or null. A value of another kind than the column's
 * type (text in a number column, after a retype that raced with an edit, say) is shown as it is and
 * computes to #VALUE!; it is listed so that someone can set it right.
 */
export const cellProblem = (column: Pick<Column, 'type'>, v: unknown, field = 'value'): StoredProblem | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && v.length > MAX_CELL_TEXT) return { code: 'tooLong', field, length: v.length, max: MAX_CELL_TEXT };
  if (!isStoredCell(v)) return { code: 'type', field, expected: 'cellValue', got: kindOf(v) };
  if (typeof v === 'object') return v.f.startsWith('=') ? null : { code: 'format', field, expected: 'formula', value: v.f };
  if (fits(column.type, v)) return null;
  if (column.type === 'date' && typeof v === 'string') return { code: 'format', field, expected: 'date', value: v };
  return { code: 'type', field, expected: EXPECTED[column.type], got: kindOf(v) };
};
