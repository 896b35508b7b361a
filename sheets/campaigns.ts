/** Campaign calendar (营销活动): promotions with their dates, budgets and results; overlaps and below-cost discounts flagged. */
import { CATEGORIES, CHANNELS } from './categories.ts';
import type { SheetTemplate } from './template.ts';

/** Campaign types of a self-operated shop. */
export const CAMPAIGN_TYPES = ['Flash sale', 'Spend-X-save-Y', 'Member discount', 'Coupon', 'Bundle', 'Free shipping'];

const OVERLAP_CHANNEL =
  'COUNTIFS(Campaigns[Channel], [Channel], Campaigns[Start], "<=" & [End], Campaigns[End], ">=" & [Start])';
const OVERLAP_CATEGORY =
  'COUNTIFS(Campaigns[Category], [Category], Campaigns[Start], "<=" & [End], Campaigns[End], ">=" & [Start])';
const OVERLAP_BOTH =
  'COUNTIFS(Campaigns[Channel], [Channel], Campaigns[Category], [Category], Campaigns[Start], "<=" & [End], Campaigns[End], ">=" & [Start])';

export const campaigns: SheetTemplate = {
  kind: 'campaigns',
  en: 'Campaigns',
  zh: '营销日历',
  about: {
    en: 'Every promotion with its dates, channel, discount, budget and results; overlaps and below-cost discounts flagged.',
    zh: '每个促销活动的时间、渠道、折扣、预算与效果；自动标出撞期和低于成本的折扣。',
  },
  columns: [
    { key: 'name', en: 'Campaign', zh: '活动名称', type: 'text', options: { width: 200, pinned: true } },
    { key: 'type', en: 'Type', zh: '类型', type: 'choice', options: { choices: CAMPAIGN_TYPES } },
    { key: 'channel', en: 'Channel', zh: '渠道', type: 'choice', options: { choices: CHANNELS } },
    { key: 'category', en: 'Category', zh: '品类', type: 'choice', options: { choices: CATEGORIES } },
    { key: 'start', en: 'Start', zh: '开始日期', type: 'date' },
    { key: 'end', en: 'End', zh: '结束日期', type: 'date' },
    { key: 'discount', en: 'Discount', zh: '折扣力度', type: 'percent', options: { precision: 0 } },
    { key: 'budget', en: 'Budget', zh: '预算', type: 'currency', options: { precision: 0 } },
    { key: 'target', en: 'Target GMV', zh: '目标 GMV', type: 'currency', options: { precision: 0 } },
    { key: 'gmv', en: 'Actual GMV', zh: '实际 GMV', type: 'currency', options: { precision: 0 } },
    { key: 'spend', en: 'Actual cost', zh: '实际花费', type: 'currency', options: { precision: 0 } },
    { key: 'days', en: 'Duration', zh: '天数', type: 'integer', formula: '=[End] - [Start] + 1', doc: 'end − start + 1 (inclusive)' },
    {
      key: 'phase',
      en: 'Phase',
      zh: '阶段',
      type: 'text',
      formula: '=IFS(TODAY() < [Start], "Planned", TODAY() > [End], "Done", TRUE, "Live")',
    },
    {
      key: 'catMargin',
      en: 'Category margin',
      zh: '品类毛利率',
      type: 'percent',
      options: { precision: 1 },
      formula: '=AVERAGEIFS(Products[Margin %], Products[Category], [Category])',
      doc: 'average list-price margin of the category in Products',
    },
    {
      key: 'roi',
      en: 'ROI',
      zh: '投资回报率',
      type: 'percent',
      options: { precision: 0 },
      formula: '=IF([Actual cost] > 0, ([Actual GMV] * [Category margin] - [Actual cost]) / [Actual cost], "")',
      doc: '(GMV × margin − cost) / cost',
    },
    {
      key: 'overlaps',
      en: 'Overlaps',
      zh: '撞期数',
      type: 'integer',
      formula: `=${OVERLAP_CHANNEL} + ${OVERLAP_CATEGORY} - ${OVERLAP_BOTH} - 1`,
      doc: 'other campaigns at the same time on the same channel or category',
    },
    {
      key: 'minMargin',
      en: 'Lowest margin in category',
      zh: '品类最低毛利率',
      type: 'percent',
      options: { precision: 1 },
      formula: '=MINIFS(Products[Margin %], Products[Category], [Category])',
    },
  ],
  rules: [
    {
      key: 'overlap',
      en: 'Overlapping campaigns',
      zh: '活动撞期',
      when: '=[Overlaps] > 0',
      level: 'warning',
      message: {
        en: 'Another campaign runs at the same time on the same channel or category: discounts may stack.',
        zh: '同一渠道或品类同时有其他活动：折扣可能叠加。',
      },
      columns: ['start', 'end', 'overlaps'],
    },
    {
      key: 'belowCost',
      en: 'Discount below cost',
      zh: '折后低于成本',
      when: '=AND(COUNTIF(Products[Category], [Category]) > 0, [Discount] > [Lowest margin in category])',
      level: 'error',
      message: {
        en: 'At this discount some products of the category sell below cost.',
        zh: '按此折扣，该品类部分商品将低于成本售卖。',
      },
      columns: ['discount', 'minMargin'],
    },
  ],
  charts: [
    {
      key: 'gmvTargetActual',
      en: 'GMV: target vs actual',
      zh: 'GMV：目标与实际',
      kind: 'bar',
      x: 'name',
      series: [
        { column: 'target', aggregate: 'sum' },
        { column: 'gmv', aggregate: 'sum' },
      ],
      pin: { w: 2, h: 1 },
    },
    {
      key: 'gmvTrend',
      en: 'GMV by campaign start',
      zh: '按开始日期的 GMV',
      kind: 'line',
      x: 'start',
      series: [
        { column: 'target', aggregate: 'sum' },
        { column: 'gmv', aggregate: 'sum' },
      ],
    },
  ],
};
