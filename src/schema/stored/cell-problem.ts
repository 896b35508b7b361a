/**
 * What is wrong with one stored value in its column, for the "needs repair" list: its shape, or a
 * kind that does not fit the column's type. (Reads only check the shape, see stored-cell.ts.)
 */
import { isIsoDate } from '../calendar-day.ts';
import type { Column, ColumnType } from '../types.ts';
import { isStoredCell } from './stored-cell.ts';
import { kindOf, type Expected, type StoredProblem } from './stored-problem.ts';

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
  if (!isStoredCell(v)) return { code: 'type', field, expected: 'cellValue', got: kindOf(v) };
  if (typeof v === 'object') return v.f.startsWith('=') ? null : { code: 'format', field, expected: 'formula', value: v.f };
  if (fits(column.type, v)) return null;
  if (column.type === 'date' && typeof v === 'string') return { code: 'format', field, expected: 'date', value: v };
  return { code: 'type', field, expected: EXPECTED[column.type], got: kindOf(v) };
};
