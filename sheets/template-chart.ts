/** Turns a template's default chart (column keys, both languages) into a chart of a created sheet (column ids). */
import type { ChartErrorBars, ChartSpec } from '../src/schema/index.ts';
import type { TemplateChart, TemplateSeries } from './template.ts';

const errorBars = (e: NonNullable<TemplateSeries['error']>, id: (key: string) => string): ChartErrorBars =>
  e.kind === 'range'
    ? { kind: 'range', low: id(e.low), high: id(e.high) }
    : { kind: 'proportion', trials: id(e.trials), successes: id(e.successes), confidence: e.confidence };

/** The chart spec of `chart` for a sheet whose column ids are given by template column key. */
export const templateChartSpec = (chart: TemplateChart, columns: ReadonlyMap<string, string>): ChartSpec => {
  // An unknown key becomes an id no column has, so the chart check names the missing column.
  const id = (key: string): string => columns.get(key) ?? `missing:${key}`;
  const spec: ChartSpec = {
    title: chart.en,
    labels: { en: chart.en, 'zh-CN': chart.zh },
    kind: chart.kind,
    x: id(chart.x),
    series: chart.series.map((s) => ({
      column: id(s.column),
      aggregate: s.aggregate,
      ...(s.as ? { as: s.as } : {}),
      ...(s.label ? { label: s.label.en, labels: { en: s.label.en, 'zh-CN': s.label.zh } } : {}),
      ...(s.error ? { error: errorBars(s.error, id) } : {}),
    })),
    filters: (chart.filters ?? []).map((f) => ({ ...f, column: id(f.column) })),
  };
  if (chart.colorByAlerts) spec.colorByAlerts = true;
  if (chart.threshold) {
    const t = chart.threshold;
    spec.threshold = { value: t.value, label: t.en, labels: { en: t.en, 'zh-CN': t.zh }, ...(t.series !== undefined ? { series: t.series } : {}) };
  }
  return spec;
};
