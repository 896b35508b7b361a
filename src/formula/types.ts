/** Static types of formula values: every expression has one, checked when the formula is entered. */

/**
 * What a function parameter accepts.
 * - `number`: number, integer, currency, percent or boolean; `date`: a date (or a "YYYY-MM-DD" text literal);
 * - `numdate`: either; `text`: any single value (converted to text); `boolean`: true/false;
 * - `any`: any single value; `list`: a whole column (or single values); `numlist`: numbers, as SUM takes them;
 * - `numdatelist`: numbers or dates, as MIN takes them; `table`: a whole sheet.
 */
export type ParamKind = 'number' | 'date' | 'numdate' | 'text' | 'boolean' | 'any' | 'list' | 'numlist' | 'numdatelist' | 'table';

/** Types of single values. `error` is the type of an expression that can only be an error (a deleted column). */
export type ValueType = 'number' | 'integer' | 'currency' | 'percent' | 'date' | 'boolean' | 'text' | 'error';

/**
 * The type of a single value, possibly a union with text: `IFERROR([Revenue] / [Orders], "-")` is
 * "number or text" (`{ t: 'number', orText: true }`). Such a value is shown formatted as `t` or as
 * its text; aggregates skip its text entries, and it is refused where a number is required.
 */
export interface ScalarType {
  readonly t: ValueType;
  /** The value may also be text (never set when `t` is text itself). */
  readonly orText?: true;
}

/** A static type: a single value, or a column (list) of values of one type. */
export interface Ty extends ScalarType {
  /** A whole column (list of values). */
  readonly list?: true;
  /** A whole sheet (VLOOKUP and HLOOKUP take one), with the types of its columns in order. */
  readonly table?: readonly ScalarType[];
}

/** Value types that behave as numbers in arithmetic. */
export const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'integer', 'currency', 'percent', 'boolean']);

/** A single-value type. */
export const scalar = (t: ValueType): Ty => ({ t });
/** A list type. */
export const listOf = (t: ValueType): Ty => ({ t, list: true });
/** `t`, or "t or text" when `orText` (text or text is just text). */
export const unionType = (t: ValueType, orText: boolean | undefined): ScalarType => (orText && t !== 'text' ? { t, orText: true } : { t });

/** `{ orText: true }` for a union, else nothing: spread into results so plain types stay plain. */
export const orText = (union: boolean | undefined): { orText?: true } => (union ? { orText: true } : {});

/** How a single type reads: `currency`, `currency or text`. */
export const describeScalar = (s: ScalarType): string => (s.orText ? `${s.t} or text` : s.t);

/** How a type reads in a message: `currency`, `currency or text`, `a column of currency`. */
export const describeType = (ty: Ty): string =>
  ty.table ? 'a whole sheet' : ty.list ? `a column of ${describeScalar(ty)}` : describeScalar(ty);

/** The name of a type as the CLI prints it: `currency`, or `currency|text` for a union. */
export const typeName = (s: ScalarType): string => (s.orText ? `${s.t}|text` : s.t);

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

/**
 * The common type of two results, where text and another type meet as a union: `currency` and
 * `text` give "currency or text" (IFERROR(x, "-")). Undefined when the non-text parts disagree
 * (a date and a number).
 */
export const unifyResults = (a: ScalarType, b: ScalarType): ScalarType | undefined => {
  const orText = a.orText === true || b.orText === true;
  if (a.t === 'text' && b.t === 'text') return { t: 'text' };
  if (a.t === 'text') return unionType(b.t === 'error' ? 'text' : b.t, true);
  if (b.t === 'text') return unionType(a.t === 'error' ? 'text' : a.t, true);
  const u = unifyTypes(a.t, b.t);
  return u === undefined ? undefined : unionType(u, orText);
};
