/**
 * Grid budget, in real Chromium: a 100k-row sheet shows its first rows ≤ 300 ms after the
 * workbook has loaded; a change of 100k rows repaints the visible cells ≤ 50 ms; frame times of a
 * scripted 5 s scroll; gzipped JS loaded before the grid shows ≤ 250 KB.
 *
 * The page builds the 100k-row workbook itself behind `?bench=ROWS` (src/ui/test-hook.ts) and
 * marks `wb-loaded` (workbook loaded, rows ordered) and `wb-grid-rows` (the frame that paints the
 * first rows). Until the formula engine lands, "an edit feeding 100k rows" is a column-wide paste
 * of 100k values, whose change event repaints the visible cells as a recalculation would.
 */
import type { Page } from 'playwright-core';
import { startAppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { FIRST_LOAD_BUDGET_KB, firstLoadJs } from '../support/first-load.ts';
import { median, percentile, type Bench, type Figure } from './harness.ts';
import { scrollFrames } from './scroll-frames.ts';

const ROWS = 100_000;
const LOADS = 3;

/** Milliseconds from the workbook loaded to the first rows painted, and to every row in the grid. */
const shownAfterLoad = (page: Page): Promise<{ first: number; all: number }> =>
  page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const loaded = at('wb-loaded');
    return { first: at('wb-grid-rows') - loaded, all: at('wb-grid-all') - loaded };
  });

const waitForRows = (page: Page, mark = 'wb-grid-rows') =>
  page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000 });

