/**
 * A large import in the browser: 300,000 rows generated here are read and checked in a Web Worker
 * with a progress bar; the page keeps painting frames while it runs; Cancel writes nothing; run to
 * the end, the rows arrive as one step that one undo takes back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, eventually, openApp, type AppPage } from './ui-helpers.ts';

// Big enough that Cancel lands while the worker is still reading, even on a fast machine.
const ROWS = 300_000;

const env = appAndBrowser();
let app: AppPage;
let file: string;

/** A supplier file of ROWS rows: quoted names with commas and Chinese, money, counts, dates, yes/no. */
const supplierFile = (rows: number): string => {
  const lines = ['Code,Product,Unit cost,Stock,Available from,Active'];
  for (let i = 1; i <= rows; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`P-${String(i).padStart(6, '0')},"茶壶 Teapot ${i}, large",${(1 + (i % 1000) / 10).toFixed(2)},${i % 500},2026-${month}-${day},${i % 3 ? 'yes' : 'no'}`);
  }
  return `${lines.join('\r\n')}\r\n`;
};

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'wb-csv-')), 'supplier-300k.csv');
  writeFileSync(file, supplierFile(ROWS));
  app = await openApp(env.browser, env.server);
});

type FramePage = Window & { csvFrames?: number };

/** Counts animation frames from now on (read with `frames`). */
const countFrames = (page: Page) =>
  page.evaluate(() => {
    const w = window as FramePage;
    w.csvFrames = 0;
    const tick = () => {
      w.csvFrames = (w.csvFrames ?? 0) + 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const frames = (page: Page) => page.evaluate(() => (window as FramePage).csvFrames ?? 0);
const progress = (page: Page) => page.getByRole('progressbar').getAttribute('aria-valuenow').then(Number);
const sheetCount = (page: Page) => page.evaluate(() => window.__wb?.wb.sheets().length ?? 0);

/** Opens the import with the big file, into a new sheet. */
const setUp = async (page: Page) => {
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles(file);
  await dialog.getByTestId('import-mapping').waitFor();
  await dialog.getByTestId('import-target').selectOption('new');
  await dialog.getByTestId('import-sheet-name').fill('Supplier 300k');
  return dialog;
};

describe(`import of ${ROWS.toLocaleString('en')} rows`, () => {
  test('shows its progress, the page keeps painting frames while the worker reads, and Cancel writes nothing', async () => {
    const { page } = app;
    const sheetsBefore = await sheetCount(page);
    const dialog = await setUp(page);
    await countFrames(page);
    await dialog.getByTestId('import-start').click();

    // Several progress steps, with frames painted while they went by: the page stays live. (Two
    // steps can follow each other within one frame, so frames are counted over all of them.)
    const readings: { progress: number; frames: number }[] = [];
    let last = 0;
    for (let step = 0; step < 4; step++) {
      await expect.poll(() => progress(page), { timeout: 60_000, interval: 20 }).toBeGreaterThan(last);
      last = await progress(page);
      readings.push({ progress: last, frames: await frames(page) });
    }
    await screenshot(page, 'csv-import-progress');
    const [first, end] = [readings[0], readings.at(-1)];
    expect(end?.frames, `frames painted between ${first?.progress} % and ${end?.progress} %`).toBeGreaterThan(first?.frames ?? 0);
    expect(last).toBeLessThan(100);
    expect(await page.getByTestId('import-progress-text').textContent()).toMatch(/^\d+ % · [\d,]+ rows$/);

    await dialog.getByTestId('import-cancel').click();
    await dialog.getByTestId('import-cancelled').waitFor();
    expect(await dialog.getByTestId('import-cancelled').textContent()).toBe('The import was cancelled; nothing was written.');
    expect(await sheetCount(page)).toBe(sheetsBefore);
    expect(await page.evaluate(() => window.__wb?.wb.canUndo())).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('run to the end, every row arrives in a new sheet as one step, and one undo takes it all back', async () => {
    const { page } = app;
    const sheetsBefore = await sheetCount(page);
    const dialog = await setUp(page);
    await dialog.getByTestId('import-start').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await eventually(() => page.locator('.wb-tab-on .wb-tab-name').textContent(), 'Supplier 300k');
    await eventually(() => page.getByTestId('status-rows').textContent(), `${ROWS.toLocaleString('en')} rows`);
    const sample = await page.evaluate(() => {
      const h = window.__wb;
      const g = h?.app.grid();
      if (!h || !g) throw new Error('test hook missing');
      const ids = h.wb.rowIds(g.sheetId);
      const row = (id: string | undefined) => (id ? h.wb.columns(g.sheetId).map((c) => h.wb.cell(g.sheetId, id, c.id)) : []);
      return { types: h.wb.columns(g.sheetId).map((c) => c.type), first: row(ids[0]), last: row(ids.at(-1)) };
    });
    // Plain amounts without a currency sign are proposed as numbers (the person may choose currency).
    expect(sample.types).toEqual(['text', 'text', 'number', 'integer', 'date', 'boolean']);
    expect(sample.first).toEqual(['P-000001', '茶壶 Teapot 1, large', 1.1, 1, '2026-02-02', true]);
    expect(sample.last).toEqual(['P-300000', '茶壶 Teapot 300000, large', 1, 0, '2026-01-09', false]);
    await screenshot(page, 'csv-import-300k-done');

    await page.keyboard.press('Control+Z');
    await eventually(() => sheetCount(page), sheetsBefore);
    expect(app.errors).toEqual([]);
  });
});
