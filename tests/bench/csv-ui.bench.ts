/**
 * CSV in the browser, through the dialogs as a person uses them (real Chromium): import of a
 * 500k-row (~100 MB) supplier file, read and checked in the Web Worker while the page keeps
 * painting, then written as one transaction; export of the 100k-row bench sheet to a download.
 *
 * The page records its own animation frames and when each step shows (start clicked, progress,
 * "writing", dialog closed), so the figures are the page's own clock, not the test driver's.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, startAppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { seededRandom } from '../support/random.ts';
import { fmt, median, percentile, type Bench, type Figure } from './harness.ts';

const IMPORT_ROWS = 500_000;
const EXPORT_ROWS = 100_000;
const TMP = join(ROOT, '.bench-tmp');

/** A supplier file of ~200 bytes a row: quoted commas and quotes, Chinese, money, dates, yes/no. */
const supplierFile = (rows: number): string => {
  const rnd = seededRandom(23);
  const cats = ['Kitchen', 'Home', '美妆', 'Toys', '图书', 'Pets'];
  const lines = ['SKU,Name,Category,Cost,Price,On hand,Daily sales,Lead time,Launch,Active,Notes'];
  for (let i = 0; i < rows; i++) {
    const cost = 1 + rnd.int(20000) / 100;
    lines.push(
      [
        `SKU-${String(i).padStart(7, '0')}`,
        `"茶壶 Teapot ${i}, porcelain"`,
        cats[i % cats.length],
        `¥${cost.toFixed(2)}`,
        `¥${(cost * 1.7).toFixed(2)}`,
        rnd.int(500),
        (rnd.int(4000) / 100).toString(),
        2 + rnd.int(40),
        `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        rnd.chance(0.8) ? 'yes' : 'no',
        `"Supplier ""Acme"" lot ${rnd.int(1000)}; reorder before the 满减 campaign, check lead time, carton size and the promo calendar"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
};

/** Times the page records of an import, and every animation frame meanwhile. */
interface ImportClock {
  start: number;
  progress: number;
  writing: number;
  done: number;
  frames: number[];
}

/** Installs the page's own recorder of frames and import steps. */
const recordImport = (page: Page) =>
  page.evaluate(() => {
    const clock: Partial<ImportClock> & { frames: number[] } = { frames: [] };
    (window as Window & { importClock?: typeof clock }).importClock = clock;
    const frame = (t: number) => {
      clock.frames.push(t);
      if (clock.done === undefined) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener(
      'click',
      (e) => {
        if (e.target instanceof Element && e.target.closest('[data-testid="import-start"]')) clock.start = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const now = performance.now();
      if (clock.progress === undefined && document.querySelector('[role="progressbar"]')) clock.progress = now;
      if (clock.writing === undefined && document.querySelector('[data-testid="import-writing"]')) clock.writing = now;
      if (clock.writing !== undefined && clock.done === undefined && !document.querySelector('[data-testid="import-dialog"]')) clock.done = now;
    }).observe(document.body, { childList: true, subtree: true });
  });

const readClock = (page: Page): Promise<ImportClock> =>
  page.evaluate(() => {
    const c = (window as Window & { importClock?: ImportClock }).importClock;
    if (!c) throw new Error('no import clock');
    return c;
  });

/** Main-thread JS heap of the page (the worker's is its own), in MB. */
const pageHeapMB = async (page: Page): Promise<number> => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1048576;
};

const importFigures = async (page: Page, url: string, file: string): Promise<Figure[]> => {
  await page.goto(`${url}/?test`);
  await page.locator('.ag-row[row-index="0"]').first().waitFor();
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(file);
  await dialog.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
  await dialog.getByTestId('import-target').selectOption('new');
  await recordImport(page);
  await dialog.getByTestId('import-start').click();
  await dialog.waitFor({ state: 'detached', timeout: 600_000 });
  await page.getByTestId('status-rows').filter({ hasText: `${IMPORT_ROWS.toLocaleString('en')} rows` }).waitFor({ timeout: 60_000 });
  const c = await readClock(page);
  const heap = await pageHeapMB(page);
  const planMs = c.writing - c.start;
  const commitMs = c.done - c.writing;
  const during = c.frames.filter((t) => t >= c.start && t <= c.writing);
  const gaps = during.slice(1).map((t, i) => t - (during[i] ?? t));
  const mb = statSync(file).size / 1048576;
  return [
    { what: `file: ${IMPORT_ROWS / 1000}k rows × 11 columns`, value: mb, unit: 'MB' },
    { what: 'check in the worker (read, decode, parse, convert, rows back to the page)', value: IMPORT_ROWS / (planMs / 1000), unit: 'rows/s', note: `${fmt(planMs / 1000)} s from "Check and import" to "writing"` },
    { what: 'page frames while the worker checks: median gap', value: median(gaps), unit: 'ms', note: `${during.length} frames` },
    { what: 'page frames while the worker checks: 99th percentile gap', value: percentile(gaps, 99), unit: 'ms' },
    { what: 'page frames while the worker checks: longest gap', value: Math.max(...gaps), unit: 'ms', note: `${gaps.filter((g) => g > 50).length} gaps over 50 ms` },
    { what: 'write: one appendRows transaction, page busy', value: commitMs / 1000, unit: 's', note: `${fmt(IMPORT_ROWS / (commitMs / 1000))} rows/s; the one step that blocks the page` },
    { what: 'whole import, click to rows in the grid', value: IMPORT_ROWS / ((c.done - c.start) / 1000), unit: 'rows/s', note: `${fmt((c.done - c.start) / 1000)} s` },
    { what: 'page JS heap after the import (the workbook holds the rows)', value: heap, unit: 'MB', note: 'main thread only; the worker has ended' },
  ];
};

const exportFigures = async (page: Page, url: string): Promise<Figure[]> => {
  await page.goto(`${url}/?bench=${EXPORT_ROWS}&key=csv-export`);
  await page.waitForFunction(() => performance.getEntriesByName('wb-grid-all').length > 0, undefined, { timeout: 120_000 });
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-sheet').check();
    await dialog.getByTestId('export-raw').check();
    const t0 = await page.evaluate(() => {
      const started = performance.now();
      document.querySelector<HTMLButtonElement>('[data-testid="export-download"]')?.click();
      // The file is built and handed to the browser within the click.
      return performance.now() - started;
    });
    const download = await page.waitForEvent('download');
    size = statSync(await download.path()).size;
    times.push(t0);
    await dialog.waitFor({ state: 'detached' });
  }
  return [
    { what: `export ${EXPORT_ROWS / 1000}k × 10 sheet in the page, click to download`, value: median(times), unit: 'ms', note: `median of 3: ${times.map((t) => fmt(t)).join(', ')} ms; ${fmt(size / 1048576)} MB` },
  ];
};

export const csvUiBench: Bench = {
  name: 'csv-ui',
  title: 'CSV in the browser: import of 500k rows through the dialog, export of 100k rows',
  run: async () => {
    mkdirSync(TMP, { recursive: true });
    const file = join(TMP, 'csv-ui-500k.csv');
    writeFileSync(file, supplierFile(IMPORT_ROWS));
    const server = await startAppServer();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // tsx names functions with a helper that the functions sent to the page would call there.
      await page.addInitScript('window.__name = (f) => f;');
      page.setDefaultTimeout(60_000);
      const figs = await importFigures(page, server.url, file);
      figs.push(...(await exportFigures(page, server.url)));
      return figs;
    } finally {
      await browser.close();
      await server.stop();
      rmSync(file, { force: true });
    }
  },
};
