/**
 * Fits and summaries: SLOPE, INTERCEPT and RSQ of the least-squares line, GEOMEAN, CONFIDENCE.NORM,
 * and the older names STDEV, VAR and FORECAST found in imported sheets.
 */
import { badNumber, divZero, isError } from '../errors.ts';
import { normalInv } from '../normal.ts';
import { exactSum } from '../numbers.ts';
import type { Scalar, Value } from '../values.ts';
import { numbersOf } from '../values.ts';
import { asList } from './aggregates.ts';
import { numeric } from './math.ts';
import { aggregateType, defineAlias, defineFunctions, type FunctionDef } from './registry.ts';
import { moments, pairs } from './stats.ts';

/** The least-squares line of known y on known x: slope, intercept and r². */
const fit = (args: readonly Value[], what: (m: ReturnType<typeof moments>) => Scalar): Scalar => {
  const p = pairs(asList(args[1] ?? null), asList(args[0] ?? null));
  if (isError(p)) return p;
  if (p.xs.length < 2) return divZero('stats.needPairs', undefined);
  const m = moments(p.xs, p.ys);
  if (m.sxx === 0) return divZero('stats.xFlat');
  return what(m);
};

const ys = { name: 'known_ys', kind: 'list' } as const;
const xs = { name: 'known_xs', kind: 'list' } as const;

const FIT: FunctionDef[] = [
  {
    name: 'SLOPE', family: 'stats', params: [ys, xs], result: 'number',
    impl: (args) => fit(args, (m) => m.sxy / m.sxx),
    doc: { en: 'Slope of the least-squares line through the points (y per unit of x).', 'zh-CN': '最小二乘直线的斜率（x 每增加 1 时 y 的变化）。' },
    example: '=SLOPE(Ads[GMV], Ads[Spend])',
  },
  {
    name: 'INTERCEPT', family: 'stats', params: [ys, xs], result: (c) => (c.args[0]?.t === 'currency' ? 'currency' : 'number'),
    impl: (args) => fit(args, (m) => m.my - (m.sxy / m.sxx) * m.mx),
    doc: { en: 'Where the least-squares line crosses x = 0.', 'zh-CN': '最小二乘直线在 x = 0 处的值（截距）。' },
    example: '=INTERCEPT(Ads[GMV], Ads[Spend])',
  },
  {
    name: 'RSQ', family: 'stats', params: [ys, xs], result: 'number',
    impl: (args) => fit(args, (m) => (m.syy === 0 ? divZero('stats.yFlat') : (m.sxy * m.sxy) / (m.sxx * m.syy))),
    doc: { en: 'R², the share of the variation in y that the line explains.', 'zh-CN': 'R²，直线能解释的 y 变化的比例。' },
    example: '=RSQ(Ads[GMV], Ads[Spend])',
  },
  {
    name: 'GEOMEAN', family: 'stats', params: [{ name: 'values', kind: 'numlist' }], repeat: 1, result: aggregateType(false),
    impl: (args) => {
      const v = numbersOf(args);
      if (isError(v)) return v;
      if (v.length === 0 || v.some((x) => x <= 0)) return badNumber('stats.geomean');
      return Math.exp(exactSum(v.map(Math.log)) / v.length);
    },
    doc: { en: 'Geometric mean of positive numbers (average growth rate of factors).', 'zh-CN': '正数的几何平均数（如平均增长倍数）。' },
    example: '=GEOMEAN(Months[Growth factor])',
  },
  {
    name: 'CONFIDENCE.NORM', family: 'stats',
    params: [{ name: 'alpha', kind: 'number' }, { name: 'standard_dev', kind: 'number' }, { name: 'size', kind: 'number' }],
    result: (c) => (c.args[1]?.t === 'currency' ? 'currency' : 'number'),
    impl: numeric((alpha, sd, n) => {
      const size = Math.trunc(n);
      if (!(alpha > 0 && alpha < 1) || !(sd > 0) || size < 1) return badNumber('stats.confidence');
      return (normalInv(1 - alpha / 2) * sd) / Math.sqrt(size);
    }),
    doc: { en: 'Half-width of the confidence interval of a mean (normal distribution).', 'zh-CN': '均值置信区间的半宽（正态分布）。' },
    example: '=CONFIDENCE.NORM(0.05, STDEV.S(Orders[Amount]), COUNT(Orders[Amount]))',
  },
];

defineFunctions(FIT);
defineAlias('STDEV', 'STDEV.S', { en: 'Standard deviation of a sample (older name of STDEV.S).', 'zh-CN': '样本标准差（STDEV.S 的旧名称）。' }, '=STDEV(Sales[Units])');
defineAlias('VAR', 'VAR.S', { en: 'Variance of a sample (older name of VAR.S).', 'zh-CN': '样本方差（VAR.S 的旧名称）。' }, '=VAR(Sales[Units])');
defineAlias('FORECAST', 'FORECAST.LINEAR', {
  en: 'Predicts a value on the least-squares line (older name of FORECAST.LINEAR).', 'zh-CN': '按最小二乘直线预测数值（FORECAST.LINEAR 的旧名称）。',
}, '=FORECAST(31, Sales[Units], Sales[Day])');
