/** The typed records of charts and of the dashboard: part of the workbook, stored, synced and undoable. */
import type { Labels } from './types.ts';

/** Most series one chart draws (more cannot be told apart by colour). */
export const MAX_SERIES = 8;

/** Chart kinds the app draws. `combo` is bars and lines over one x axis. */
export const CHART_KINDS = ['bar', 'line', 'pie', 'doughnut', 'scatter', 'combo'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** How the values of a group are combined. */
export const AGGREGATIONS = ['sum', 'average', 'count', 'min', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Confidence levels an interval may be drawn at (their normal quantiles are known exactly). */
export const CONFIDENCE_LEVELS = [0.8, 0.9, 0.95, 0.98, 0.99] as const;

/**
 * Error bars of a series: the interval's bounds read from two columns, or the confidence interval
 * of a proportion computed from counts (trials = visitors, successes = conversions).
 */
export type ChartErrorBars =
  | { kind: 'range'; low: string; high: string }
  | { kind: 'proportion'; trials: string; successes: string; confidence: number };

/** One plotted series: a column and how its values are combined per group. */
export interface ChartSeries {
  /** Column id. */
  column: string;
  aggregate: Aggregation;
  /** combo charts: bars on the left axis or a line on the right axis (default: the first is bars, the rest lines). */
  as?: 'bar' | 'line';
  /** Name in the legend; the column's name when missing. */
  label?: string;
  labels?: Labels;
  error?: ChartErrorBars;
}

/** Conditions a chart filter can use: the same as the grid's column filters. */
export const CHART_FILTER_OPS = [
  'contains',
  'notContains',
  'equals',
  'notEquals',
  'greater',
  'less',
  'empty',
  'notEmpty',
  'checked',
  'unchecked',
  'anyOf',
] as const;
export type ChartFilterOp = (typeof CHART_FILTER_OPS)[number];

/** Rows a chart takes: every filter must pass. */
export interface ChartFilter {
  /** Column id. */
  column: string;
  op: ChartFilterOp;
  value?: string | number;
  /** anyOf: the accepted values. */
  values?: string[];
}

/** A horizontal reference line (reorder point, price parity …) on the axis of one series. */
export interface ChartThreshold {
  value: number;
  label: string;
  labels?: Labels;
  /** Index of the series whose axis the line belongs to (default 0). */
  series?: number;
}

/** A chart of a sheet. */
export interface Chart {
  id: string;
  title: string;
  /** Titles in each UI language, for template charts the user has not renamed. */
  labels?: Labels;
  kind: ChartKind;
  /** Column id on the x axis: its values are the groups (bar, line, pie, combo) or each point's x (scatter). */
  x: string;
  series: ChartSeries[];
  filters: ChartFilter[];
  threshold?: ChartThreshold;
  /**
   * Bars coloured by the alerts of their rows (a KPI behind its target in its alert's colour,
   * one on track in green), instead of one colour per series.
   */
  colorByAlerts?: boolean;
}

/** A chart as given to setChart: id optional (generated when missing), filters optional. */
export type ChartSpec = Omit<Chart, 'id' | 'filters'> & { id?: string; filters?: ChartFilter[] };

/** Columns of the dashboard grid; a tile spans 1 to this many. */
export const DASHBOARD_COLUMNS = 4;
/** Rows a tile may span. */
export const DASHBOARD_MAX_ROWS = 2;

/** A chart pinned to the dashboard, with its size in grid cells; tiles are listed in the team's order. */
export interface DashboardTile {
  chartId: string;
  sheetId: string;
  /** Width in dashboard columns (1 … DASHBOARD_COLUMNS). */
  w: number;
  /** Height in dashboard rows (1 … DASHBOARD_MAX_ROWS). */
  h: number;
}
