/** Static types of formula values: every expression has one, checked when the formula is entered. */

/** Types of single values. `error` is the type of an expression that can only be an error (a deleted column). */
export type ValueType = 'number' | 'integer' | 'currency' | 'percent' | 'date' | 'boolean' | 'text' | 'error';

/** A static type: a single value, or a column (list) of values of one type. */
export interface Ty {
  readonly t: ValueType;
  /** A whole column (list of values). */
  readonly list?: true;
  /** A whole sheet (only VLOOKUP takes one), with the types of its columns in order. */
  readonly table?: readonly ValueType[];
}

/** Value types that behave as numbers in arithmetic. */
export const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'integer', 'currency', 'percent', 'boolean']);

/** A single-value type. */
export const scalar = (t: ValueType): Ty => ({ t });
/** A list type. */
export const listOf = (t: ValueType): Ty => ({ t, list: true });

/** How a type reads in a message: `currency`, `a column of currency`. */
export const describeType = (ty: Ty): string =>
  ty.table ? 'a whole sheet' : ty.list ? `a column of ${ty.t}` : ty.t;

/** True for number-like types (dates are not: they add days but do not multiply). */
export const isNumeric = (t: ValueType): boolean => NUMERIC.has(t) || t === 'error';

/**
 * The common type of two values that must agree (IF branches, XLOOKUP's if_not_found …), or
 * undefined when they cannot: a currency and a plain number agree as currency (IF(x, [Price], 0)),
 * a date and a number do not.
 */
export const unifyTypes = (a: ValueType, b: ValueType): ValueType | undefined => {
  if (a === b) return a;
  if (a === 'error') return b;
  if (b === 'error') return a;
  const plain = (t: ValueType) => t === 'number' || t === 'integer';
  if (plain(a) && plain(b)) return 'number';
  if ((a === 'currency' || a === 'percent') && plain(b)) return a;
  if ((b === 'currency' || b === 'percent') && plain(a)) return b;
  return undefined;
};
