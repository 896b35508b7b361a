/**
 * What the array functions share: reading whole numbers and sort orders from their arguments,
 * lining a column up with the rows of an array (position by position, or through the sheet rows
 * both come from), the order values sort in, and the result types they give.
 */
import { arrayOf, columnsOf, elementOf, isArrayType, scalarPart, wideOf } from '../array-types.ts';
import { badValue, isError, notAvailable, type FormulaError } from '../errors.ts';
import { msg } from '../messages.ts';
import { compare15 } from '../numbers.ts';
import type { ColumnShape, ScalarType, Ty } from '../types.ts';
import { scalarOf, toNumber, toTable, type Scalar, type Table, type Value } from '../values.ts';
import type { ResultContext } from './registry.ts';

/** A whole number from an argument (truncated, as Excel does), `fallback` when it was not given. */
export const wholeArg = (v: Value | undefined, fallback: number): number | FormulaError => {
  if (v === undefined) return fallback;
  const n = toNumber(scalarOf(v));
  return isError(n) ? n : Math.trunc(n);
};

/** A sort order: 1 (ascending, the default) or -1 (descending); anything else is #VALUE!. */
export const orderArg = (v: Value | undefined, fn: string): 1 | -1 | FormulaError => {
  const n = wholeArg(v, 1);
  if (isError(n)) return n;
  return n === 1 || n === -1 ? n : badValue('sort.order', fn, n);
};

/** A truth value argument (FALSE when not given). */
export const flagArg = (v: Value | undefined): boolean | FormulaError => {
  const s = v === undefined ? null : scalarOf(v);
  if (isError(s)) return s;
  return s === true || (typeof s === 'number' && s !== 0);
};

/**
 * Reads `by` (one column) along the rows of `table`: position by position when it has as many rows;
 * else, when both hold rows of one sheet (a filtered table and a column of that sheet), through
 * those sheet rows: SORTBY(FILTER(Inventory, …), Inventory[Days of cover]).
 */
export const alignRows = (table: Table, by: Value, fn: string, what: string): ((r: number) => Scalar) | FormulaError => {
  const b = toTable(by);
  if (b.colCount !== 1) return badValue('align.oneColumn', fn, what, b.colCount);
  if (b.rowCount === table.rowCount) return (r) => b.at(r, 0);
  const sheet = table.source?.sheetId;
  if (sheet === undefined || b.source?.sheetId !== sheet) {
    return badValue('align.rows', fn, what, b.rowCount, table.rowCount);
  }
  // The row of `b` holding each sheet row (a whole column holds them all, in order).
  const plain = b.index === null && b.source?.rows === undefined;
  const at = new Map<number, number>();
  if (!plain) for (let r = 0; r < b.rowCount; r++) at.set(b.sourceRow(r), r);
  return (r) => {
    const p = table.sourceRow(r);
    const br = plain ? p : at.get(p);
    return br === undefined || br < 0 || br >= b.rowCount ? notAvailable('align.noValue', fn, what) : b.at(br, 0);
  };
};

/** Reads `by` (one row) along the columns of `table` (FILTER with a row of conditions keeps columns). */
export const alignColumns = (table: Table, by: Value, fn: string, what: string): ((c: number) => Scalar) | FormulaError => {
  const b = toTable(by);
  if (b.rowCount !== 1 || b.colCount !== table.colCount) {
    return badValue('align.oneRow', fn, what, table.colCount);
  }
  return (c) => b.at(0, c);
};

/** Rank of a value's kind in a sort: numbers, texts, TRUE/FALSE, errors; blanks come last in both directions. */
const kind = (v: Scalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? (v === '' ? 4 : 1) : typeof v === 'boolean' ? 2 : v === null ? 4 : 3);

/** A sort key read once per row: kind, number and text kept apart so comparing rows reads no object. */
export interface SortKey {
  kinds: Uint8Array;
  nums: Float64Array;
  texts: (string | undefined)[];
  order: 1 | -1;
}

