/**
 * The operators as applied to each value of an array: the same results as operators.ts, with
 * direct paths for the common cases (two numbers; a text compared with a text), since an array
 * operation runs them 100,000 times for one edit. A text column compared with one text reads the
 * column's texts in lower case once per column version (kept while the column is unchanged).
 */
import type { BinaryOp } from './ast.ts';
import { compare15 } from './numbers.ts';
import { arithmetic, comparison, concat } from './operators.ts';
import type { ValueType } from './types.ts';
import type { List, Scalar } from './values.ts';

/** An operator on two values of arrays. */
export type ElementOp = (x: Scalar, y: Scalar) => Scalar;

/** The operator `op` on values (`types` format dates for &). */
export const elementOp = (op: BinaryOp, types: readonly [ValueType | undefined, ValueType | undefined]): ElementOp => {
  const general: ElementOp =
    op === '&' ? (x, y) => concat(x, types[0], y, types[1]) : op === '+' || op === '-' || op === '*' || op === '/' || op === '^' ? (x, y) => arithmetic(op, x, y) : (x, y) => comparison(op, x, y);
  const num = (v: Scalar): number => (typeof v === 'number' ? v : v === true ? 1 : v === false ? 0 : Number.NaN);
  switch (op) {
    case '*':
    case '+':
    case '-': {
      const f = op === '*' ? (a: number, b: number) => a * b : op === '+' ? (a: number, b: number) => a + b : (a: number, b: number) => a - b;
      return (x, y) => {
        const r = f(num(x), num(y));
        // Only two numbers (or TRUE/FALSE) come out finite; anything else is the general rule's.
        return Number.isFinite(r) ? r : general(x, y);
      };
    }
    case '=':
    case '<>': {
      const eq = op === '=';
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') return (x === y || compare15(x, y) === 0) === eq;
        return general(x, y);
      };
    }
    default:
      return general;
  }
};

/** Lower-case texts of list versions already compared (a list is replaced, not changed, when its column is edited). */
const LOWERED = new WeakMap<List, (string | undefined)[]>();

const lowered = (list: List): (string | undefined)[] => {
  let out = LOWERED.get(list);
  if (!out) {
    out = new Array<string | undefined>(list.length);
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (typeof v === 'string') out[i] = v.toLowerCase();
    }
    LOWERED.set(list, out);
  }
  return out;
};

/**
 * `list = text` and `list <> text` (either side), value by value, or undefined when the operator
 * is another: texts compare ignoring case, as "=" does, read in lower case once per list.
 */
export const textEquality = (op: BinaryOp, list: List, text: string, general: ElementOp, listFirst: boolean): Scalar[] | undefined => {
  if (op !== '=' && op !== '<>') return undefined;
  const eq = op === '=';
  const key = text.toLowerCase();
  const low = lowered(list);
  const out = new Array<Scalar>(list.length);
  for (let i = 0; i < list.length; i++) {
    const l = low[i];
    if (l !== undefined) out[i] = (l === key) === eq;
    else {
      const v = list[i] ?? null;
      out[i] = listFirst ? general(v, text) : general(text, v);
    }
  }
  return out;
};
