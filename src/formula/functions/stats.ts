/** Statistics: spread, percentiles, the normal distribution, correlation and linear forecasts (Excel's definitions). */
import { badNumber, divZero, isError, notAvailable, type FormulaError } from '../errors.ts';
import { normalCdf, normalInv, normalPdf } from '../normal.ts';
import { exactSum } from '../numbers.ts';
import type { List, Scalar, Value } from '../values.ts';
import { numbersOf, toBoolean } from '../values.ts';
import { asList } from './aggregates.ts';
import { numeric } from './math.ts';
import { aggregateType, defineFunctions, type FunctionDef } from './registry.ts';

const variance = (xs: number[], sample: boolean): number | FormulaError => {
  const n = xs.length;
  if (n < (sample ? 2 : 1)) return divZero(sample ? 'stats.needTwo' : 'stats.needOne');
  const mean = exactSum(xs) / n;
  return exactSum(xs.map((x) => (x - mean) ** 2)) / (sample ? n - 1 : n);
};

const spread =
  (sample: boolean, root: boolean) =>
  (args: readonly Value[]): Scalar => {
    const xs = numbersOf(args);
    if (isError(xs)) return xs;
    const v = variance(xs, sample);
    return isError(v) ? v : root ? Math.sqrt(v) : v;
  };

/** Pairs of numbers at the same rows of two columns (rows where either is not a number are skipped); #N/A for columns of unequal length. */
export const pairs = (a: List, b: List): { xs: number[]; ys: number[] } | FormulaError => {
  if (a.length !== b.length) return notAvailable('stats.lengths');
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (isError(x)) return x;
    if (isError(y)) return y;
    if (typeof x === 'number' && typeof y === 'number') {
      xs.push(x);
      ys.push(y);
    }
  }
  return { xs, ys };
};

/** Means and centred cross sums of two number lists. */
export const moments = (xs: number[], ys: number[]) => {
  const mx = exactSum(xs) / xs.length;
  const my = exactSum(ys) / ys.length;
  return {
    mx,
    my,
    sxy: exactSum(xs.map((x, i) => (x - mx) * ((ys[i] ?? 0) - my))),
    sxx: exactSum(xs.map((x) => (x - mx) ** 2)),
    syy: exactSum(ys.map((y) => (y - my) ** 2)),
  };
};

const list = { name: 'values', kind: 'numlist' } as const;
const prob = { name: 'probability', kind: 'number' } as const;
const cumulative = { name: 'cumulative', kind: 'boolean' } as const;

