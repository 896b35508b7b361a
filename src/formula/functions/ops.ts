/**
 * The ops functions of DOMAIN.md: the two-proportion z-test of A/B tests (as the public calculators,
 * e.g. Evan Miller's, compute it), sample size per variant, safety stock and reorder point.
 */
import { badNumber, isError, type FormulaError } from '../errors.ts';
import { normalCdf, normalInv } from '../normal.ts';
import type { Scalar, Value } from '../values.ts';
import { toNumber } from '../values.ts';
import { numeric } from './math.ts';
import { defineFunctions, type FunctionDef } from './registry.ts';

/** Below this many conversions (or non-conversions) in a variant the normal approximation does not hold. */
const MIN_COUNT = 10;

interface Test {
  pA: number;
  pB: number;
  nA: number;
  nB: number;
}

const readTest = (args: readonly Value[]): Test | FormulaError => {
  const xs: number[] = [];
  for (let i = 0; i < 4; i++) {
    const n = toNumber((args[i] ?? null) as Scalar);
    if (isError(n)) return n;
    xs.push(n);
  }
  const [nA = 0, xA = 0, nB = 0, xB = 0] = xs;
  if (nA <= 0 || nB <= 0) return badNumber('ops.visitors');
  if (xA < 0 || xB < 0 || xA > nA || xB > nB) return badNumber('ops.conversions');
  if (Math.min(xA, xB, nA - xA, nB - xB) < MIN_COUNT) {
    return badNumber('ops.fewConversions', MIN_COUNT);
  }
  return { pA: xA / nA, pB: xB / nB, nA, nB };
};

/** z of the pooled two-proportion test. */
const zOf = (t: Test): number | FormulaError => {
  const p = (t.pA * t.nA + t.pB * t.nB) / (t.nA + t.nB);
  const se = Math.sqrt(p * (1 - p) * (1 / t.nA + 1 / t.nB));
  return se === 0 ? badNumber('ops.nothingToCompare') : (t.pB - t.pA) / se;
};

/** Bound of the confidence interval of pB − pA (unpooled standard error). */
const bound = (args: readonly Value[], sign: -1 | 1): Scalar => {
  const t = readTest(args);
  if (isError(t)) return t;
  const c = args[4] === undefined ? 0.95 : toNumber(args[4] as Scalar);
  if (isError(c)) return c;
  if (!(c > 0 && c < 1)) return badNumber('ops.confidence');
  const se = Math.sqrt((t.pA * (1 - t.pA)) / t.nA + (t.pB * (1 - t.pB)) / t.nB);
  return t.pB - t.pA + sign * normalInv(1 - (1 - c) / 2) * se;
};

const counts = [
  { name: 'visitors_A', kind: 'number' }, { name: 'conversions_A', kind: 'number' },
  { name: 'visitors_B', kind: 'number' }, { name: 'conversions_B', kind: 'number' },
] as const;
const confidence = { name: 'confidence', kind: 'number', optional: true } as const;

