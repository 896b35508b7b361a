/**
 * Chart definitions are typed like formulas: every column a chart names must exist and have a type
 * that fits its role (a series is summed, so it must hold numbers). Checked before a chart is stored;
 * the problem is data, so each UI language can word it, and `describeChartProblem` words it in English.
 */
import {
  AGGREGATIONS,
  CHART_FILTER_OPS,
  CHART_KINDS,
  CONFIDENCE_LEVELS,
  DASHBOARD_COLUMNS,
  DASHBOARD_MAX_ROWS,
  MAX_SERIES,
  type ChartSpec,
} from './chart-types.ts';
import { OperationError } from './errors.ts';
import type { Column, ColumnType } from './types.ts';

/** Column types a series may sum, average, or take the least or greatest of. */
export const NUMERIC_TYPES: readonly ColumnType[] = ['number', 'integer', 'currency', 'percent'];

export { MAX_SERIES };

/** Why a chart definition cannot be taken. Column names are as the user sees them. */
export type ChartProblem =
  | { code: 'noTitle' }
  | { code: 'unknownKind'; kind: string }
  | { code: 'noSeries' }
  | { code: 'tooManySeries'; max: number }
  | { code: 'onlyOneSeries'; kind: string }
  | { code: 'missingColumn'; role: 'x' | 'series' | 'filter' | 'error' }
  | { code: 'unknownAggregate'; aggregate: string }
  | { code: 'seriesNotNumeric'; column: string; type: ColumnType }
  | { code: 'errorNotNumeric'; column: string; type: ColumnType }
  | { code: 'errorOnCount'; column: string }
  | { code: 'scatterX'; column: string; type: ColumnType }
  | { code: 'unknownConfidence'; confidence: number }
  | { code: 'unknownFilter'; column: string; op: string }
  | { code: 'badThreshold' };

const isNumeric = (type: ColumnType): boolean => NUMERIC_TYPES.includes(type);

/** The first problem of a chart definition over the given columns of its sheet, or null when it checks. */
export const checkChart = (spec: ChartSpec, columns: readonly Column[]): ChartProblem | null => {
  const byId = new Map(columns.map((c) => [c.id, c]));
  if (!spec.title.trim()) return { code: 'noTitle' };
  if (!(CHART_KINDS as readonly string[]).includes(spec.kind)) return { code: 'unknownKind', kind: String(spec.kind) };
  const x = byId.get(spec.x);
  if (!x) return { code: 'missingColumn', role: 'x' };
  if (spec.series.length === 0) return { code: 'noSeries' };
  if (spec.series.length > MAX_SERIES) return { code: 'tooManySeries', max: MAX_SERIES };
  if ((spec.kind === 'pie' || spec.kind === 'doughnut') && spec.series.length > 1) return { code: 'onlyOneSeries', kind: spec.kind };
  if (spec.kind === 'scatter' && !isNumeric(x.type) && x.type !== 'date') return { code: 'scatterX', column: x.name, type: x.type };
  for (const s of spec.series) {
    const col = byId.get(s.column);
    if (!col) return { code: 'missingColumn', role: 'series' };
    if (!(AGGREGATIONS as readonly string[]).includes(s.aggregate)) return { code: 'unknownAggregate', aggregate: String(s.aggregate) };
    // Counting works on any column; everything else needs numbers. A scatter plots values as they are.
    const counts = s.aggregate === 'count' && spec.kind !== 'scatter';
    if (!counts && !isNumeric(col.type)) return { code: 'seriesNotNumeric', column: col.name, type: col.type };
    if (s.error) {
      if (counts) return { code: 'errorOnCount', column: col.name };
      const cols = s.error.kind === 'range' ? [s.error.low, s.error.high] : [s.error.trials, s.error.successes];
      for (const id of cols) {
        const e = byId.get(id);
        if (!e) return { code: 'missingColumn', role: 'error' };
        if (!isNumeric(e.type)) return { code: 'errorNotNumeric', column: e.name, type: e.type };
      }
      if (s.error.kind === 'proportion' && !(CONFIDENCE_LEVELS as readonly number[]).includes(s.error.confidence)) {
        return { code: 'unknownConfidence', confidence: s.error.confidence };
      }
    }
  }
  for (const f of spec.filters ?? []) {
    const col = byId.get(f.column);
    if (!col) return { code: 'missingColumn', role: 'filter' };
    if (!(CHART_FILTER_OPS as readonly string[]).includes(f.op)) return { code: 'unknownFilter', column: col.name, op: String(f.op) };
  }
  const t = spec.threshold;
  if (t && (!Number.isFinite(t.value) || (t.series !== undefined && (t.series < 0 || t.series >= spec.series.length)))) {
    return { code: 'badThreshold' };
  }
  return null;
};

