/**
 * Order statistics: LARGE, SMALL, RANK.EQ (and RANK), PERCENTILE.INC/.EXC, QUARTILE.INC/.EXC and
 * the older PERCENTILE and QUARTILE, with Excel's definitions (interpolated between ranks).
 */
import { badNumber, isError, notAvailable, type FormulaError } from '../errors.ts';
import { compare15 } from '../numbers.ts';
import type { Scalar, Value } from '../values.ts';
import { numbersOf } from '../values.ts';
import { defineAlias, defineFunctions, sameAs, type FunctionDef } from './registry.ts';

/** The numbers of a column, sorted ascending, and the number argument `i` (k, quart …). */
const sortedAnd = (args: readonly Value[], i: number): { xs: number[]; k: number } | FormulaError => {
  const xs = numbersOf([args[0] ?? null]);
  if (isError(xs)) return xs;
  const k = numbersOf([args[i] ?? null]);
  if (isError(k)) return k;
  return { xs: xs.sort((a, b) => a - b), k: k[0] ?? 0 };
};

/** The value at a 1-based fractional rank of sorted numbers, interpolated. */
const atRank = (xs: readonly number[], h: number): number => {
  const lo = Math.floor(h);
  const a = xs[lo - 1] ?? 0;
  return a + (h - lo) * ((xs[Math.min(lo, xs.length - 1)] ?? a) - a);
};

/** PERCENTILE.INC: rank 1 + (n − 1)·p, p from 0 to 1. */
const percentileInc = (xs: readonly number[], p: number): Scalar =>
  xs.length === 0 || p < 0 || p > 1 ? badNumber('stats.percentileK') : atRank(xs, 1 + (xs.length - 1) * p);

/** PERCENTILE.EXC: rank (n + 1)·p, which must fall between the first and the last value. */
const percentileExc = (xs: readonly number[], p: number): Scalar => {
  const h = (xs.length + 1) * p;
  return xs.length === 0 || p <= 0 || p >= 1 || h < 1 || h > xs.length
    ? badNumber('stats.percentileExc', xs.length)
    : atRank(xs, h);
};

/** QUARTILE.INC / .EXC: quart from `lo` to `hi`, as the percentile quart / 4. */
const quartile = (lo: number, hi: number, percentile: (xs: readonly number[], p: number) => Scalar) => (args: readonly Value[]): Scalar => {
  const r = sortedAnd(args, 1);
  if (isError(r)) return r;
  const q = Math.trunc(r.k);
  return q < lo || q > hi ? badNumber('stats.quart', lo, hi) : percentile(r.xs, q / 4);
};

const kth = (largest: boolean) => (args: readonly Value[]): Scalar => {
  const r = sortedAnd(args, 1);
  if (isError(r)) return r;
  const k = Math.trunc(r.k);
  if (k < 1 || k > r.xs.length) return badNumber('stats.rankK', r.xs.length);
  return (largest ? r.xs[r.xs.length - k] : r.xs[k - 1]) ?? null;
};

const rankEq = (args: readonly Value[]): Scalar => {
  const x = numbersOf([args[0] ?? null]);
  if (isError(x)) return x;
  const xs = numbersOf([args[1] ?? null]);
  if (isError(xs)) return xs;
  const o = numbersOf([args[2] ?? null]);
  if (isError(o)) return o;
  const v = x[0] ?? 0;
  const ascending = (o[0] ?? 0) !== 0;
  if (!xs.some((y) => compare15(y, v) === 0)) return notAvailable('stats.notInColumn', v);
  // Equal numbers share the best rank.
  return 1 + xs.filter((y) => (ascending ? compare15(y, v) < 0 : compare15(y, v) > 0)).length;
};

const values = { name: 'values', kind: 'numdatelist' } as const;
const rankParams = [{ name: 'number', kind: 'numdate' }, { name: 'column', kind: 'numdatelist' }, { name: 'order', kind: 'number', optional: true }] as const;

