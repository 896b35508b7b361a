/**
 * Three small chart.js plugins of our own: error bars (A/B intervals), a threshold line (reorder
 * point, price parity) and a white background (so a saved PNG is not transparent).
 *
 * Written here rather than taken from chartjs-chart-error-bars and chartjs-plugin-annotation:
 * each is a few dozen lines of drawing over elements chart.js has already placed, works for bars
 * and lines alike without their own controllers and data formats, and keeps the chart chunk small.
 */
import type { Chart, Plugin } from 'chart.js';

/** Interval bounds of one bar or point (in the series' units). */
export interface Interval {
  low: number;
  high: number;
}

/** Options of our plugins, per chart. */
export interface ErrorBarsOptions {
  /** Dataset index → one interval (or null) per data element. */
  bars: ReadonlyMap<number, readonly (Interval | null)[]>;
  color: string;
}
export interface ThresholdOptions {
  value: number;
  label: string;
  /** Id of the y axis the value is on. */
  axis: string;
  color: string;
}

/**
 * Whiskers with caps from each interval's low to its high, over the drawn bars and points.
 * `options` is read at each draw, so an update of the chart's data can change the intervals.
 */
export const errorBarsPlugin = (options: () => ErrorBarsOptions | null): Plugin => ({
  id: 'wbErrorBars',
  afterDatasetsDraw(chart: Chart) {
    const opts = options();
    if (!opts) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = opts.color;
    ctx.lineWidth = 1.5;
    for (const [index, intervals] of opts.bars) {
      if (!chart.isDatasetVisible(index)) continue;
      const meta = chart.getDatasetMeta(index);
      const scale = chart.scales[meta.yAxisID ?? 'y'];
      if (!scale) continue;
      meta.data.forEach((el, i) => {
        const iv = intervals[i];
        if (!iv) return;
        const x = el.x;
        const y1 = scale.getPixelForValue(iv.low);
        const y2 = scale.getPixelForValue(iv.high);
        const width = (el as { width?: number }).width;
        const cap = Math.min(8, Math.max(3, (width ?? 12) * 0.25));
        ctx.beginPath();
        ctx.moveTo(x, y1);
        ctx.lineTo(x, y2);
        ctx.moveTo(x - cap, y1);
        ctx.lineTo(x + cap, y1);
        ctx.moveTo(x - cap, y2);
        ctx.lineTo(x + cap, y2);
        ctx.stroke();
      });
    }
    ctx.restore();
  },
});

/** A dashed horizontal line at a value, labelled at its right end (`options` read at each draw). */
export const thresholdPlugin = (options: () => ThresholdOptions | null): Plugin => ({
  id: 'wbThreshold',
  afterDatasetsDraw(chart: Chart) {
    const opts = options();
    const scale = opts ? chart.scales[opts.axis] : undefined;
    if (!opts || !scale) return;
    const y = scale.getPixelForValue(opts.value);
    const { left, right, top, bottom } = chart.chartArea;
    if (y < top || y > bottom) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = opts.color;
    ctx.fillStyle = opts.color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(right, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    // Above the line, unless that would leave the chart area (a line at its top).
    const above = y - top > 14;
    ctx.textBaseline = above ? 'bottom' : 'top';
    ctx.fillText(opts.label, right - 4, above ? y - 3 : y + 3);
    ctx.restore();
  },
});

/** Paints the canvas white before anything else. */
export const backgroundPlugin: Plugin = {
  id: 'wbBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