const OPS: FunctionDef[] = [
  {
    name: 'ABTEST.Z', family: 'ops', params: counts, result: 'number',
    impl: (args) => { const t = readTest(args); return isError(t) ? t : zOf(t); },
    doc: { en: 'z statistic of B against A (pooled two-proportion z-test).', 'zh-CN': 'B 相对 A 的 z 值（合并两比例 z 检验）。' },
    example: '=ABTEST.Z(1000, 100, 1000, 120)',
  },
  {
    name: 'ABTEST.PVALUE', family: 'ops', params: counts, result: 'number',
    impl: (args) => {
      const t = readTest(args);
      if (isError(t)) return t;
      const z = zOf(t);
      return isError(z) ? z : 2 * normalCdf(-Math.abs(z));
    },
    doc: { en: 'Two-sided p-value of the A/B test; below 0.05 is significant at 95%.', 'zh-CN': 'A/B 测试的双侧 p 值；小于 0.05 即在 95% 水平显著。' },
    example: '=ABTEST.PVALUE(1000, 100, 1000, 120)',
  },
  {
    name: 'ABTEST.CI.LOW', family: 'ops', params: [...counts, confidence], result: 'percent', impl: (args) => bound(args, -1),
    doc: { en: 'Lower bound of the confidence interval of B’s rate minus A’s.', 'zh-CN': 'B 与 A 转化率之差的置信区间下限。' },
    example: '=ABTEST.CI.LOW(1000, 100, 1000, 120, 0.95)',
  },
  {
    name: 'ABTEST.CI.HIGH', family: 'ops', params: [...counts, confidence], result: 'percent', impl: (args) => bound(args, 1),
    doc: { en: 'Upper bound of the confidence interval of B’s rate minus A’s.', 'zh-CN': 'B 与 A 转化率之差的置信区间上限。' },
    example: '=ABTEST.CI.HIGH(1000, 100, 1000, 120, 0.95)',
  },
  {
    name: 'ABTEST.SAMPLESIZE', family: 'ops',
    params: [{ name: 'baseline', kind: 'number' }, { name: 'relative_mde', kind: 'number' },
      { name: 'alpha', kind: 'number', optional: true }, { name: 'power', kind: 'number', optional: true }],
    result: 'integer',
    impl: numeric((p, rel, alpha = 0.05, power = 0.8) => {
      const d = p * (rel ?? 0);
      if (!(p > 0 && p < 1)) return badNumber('ops.baseline');
      if (d === 0 || p + d <= 0 || p + d >= 1) return badNumber('ops.effect');
      if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) return badNumber('ops.alphaPower');
      const a = normalInv(1 - alpha / 2) * Math.sqrt(2 * p * (1 - p));
      const b = normalInv(power) * Math.sqrt(p * (1 - p) + (p + d) * (1 - p - d));
      // Rounded to the nearest visitor, as Evan Miller's calculator shows it (20%, +25% → 1,030).
      return Math.round((a + b) ** 2 / (d * d));
    }),
    doc: { en: 'Visitors needed per variant to detect a relative change of the baseline rate.', 'zh-CN': '检测基线转化率相对变化所需的每组访客数。' },
    example: '=ABTEST.SAMPLESIZE(0.2, 0.05)',
  },
  {
    name: 'SAFETYSTOCK', family: 'ops',
    params: [{ name: 'z', kind: 'number' }, { name: 'sd_demand', kind: 'number' }, { name: 'lead_time', kind: 'number' },
      { name: 'avg_demand', kind: 'number', optional: true }, { name: 'sd_lead_time', kind: 'number', optional: true }],
    result: 'number',
    impl: (args) => {
      const xs: number[] = [];
      for (const a of args) {
        const n = toNumber(a as Scalar);
        if (isError(n)) return n;
        xs.push(n);
      }
      const [z = 0, sd = 0, lt = 0, avg, sdL] = xs;
      if (sd < 0 || lt < 0 || (sdL ?? 0) < 0) return badNumber('ops.negative');
      if (avg === undefined || sdL === undefined) return z * sd * Math.sqrt(lt);
      return z * Math.sqrt(lt * sd * sd + avg * avg * sdL * sdL);
    },
    doc: {
      en: 'Safety stock: z·σd·√L, or z·√(L·σd² + d̄²·σL²) when lead time varies too.',
      'zh-CN': '安全库存：z·σd·√L；提前期也波动时为 z·√(L·σd² + d̄²·σL²)。',
    },
    example: '=SAFETYSTOCK(NORM.S.INV(0.95), [Demand SD], [Lead time])',
  },
  {
    name: 'REORDERPOINT', family: 'ops',
    params: [{ name: 'avg_daily_demand', kind: 'number' }, { name: 'lead_time', kind: 'number' }, { name: 'safety_stock', kind: 'number' }],
    result: 'number',
    impl: numeric((d, l, ss) => d * (l ?? 0) + (ss ?? 0)),
    doc: { en: 'Reorder point: average daily demand × lead time + safety stock.', 'zh-CN': '再订货点：日均需求 × 提前期 + 安全库存。' },
    example: '=REORDERPOINT([Daily sales], [Lead time], [Safety stock])',
  },
];

defineFunctions(OPS);
