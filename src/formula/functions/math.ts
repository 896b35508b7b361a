/** Math on single values: rounding, MOD, powers and logs, with Excel's rules where people notice them. */
import { badNumber, divZero, isError } from '../errors.ts';
import { excelMod, round15, roundDirected, roundHalfAway } from '../numbers.ts';
import type { Scalar, Value } from '../values.ts';
import { scalarOf, toNumber } from '../values.ts';
import { defineFunctions, sameAs, type FunctionDef } from './registry.ts';

/** A finite number or #NUM!. */
export const finite = (x: number): Scalar => (Number.isFinite(x) ? x : badNumber('value.notFinite'));

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
    // A blank divisor is blank, as with "/".
    impl: (args) => (scalarOf(args[1]) === null ? null : numeric((n, d) => (d === 0 ? divZero('math.modZero') : excelMod(n ?? 0, d ?? 1)))(args)),
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
    impl: numeric((v) => (v < 0 ? badNumber('math.sqrtNegative') : Math.sqrt(v))),
    doc: { en: 'Square root.', 'zh-CN': '平方根。' }, example: '=SQRT(16)',
  },
  {
    name: 'POWER', family: 'math', params: [x, { name: 'power', kind: 'number' }], result: 'number',
    impl: numeric((b, e) => (b === 0 && (e ?? 0) < 0 ? divZero('math.zeroNegativePower') : finite(b ** (e ?? 1)))),
    doc: { en: 'A number raised to a power.', 'zh-CN': '乘幂。' }, example: '=POWER(2, 10)',
  },
  {
    name: 'EXP', family: 'math', params: [x], result: 'number', impl: numeric((v) => finite(Math.exp(v))),
    doc: { en: 'e raised to a power.', 'zh-CN': 'e 的乘幂。' }, example: '=EXP(1)',
  },
  {
    name: 'LN', family: 'math', params: [x], result: 'number',
    impl: numeric((v) => (v <= 0 ? badNumber('math.logPositive', 'LN') : Math.log(v))),
    doc: { en: 'Natural logarithm.', 'zh-CN': '自然对数。' }, example: '=LN(10)',
  },
  {
    name: 'LOG10', family: 'math', params: [x], result: 'number',
    impl: numeric((v) => (v <= 0 ? badNumber('math.logPositive', 'LOG10') : Math.log10(v))),
    doc: { en: 'Base-10 logarithm.', 'zh-CN': '以 10 为底的对数。' }, example: '=LOG10(1000)',
  },
  {
    name: 'CEILING', family: 'math', params: [x, { name: 'significance', kind: 'number', optional: true }], result: sameAs(0),
    impl: numeric((v, s = 1) => {
      if (s === 0) return 0;
      if (v > 0 && s < 0) return badNumber('math.significanceSign', 'CEILING');
      return Number((Math.ceil(Number((v / s).toPrecision(15))) * s).toPrecision(15));
    }),
    doc: { en: 'Rounds up to a multiple of the significance.', 'zh-CN': '向上舍入到基数的倍数。' }, example: '=CEILING(4.3, 0.5)',
  },
  {
    name: 'FLOOR', family: 'math', params: [x, { name: 'significance', kind: 'number', optional: true }], result: sameAs(0),
    impl: numeric((v, s = 1) => {
      if (s === 0) return divZero('math.floorZero');
      if (v > 0 && s < 0) return badNumber('math.significanceSign', 'FLOOR');
      return Number((Math.floor(Number((v / s).toPrecision(15))) * s).toPrecision(15));
    }),
    doc: { en: 'Rounds down to a multiple of the significance.', 'zh-CN': '向下舍入到基数的倍数。' }, example: '=FLOOR(4.3, 0.5)',
  },
];

/** `q` rounded by `dir` to a whole number, working on its 15-digit form (1.3 / 0.1 is 13, not 12.999…). */
const whole = (q: number, dir: (x: number) => number): number => dir(round15(q));

/** CEILING.MATH (up) and FLOOR.MATH (down); a negative number with a mode ≠ 0 goes the other way (away from or toward zero). */
const mathRound = (up: boolean) =>
  numeric((v, sig = 1, mode = 0) => {
    const s = Math.abs(sig);
    if (s === 0) return 0;
    const towardPlus = up !== (v < 0 && mode !== 0);
    return round15(whole(v / s, towardPlus ? Math.ceil : Math.floor) * s);
  });

