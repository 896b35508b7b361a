/** The chart.js configuration: built for big data (parsed values, decimated lines, no animation), axes as the data needs. */
import { describe, expect, test } from 'vitest';
import type { Column } from '../../../src/schema/index.ts';
import { BIG_CHART, buildChart, shorten, thinPoints, type ChartDisplay } from '../../../src/ui/charts/chart-config.ts';
import type { ChartData } from '../../../src/app/charts/chart-data.ts';

const money: Column = { id: 'gmv', name: 'GMV', type: 'currency', options: {} };
const days: Column = { id: 'cover', name: 'Days of cover', type: 'number', options: {} };

const data = (patch: Partial<ChartData>): ChartData => ({
  kind: 'bar',
  xKind: 'category',
  groups: ['App', 'Web'],
  xs: [],
  series: [{ column: 'gmv', as: 'bar', values: [1, 2] }],
  rows: 2,
  skipped: { errors: 0, codes: [], notNumbers: 0, blankX: 0 },
  ...patch,
});

const display = (patch: Partial<ChartDisplay> = {}): ChartDisplay => ({
  seriesLabels: ['GMV', 'Days of cover'],
  groupLabels: ['App', 'Web'],
  seriesColumns: [money, days],
  counts: [false, false],
  xColumn: undefined,
  format: { locale: 'en', currency: 'CNY' },
  ...patch,
});

type Options = { parsing?: boolean; animation?: unknown; plugins?: { decimation?: { enabled?: boolean } }; scales?: Record<string, { type?: string; position?: string }> };
const options = (d: ChartData, p: Partial<ChartDisplay> = {}) => buildChart(d, display(p)).config.options as Options;

describe('chart.js configuration', () => {
  test('values go in already parsed, and a small chart animates', () => {
    const o = options(data({}));
    expect(o.parsing).toBe(false);
    expect(o.animation).toEqual({ duration: 250 });
  });

  test('a big line over dates is decimated and not animated, on a linear axis', () => {
    const n = BIG_CHART + 1;
    const big = data({ kind: 'line', xKind: 'date', groups: Array.from({ length: n }, (_x, i) => i), xs: Array.from({ length: n }, (_x, i) => 20_000 + i), series: [{ column: 'gmv', as: 'line', values: Array.from({ length: n }, () => 1) }] });
    const o = options(big);
    expect(o.animation).toBe(false);
    expect(o.plugins?.decimation?.enabled).toBe(true);
    expect(o.scales?.x?.type).toBe('linear');
  });

  test('reduced motion turns animation off', () => {
    expect(options(data({}), { reducedMotion: true }).animation).toBe(false);
  });

  test('a combo puts its line on a right-hand axis, where its threshold is drawn', () => {
    const combo = data({ kind: 'combo', series: [{ column: 'gmv', as: 'bar', values: [1, 2] }, { column: 'cover', as: 'line', values: [30, 120] }] });
    const built = buildChart(combo, display({ threshold: { value: 90, label: 'Overstock', series: 1 } }));
    const o = built.config.options as Options;
    expect(o.scales?.y1?.position).toBe('right');
    expect(built.threshold).toMatchObject({ value: 90, axis: 'y1' });
    expect(built.config.data.datasets.map((d) => [d.type, (d as { yAxisID?: string }).yAxisID])).toEqual([['bar', 'y'], ['line', 'y1']]);
    // The right-hand axis reaches the line even when every value stays under it.
    expect((o.scales?.y1 as { suggestedMax?: number }).suggestedMax).toBe(90);
    expect((o.scales?.y as { suggestedMax?: number }).suggestedMax).toBeUndefined();
  });

  test('a pie has no axes and one colour per slice; negative slices count as nothing', () => {
    const built = buildChart(data({ kind: 'pie', series: [{ column: 'gmv', as: 'bar', values: [3, -1] }] }), display());
    expect((built.config.options as Options).scales).toEqual({});
    expect(built.config.data.datasets[0]?.data).toEqual([3, 0]);
  });

  test('error bars are handed to our plugin by series', () => {
    const built = buildChart(data({ series: [{ column: 'gmv', as: 'bar', values: [0.03, 0.04], errors: [{ low: 0.02, high: 0.04 }, null] }] }), display());
    expect([...(built.errorBars?.bars.entries() ?? [])]).toEqual([[0, [{ low: 0.02, high: 0.04 }, null]]]);
  });

  test('the axis reaches the highest error bar, even above every value', () => {
    const built = buildChart(data({ series: [{ column: 'gmv', as: 'bar', values: [0.05, 0.04], errors: [{ low: 0.01, high: 0.12 }, null] }] }), display());
    expect((built.config.options as Options).scales?.y).toMatchObject({ suggestedMax: 0.12, suggestedMin: 0 });
  });

  test.each([
    ['Kitchen flash sale · App', 12, 'Kitchen fla…'],
    ['Bath', 12, 'Bath'],
  ])('axis labels are shortened: %s', (text, max, out) => {
    expect(shorten(text, max)).toBe(out);
  });
});

describe('big scatters', () => {
  test('are thinned to one point per cell of the plot, keeping the range', () => {
    const line = Array.from({ length: 100_000 }, (_x, i) => ({ x: i, y: i * 2 }));
    const thin = thinPoints(line, { x: 800, y: 400 });
    // A line crosses at most one cell per step along x or y: 800 + 400 of the 100,000 points stay.
    expect(thin.length).toBeLessThanOrEqual(800 + 400);
    expect(thin[0]).toEqual({ x: 0, y: 0 });
    expect(Math.max(...thin.map((p) => p.x))).toBeGreaterThan(99_800);
  });

  test('points on different pixels all stay', () => {
    const few = [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }, { x: 1, y: 0 }];
    expect(thinPoints(few)).toEqual(few);
  });
});
