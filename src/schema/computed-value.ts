/** What a cell shows once formulas are computed: a typed value or a spreadsheet error as a value. */
import type { CellScalar } from './types.ts';

/** A spreadsheet error as a value: the code shown in the cell (`#DIV/0!`), the message shown on hover. */
export interface ErrorValue {
  error: string;
  message: string;
}

/** What a cell shows: a typed scalar (dates `YYYY-MM-DD`), empty (null), or an error value. */
export type ComputedValue = CellScalar | ErrorValue;

/** True for an error value such as `{ error: '#DIV/0!', message: '…' }`. */
export const isErrorValue = (v: unknown): v is ErrorValue =>
  typeof v === 'object' && v !== null && typeof (v as ErrorValue).error === 'string';