const STATS: FunctionDef[] = [
  {
    name: 'MEDIAN', family: 'stats', params: [{ name: 'values', kind: 'numdatelist' }], repeat: 1, result: aggregateType(false),
    impl: (args) => {
      const xs = numbersOf(args);
      if (isError(xs)) return xs;
      if (xs.length === 0) return badNumber('stats.medianNone');
      xs.sort((a, b) => a - b);
      const m = xs.length >> 1;
      return xs.length % 2 ? (xs[m] ?? 0) : ((xs[m - 1] ?? 0) + (xs[m] ?? 0)) / 2;
    },
    doc: { en: 'The middle value.', 'zh-CN': '中位数。' }, example: '=MEDIAN(Orders[Amount])',
  },
  {
    name: 'STDEV.S', family: 'stats', params: [list], repeat: 1, result: aggregateType(false), impl: spread(true, true),
    doc: { en: 'Standard deviation of a sample.', 'zh-CN': '样本标准差。' }, example: '=STDEV.S(Sales[Units])',
  },
  {
    name: 'STDEV.P', family: 'stats', params: [list], repeat: 1, result: aggregateType(false), impl: spread(false, true),
    doc: { en: 'Standard deviation of a whole population.', 'zh-CN': '总体标准差。' }, example: '=STDEV.P(Sales[Units])',
  },
  {
    name: 'VAR.S', family: 'stats', params: [list], repeat: 1, result: 'number', impl: spread(true, false),
    doc: { en: 'Variance of a sample.', 'zh-CN': '样本方差。' }, example: '=VAR.S(Sales[Units])',
  },
  {
    name: 'VAR.P', family: 'stats', params: [list], repeat: 1, result: 'number', impl: spread(false, false),
    doc: { en: 'Variance of a whole population.', 'zh-CN': '总体方差。' }, example: '=VAR.P(Sales[Units])',
  },
  {
    name: 'NORM.S.DIST', family: 'stats', params: [{ name: 'z', kind: 'number' }, cumulative], result: 'number',
    impl: (args) => {
      const c = toBoolean((args[1] ?? false) as Scalar);
      if (isError(c)) return c;
      return numeric((z) => (c ? normalCdf(z) : normalPdf(z)))([args[0] ?? null]);
    },
    doc: { en: 'Standard normal distribution (cumulative or density).', 'zh-CN': '标准正态分布（累积或密度）。' },
    example: '=NORM.S.DIST(1.96, TRUE)',
  },
  {
    name: 'NORM.S.INV', family: 'stats', params: [prob], result: 'number',
    impl: numeric((p) => (p <= 0 || p >= 1 ? badNumber('stats.probability') : normalInv(p))),
    doc: { en: 'z for a probability (service level 95% → 1.645).', 'zh-CN': '给定概率的 z 值（服务水平 95% → 1.645）。' },
    example: '=NORM.S.INV(0.95)',
  },
  {
    name: 'NORM.DIST', family: 'stats',
    params: [{ name: 'x', kind: 'number' }, { name: 'mean', kind: 'number' }, { name: 'standard_dev', kind: 'number' }, cumulative],
    result: 'number',
    impl: (args) => {
      const c = toBoolean((args[3] ?? false) as Scalar);
      if (isError(c)) return c;
      return numeric((x, m, s) => {
        if (!(s > 0)) return badNumber('stats.sd');
        const z = (x - m) / s;
        return c ? normalCdf(z) : normalPdf(z) / s;
      })(args.slice(0, 3));
    },
    doc: { en: 'Normal distribution with a mean and standard deviation.', 'zh-CN': '给定均值和标准差的正态分布。' },
    example: '=NORM.DIST(42, 40, 1.5, TRUE)',
  },
  {
    name: 'NORM.INV', family: 'stats',
    params: [prob, { name: 'mean', kind: 'number' }, { name: 'standard_dev', kind: 'number' }], result: 'number',
    impl: numeric((p, m, s) => {
      if (p <= 0 || p >= 1) return badNumber('stats.probability');
      if (!(s > 0)) return badNumber('stats.sd');
      return m + s * normalInv(p);
    }),
    doc: { en: 'Inverse of the normal distribution.', 'zh-CN': '正态分布的反函数。' }, example: '=NORM.INV(0.95, 100, 15)',
  },
  {
    name: 'CORREL', family: 'stats', params: [{ name: 'column1', kind: 'list' }, { name: 'column2', kind: 'list' }], result: 'number',
    impl: (args) => {
      const p = pairs(asList(args[0] ?? null), asList(args[1] ?? null));
      if (isError(p)) return p;
      if (p.xs.length < 2) return divZero('stats.needPairs', 'CORREL');
      const m = moments(p.xs, p.ys);
      const d = Math.sqrt(m.sxx * m.syy);
      return d === 0 ? divZero('stats.noVariation') : m.sxy / d;
    },
    doc: { en: 'Correlation coefficient of two columns.', 'zh-CN': '两列的相关系数。' }, example: '=CORREL(Ads[Spend], Ads[GMV])',
  },
  {
    name: 'FORECAST.LINEAR', family: 'stats',
    params: [{ name: 'x', kind: 'numdate' }, { name: 'known_ys', kind: 'list' }, { name: 'known_xs', kind: 'list' }],
    result: (c) => (c.args[1]?.t === 'currency' ? 'currency' : 'number'),
    impl: (args) => {
      const x = numbersOf([args[0] ?? null]);
      if (isError(x)) return x;
      const p = pairs(asList(args[2] ?? null), asList(args[1] ?? null));
      if (isError(p)) return p;
      if (p.xs.length < 2) return divZero('stats.forecastPoints');
      const m = moments(p.xs, p.ys);
      if (m.sxx === 0) return divZero('stats.xFlat');
      const b = m.sxy / m.sxx;
      return m.my + b * ((x[0] ?? 0) - m.mx);
    },
    doc: { en: 'Predicts a value on the least-squares line.', 'zh-CN': '按最小二乘直线预测数值。' },
    example: '=FORECAST.LINEAR(31, Sales[Units], Sales[Day])',
  },
];

defineFunctions(STATS);
