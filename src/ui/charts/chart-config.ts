/**
 * A chart's data as a chart.js configuration. Pure (chart.js types only): built for big data from
 * the start — values are handed over already parsed (`parsing: false`), lines over number and date
 * axes are decimated, and big charts are not animated.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { Column } from '../../schema/types.ts';
import type { FormatContext } from '../../schema/format-value.ts';
import { axisLabel, tooltipLabel, xLabel } from './chart-format.ts';
import type { ChartData } from '../../app/charts/chart-data.ts';
import type { ErrorBarsOptions, Interval, ThresholdOptions } from './chart-plugins.ts';

/** Points above which a chart counts as big: no animation, thin points, lines decimated. */
export const BIG_CHART = 1000;
/** Points a decimated line keeps (largest-triangle-three-buckets keeps the shape). */
export const DECIMATED_SAMPLES = 500;

/** Colours of series (and of pie slices), distinct for people with the common colour-vision deficiencies. */
export const PALETTE = ['#2563eb', '#f59e0b', '#0d9488', '#db2777', '#7c3aed', '#65a30d', '#475569', '#ea580c'];

/** Bar colours of a chart coloured by its rows' alerts. */
export const STATUS_COLORS = { ok: '#2f9e44', warning: '#e8590c', error: '#c92a2a' } as const;

/** What the chart says besides its numbers: names in the UI language and how to format values. */
export interface ChartDisplay {
  seriesLabels: readonly string[];
  /** Group labels as their cells show them (category axes and pie slices). */
  groupLabels: readonly string[];
  seriesColumns: readonly (Column | undefined)[];
  /** Series that count rows (plain whole numbers). */
  counts: readonly boolean[];
  xColumn: Column | undefined;
  format: FormatContext;
  threshold?: { value: number; label: string; series: number };
  /** A small tile: fewer ticks. */
  compact?: boolean;
  /** The person asked for less motion: never animate. */
  reducedMotion?: boolean;
}

/** The configuration and what our own plugins draw. */
export interface BuiltChart {
  config: ChartConfiguration;
  errorBars: ErrorBarsOptions | null;
  threshold: ThresholdOptions | null;
  /** Points handed to chart.js. */
  points: number;
}

type Point = { x: number; y: number | null };

/** Cells of the grid a big scatter is thinned on: about one per pixel of a large chart. */
export const SCATTER_CELLS = { x: 800, y: 400 } as const;

/**
 * A big scatter thinned to one point per grid cell of its plot: points that would be drawn on the
 * same pixel cannot be told apart, and chart.js spends its time on each point it is given.
 */
export const thinPoints = (points: readonly { x: number; y: number }[], cells = SCATTER_CELLS): { x: number; y: number }[] => {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  const sx = (cells.x - 1) / (x1 - x0 || 1);
  const sy = (cells.y - 1) / (y1 - y0 || 1);
  const seen = new Uint8Array(cells.x * cells.y);
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const k = Math.round((p.y - y0) * sy) * cells.x + Math.round((p.x - x0) * sx);
    if (seen[k]) continue;
    seen[k] = 1;
    out.push(p);
  }
  return out;
};

/** `text` cut to `max` characters with an ellipsis. */
export const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const alpha = (hex: string, a: number): string =>
  `rgba(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)}, ${a})`;

