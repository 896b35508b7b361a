/**
 * Charts on a big sheet. In Node: the chart data of 100k rows (group, aggregate, filter). In
 * Chromium, on the 100k-row benchmark sheet: three charts (8 bars, a line of ~20k points that is
 * decimated, a scatter of 100k points) opened in the charts panel, and redrawn after one edit;
 * and how much the lazily loaded chart code weighs (it is never part of the first load).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type ComputedValue } from '../../src/schema/index.ts';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Chart, Column } from '../../src/schema/index.ts';
import { chartData } from '../../src/app/charts/chart-data.ts';
import { passesFilter } from '../../src/app/row-filter.ts';
import { ROOT, startAppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { median, since, type Bench, type Figure } from './harness.ts';

const ROWS = 100_000;

/** The Node part: chart data of 100k rows, median of 7 runs. */
const dataInNode = (): Figure[] => {
  const cats = ['Kitchen', 'Home', 'Garden', 'Toys', 'Beauty', 'Sports', 'Books', 'Pets'];
  const columns: Column[] = [
    { id: 'cat', name: 'Category', type: 'choice', options: { choices: cats } },
    { id: 'cost', name: 'Cost', type: 'currency', options: {} },
    { id: 'price', name: 'Price', type: 'currency', options: {} },
    { id: 'active', name: 'Active', type: 'boolean', options: {} },
  ];
  let seed = 11;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const values: Record<string, ComputedValue[]> = { cat: [], cost: [], price: [], active: [] };
  for (let i = 0; i < ROWS; i++) {
    const cost = Math.round(next() * 20000) / 100;
    values.cat?.push(cats[i % cats.length] ?? 'Home');
    values.cost?.push(cost);
    values.price?.push(Math.round(cost * 180) / 100);
    values.active?.push(next() > 0.1);
  }
  const source = { columns: () => columns, values: (id: string) => values[id] ?? [], text: (v: ComputedValue) => String(v), passes: passesFilter };
  const time = (chart: Chart): number => {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      chartData(chart, source);
      runs.push(since(t0));
    }
    return median(runs);
  };
  const base = { id: 'c', title: 'b', filters: [] };
  return [
    {
      what: 'chart data, 100k rows: 8 groups, sum and average, one filter (Node)',
      value: time({ ...base, kind: 'bar', x: 'cat', series: [{ column: 'cost', aggregate: 'sum' }, { column: 'price', aggregate: 'average' }], filters: [{ column: 'active', op: 'checked' }] }),
      unit: 'ms',
      note: 'median of 7',
    },
    {
      what: 'chart data, 100k rows: ~20k groups by a number column (Node)',
      value: time({ ...base, kind: 'line', x: 'cost', series: [{ column: 'price', aggregate: 'average' }] }),
      unit: 'ms',
      note: 'median of 7',
    },
    {
      what: 'chart data, 100k rows: scatter of 100k points (Node)',
      value: time({ ...base, kind: 'scatter', x: 'cost', series: [{ column: 'price', aggregate: 'sum' }] }),
      unit: 'ms',
      note: 'median of 7',
    },
  ];
};

/** Milliseconds from `t0` (page clock) until every chart of `ids` has drawn once more. */
const drawnAfter = (page: Page, ids: string[], t0: number): Promise<number> =>
  page.evaluate(
    ([chartIds, start]) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const marks = performance.getEntriesByName('wb-chart-drawn').filter((m) => m.startTime >= start) as PerformanceMark[];
          const last = chartIds.map((id) => marks.filter((m) => m.detail === id).at(-1)?.startTime);
          if (last.every((t) => t !== undefined)) resolve(Math.max(...(last as number[])) - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
    [ids, t0] as const,
  );

export const chartsBench: Bench = {
  name: 'charts',
  title: 'Charts: 100k-row sheet',
  run: async () => {
    const figs = dataInNode();
    const chunk = readdirSync(join(ROOT, 'dist', 'assets')).find((f) => f.startsWith('render-chart') && f.endsWith('.js'));
    if (chunk) {
      figs.push({ what: 'chart code (chart.js and our plugins), gzipped, loaded with the first chart', value: gzipSync(readFileSync(join(ROOT, 'dist', 'assets', chunk))).byteLength / 1024, unit: 'KB', note: chunk });
    }
    const server = await startAppServer();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript('window.__name = (f) => f;');
      // Drawing is measured without animation (as for big charts anyway).
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`${server.url}/?bench=${ROWS}&key=charts`);
      await page.waitForFunction(() => performance.getEntriesByName('wb-grid-all').length > 0, undefined, { timeout: 120_000 });
      const ids = await page.evaluate(() => {
        const wb = window.__wb?.wb;
        if (!wb) throw new Error('test hook missing');
        return [
          wb.setChart('bench', { title: 'Cost and price by category', kind: 'bar', x: 'cat', series: [{ column: 'cost', aggregate: 'sum' }, { column: 'price', aggregate: 'average' }] }),
          wb.setChart('bench', { title: 'Price by cost', kind: 'line', x: 'cost', series: [{ column: 'price', aggregate: 'average' }] }),
          wb.setChart('bench', { title: 'Cost against price', kind: 'scatter', x: 'cost', series: [{ column: 'price', aggregate: 'sum' }] }),
        ];
      });
      const open = async () => {
        const t0 = await page.evaluate(() => performance.now());
        await page.getByTestId('open-charts').click();
        return drawnAfter(page, ids, t0);
      };
      const cold = await open();
      figs.push({ what: 'open the charts panel: 3 charts over 100k rows drawn (first time, code loaded)', value: cold, unit: 'ms', note: 'bar of 8 groups, decimated line of ~20k points, scatter of 100k points' });
      const warm: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.getByTestId('open-charts').click();
        await page.getByTestId('charts-panel').waitFor({ state: 'detached' });
        warm.push(await open());
      }
      figs.push({ what: 'open the charts panel again: 3 charts drawn', value: median(warm), unit: 'ms', note: `median of 3: ${warm.map((t) => t.toFixed(0)).join(', ')} ms` });
      const edits: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = await page.evaluate((n) => {
          const wb = window.__wb?.wb;
          const row = wb?.rowIds('bench')[n] ?? '';
          const t = performance.now();
          wb?.setCell('bench', row, 'cost', 100 + n);
          return t;
        }, i);
        edits.push(await drawnAfter(page, ids, t0));
      }
      const edit = median(edits);
      figs.push({ what: 'one edit to a cost: the 3 charts recomputed and redrawn', value: edit, unit: 'ms', note: `median of 5: ${edits.map((t) => t.toFixed(0)).join(', ')} ms; redrawn in the next frame` });
      await page.close();
    } finally {
      await browser.close();
      await server.stop();
    }
    return figs;
  },
};
