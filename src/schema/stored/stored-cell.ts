/**
 * Reading a cell's stored value. Every read of a cell goes through `isStoredCell` (a few `typeof`
 * checks: the grid, the formula engine and exports read millions of cells); a value of the wrong
 * shape reads as empty. What is wrong with a value, for the "needs repair" list, is cell-problem.ts.
 */
import type { CellValue } from '../types.ts';
import { isPlainRecord } from './stored-parts.ts';

/** A cell's own formula as stored: a plain record whose only use is its text `f`. */
const isFormulaRecord = (v: object): boolean => isPlainRecord(v) && Object.hasOwn(v, 'f') && typeof v.f === 'string';

/** True when a stored value has the shape of a cell value (null, text, finite number, true/false, `{ f }`). */
export const isStoredCell = (v: unknown): v is CellValue => {
  switch (typeof v) {
    case 'string':
      // Text of any length: a formula reading one longer than it may make is #VALUE! (see src/formula/limits.ts).
      return true;
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
