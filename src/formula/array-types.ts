/**
 * Static types of arrays: the columns of a list or a table, the one type of all their values, and the
 * type of an element-wise operation (`Orders[Units] * 2`, `{1,2,3} * {1;2}`), computed column by column
 * with the same rules as on single values and broadcast as Excel does (one column goes with every column).
 */
import { msg, type FormulaMessage } from './messages.ts';
import { unifyResults, type ColumnShape, type ScalarType, type Ty } from './types.ts';

/** True for an array type (a list or a table). */
export const isArrayType = (ty: Ty): boolean => ty.list === true || ty.table !== undefined;

/** The scalar part of a type (its value type and union), without array marks. */
export const scalarPart = (s: ScalarType): ScalarType => (s.orText ? { t: s.t, orText: true } : { t: s.t });

/** The columns of an array type when they are known (a `wide` list's are not); undefined for a single value. */
export const columnsOf = (ty: Ty): readonly ColumnShape[] | undefined => {
  if (ty.table) return ty.table;
  if (!ty.list || ty.wide) return undefined;
  return [ty.from ? { ...scalarPart(ty), from: ty.from } : scalarPart(ty)];
};

/**
 * The one type of every value of an array (its columns unified: "number" and "text" make
 * "number or text"), or undefined when its columns cannot meet (a date and a number).
 */
export const elementOf = (ty: Ty): ScalarType | undefined => {
  if (!ty.table) return scalarPart(ty);
  let t: ScalarType | undefined = { t: 'error' };
  for (const c of ty.table) t = t && unifyResults(t, c);
  return t;
};

/** The array type with these columns: one column is a list, more a table. */
export const arrayOf = (cols: readonly ColumnShape[]): Ty => {
  const [only] = cols;
  if (cols.length === 1 && only) return { ...only, list: true };
  return { t: 'error', table: cols };
};

/** A list of values of type `s`, with any number of columns. */
export const wideOf = (s: ScalarType): Ty => ({ ...scalarPart(s), list: true, wide: true });

/** True when a type rule's answer is the message refusing the types (a type has no `code`). */
export const isRefusal = (r: Ty | FormulaMessage): r is FormulaMessage => 'code' in r;

/** A rule on the types of single values: the result type, or the message refusing them. */
export type ScalarRule = (a: ScalarType, b: ScalarType) => ScalarType | FormulaMessage;

/**
 * The type of an operation between two values, either of which may be an array: single values
 * follow `rule`; arrays are combined column by column (a one-column operand goes with every
 * column of the other); arrays of unknown width give a wide list. A message is the refusal.
 */
export const elementwise = (a: Ty, b: Ty, rule: ScalarRule): Ty | FormulaMessage => {
  if (!isArrayType(a) && !isArrayType(b)) return rule(a, b);
  const ca = isArrayType(a) ? columnsOf(a) : [scalarPart(a)];
  const cb = isArrayType(b) ? columnsOf(b) : [scalarPart(b)];
  if (!ca || !cb) {
    const ea = elementOf(a);
    const eb = elementOf(b);
    if (!ea || !eb) return msg('type.tableMixed');
    const r = rule(ea, eb);
    return isRefusal(r) ? r : wideOf(r);
  }
  const width = ca.length === 1 ? cb.length : cb.length === 1 ? ca.length : Math.max(ca.length, cb.length);
  const out: ColumnShape[] = [];
  for (let i = 0; i < width; i++) {
    const x = ca.length === 1 ? ca[0] : ca[i];
    const y = cb.length === 1 ? cb[0] : cb[i];
    // Excel fills what one array lacks with #N/A.
    if (!x || !y) {
      out.push({ t: 'error' });
      continue;
    }
    const r = rule(x, y);
    if (isRefusal(r)) return r;
    out.push(scalarPart(r));
  }
  return arrayOf(out);
};

/** The type of an operation on every value of an array (a sign, a percent), or on a single value. */
export const eachValue = (a: Ty, rule: (s: ScalarType) => ScalarType | FormulaMessage): Ty | FormulaMessage => elementwise(a, { t: 'error' }, (x) => rule(x));
