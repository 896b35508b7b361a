/** The JSON shape of a computed value, as the CLI prints it: dates as YYYY-MM-DD, numbers at 15 digits. */
import { isoFromSerial } from './dates.ts';
import { isError } from './errors.ts';
import { round15 } from './numbers.ts';
import { typeName, unionType, type ValueType } from './types.ts';
import type { Scalar } from './values.ts';

/**
 * `{ value, type }` for a value, `{ error, message }` for an error value. The type is the formula's:
 * `currency`, or `currency|text` for a union (a number formatted as currency, or a text).
 */
export type ValueJSON = { value: string | number | boolean | null; type: string } | { error: string; message: string };

/** Converts a computed value and its type (with `orText` for a union with text) to the CLI's JSON shape. */
export const valueToJSON = (value: Scalar, type: ValueType, orText = false): ValueJSON => {
  if (isError(value)) return { error: value.code, message: value.message };
  const name = typeName(unionType(type, orText));
  if (typeof value === 'number') {
    if (type === 'date') return { value: isoFromSerial(value), type: name };
    const r = round15(value);
    return { value: Object.is(r, -0) ? 0 : r, type: name };
  }
  return { value, type: name };
};
