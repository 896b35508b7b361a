/**
 * Operations on arrays value by value, as Excel does them: `Orders[Units] * 2`, `(Orders[Channel] =
 * "App") * Orders[Units]`, `{1,2,3} * {1;2}` (a single row or column goes with every row or column of
 * the other; what one array lacks is #N/A). Every value built is charged to the recalculation's
 * budget, and an array over the size limit is an error value, found before anything is built.
 */
import type { BinaryOp } from './ast.ts';
import { textEquality } from './element-ops.ts';
import { notAvailable, type FormulaError } from './errors.ts';
import type { ArrayBuilder } from './messages.ts';
import { arrayLimitError, arrayTooLarge, budgetError } from './limits.ts';
import { isList, markWholeColumn, Table, wholeColumnSheet, type List, type Scalar, type TableSource, type Value } from './values.ts';

/** Charges steps; false once the recalculation's budget is spent. */
export type Spend = (steps: number) => boolean;

const MISSING = (): FormulaError => notAvailable('array.sizes');

/** Rows × columns of a value (a single value is 1 × 1). */
const shapeOf = (v: Value): [number, number] => (isList(v) ? [v.length, 1] : v instanceof Table ? [v.rowCount, v.colCount] : [1, 1]);

/** Reads a value at (r, c) of the result: a single row or column repeats; past its end is #N/A. */
const readerOf = (v: Value): ((r: number, c: number) => Scalar) => {
  const [rows, cols] = shapeOf(v);
  const at = isList(v) ? (r: number) => v[r] ?? null : v instanceof Table ? (r: number, c: number) => v.at(r, c) : () => v;
  return (r, c) => {
    const rr = rows === 1 ? 0 : r;
    const cc = cols === 1 ? 0 : c;
    return rr < rows && cc < cols ? at(rr, cc) : MISSING();
  };
};

/** The sheet rows a result of `rows` rows lines up with: those of an operand of as many rows that has them. */
const sourceOf = (operands: readonly Value[], rows: number): TableSource | undefined => {
  for (const v of operands) {
    if (isList(v) && v.length === rows) {
      const sheetId = wholeColumnSheet(v);
      if (sheetId !== undefined) return { sheetId };
    } else if (v instanceof Table && v.rowCount === rows && v.source) return v.sourceRows();
  }
  return undefined;
};

/** A list of one column over the same rows of a sheet as its operands keeps knowing it. */
const keepSheet = (out: Scalar[], operands: readonly Value[]): List => {
  const src = sourceOf(operands, out.length);
  return src && !src.rows ? markWholeColumn(out, src.sheetId) : out;
};

/**
 * Applies `f` to the values of the operands, position by position; operands that are single values
 * go with every position. The result is a list when it has one column, else a table.
 */
export const combine = (operands: readonly Value[], f: (xs: Scalar[]) => Scalar, spend: Spend, what: ArrayBuilder): Value | FormulaError => {
  let rows = 1;
  let cols = 1;
  for (const v of operands) {
    const [r, c] = shapeOf(v);
    rows = r === 1 ? rows : rows === 1 ? r : Math.max(rows, r);
    cols = c === 1 ? cols : cols === 1 ? c : Math.max(cols, c);
  }
  const size = rows * cols;
  if (arrayTooLarge(size)) return arrayLimitError(size, what);
  if (!spend(size)) return budgetError();
  const readers = operands.map(readerOf);
  const xs: Scalar[] = new Array<Scalar>(operands.length);
  const columns: Scalar[][] = [];
  for (let c = 0; c < cols; c++) {
    const col = new Array<Scalar>(rows);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < readers.length; i++) xs[i] = (readers[i] as (r: number, c: number) => Scalar)(r, c);
      col[r] = f(xs);
    }
    columns.push(col);
  }
  const [only] = columns;
  if (cols === 1 && only) return keepSheet(only, operands);
  return Table.of(columns, sourceOf(operands, rows));
};

/**
 * `a op b` value by value. Two lists (whole columns, the usual case) and a list with a single value
 * take a direct loop; anything else goes through `combine`.
 */
export const binaryOver = (a: Value, b: Value, op: (x: Scalar, y: Scalar) => Scalar, spend: Spend, what: ArrayBuilder, name?: BinaryOp): Value | FormulaError => {
  const single = (v: Value): v is Scalar => !isList(v) && !(v instanceof Table);
  const n = isList(a) ? a.length : isList(b) ? b.length : -1;
  if ((isList(a) && (single(b) || (isList(b) && b.length === n))) || (isList(b) && single(a))) {
    if (arrayTooLarge(n)) return arrayLimitError(n, what);
    if (!spend(n)) return budgetError();
    // A text column compared with one text (Orders[Channel] = "App"): the usual condition, made direct.
    const eq =
      name === undefined ? undefined : isList(a) && typeof b === 'string' ? textEquality(name, a, b, op, true) : isList(b) && typeof a === 'string' ? textEquality(name, b, a, op, false) : undefined;
    if (eq) return keepSheet(eq, [a, b]);
    const out = new Array<Scalar>(n);
    if (isList(a) && isList(b)) for (let i = 0; i < n; i++) out[i] = op(a[i] ?? null, b[i] ?? null);
    else if (isList(a)) for (let i = 0; i < n; i++) out[i] = op(a[i] ?? null, b as Scalar);
    else for (let i = 0; i < n; i++) out[i] = op(a as Scalar, (b as List)[i] ?? null);
    return keepSheet(out, [a, b]);
  }
  return combine([a, b], (xs) => op(xs[0] ?? null, xs[1] ?? null), spend, what);
};

/** `f` on every value of an array (a sign, a percent), or on a single value. */
export const eachOf = (a: Value, f: (x: Scalar) => Scalar, spend: Spend, what: ArrayBuilder): Value | FormulaError => {
  if (isList(a)) {
    if (!spend(a.length)) return budgetError();
    const out = new Array<Scalar>(a.length);
    for (let i = 0; i < a.length; i++) out[i] = f(a[i] ?? null);
    return keepSheet(out, [a]);
  }
  return a instanceof Table ? combine([a], (xs) => f(xs[0] ?? null), spend, what) : f(a);
};