const MORE_MATH: FunctionDef[] = [
  {
    name: 'MROUND', family: 'math', params: [x, { name: 'multiple', kind: 'number' }], result: sameAs(0),
    impl: numeric((v, m) => {
      if (m === 0) return 0;
      if (v !== 0 && Math.sign(v) !== Math.sign(m)) return badNumber('math.mroundSign');
      return round15(roundHalfAway(v / m, 0) * m);
    }),
    doc: { en: 'Rounds to the nearest multiple (halves away from zero).', 'zh-CN': '舍入到最接近的倍数（0.5 远离零）。' }, example: '=MROUND([Price], 0.05)',
  },
  {
    name: 'TRUNC', family: 'math', params: [x, digits(true)],
    result: (c) => (c.args.length > 1 || c.args[0]?.t === 'currency' || c.args[0]?.t === 'percent' ? sameAs(0)(c) : 'integer'),
    impl: numeric((v, d = 0) => roundDirected(v, d, false)),
    doc: { en: 'Cuts the decimals off (toward zero), or keeps a number of them.', 'zh-CN': '截去小数部分（向零方向），或保留指定位数。' }, example: '=TRUNC(-8.9)',
  },
  {
    name: 'CEILING.MATH', family: 'math', params: [x, { name: 'significance', kind: 'number', optional: true }, { name: 'mode', kind: 'number', optional: true }],
    result: sameAs(0), impl: mathRound(true),
    doc: { en: 'Rounds up to a multiple (negative numbers toward zero, or away from it when mode is not 0).', 'zh-CN': '向上舍入到倍数（负数向零方向；mode 非 0 时远离零）。' },
    example: '=CEILING.MATH([Units], 12)',
  },
  {
    name: 'FLOOR.MATH', family: 'math', params: [x, { name: 'significance', kind: 'number', optional: true }, { name: 'mode', kind: 'number', optional: true }],
    result: sameAs(0), impl: mathRound(false),
    doc: { en: 'Rounds down to a multiple (negative numbers away from zero, or toward it when mode is not 0).', 'zh-CN': '向下舍入到倍数（负数远离零；mode 非 0 时向零方向）。' },
    example: '=FLOOR.MATH([Price], 0.5)',
  },
  {
    name: 'LOG', family: 'math', params: [x, { name: 'base', kind: 'number', optional: true }], result: 'number',
    impl: numeric((v, b = 10) => {
      if (v <= 0 || b <= 0) return badNumber('math.logArgs');
      return b === 1 ? divZero('math.logBaseOne') : Math.log(v) / Math.log(b);
    }),
    doc: { en: 'Logarithm to a base (10 when omitted).', 'zh-CN': '指定底数的对数（省略时以 10 为底）。' }, example: '=LOG(8, 2)',
  },
  {
    name: 'RAND', family: 'math', params: [], result: 'number', impl: (_a, ctx) => ctx.stableRandom(),
    doc: {
      en: 'A random number from 0 to 1, the same on every screen: fixed per cell until its formula changes.',
      'zh-CN': '0 到 1 之间的随机数，所有人看到的都一样：每个单元格固定，直到公式改变。',
    },
    example: '=IF(RAND() < 0.5, "A", "B")',
  },
  {
    name: 'RANDBETWEEN', family: 'math', params: [{ name: 'bottom', kind: 'number' }, { name: 'top', kind: 'number' }], result: 'integer',
    impl: (args, ctx) => numeric((lo, hi) => {
      const a = Math.ceil(lo);
      const b = Math.floor(hi);
      return a > b ? badNumber('math.randOrder') : a + Math.floor(ctx.stableRandom() * (b - a + 1));
    })(args),
    doc: {
      en: 'A random whole number between two numbers, the same on every screen: fixed per cell until its formula changes.',
      'zh-CN': '两个数之间的随机整数，所有人看到的都一样：每个单元格固定，直到公式改变。',
    },
    example: '=RANDBETWEEN(1, 100)',
  },
];

defineFunctions(MATH);
defineFunctions(MORE_MATH);