/** Builds the chart.js configuration of `data`. */
export const buildChart = (data: ChartData, display: ChartDisplay): BuiltChart => {
  const fmt = display.format;
  const pie = data.kind === 'pie' || data.kind === 'doughnut';
  const scatter = data.kind === 'scatter';
  // Lines over numbers or dates sit on a linear axis (decimation needs one); everything else on categories.
  const linearX = scatter || (data.kind === 'line' && data.xKind !== 'category');
  const points = scatter ? data.series.reduce((n, s) => n + (s.points?.length ?? 0), 0) : data.groups.length * data.series.length;
  const big = points > BIG_CHART;
  const hasBars = data.series.some((s) => s.as === 'bar');
  const axisOf = (i: number): 'y' | 'y1' => (data.kind === 'combo' && hasBars && data.series[i]?.as === 'line' ? 'y1' : 'y');
  const color = (i: number) => PALETTE[i % PALETTE.length] ?? '#2563eb';
  const label = (i: number) => display.seriesLabels[i] ?? '';

  const datasets = pie
    ? [
        {
          type: data.kind,
          label: label(0),
          data: (data.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0)),
          backgroundColor: data.groups.map((_g, i) => color(i)),
          borderColor: '#ffffff',
          borderWidth: 1,
        },
      ]
    : data.series.map((s, i) => {
        const values: Point[] = scatter
          ? big
            ? thinPoints(s.points ?? [])
            : (s.points ?? [])
          : s.values.map((y, g) => ({ x: linearX ? (data.xs[g] ?? g) : g, y }));
        const line = s.as === 'line';
        return {
          type: scatter ? 'scatter' : line ? 'line' : 'bar',
          label: label(i),
          data: values,
          yAxisID: axisOf(i),
          borderColor: color(i),
          // Coloured by alerts: each bar in its row's status colour (on track green, a warning amber, an error red).
          backgroundColor: line ? color(i) : data.status ? data.status.map((st) => alpha(STATUS_COLORS[st], 0.85)) : alpha(color(i), 0.78),
          borderWidth: line ? 2 : 0,
          pointRadius: scatter ? (big ? 1.5 : 3) : line && !big ? 3 : 0,
          pointHoverRadius: 4,
          tension: 0,
          order: line ? 0 : 1,
        };
      });

  const seriesCol = (axis: 'y' | 'y1'): { col: Column | undefined; count: boolean } => {
    const i = data.series.findIndex((_s, k) => axisOf(k) === axis);
    return { col: display.seriesColumns[i], count: display.counts[i] ?? false };
  };
  const t = display.threshold;
  const yAxis = (axis: 'y' | 'y1') => {
    const { col, count } = seriesCol(axis);
    // A reference line and every error bar are always in view: the axis reaches them even when the values stay inside.
    const reach: number[] = t && !pie && axisOf(t.series) === axis ? [t.value] : [];
    data.series.forEach((s, i) => {
      if (axisOf(i) === axis) for (const iv of s.errors ?? []) if (iv) reach.push(iv.low, iv.high);
    });
    return {
      type: 'linear' as const,
      position: axis === 'y' ? ('left' as const) : ('right' as const),
      beginAtZero: !scatter,
      ...(reach.length > 0 ? { suggestedMax: Math.max(...reach), suggestedMin: Math.min(0, ...reach) } : {}),
      grid: { display: axis === 'y', color: '#eef0f3' },
      ticks: {
        maxTicksLimit: display.compact ? 5 : 8,
        callback: (v: string | number) => (count ? axisLabel(Number(v), undefined, fmt) : axisLabel(Number(v), col, fmt)),
      },
    };
  };

  const errorBars = new Map<number, readonly (Interval | null)[]>();
  data.series.forEach((s, i) => s.errors && errorBars.set(i, s.errors));

  const tooltipText = (item: TooltipItem<'bar'>): string => {
    const i = item.datasetIndex;
    if (pie) return `${display.groupLabels[item.dataIndex] ?? ''}: ${tooltipLabel(Number(item.raw), display.seriesColumns[0], fmt, display.counts[0] ?? false)}`;
    const p = item.raw as Point;
    const v = p.y === null ? '—' : tooltipLabel(p.y, display.seriesColumns[i], fmt, display.counts[i] ?? false);
    const iv = errorBars.get(i)?.[item.dataIndex];
    const range = iv ? ` (${tooltipLabel(iv.low, display.seriesColumns[i], fmt, false)} – ${tooltipLabel(iv.high, display.seriesColumns[i], fmt, false)})` : '';
    return `${label(i)}: ${v}${range}`;
  };

  const config = {
    type: pie ? data.kind : scatter ? 'scatter' : 'bar',
    data: { labels: linearX ? undefined : [...display.groupLabels], datasets: datasets as ChartDataset[] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      animation: big || display.reducedMotion ? false : { duration: 250 },
      interaction: pie ? { mode: 'nearest', intersect: true } : { mode: scatter ? 'nearest' : 'index', intersect: false },
      plugins: {
        // Lines are drawn over bars (their lower `order`); the legend still lists series as defined.
        legend: {
          display: pie || data.series.length > 1,
          position: pie ? 'right' : 'bottom',
          labels: { boxWidth: 12, boxHeight: 12, sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
        },
        tooltip: { callbacks: { label: tooltipText, title: (items: TooltipItem<'bar'>[]) => titleOf(items) } },
        decimation: { enabled: big && linearX && !scatter, algorithm: 'lttb', samples: DECIMATED_SAMPLES },
      },
      scales: pie
        ? {}
        : {
            x: linearX
              ? {
                  type: 'linear',
                  ticks: { maxTicksLimit: display.compact ? 5 : 8, callback: (v: string | number) => xLabel(Number(v), data.xKind, display.xColumn, fmt) },
                  grid: { display: false },
                }
              : {
                  type: 'category',
                  grid: { display: false },
                  // Long names (campaigns, products) are shortened on the axis; the tooltip has them whole.
                  ticks: { autoSkip: true, maxRotation: 40, callback: (v: string | number) => shorten(display.groupLabels[Number(v)] ?? '', display.compact ? 12 : 16) },
                },
            y: yAxis('y'),
            ...(data.kind === 'combo' && hasBars && data.series.some((s) => s.as === 'line') ? { y1: yAxis('y1') } : {}),
          },
    },
  } as unknown as ChartConfiguration;

  function titleOf(items: TooltipItem<'bar'>[]): string {
    const first = items[0];
    if (!first || pie) return '';
    if (!linearX) return display.groupLabels[first.dataIndex] ?? '';
    return xLabel((first.raw as Point).x, data.xKind, display.xColumn, fmt);
  }

  return {
    config,
    errorBars: errorBars.size > 0 ? { bars: errorBars, color: '#1f2430' } : null,
    threshold: t && !pie ? { value: t.value, label: t.label, axis: axisOf(t.series), color: '#b42318' } : null,
    points,
  };
};
