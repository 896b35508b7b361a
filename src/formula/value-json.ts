/** The JSON shape of a computed value, as the CLI prints it: dates as YYYY-MM-DD, numbers at 15 digits. */
import { isoFromSerial } from './dates.ts';
import type { ArrayResult } from './engine/array-result.ts';
import { isError } from './errors.ts';
import { round15 } from './numbers.ts';
import { typeName, unionType, type ValueType } from './types.ts';
import type { Scalar } from './values.ts';

/** One value of an array as JSON: the value itself, or `{ error, message }` for an error value. */
export type CellJSON = string | number | boolean | null | { error: string; message: string };

/**
 * `{ value, type }` for a value, `{ error, message }` for an error value. The type is the formula's:
 * `currency`, or `currency|text` for a union (a number formatted as currency, or a text). An array
 * is `{ value: [[…], …], type: 'array', rows, columns: [{ type, name? }] }`: its rows, each a list of
 * its values; `name` is the sheet column a column is, when it is one.
 */
export type ValueJSON =
  | { value: string | number | boolean | null; type: string }
  | { error: string; message: string }
  | { value: CellJSON[][]; type: 'array'; rows: number; columns: { type: string; name?: string }[] };

/** A single value as JSON, for its type (dates as YYYY-MM-DD). */
const cellJSON = (value: Scalar, type: ValueType): CellJSON => {
  if (isError(value)) return { error: value.code, message: value.message };
  if (typeof value !== 'number') return value;
  if (type === 'date') return isoFromSerial(value);
  const r = round15(value);
  return Object.is(r, -0) ? 0 : r;
};

/** Converts a computed value and its type (with `orText` for a union with text) to the CLI's JSON shape. */
export const valueToJSON = (value: Scalar, type: ValueType, orText = false): ValueJSON => {
  if (isError(value)) return { error: value.code, message: value.message };
  return { value: cellJSON(value, type) as string | number | boolean | null, type: typeName(unionType(type, orText)) };
};

/** Converts an array result to the CLI's JSON shape (rows of values). */
export const arrayToJSON = (array: ArrayResult): ValueJSON => {
  const { table, columns } = array;
  const value: CellJSON[][] = [];
  for (let r = 0; r < table.rowCount; r++) value.push(columns.map((c, i) => cellJSON(table.at(r, i), c.type)));
  return {
    value,
    type: 'array',
    rows: table.rowCount,
    columns: columns.map((c) => ({ type: typeName(unionType(c.type, c.orText)), ...(c.name !== undefined ? { name: c.name } : {}) })),
  };
};
