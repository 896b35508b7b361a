/** KPI dashboard (数据分析): one row per metric, each a cell formula over the other sheets, with target and status. */
import type { SheetTemplate } from './template.ts';
import { DECISIONS } from './state-texts.ts';

/**
 * The metrics of the ops template: name, cell formula (display form), target, direction. Each cell
 * is shown as its formula's type (¥ for money, whole numbers for counts); a rate is made a
 * percentage with `%`, and its target is a formula too (`=3.5%`) so that it reads the same way.
 */
export const KPI_METRICS: { en: string; zh: string; formula: string; target: number | string; lowerIsBetter?: boolean }[] = [
  { en: 'GMV', zh: 'GMV 成交总额', formula: "=SUM('User segments'[Revenue])", target: 3_200_000 },
  { en: 'Orders', zh: '订单数', formula: "=SUM('User segments'[Orders])", target: 36_000 },
  // Ratios are blank until there is something to divide by (a new workbook shows no #DIV/0!).
  { en: 'AOV', zh: '客单价', formula: "=IF(SUM('User segments'[Orders]) = 0, \"\", SUM('User segments'[Revenue]) / SUM('User segments'[Orders]))", target: 85 },
  {
    en: 'Conversion rate',
    zh: '转化率',
    formula: "=IF(SUM('A/B tests'[Visitors A]) = 0, \"\", (100 * SUM('A/B tests'[Conversions A]) / SUM('A/B tests'[Visitors A]))%)",
    target: '=3.5%',
  },
  { en: 'Stock value', zh: '库存金额', formula: '=SUM(Inventory[Stock value])', target: 4_500_000, lowerIsBetter: true },
  {
    en: 'SKUs to reorder',
    zh: '待补货 SKU',
    formula: '=COUNTIF(Inventory[Status], "Reorder") + COUNTIF(Inventory[Status], "Stock-out risk")',
    target: 12,
    lowerIsBetter: true,
  },
  { en: 'Live campaigns', zh: '进行中活动', formula: '=COUNTIF(Campaigns[Phase], "Live")', target: 3 },
  { en: 'Average price index', zh: '平均价格指数', formula: '=IF(COUNT(Competitors[Price index]) = 0, "", ROUND(AVERAGE(Competitors[Price index]), 1))', target: 102, lowerIsBetter: true },
  { en: 'Tests won', zh: '胜出实验', formula: `=COUNTIF('A/B tests'[Decision], "${DECISIONS.shipB}")`, target: 1 },
  { en: 'Refunds', zh: '退款金额', formula: "=SUM('After-sales'[Refund amount])", target: 6_000, lowerIsBetter: true },
  { en: 'SLA breaches', zh: '超时工单', formula: "=COUNTIF('After-sales'[SLA breached], TRUE)", target: 5, lowerIsBetter: true },
];

export const kpis: SheetTemplate = {
  kind: 'kpis',
  en: 'KPIs',
  zh: 'KPI 看板',
  about: {
    en: 'The team’s metrics, each computed from the other sheets, against its target.',
    zh: '团队的核心指标，均由其他表格实时计算，并与目标对比。',
  },
  columns: [
    { key: 'metric', en: 'Metric', zh: '指标', type: 'text', options: { key: true, width: 180, pinned: true } },
    { key: 'value', en: 'Value', zh: '当前值', type: 'number', options: { width: 150 }, doc: 'each row holds its own formula, shown as its type (¥, %, whole numbers)' },
    // Shown as its row's value is (¥3,200,000.00 next to ¥3,335,000.00, 3.5% next to 4.6%).
    { key: 'target', en: 'Target', zh: '目标', type: 'number', options: { formatLike: 'value' }, doc: 'shown like the value: ¥ for money, % for a rate' },
    { key: 'direction', en: 'Direction', zh: '方向', type: 'choice', options: { choices: ['Higher is better', 'Lower is better'] } },
    {
      key: 'attainment',
      en: '% of target',
      zh: '目标达成率',
      type: 'percent',
      options: { precision: 0 },
      formula: '=IF([Target] <> 0, [Value] / [Target], "")',
      doc: 'value / target (for "lower is better" metrics, under 100% is good)',
    },
    {
      key: 'status',
      en: 'Status',
      zh: '状态',
      type: 'text',
      formula:
        '=IF([Direction] = "Lower is better", IF([Value] <= [Target], "On track", "Behind"), IF([Value] >= [Target], "On track", "Behind"))',
    },
  ],
  rules: [
    {
      key: 'behind',
      en: 'Behind target',
      zh: '未达目标',
      when: '=[Status] = "Behind"',
      level: 'warning',
      message: { en: 'This metric is behind its target.', zh: '该指标未达目标。' },
      columns: ['value', 'status'],
    },
  ],
  charts: [
    {
      key: 'kpiVsTarget',
      en: 'KPIs against target',
      zh: 'KPI 目标达成',
      kind: 'bar',
      x: 'metric',
      // Metrics differ in scale (¥ millions, rates of a few %): each is shown as a share of its target.
      series: [{ column: 'attainment', aggregate: 'sum' }],
      threshold: { value: 1, en: 'Target', zh: '目标' },
      // Over 100% is good for GMV and bad for SLA breaches: each bar takes its row's status (the "Behind target" alert).
      colorByAlerts: true,
      pin: { w: 2, h: 1 },
    },
  ],
};
