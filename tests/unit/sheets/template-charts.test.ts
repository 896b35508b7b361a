/** Every template ships its default charts: stored with the sheet, checked, and the chosen ones pinned. */
import { expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { applyTemplates, type FormulaCompiler } from '../../../sheets/apply-template.ts';
import { OPS_TEMPLATES } from '../../../sheets/templates.ts';

// Charts do not depend on formulas; the formulas are kept as typed (no engine in this test).
const keepDisplay: FormulaCompiler = (_wb, _sheet, display) => display;

const opsWorkbook = () => {
  const wb = Workbook.create();
  const applied = applyTemplates(wb, OPS_TEMPLATES, keepDisplay);
  return { wb, applied };
};

test('templates: each default chart is stored with its sheet, titled in both languages', () => {
  const { wb, applied } = opsWorkbook();
  for (const t of OPS_TEMPLATES) {
    const sheetId = applied.get(t.kind)?.sheetId ?? '';
    const charts = wb.charts(sheetId);
    expect(charts.map((c) => c.labels).sort((a, b) => String(a?.en).localeCompare(String(b?.en)))).toEqual(
      t.charts.map((c) => ({ en: c.en, 'zh-CN': c.zh })).sort((a, b) => a.en.localeCompare(b.en)),
    );
  }
});

test('templates: the issue’s charts are all there', () => {
  const { wb } = opsWorkbook();
  const titles = wb.sheets().flatMap((s) => wb.charts(s.id).map((c) => c.title));
  expect(titles).toEqual(
    expect.arrayContaining([
      'Margin by category',
      'Stock value and days of cover by category',
      'GMV: target vs actual',
      'GMV by campaign start',
      'Price index by competitor',
      'Conversion rates with 95% intervals',
      'KPIs against target',
      'Tickets by type',
    ]),
  );
});

test('templates: A/B rates carry 95% intervals computed from each variant’s visitors and conversions', () => {
  const { wb, applied } = opsWorkbook();
  const ab = applied.get('abtests');
  const chart = wb.charts(ab?.sheetId ?? '')[0];
  const col = (key: string) => ab?.columns.get(key);
  expect(chart?.series.map((s) => [s.column, s.label, s.error])).toEqual([
    [col('rateA'), 'Variant A', { kind: 'proportion', trials: col('nA'), successes: col('xA'), confidence: 0.95 }],
    [col('rateB'), 'Variant B', { kind: 'proportion', trials: col('nB'), successes: col('xB'), confidence: 0.95 }],
  ]);
});

test('templates: the inventory chart draws the overstock line on the days-of-cover axis', () => {
  const { wb, applied } = opsWorkbook();
  const chart = wb.charts(applied.get('inventory')?.sheetId ?? '')[0];
  expect(chart?.kind).toBe('combo');
  expect(chart?.series.map((s) => s.as)).toEqual(['bar', 'line']);
  expect(chart?.threshold).toMatchObject({ value: 90, series: 1, label: 'Overstock threshold' });
});

test('templates: four charts are pinned to the dashboard, KPIs first', () => {
  const { wb } = opsWorkbook();
  const titles = wb.dashboard().map((t) => wb.chart(t.sheetId, t.chartId)?.title);
  expect(titles).toEqual(['KPIs against target', 'Stock value and days of cover by category', 'GMV: target vs actual', 'Conversion rates with 95% intervals']);
  expect(wb.dashboard().every((t) => t.w === 2 && t.h === 1)).toBe(true);
});