const ORDER: FunctionDef[] = [
  {
    name: 'LARGE', family: 'stats', params: [values, { name: 'k', kind: 'number' }], result: sameAs(0), impl: kth(true),
    doc: { en: 'The k-th largest number (1 is the largest).', 'zh-CN': '第 k 大的数字（1 为最大）。' }, example: '=LARGE(Orders[Amount], 3)',
  },
  {
    name: 'SMALL', family: 'stats', params: [values, { name: 'k', kind: 'number' }], result: sameAs(0), impl: kth(false),
    doc: { en: 'The k-th smallest number (1 is the smallest).', 'zh-CN': '第 k 小的数字（1 为最小）。' }, example: '=SMALL(Products[Price], 1)',
  },
  {
    name: 'RANK.EQ', family: 'stats', params: rankParams, result: 'integer', impl: rankEq,
    doc: { en: 'The rank of a number in a column (largest first, or smallest first when order is 1); ties share a rank.', 'zh-CN': '数字在列中的排名（默认从大到小，order 为 1 时从小到大）；相同值排名相同。' },
    example: '=RANK.EQ([GMV], Products[GMV])',
  },
  {
    name: 'PERCENTILE.INC', family: 'stats', params: [values, { name: 'k', kind: 'number' }], result: sameAs(0),
    impl: (args) => { const r = sortedAnd(args, 1); return isError(r) ? r : percentileInc(r.xs, r.k); },
    doc: { en: 'The k-th percentile (k from 0 to 1), interpolated.', 'zh-CN': '第 k 个百分位数（k 在 0 到 1 之间）。' },
    example: '=PERCENTILE.INC(Orders[Amount], 0.9)',
  },
  {
    name: 'PERCENTILE.EXC', family: 'stats', params: [values, { name: 'k', kind: 'number' }], result: sameAs(0),
    impl: (args) => { const r = sortedAnd(args, 1); return isError(r) ? r : percentileExc(r.xs, r.k); },
    doc: { en: 'The k-th percentile, k strictly between 0 and 1 (excluding the ends).', 'zh-CN': '第 k 个百分位数，k 严格介于 0 和 1 之间（不含端点）。' },
    example: '=PERCENTILE.EXC(Orders[Amount], 0.9)',
  },
  {
    name: 'QUARTILE.INC', family: 'stats', params: [values, { name: 'quart', kind: 'number' }], result: sameAs(0),
    impl: quartile(0, 4, percentileInc),
    doc: { en: 'A quartile: 0 minimum, 1 first quartile, 2 median, 3 third quartile, 4 maximum.', 'zh-CN': '四分位数：0 最小值，1 第一四分位，2 中位数，3 第三四分位，4 最大值。' },
    example: '=QUARTILE.INC(Orders[Amount], 1)',
  },
  {
    name: 'QUARTILE.EXC', family: 'stats', params: [values, { name: 'quart', kind: 'number' }], result: sameAs(0),
    impl: quartile(1, 3, percentileExc),
    doc: { en: 'A quartile from percentiles that exclude the ends (quart 1, 2 or 3).', 'zh-CN': '按不含端点的百分位数计算的四分位数（quart 为 1、2 或 3）。' },
    example: '=QUARTILE.EXC(Orders[Amount], 3)',
  },
];

defineFunctions(ORDER);
defineAlias('RANK', 'RANK.EQ', {
  en: 'The rank of a number in a column (older name of RANK.EQ).', 'zh-CN': '数字在列中的排名（RANK.EQ 的旧名称）。',
}, '=RANK([GMV], Products[GMV])');
defineAlias('PERCENTILE', 'PERCENTILE.INC', {
  en: 'The k-th percentile (older name of PERCENTILE.INC).', 'zh-CN': '第 k 个百分位数（PERCENTILE.INC 的旧名称）。',
}, '=PERCENTILE(Orders[Amount], 0.9)');
defineAlias('QUARTILE', 'QUARTILE.INC', {
  en: 'A quartile, 0 to 4 (older name of QUARTILE.INC).', 'zh-CN': '四分位数，0 到 4（QUARTILE.INC 的旧名称）。',
}, '=QUARTILE(Orders[Amount], 1)');
