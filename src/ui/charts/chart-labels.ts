/** The words a chart shows, in the person's language: title, series and group names, and why it cannot draw. */
import type { Chart } from '../../schema/chart-types.ts';
import type { ChartProblem } from '../../schema/chart-check.ts';
import type { Column, Locale } from '../../schema/types.ts';
import type { AppState } from '../app-context.ts';
import { formatValue, plainText, type FormatContext } from '../../schema/format-value.ts';
import type { ViewText } from '../i18n/view-texts.ts';
import type { ChartDisplay } from './chart-config.ts';
import type { ChartData, GroupKey } from '../../app/charts/chart-data.ts';

/** A chart's title in the UI language (a template chart's translation, unless renamed). */
export const chartTitle = (chart: Pick<Chart, 'title' | 'labels'>, locale: Locale): string => chart.labels?.[locale] ?? chart.title;

/** Names of the chart's series: their own label, else the column's name (or "Count of …"). */
export const seriesLabels = (chart: Chart, columns: readonly Column[], app: Pick<AppState, 'label'>, locale: Locale, vt: ViewText): string[] =>
  chart.series.map((s) => {
    const own = s.labels?.[locale] ?? s.label;
    if (own) return own;
    const col = columns.find((c) => c.id === s.column);
    const name = col ? app.label(col) : '';
    return s.aggregate === 'count' ? vt('charts.count', name) : name;
  });

/** How a group shows on the axis: as its cell would, booleans as TRUE / FALSE, the empty group named. */
export const groupLabel = (g: GroupKey, xCol: Column | undefined, fmt: FormatContext, vt: ViewText): string => {
  if (g === null) return vt('charts.blank');
  if (typeof g === 'boolean' || !xCol) return plainText(g, 'text');
  return formatValue(g, xCol, fmt) || String(g);
};

/** Everything the chart.js configuration needs besides the numbers. */
export const chartDisplay = (
  chart: Chart,
  data: ChartData,
  columns: readonly Column[],
  app: Pick<AppState, 'label'>,
  ctx: { fmt: FormatContext; locale: Locale; vt: ViewText; compact?: boolean },
): ChartDisplay => {
  const col = (id: string) => columns.find((c) => c.id === id);
  const xColumn = col(chart.x);
  const t = chart.threshold;
  return {
    seriesLabels: seriesLabels(chart, columns, app, ctx.locale, ctx.vt),
    groupLabels: data.groups.map((g) => groupLabel(g, xColumn, ctx.fmt, ctx.vt)),
    seriesColumns: chart.series.map((s) => col(s.column)),
    counts: chart.series.map((s) => s.aggregate === 'count'),
    xColumn,
    format: ctx.fmt,
    ...(t ? { threshold: { value: t.value, label: t.labels?.[ctx.locale] ?? t.label, series: t.series ?? 0 } } : {}),
    ...(ctx.compact ? { compact: true } : {}),
  };
};

/** Why a chart cannot be taken or drawn, in the UI language. `typeName` names a column type. */
export const problemText = (p: ChartProblem, vt: ViewText, typeName: (type: Column['type']) => string): string => {
  switch (p.code) {
    case 'noTitle':
    case 'unknownKind':
    case 'noSeries':
    case 'onlyOneSeries':
    case 'missingColumn':
    case 'unknownAggregate':
    case 'unknownConfidence':
    case 'badThreshold':
      return vt(`problem.${p.code}`);
    case 'tooManySeries':
      return vt('problem.tooManySeries', p.max);
    case 'seriesNotNumeric':
      return vt('problem.seriesNotNumeric', p.column, typeName(p.type));
    case 'errorNotNumeric':
      return vt('problem.errorNotNumeric', p.column, typeName(p.type));
    case 'scatterX':
      return vt('problem.scatterX', p.column, typeName(p.type));
    case 'errorOnCount':
      return vt('problem.errorOnCount', p.column);
    case 'unknownFilter':
      return vt('problem.unknownFilter', p.column);
  }
};