/** The sort key of `count` rows read by `at`. */
export const sortKey = (count: number, at: (r: number) => Scalar, order: 1 | -1): SortKey => {
  const key: SortKey = { kinds: new Uint8Array(count), nums: new Float64Array(count), texts: new Array<string | undefined>(count), order };
  for (let r = 0; r < count; r++) {
    const v = at(r);
    const k = kind(v);
    key.kinds[r] = k;
    if (typeof v === 'number') key.nums[r] = v;
    else if (typeof v === 'boolean') key.nums[r] = v ? 1 : 0;
    else if (typeof v === 'string') key.texts[r] = v.toLowerCase();
  }
  return key;
};

/**
 * Compares rows x and y on a key: numbers (at 15 digits) before texts (ignoring case, as "<"
 * compares them) before TRUE/FALSE before errors; blanks last whatever the order.
 */
export const compareOn = (k: SortKey, x: number, y: number): number => {
  const kx = k.kinds[x] ?? 4;
  const ky = k.kinds[y] ?? 4;
  if (kx === 4 || ky === 4) return kx === ky ? 0 : kx === 4 ? 1 : -1;
  let c: number;
  if (kx !== ky) c = kx - ky;
  else if (kx === 1) {
    const a = k.texts[x] ?? '';
    const b = k.texts[y] ?? '';
    c = a < b ? -1 : a > b ? 1 : 0;
  } else c = kx === 3 ? 0 : compare15(k.nums[x] ?? 0, k.nums[y] ?? 0);
  return c * k.order;
};

/** The rows 0 … count − 1 in the order of the keys (a stable sort: equal rows keep their order). */
export const sortedRows = (count: number, keys: readonly SortKey[]): Int32Array => {
  const rows = new Int32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  const [only] = keys;
  if (keys.length === 1 && only) {
    // One key (the usual SORT or SORTBY): two numbers far apart compare directly, without a call.
    const { kinds, nums, order } = only;
    return rows.sort((x, y) => {
      if (kinds[x] === 0 && kinds[y] === 0) {
        const a = nums[x] ?? 0;
        const b = nums[y] ?? 0;
        const d = a - b;
        if (d !== 0 && Math.abs(d) > Math.max(Math.abs(a), Math.abs(b)) * 1e-13) return d < 0 ? -order : order;
      }
      return compareOn(only, x, y) || x - y;
    });
  }
  return rows.sort((x, y) => {
    for (const k of keys) {
      const c = compareOn(k, x, y);
      if (c !== 0) return c;
    }
    return x - y;
  });
};

// ── result types ─────────────────────────────────────────────────────────

/** The type of argument `i` as an array (a single value is a list of one). */
export const arrayArg = (ctx: ResultContext, i: number): Ty => {
  const ty = ctx.args[i] ?? { t: 'error' };
  return isArrayType(ty) ? ty : { ...scalarPart(ty), list: true };
};

/** Result rule: the array given as argument `i`, as it is (FILTER, SORT, UNIQUE keep its columns). */
export const sameArray =
  (i: number) =>
  (ctx: ResultContext): Ty =>
    arrayArg(ctx, i);

/**
 * The type of some columns of an array: known when the column numbers are written as numbers
 * (CHOOSECOLS(x, 1, 3)), else the array's one value type (its columns must agree then).
 */
export const pickedColumns = (ctx: ResultContext, fn: string, array: Ty, picks: readonly (Scalar | undefined)[], at: number): Ty => {
  const cols = columnsOf(array);
  if (cols && picks.every((p) => typeof p === 'number')) {
    const out: ColumnShape[] = [];
    for (const [j, p] of picks.entries()) {
      const n = Math.trunc(p as number);
      const c = cols[n > 0 ? n - 1 : cols.length + n];
      if (!c) ctx.fail(at + j, msg('array.noColumn', fn, cols.length, n));
      out.push(c);
    }
    return arrayOf(out);
  }
  const each: ScalarType | undefined = elementOf(array);
  if (!each) return ctx.fail(at, msg('array.columnsDiffer'));
  return wideOf(each);
};
