/** The JSON shape of a computed value, as the CLI prints it: dates as YYYY-MM-DD, numbers at 15 digits. */
import { isoFromSerial } from './dates.ts';
import { isError } from './errors.ts';
import { round15 } from './numbers.ts';
import type { ValueType } from './types.ts';
import type { Scalar } from './values.ts';

/** `{ value, type }` for a value, `{ error, message }` for an error value. */
export type ValueJSON = { value: string | number | boolean | null; type: ValueType } | { error: string; message: string };

/** Converts a computed value and its type to the CLI's JSON shape. */
export const valueToJSON = (value: Scalar, type: ValueType): ValueJSON => {
  if (isError(value)) return { error: value.code, message: value.message };
  if (typeof value === 'number') {
    if (type === 'date') return { value: isoFromSerial(value), type };
    const r = round15(value);
    return { value: Object.is(r, -0) ? 0 : r, type };
  }
  return { value, type };
};
