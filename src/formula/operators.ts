/** Runtime of the operators: arithmetic with Excel's coercions, comparisons at 15 digits, concatenation. */
import type { BinaryOp } from './ast.ts';
import { badNumber, divZero, isError, type FormulaError } from './errors.ts';
import { textLimitError, textTooLong } from './limits.ts';
import { compare15 } from './numbers.ts';
import type { ValueType } from './types.ts';
import { toNumber, toText, type Scalar } from './values.ts';

/** A sum, difference, product or quotient that overflowed is #NUM!, as SUM and ^ are. */
const finite = (r: number): Scalar => (Number.isFinite(r) ? r : badNumber('value.tooLarge'));

/**
 * Arithmetic (+ − * / ^): blanks are 0, errors propagate (left first). Dividing by a blank cell is
 * blank, not #DIV/0!: a row not filled in yet must not put errors in every sheet that reads it.
 */
export const arithmetic = (op: BinaryOp, a: Scalar, b: Scalar): Scalar => {
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  switch (op) {
    case '+':
      return finite(x + y);
    case '-':
      return finite(x - y);
    case '*':
      return finite(x * y);
    case '/':
      if (b === null) return null;
      return y === 0 ? divZero('value.divZero') : finite(x / y);
    default: {
      if (x === 0 && y < 0) return divZero('math.zeroNegativePower');
      const r = x ** y;
      return Number.isFinite(r) ? r : badNumber(Number.isNaN(r) ? 'value.fractionalPower' : 'value.tooLarge');
    }
  }
};

const rank = (v: Scalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

/** Compares two values as Excel does: blank is 0 or "", text ignores case, numbers at 15 digits. */
export const compareValues = (a: Scalar, b: Scalar): number | FormulaError => {
  if (isError(a)) return a;
  if (isError(b)) return b;
  let x = a;
  let y = b;
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  if (typeof x === 'number' && typeof y === 'number') return compare15(x, y);
  if (typeof x === 'string' && typeof y === 'string') {
    const l = x.toLowerCase();
    const r = y.toLowerCase();
    return l < r ? -1 : l > r ? 1 : 0;
  }
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return rank(x) - rank(y);
};

/** A comparison operator's result. */
export const comparison = (op: BinaryOp, a: Scalar, b: Scalar): Scalar => {
  const c = compareValues(a, b);
  if (isError(c)) return c;
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
};

/** a & b, each formatted by its static type (dates as YYYY-MM-DD); #VALUE! when the text would be over the limit. */
export const concat = (a: Scalar, ta: ValueType | undefined, b: Scalar, tb: ValueType | undefined): Scalar => {
  const x = toText(a, ta);
  if (isError(x)) return x;
  const y = toText(b, tb);
  if (isError(y)) return y;
  return textTooLong(x.length + y.length) ? textLimitError(x.length + y.length, 'the & operator') : x + y;
};
