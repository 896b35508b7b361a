/**
 * Importing a file with bad cells in the browser: the review offers "import with those cells
 * blank", the rows come in with those cells empty, and the rejected rows download as CSV with
 * their line numbers and reasons; a column that is text because of one value says so and offers
 * its type.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, eventually, openApp, toastText, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

const FILE = [
  'SKU,Name,Cost,Price,Launch date,Featured',
  'SKU-3001,Teapot,12.50,39,2026-04-01,yes',
  'SKU-3002,Kettle,abc,59,2026-04-02,no',
  'SKU-3003,Mug,8,19,2026-13-45,yes',
  'SKU-3004,Glass jar,3,9.9,2026-04-04,no,extra',
  'SKU-3005,Bowl,4,12,2026-04-05,no',
  '',
].join('\r\n');

const rowCount = () => app.page.getByTestId('status-rows').textContent();

describe('import with those cells blank', () => {
  test('bad values are left blank, the rest of each row comes in, and the rejected rows download with their lines', async () => {
    const { page } = app;
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles({ name: 'supplier.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
    await dialog.getByTestId('import-mapping').waitFor();
    await dialog.getByTestId('import-start').click();
    await dialog.getByTestId('import-review').waitFor();
    expect(await dialog.getByTestId('import-blank-hint').textContent()).toBe('2 rows have only values of the wrong type: they can be imported with those cells left empty.');
    expect(await dialog.getByTestId('import-blank').textContent()).toBe('Import 4 rows with those cells blank');
    await screenshot(page, 'csv-import-blank-review');

    await dialog.getByTestId('import-blank').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(rowCount, '10 rows');
    const imported = await page.evaluate(() => {
      const wb = window.__wb?.wb;
      if (!wb) return [];
      return wb.rowIds('products').slice(6).map((r) => [wb.cell('products', r, 'sku'), wb.cell('products', r, 'cost'), wb.cell('products', r, 'launch')]);
    });
    expect(imported).toEqual([
      ['SKU-3001', 12.5, '2026-04-01'],
      ['SKU-3002', null, '2026-04-02'],
      ['SKU-3003', 8, null],
      ['SKU-3005', 4, '2026-04-05'],
    ]);
    expect(await toastText(page)).toContain('Imported 4 rows into “Products”. 2 rows imported with bad cells left blank. 1 row with problems left out.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="toast"] .wb-toast-action', { hasText: 'Download rejected rows' }).click()]);
    expect(download.suggestedFilename()).toBe('supplier-rejected.csv');
    const text = readFileSync(await download.path(), 'utf8');
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['Line', 'Result', 'Reason', 'SKU', 'Name', 'Cost', 'Price', 'Launch date', 'Featured'],
      ['3', 'imported, these cells left blank', 'Cost: "abc" is not a number', 'SKU-3002', 'Kettle', 'abc', '59', '2026-04-02', 'no'],
      ['4', 'imported, these cells left blank', 'Launch date: "2026-13-45" is not a date (write it as YYYY-MM-DD)', 'SKU-3003', 'Mug', '8', '19', '2026-13-45', 'yes'],
      ['5', 'not imported', 'This record has 7 values but the header has 6; a value with a "," in it may be missing its quotes.', 'SKU-3004', 'Glass jar', '3', '9.9', '2026-04-04', 'no', 'extra'],
    ]);
  });

  test('a column that is text because of one value says so, and choosing its type makes that value a bad cell', async () => {
    const { page } = app;
    const lines = ['Code,Units', ...Array.from({ length: 205 }, (_x, i) => `C-${i + 1},${(i % 40) + 1}`), 'C-206,n/a', ''];
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await dialog.getByTestId('import-mapping').waitFor();
    // Into a new sheet: its columns are typed from the file.
    await dialog.getByTestId('import-target').selectOption('new');
    const units = dialog.locator('[data-csv-column="Units"]');
    await expect.poll(() => units.getByTestId('import-almost').textContent()).toContain(
      '1 of 206 values is not a number (such as “n/a”), so this column is text; otherwise it would be',
    );
    expect(await units.getByTestId('import-type').inputValue()).toBe('text');
    await screenshot(page, 'csv-import-almost');
    await units.getByTestId('import-use-almost').click();
    expect(await units.getByTestId('import-type').inputValue()).toBe('integer');
    await dialog.getByTestId('import-start').click();
    await dialog.getByTestId('import-review').waitFor();
    expect(await dialog.getByTestId('import-problems').locator('li').allTextContents()).toEqual(['Line 207Units"n/a" is not a number']);
    await dialog.getByTestId('import-blank').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(rowCount, '206 rows');
  });
});