export const gridBench: Bench = {
  name: 'grid',
  title: 'Grid: 100k-row sheet in Chromium',
  run: async () => {
    const server = await startAppServer();
    const browser = await launchBrowser();
    const figs: Figure[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // tsx names functions with a helper that the functions sent to the page would call there.
      await page.addInitScript('window.__name = (f) => f;');
      // Someone who had the demo open on a sheet before: a first visit opens on the dashboard, and this measures the grid.
      await page.addInitScript("if (!localStorage.getItem('wb-active:demo')) localStorage.setItem('wb-active:demo', 'first sheet');");

      // First load of the app as a new user opens it (the demo link of the relay's first start):
      // which JS arrives before the grid shows.
      // The printed link opens the team space; its owner's token opens the demo straight away.
      const printed = server.firstLink()?.replace(/#\/s\/team\?/, '#/w/demo?');
      if (!printed) throw new Error(`the relay wrote no space link:\n${server.output()}`);
      await page.goto(printed);
      await waitForRows(page);
      const js = await firstLoadJs(page);
      figs.push({ what: 'gzipped JS loaded before the grid shows', value: js.kb, unit: 'KB', budget: `≤ ${FIRST_LOAD_BUDGET_KB} KB`, ok: js.kb <= FIRST_LOAD_BUDGET_KB, note: js.files.map((f) => f.name).join(', ') });
      figs.push({ what: 'the same JS as the relay sent it (its precompressed copies)', value: js.sentKb, unit: 'KB', note: 'brotli where the browser accepts it, else gzip -9' });

      // First rows of a 100k-row sheet, after the workbook has loaded (median of fresh page loads).
      const times: number[] = [];
      const alls: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(`${server.url}/?bench=${ROWS}&key=bench-${i}`);
        await waitForRows(page, 'wb-grid-all');
        const t = await shownAfterLoad(page);
        times.push(t.first);
        alls.push(t.all);
      }
      const first = median(times);
      figs.push({
        what: `first rows shown after the workbook has loaded, ${ROWS.toLocaleString('en')} rows`,
        value: first,
        unit: 'ms',
        budget: '≤ 300 ms',
        ok: first <= 300,
        note: `median of ${LOADS} loads: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
      });
      figs.push({
        what: 'every row in the grid (scrollbar complete)',
        value: median(alls),
        unit: 'ms',
        note: 'the first screen is painted first; the other rows follow in the next task',
      });

      // Frame times while scrolling down steadily for 5 seconds, on the freshly loaded sheet once it is idle.
      await page.waitForTimeout(1500);
      const scroll = await scrollFrames(page, 60);
      const f = scroll.frames;
      figs.push({ what: 'scripted 5 s scroll: median frame time', value: median(f), unit: 'ms', note: `${f.length} frames, ${Math.round(scroll.scrolledPx / 30).toLocaleString('en')} rows scrolled` });
      figs.push({ what: 'scripted 5 s scroll: 95th percentile frame time', value: percentile(f, 95), unit: 'ms' });
      const longest = Math.max(...f);
      figs.push({ what: 'scripted 5 s scroll: longest frame', value: longest, unit: 'ms', note: `frame ${f.indexOf(longest) + 1} of ${f.length}` });
      figs.push({ what: 'scripted 5 s scroll: frames over 33 ms', value: (100 * f.filter((x) => x > 33.4).length) / f.length, unit: '%' });
      // An edit that changes values in every row, then the repaint of the visible cells.
      const edit = await page.evaluate(async (rows) => {
        const hook = window.__wb;
        const g = hook?.app.grid();
        if (!hook || !g?.api) throw new Error('test hook missing');
        const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
        const cell = () => document.querySelector('.ag-row[row-index="0"] .ag-cell[col-id="onhand"]')?.textContent;
        const repaints: number[] = [];
        const totals: number[] = [];
        for (let round = 1; round <= 5; round++) {
          const block = Array.from({ length: rows }, (_, i) => [(i * 7 + round) % 1000]);
          const t0 = performance.now();
          hook.wb.setBlock('bench', 0, 6, block);
          if (cell() !== String(round % 1000)) throw new Error(`cell shows ${cell()}, not ${round}`);
          totals.push((await frame()) - t0);
          // The repaint alone: what the grid does for a change (or recalculation) of 100k rows.
          const r0 = performance.now();
          g.api.refreshCells({ suppressFlash: true });
          repaints.push((await frame()) - r0);
        }
        return { repaints, totals };
      }, ROWS);
      const repaint = median(edit.repaints);
      figs.push({
        what: `repaint of the visible cells after a change to ${ROWS.toLocaleString('en')} rows`,
        value: repaint,
        unit: 'ms',
        budget: '≤ 50 ms',
        ok: repaint <= 50,
        note: 'median of 5, up to the next frame',
      });
      figs.push({
        what: 'column-wide paste of 100k values: model write + repaint',
        value: median(edit.totals),
        unit: 'ms',
        note: 'one transaction; the model writes 100k cells, the grid repaints only what is on screen',
      });

      // A paste over the visible cells of one column, through the app's own paste (clipboard event).
      const pastes = await page.evaluate(async () => {
        const g = window.__wb?.app.grid();
        if (!g) throw new Error('test hook missing');
        const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
        const shows = (text: string) =>
          new Promise<void>((resolve) => {
            const read = () => document.querySelector('.ag-row[row-index="19"] .ag-cell[col-id="onhand"]')?.textContent === text;
            if (read()) return resolve();
            const obs = new MutationObserver(() => read() && (obs.disconnect(), resolve()));
            obs.observe(document.body, { subtree: true, childList: true, characterData: true });
          });
        const times: number[] = [];
        for (let round = 0; round <= 5; round++) {
          const values = Array.from({ length: 20 }, (_, i) => 500 + round * 20 + i);
          const data = new DataTransfer();
          data.setData('text/plain', values.join('\r\n'));
          g.focusCell({ row: 0, col: 6 });
          const t0 = performance.now();
          document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          await shows(String(values[19]));
          const t = (await frame()) - t0;
          // The first round loads the paste code; it is not counted.
          if (round > 0) times.push(t);
        }
        return times;
      });
      const paste = median(pastes);
      figs.push({
        what: 'paste of the visible cells of a column (20 values), to repaint',
        value: paste,
        unit: 'ms',
        budget: '≤ 50 ms',
        ok: paste <= 50,
        note: 'median of 5, clipboard event to the next frame',
      });

      // The same with a sort this person left on (all rows go in at once: the first screen needs them all).
      await page.evaluate(() =>
        localStorage.setItem('wb-view:bench-sorted:bench', JSON.stringify({ sort: [{ colId: 'cost', sort: 'desc' }], filters: {} })),
      );
      const sortedTimes: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(`${server.url}/?bench=${ROWS}&key=bench-sorted`);
        await waitForRows(page);
        sortedTimes.push((await shownAfterLoad(page)).first);
      }
      const sorted = median(sortedTimes);
      figs.push({
        what: 'first rows shown, same sheet with a remembered sort',
        value: sorted,
        unit: 'ms',
        budget: '≤ 300 ms',
        ok: sorted <= 300,
        note: `median of ${LOADS} loads: ${sortedTimes.map((t) => t.toFixed(0)).join(', ')} ms`,
      });
      await page.close();
    } finally {
      await browser.close();
      await server.stop();
    }
    return figs;
  },
};
