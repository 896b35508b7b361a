/** A/B tests (数据分析): two-proportion z-tests with confidence intervals, power and a decision per test. */
import { DECISIONS, NEEDS_CONVERSIONS } from './state-texts.ts';
import type { SheetTemplate } from './template.ts';

const ARGS = '[Visitors A], [Conversions A], [Visitors B], [Conversions B]';

/**
 * Too few conversions (or non-conversions) in a variant for the z-test's normal approximation, as
 * ABTEST.* counts them. Such a test is not wrong, it is not ready: its statistics say so as text
 * (shown muted), not as #NUM!.
 */
const UNDER = 'MIN([Conversions A], [Conversions B], [Visitors A] - [Conversions A], [Visitors B] - [Conversions B]) < 10';
// The English words are the state's name; the app shows them in the person's language (state-texts.ts).
const NOT_READY = `"${NEEDS_CONVERSIONS}"`;
/** `stat` of a test, or the words saying it needs more data. */
const ready = (stat: string): string => `=IF(${UNDER}, ${NOT_READY}, ${stat})`;

export const abTests: SheetTemplate = {
  kind: 'abtests',
  en: 'A/B tests',
  zh: 'A/B 测试',
  about: {
    en: 'Each experiment’s visitors and conversions per variant; uplift, p-value, 95% interval, power and a decision.',
    zh: '每个实验各组的访客与转化；提升幅度、p 值、95% 置信区间、样本进度与结论。',
  },
  columns: [
    { key: 'test', en: 'Test', zh: '实验', type: 'text', options: { key: true, width: 180, pinned: true } },
    { key: 'hypothesis', en: 'Hypothesis', zh: '假设', type: 'text', options: { width: 260 } },
    { key: 'metric', en: 'Metric', zh: '指标', type: 'choice', options: { choices: ['Conversion rate', 'Add-to-cart rate', 'Click-through rate', 'Coupon redemption'] } },
    { key: 'start', en: 'Start', zh: '开始日期', type: 'date' },
    { key: 'end', en: 'End', zh: '结束日期', type: 'date' },
    { key: 'nA', en: 'Visitors A', zh: 'A 组访客', type: 'integer' },
    { key: 'xA', en: 'Conversions A', zh: 'A 组转化', type: 'integer' },
    { key: 'nB', en: 'Visitors B', zh: 'B 组访客', type: 'integer' },
    { key: 'xB', en: 'Conversions B', zh: 'B 组转化', type: 'integer' },
    { key: 'alpha', en: 'Alpha', zh: '显著性水平', type: 'percent', options: { precision: 0 } },
    { key: 'mde', en: 'MDE', zh: '最小可检测提升', type: 'percent', options: { precision: 0 }, doc: 'smallest relative uplift worth detecting' },
    { key: 'rateA', en: 'Rate A', zh: 'A 组转化率', type: 'percent', options: { precision: 2 }, formula: '=[Conversions A] / [Visitors A]' },
    { key: 'rateB', en: 'Rate B', zh: 'B 组转化率', type: 'percent', options: { precision: 2 }, formula: '=[Conversions B] / [Visitors B]' },
    { key: 'uplift', en: 'Uplift', zh: '相对提升', type: 'percent', options: { precision: 1 }, formula: '=([Rate B] - [Rate A]) / [Rate A]' },
    { key: 'z', en: 'Z', zh: 'Z 值', type: 'number', options: { precision: 2 }, formula: ready(`ABTEST.Z(${ARGS})`) },
    { key: 'p', en: 'P-value', zh: 'p 值', type: 'number', options: { precision: 4 }, formula: ready(`ABTEST.PVALUE(${ARGS})`) },
    { key: 'ciLow', en: 'CI low', zh: '置信区间下限', type: 'percent', options: { precision: 2 }, formula: ready(`ABTEST.CI.LOW(${ARGS}, 1 - [Alpha])`) },
    { key: 'ciHigh', en: 'CI high', zh: '置信区间上限', type: 'percent', options: { precision: 2 }, formula: ready(`ABTEST.CI.HIGH(${ARGS}, 1 - [Alpha])`) },
    { key: 'significant', en: 'Significant', zh: '显著', type: 'boolean', formula: ready(`ABTEST.PVALUE(${ARGS}) < [Alpha]`) },
    {
      key: 'sample',
      en: 'Sample size per variant',
      zh: '每组所需样本',
      type: 'integer',
      formula: '=ABTEST.SAMPLESIZE([Rate A], [MDE], [Alpha])',
      doc: 'visitors each variant needs to detect the MDE with 80% power',
    },
    { key: 'progress', en: 'Progress', zh: '样本进度', type: 'percent', options: { precision: 0 }, formula: '=MIN([Visitors A], [Visitors B]) / [Sample size per variant]' },
    {
      key: 'decision',
      en: 'Decision',
      zh: '结论',
      type: 'text',
      // English keys (KPIs count "Ship B"); the app shows them in the person's language (state-texts.ts).
      formula:
        `=IFS(${UNDER}, "${DECISIONS.tooLittle}", ABTEST.PVALUE(${ARGS}) < [Alpha], IF([Uplift] > 0, "${DECISIONS.shipB}", "${DECISIONS.keepA}"), ` +
        `[Progress] >= 1, "${DECISIONS.noDifference}", TRUE, "${DECISIONS.keepRunning}")`,
    },
  ],
  rules: [
    {
      key: 'smallCounts',
      en: 'Counts under 10',
      zh: '样本数少于 10',
      when: `=MIN(${ARGS}) < 10`,
      level: 'warning',
      message: {
        en: 'A count is under 10: the normal approximation does not hold, so the p-value is not reliable.',
        zh: '有计数少于 10：正态近似不成立，p 值不可靠。',
      },
      columns: ['nA', 'xA', 'nB', 'xB'],
    },
    {
      key: 'underpowered',
      en: 'Ended under-powered',
      zh: '样本不足即结束',
      when: `=AND([End] < TODAY(), [Progress] < 1, NOT(${UNDER}), ABTEST.PVALUE(${ARGS}) >= [Alpha])`,
      level: 'warning',
      message: {
        en: 'The test ended before reaching its sample size: "no difference" is not proven.',
        zh: '实验在达到所需样本前结束，“无差异”并未得到证明。',
      },
      columns: ['progress'],
    },
  ],
  charts: [
    {
      key: 'rates',
      en: 'Conversion rates with 95% intervals',
      zh: '转化率与 95% 置信区间',
      kind: 'bar',
      x: 'test',
      series: [
        {
          column: 'rateA',
          aggregate: 'average',
          label: { en: 'Variant A', zh: 'A 组' },
          error: { kind: 'proportion', trials: 'nA', successes: 'xA', confidence: 0.95 },
        },
        {
          column: 'rateB',
          aggregate: 'average',
          label: { en: 'Variant B', zh: 'B 组' },
          error: { kind: 'proportion', trials: 'nB', successes: 'xB', confidence: 0.95 },
        },
      ],
      pin: { w: 2, h: 1 },
    },
  ],
};
