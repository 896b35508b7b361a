/**
 * The compiled forms of what works on arrays: array constants, operators value by value
 * (`(Orders[Channel] = "App") * Orders[Units]`) and IF choosing value by value. Each is chosen
 * by the compiler only where the checker typed an operand as an array, so formulas on single
 * values run as before.
 */
import type { BinaryOp, Node } from '../ast.ts';
import { elementOp } from '../element-ops.ts';
import type { ValueType } from '../types.ts';
import { combine, binaryOver, eachOf } from '../array-ops.ts';
import { FormulaError, isError } from '../errors.ts';
import { msg, type ArrayBuilder } from '../messages.ts';
import { arrayLimitError, budgetError, arrayTooLarge } from '../limits.ts';
import { isArray, arraySize, Table, toBoolean, type Scalar, type Value } from '../values.ts';

/** A compiled formula part: its value for a row slot. */
export type Fn = (slot: number) => Value;

/** The value of `{1,2;3,4}`: a list for one column, else a table (rows as written). */
export const arrayConstant = (n: Extract<Node, { kind: 'array' }>): Value => {
  const literal = (v: Extract<Node, { kind: 'array' }>['rows'][number][number]): Scalar =>
    v.kind === 'error' ? new FormulaError(v.code, msg('value.literal', v.code)) : v.value;
  const rows = n.rows.map((r) => r.map(literal));
  const width = rows[0]?.length ?? 0;
  return width === 1 ? rows.map((r) => r[0] ?? null) : Table.fromRows(rows, width);
};

/** `a op b` over arrays, value by value (`types` are the operands' value types, for dates joined by &). */
export const arrayBinary = (a: Fn, b: Fn, op: BinaryOp, types: readonly [ValueType | undefined, ValueType | undefined], spend: (n: number) => boolean): Fn => {
  const f = elementOp(op, types);
  return (s) => binaryOver(a(s), b(s), f, spend, { op }, op);
};

/** `f` on every value of an array (the sign, the percent). */
export const arrayEach = (a: Fn, f: (x: Scalar) => Scalar, spend: (n: number) => boolean, what: ArrayBuilder): Fn =>
  (s) => eachOf(a(s), f, spend, what);

/** IF(conditions, values, [values]) over arrays: each position takes the value its condition chooses. */
export const arrayIf = (c: Fn, a: Fn, b: Fn | undefined, spend: (n: number) => boolean): Fn => (s) =>
  combine(
    [c(s), a(s), b ? b(s) : false],
    ([cond = null, x = null, y = null]) => {
      const t = toBoolean(cond);
      return isError(t) ? t : t ? x : y;
    },
    spend,
    { fn: 'IF' },
  );

/** An array a function gives: charged value by value, and refused over the size limit. */
export const chargeArray = (r: Value, spend: (n: number) => boolean, what: ArrayBuilder): Value => {
  if (!isArray(r)) return r;
  const n = arraySize(r);
  if (arrayTooLarge(n)) return arrayLimitError(n, what);
  return spend(n) ? r : budgetError();
};