const TYPE_NAMES: Record<ColumnType, string> = {
  text: 'text',
  number: 'number',
  integer: 'whole number',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  boolean: 'checkbox',
  choice: 'choice',
  reference: 'reference',
};

/** The problem as a plain English sentence that says what to do. */
export const describeChartProblem = (p: ChartProblem): string => {
  switch (p.code) {
    case 'noTitle':
      return 'A chart needs a title.';
    case 'unknownKind':
      return `"${p.kind}" is not a chart type; use bar, line, pie, doughnut, scatter or combo.`;
    case 'noSeries':
      return 'A chart needs at least one series: choose a column to plot.';
    case 'tooManySeries':
      return `A chart can show at most ${p.max} series; remove some.`;
    case 'onlyOneSeries':
      return `A ${p.kind} chart shows one series; remove the others or choose a bar chart.`;
    case 'missingColumn':
      return `The ${p.role === 'x' ? 'x axis' : p.role} column no longer exists; choose another one.`;
    case 'unknownAggregate':
      return `"${p.aggregate}" is not an aggregation; use sum, average, count, min or max.`;
    case 'seriesNotNumeric':
      return `The series "${p.column}" is a ${TYPE_NAMES[p.type]} column: only number, currency and percent columns can be plotted; count it instead, or choose another column.`;
    case 'errorNotNumeric':
      return `The error bars need numbers, but "${p.column}" is a ${TYPE_NAMES[p.type]} column; choose a number or percent column.`;
    case 'errorOnCount':
      return `Error bars cannot be drawn on a count ("${p.column}"); sum or average the series instead.`;
    case 'scatterX':
      return `A scatter chart needs numbers or dates on the x axis, but "${p.column}" is a ${TYPE_NAMES[p.type]} column; choose a bar chart or another column.`;
    case 'unknownConfidence':
      return `Intervals can be drawn at ${CONFIDENCE_LEVELS.map((c) => `${c * 100}%`).join(', ')}, not at ${p.confidence * 100}%.`;
    case 'unknownFilter':
      return `"${p.op}" is not a filter condition for "${p.column}"; choose another condition.`;
    case 'badThreshold':
      return 'The reference line needs a number and one of the chart’s series.';
  }
};

/** Checks a tile size; returns the sentence to show, or null when it fits the dashboard grid. */
export const tileSizeProblem = (w: number, h: number): string | null =>
  Number.isInteger(w) && Number.isInteger(h) && w >= 1 && w <= DASHBOARD_COLUMNS && h >= 1 && h <= DASHBOARD_MAX_ROWS
    ? null
    : `A dashboard tile is 1 to ${DASHBOARD_COLUMNS} columns wide and 1 to ${DASHBOARD_MAX_ROWS} rows high.`;

/** A chart definition that does not check; `problem` says why (for the UI to word in its language). */
export class ChartError extends OperationError {
  override name = 'ChartError';
  constructor(readonly problem: ChartProblem) {
    super(describeChartProblem(problem));
  }
}
