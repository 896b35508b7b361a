/**
 * Draws charts with chart.js. This module is loaded only when a chart is first shown (never in the
 * first-load bundle), and registers only the controllers, elements, scales and plugins we use.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { buildChart, type BuiltChart } from './chart-config.ts';
import { backgroundPlugin, errorBarsPlugin, thresholdPlugin } from './chart-plugins.ts';

Chart.register(
  BarController,
  LineController,
  PieController,
  DoughnutController,
  ScatterController,
  BarElement,
  LineElement,
  PointElement,
  ArcElement,
  CategoryScale,
  LinearScale,
  Decimation,
  Legend,
  Tooltip,
);

/** A chart on a canvas. */
export interface ChartHandle {
  /** Shows new data; a change of chart kind or axes builds the chart anew. */
  update(built: BuiltChart): void;
  /** The chart as a PNG data URL, with `title` written above it. */
  toPng(title: string): string;
  destroy(): void;
}

export { buildChart };

/** The shape of a configuration: when it changes, updating in place is not enough. */
const shapeOf = (b: BuiltChart): string => {
  const c = b.config;
  const scales = Object.keys((c.options?.scales ?? {}) as object).join();
  const types = c.data.datasets.map((d) => String(d.type)).join();
  return `${String(c.type)}|${scales}|${types}|${b.points > 1000}`;
};

/** Draws `built` on `canvas`. */
export const drawChart = (canvas: HTMLCanvasElement, first: BuiltChart): ChartHandle => {
  let current = first;
  const plugins = [backgroundPlugin, errorBarsPlugin(() => current.errorBars), thresholdPlugin(() => current.threshold)];
  const create = () => new Chart(canvas, { ...current.config, plugins });
  let chart = create();
  return {
    update(built) {
      const reshape = shapeOf(built) !== shapeOf(current);
      current = built;
      if (reshape) {
        chart.destroy();
        chart = create();
        return;
      }
      chart.data = built.config.data;
      if (built.config.options) chart.options = built.config.options;
      chart.update(built.points > 1000 ? 'none' : undefined);
    },
    toPng(title) {
      // Drawn at twice the screen's pixels (at least) for a sharp image, then back.
      const before = chart.options.devicePixelRatio;
      chart.options.devicePixelRatio = Math.max(2, window.devicePixelRatio || 1);
      chart.resize();
      chart.update('none');
      const src = chart.canvas;
      const scale = src.width / Math.max(1, src.clientWidth || src.width);
      const head = Math.round(36 * scale);
      const out = document.createElement('canvas');
      out.width = src.width;
      out.height = src.height + head;
      const ctx = out.getContext('2d');
      if (!ctx) {
        const plain = chart.toBase64Image('image/png', 1);
        chart.options.devicePixelRatio = before;
        chart.resize();
        return plain;
      }
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.fillStyle = '#1f2430';
      ctx.font = `600 ${Math.round(15 * scale)}px system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif`;
      ctx.textBaseline = 'middle';
      ctx.fillText(title, Math.round(12 * scale), head / 2);
      ctx.drawImage(src, 0, head);
      chart.options.devicePixelRatio = before;
      chart.resize();
      chart.update('none');
      return out.toDataURL('image/png');
    },
    destroy() {
      chart.destroy();
    },
  };
};
