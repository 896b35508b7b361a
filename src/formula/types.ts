/** Static types of formula values: every expression has one, checked when the formula is entered. */

/**
 * What a function parameter accepts.
 * - `number`: number, integer, currency, percent or boolean; `date`: a date (or a "YYYY-MM-DD" text literal);
 * - `numdate`: either; `text`: any single value (converted to text); `boolean`: true/false;
 * - `any`: any single value; `list`: a whole column (or single values); `numlist`: numbers, as SUM takes them;
 * - `numdatelist`: numbers or dates, as MIN takes them; `table`: a whole sheet;
 * - `conditions`: conditions, single or arrays of them (AND(Inventory[Stock] >= 0));
 * - `array`: an array as it is (a list, a table, a sheet named bare: FILTER(Inventory, …)) or a single value.
 */
export type ParamKind =
  | 'number' | 'date' | 'numdate' | 'text' | 'boolean' | 'any' | 'list' | 'numlist' | 'numdatelist' | 'table' | 'conditions' | 'array';

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

/** A column of a sheet: where a column of an array comes from (it names a view sheet's column and gives it its type). */
export interface ColumnSource {
  readonly sheetId: string;
  readonly colId: string;
}

/** One column of an array type: the type of its values, and the sheet column it is, when it is one. */
export interface ColumnShape extends ScalarType {
  readonly from?: ColumnSource;
}

/**
 * A static type: a single value, or an array. An array is a list (values of one type: a whole column
 * such as Products[Price], a computed one such as Orders[Units] * 2, or, `wide`, any number of columns
 * of that type, as TEXTSPLIT gives) or a table (columns of known types: a whole sheet, FILTER(Inventory, …)).
 */
export interface Ty extends ScalarType {
  /** An array whose values all have this type: one column, or any number of them when `wide`. */
  readonly list?: true;
  /** The list may have any number of columns (known only when computed). */
  readonly wide?: true;
  /** An array with these columns: a whole sheet (VLOOKUP takes one), or what FILTER, SORT … make of one. */
  readonly table?: readonly ColumnShape[];
  /** A one-column list that is a sheet's column (as it is, or some of its rows). */
  readonly from?: ColumnSource;
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

/** How a type reads in a message: `currency`, `currency or text`, `a column of currency`, `a table of 3 columns`. */
export const describeType = (ty: Ty): string =>
  ty.table
    ? `a table of ${ty.table.length} columns`
    : ty.list
      ? `${ty.wide ? 'a list' : 'a column'} of ${describeScalar(ty)}`
      : describeScalar(ty);

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
