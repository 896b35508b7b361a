/** Math on single values: rounding, MOD, powers and logs, with Excel's rules where people notice them. */
import { badNumber, divZero, isError } from '../errors.ts';
import { excelMod, roundDirected, roundHalfAway } from '../numbers.ts';
import type { Scalar, Value } from '../values.ts';
import { toNumber } from '../values.ts';
import { defineFunctions, sameAs, type FunctionDef } from './registry.ts';

/** A finite number or #NUM!. */
export const finite = (x: number, what = 'the result is not a finite number'): Scalar =>
  Number.isFinite(x) ? x : badNumber(what);

/** Applies `fn` to the numbers of the arguments (errors pass through). */
export const numeric =
  (fn: (...xs: number[]) => Scalar) =>
  (args: readonly Value[]): Scalar => {
    const xs: number[] = [];
    for (const a of args) {
      const n = toNumber(a as Scalar);
      if (isError(n)) return n;
      xs.push(n);
    }
    return fn(...xs);
  };

const x = { name: 'number', kind: 'number' } as const;
const digits = (optional: boolean) => ({ name: 'digits', kind: 'number', optional }) as const;

const MATH: FunctionDef[] = [
  {
    name: 'ROUND', family: 'math', params: [x, digits(false)], result: sameAs(0),
    impl: numeric((v, d) => roundHalfAway(v, d ?? 0)),
    doc: { en: 'Rounds to a number of decimals, halves away from zero.', 'zh-CN': '四舍五入到指定小数位（0.5 远离零）。' },
    example: '=ROUND(2.345, 2)',
  },
  {
    name: 'ROUNDUP', family: 'math', params: [x, digits(false)], result: sameAs(0),
    impl: numeric((v, d) => roundDirected(v, d ?? 0, true)),
    doc: { en: 'Rounds away from zero.', 'zh-CN': '向远离零的方向舍入。' },
    example: '=ROUNDUP(3.2, 0)',
  },
  {
    name: 'ROUNDDOWN', family: 'math', params: [x, digits(false)], result: sameAs(0),
    impl: numeric((v, d) => roundDirected(v, d ?? 0, false)),
    doc: { en: 'Rounds toward zero.', 'zh-CN': '向零的方向舍入。' },
    example: '=ROUNDDOWN(3.8, 0)',
  },
  {
    name: 'INT', family: 'math', params: [x], result: (c) => (c.args[0]?.t === 'currency' ? 'currency' : 'integer'),
    impl: numeric((v) => Math.floor(v)),
    doc: { en: 'Rounds down to the next whole number.', 'zh-CN': '向下取整。' },
    example: '=INT(-3.5)',
  },
  {
    name: 'MOD', family: 'math', params: [x, { name: 'divisor', kind: 'number' }], result: sameAs(0),
    impl: numeric((n, d) => (d === 0 ? divZero('MOD by zero') : excelMod(n ?? 0, d ?? 1))),
    doc: { en: 'Remainder of a division; takes the divisor’s sign.', 'zh-CN': '求余数，结果与除数同号。' },
    example: '=MOD(-3, 2)',
  },
  {
    name: 'ABS', family: 'math', params: [x], result: sameAs(0), impl: numeric((v) => Math.abs(v)),
    doc: { en: 'Absolute value.', 'zh-CN': '绝对值。' }, example: '=ABS(-4)',
  },
  {
    name: 'SIGN', family: 'math', params: [x], result: 'integer', impl: numeric((v) => Math.sign(v) + 0),
    doc: { en: '1 for positive, −1 for negative, 0 for zero.', 'zh-CN': '正数为 1，负数为 −1，零为 0。' }, example: '=SIGN(-2)',
  },
  {
    name: 'SQRT', family: 'math', params: [x], result: 'number',
    impl: numeric((v) => (v < 0 ? badNumber('SQRT of a negative number') : Math.sqrt(v))),
    doc: { en: 'Square root.', 'zh-CN': '平方根。' }, example: '=SQRT(16)',
  },
  {
    name: 'POWER', family: 'math', params: [x, { name: 'power', kind: 'number' }], result: 'number',
    impl: numeric((b, e) => (b === 0 && (e ?? 0) < 0 ? divZero('0 to a negative power') : finite(b ** (e ?? 1)))),
    doc: { en: 'A number raised to a power.', 'zh-CN': '乘幂。' }, example: '=POWER(2, 10)',
  },
  {
    name: 'EXP', family: 'math', params: [x], result: 'number', impl: numeric((v) => finite(Math.exp(v))),
    doc: { en: 'e raised to a power.', 'zh-CN': 'e 的乘幂。' }, example: '=EXP(1)',
  },
  {
    name: 'LN', family: 'math', params: [x], result: 'number',
    impl: numeric((v) => (v <= 0 ? badNumber('LN needs a positive number') : Math.log(v))),
    doc: { en: 'Natural logarithm.', 'zh-CN': '自然对数。' }, example: '=LN(10)',
  },
  {
    name: 'LOG10', family: 'math', params: [x], result: 'number',
    impl: numeric((v) => (v <= 0 ? badNumber('LOG10 needs a positive number') : Math.log10(v))),
    doc: { en: 'Base-10 logarithm.', 'zh-CN': '以 10 为底的对数。' }, example: '=LOG10(1000)',
  },
  {
    name: 'CEILING', family: 'math', params: [x, { name: 'significance', kind: 'number', optional: true }], result: sameAs(0),
    impl: numeric((v, s = 1) => {
      if (s === 0) return 0;
      if (v > 0 && s < 0) return badNumber('CEILING of a positive number needs a positive significance');
      return Number((Math.ceil(Number((v / s).toPrecision(15))) * s).toPrecision(15));
    }),
    doc: { en: 'Rounds up to a multiple of the significance.', 'zh-CN': '向上舍入到基数的倍数。' }, example: '=CEILING(4.3, 0.5)',
  },
  {
    name: 'FLOOR', family: 'math', params: [x, { name: 'significance', kind: 'number', optional: true }], result: sameAs(0),
    impl: numeric((v, s = 1) => {
      if (s === 0) return divZero('FLOOR with significance 0');
      if (v > 0 && s < 0) return badNumber('FLOOR of a positive number needs a positive significance');
      return Number((Math.floor(Number((v / s).toPrecision(15))) * s).toPrecision(15));
    }),
    doc: { en: 'Rounds down to a multiple of the significance.', 'zh-CN': '向下舍入到基数的倍数。' }, example: '=FLOOR(4.3, 0.5)',
  },
];

defineFunctions(MATH);
