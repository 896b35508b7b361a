/**
 * What wrapping a long-text column costs on a 100k-row sheet, in real Chromium: turning wrap on
 * (rows laid out again at the heights their text needs), an edit while a column wraps, and a
 * scripted scroll over the tall rows. Main-thread time is the longest gap between two frames from
 * the change to half a second after the frame that shows it (the page could not answer meanwhile).
 *
 * The page builds the 100k-row workbook behind `?bench=ROWS` (src/ui/test-hook.ts); the bench
 * then writes a sentence of 40–160 characters into every row's Name (words from a fixed list,
 * a seeded sequence: the same texts every run).
 */
import type { Page } from 'playwright-core';
import { startAppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { median, percentile, type Bench, type Figure } from './harness.ts';
import { scrollFrames } from './scroll-frames.ts';

const ROWS = 100_000;
const ROUNDS = 5;

/** What one change cost: to the first frame that shows it, and the longest the main thread was busy around it. */
interface Cost {
  frame: number;
  longest: number;
}

/** Fills the Name column with long, varied sentences (one transaction). */
const fillLongText = (page: Page, rows: number): Promise<void> =>
  page.evaluate((n) => {
    const hook = window.__wb;
    if (!hook) throw new Error('test hook missing');
    const words = ['ceramic', 'mug', 'bamboo', 'cutting', 'board', 'linen', 'apron', 'glass', 'storage', 'jar', 'cast', 'iron', 'skillet', 'cotton', 'tea', 'towel', 'set', 'matte', 'kettle', 'with', 'lid', 'and', 'handle', 'for', 'the', 'kitchen', 'gift', 'box', 'supplier', 'note:', 'reorder', 'before', 'the', 'holiday', 'peak', 'SKU-2031', '350ml', 'dishwasher-safe'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const block: string[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const target = 40 + Math.floor(next() * 120);
      let s = `#${i}`;
      while (s.length < target) s += ` ${words[Math.floor(next() * words.length)] ?? ''}`;
      block[i] = [s];
    }
    hook.wb.setBlock('bench', 0, 1, block);
  }, rows);

/** A change the page makes: wrap on or off for Name, or one cell written. */
type Change = { kind: 'wrap'; on: boolean } | { kind: 'cell'; row: number; col: string; value: string | number };
/** What shows it: the first row tall (or one line again), or a cell's text. */
type Shown = { kind: 'tall'; tall: boolean } | { kind: 'cell'; row: number; col: string; text: string };

/**
 * Makes `change` in the page and waits for the frame where `shown` holds; returns the time to that
 * frame and the longest gap between frames (main-thread work) until half a second later.
 */
const costOf = (page: Page, change: Change, shown: Shown): Promise<Cost> =>
  page.evaluate(
    async ([c, s]) => {
      const hook = window.__wb;
      if (!hook) throw new Error('test hook missing');
      const wb = hook.wb;
      const done = (): boolean => {
        if (s.kind === 'tall') {
          const h = document.querySelector('.ag-row[row-index="0"]')?.getBoundingClientRect().height;
          return h !== undefined && h > 31 === s.tall;
        }
        return (document.querySelector(`.ag-row[row-index="${s.row}"] .ag-cell[col-id="${s.col}"]`)?.textContent ?? '').startsWith(s.text);
      };
      const t0 = performance.now();
      if (c.kind === 'wrap') {
        const { wrap: _was, ...rest } = wb.column('bench', 'name')?.options ?? {};
        wb.setColumnOptions('bench', 'name', c.on ? { ...rest, wrap: true } : rest);
      } else {
        wb.setCell('bench', wb.rowIds('bench')[c.row] ?? '', c.col, c.value);
      }
      // Frames until it shows, and a few after (work the change left for later tasks): the
      // longest gap between two frames is the longest the page could not answer.
      let last = t0;
      let longest = 0;
      let shownAt = -1;
      await new Promise<void>((resolve, reject) => {
        const step = () => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          if (shownAt < 0 && done()) shownAt = now - t0;
          if (shownAt >= 0 && now - t0 > shownAt + 500) resolve();
          else if (now - t0 > 60_000) reject(new Error('the change never showed'));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      return { frame: shownAt, longest };
    },
    [change, shown] as const,
  );

const summary = (what: string, costs: Cost[], budget?: number): Figure[] => {
  const frame = median(costs.map((c) => c.frame));
  const longest = median(costs.map((c) => c.longest));
  return [
    { what: `${what}: to the frame that shows it`, value: frame, unit: 'ms', note: `median of ${costs.length}: ${costs.map((c) => c.frame.toFixed(0)).join(', ')} ms` },
    {
      what: `${what}: longest main-thread block`,
      value: longest,
      unit: 'ms',
      ...(budget === undefined ? {} : { budget: `≤ ${budget} ms`, ok: longest <= budget }),
      note: `median of ${costs.length}: ${costs.map((c) => c.longest.toFixed(0)).join(', ')} ms`,
    },
  ];
};

export const wrapBench: Bench = {
  name: 'wrap',
  title: 'Wrapped text: 100k-row sheet in Chromium',
  run: async () => {
    const server = await startAppServer();
    const browser = await launchBrowser();
    const figs: Figure[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // tsx names functions with a helper that the functions sent to the page would call there.
      await page.addInitScript('window.__name = (f) => f;');
      await page.goto(`${server.url}/?bench=${ROWS}&key=wrap-bench`);
      await page.waitForFunction(() => performance.getEntriesByName('wb-grid-all').length > 0, undefined, { timeout: 120_000 });
      await fillLongText(page, ROWS);
      await page.waitForTimeout(2000);

      // The first time, the row-height code loads (and the page may still be busy with the texts just written).
      const first = await costOf(page, { kind: 'wrap', on: true }, { kind: 'tall', tall: true });
      figs.push({ what: 'wrap turned on the first time (its code loads): to the frame that shows it', value: first.frame, unit: 'ms', note: `longest main-thread block ${first.longest.toFixed(0)} ms` });
      await page.waitForTimeout(300);
      await costOf(page, { kind: 'wrap', on: false }, { kind: 'tall', tall: false });
      await page.waitForTimeout(300);
      // Then wrap on (rows as tall as their text) and off again, a few times.
      const on: Cost[] = [];
      const off: Cost[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        on.push(await costOf(page, { kind: 'wrap', on: true }, { kind: 'tall', tall: true }));
        await page.waitForTimeout(300);
        off.push(await costOf(page, { kind: 'wrap', on: false }, { kind: 'tall', tall: false }));
        await page.waitForTimeout(300);
      }
      figs.push(...summary(`turning wrap on for a long-text column, ${ROWS.toLocaleString('en')} rows`, on, 100));
      figs.push(...summary('turning it off again', off));

      // While the column wraps: an edit of a number elsewhere, and of a wrapped text.
      await costOf(page, { kind: 'wrap', on: true }, { kind: 'tall', tall: true });
      await page.waitForTimeout(300);
      const other: Cost[] = [];
      const text: Cost[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        other.push(await costOf(page, { kind: 'cell', row: 3, col: 'onhand', value: 900 + i }, { kind: 'cell', row: 3, col: 'onhand', text: String(900 + i) }));
        await page.waitForTimeout(200);
        const words = Array.from({ length: 10 + i * 8 }, (_, k) => `word${k}`).join(' ');
        text.push(await costOf(page, { kind: 'cell', row: 3, col: 'name', value: words }, { kind: 'cell', row: 3, col: 'name', text: words }));
        await page.waitForTimeout(200);
      }
      figs.push(...summary('an edit of a number while a column wraps', other, 100));
      figs.push(...summary('an edit of a wrapped text (its row grows)', text, 100));

      // Frame times while scrolling the wrapped rows for 5 seconds.
      const scroll = await scrollFrames(page, 120);
      const f = scroll.frames;
      figs.push({ what: 'scripted 5 s scroll over wrapped rows: median frame time', value: median(f), unit: 'ms', note: `${f.length} frames, to about row ${scroll.firstRow.toLocaleString('en')}` });
      figs.push({ what: 'scripted 5 s scroll over wrapped rows: 95th percentile frame time', value: percentile(f, 95), unit: 'ms' });
      figs.push({ what: 'scripted 5 s scroll over wrapped rows: longest frame', value: Math.max(...f), unit: 'ms' });
      await page.close();
    } finally {
      await browser.close();
      await server.stop();
    }
    return figs;
  },
};
