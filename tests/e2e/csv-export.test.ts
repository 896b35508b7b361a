/**
 * Export in the browser: a sheet as CSV and the whole workbook as a .zip, downloaded as a person
 * would (a real download, captured), then opened here: BOM, CRLF, injection-safe text, numbers
 * untouched, computed values from the engine and the manifest of the snapshot.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { snapshotOfVersion } from '../../src/model/index.ts';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, eventually, openApp, toastText, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

/** Texts a spreadsheet would run, put in the Name column of the first rows. */
const RISKY = ['=HYPERLINK("http://evil.example","click")', '-5 units', '@SUM(A1)', '\tTabbed', '+1 555 0100', '\nhidden line'];

beforeAll(async () => {
  // The stub engine computes each formula as 10 × its row number, or #DIV/0! (src/ui/test-hook.ts).
  // This person told teammates their name: the manifest says who exported by it.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() =>
    localStorage.setItem('wb-identity', JSON.stringify({ id: 'u-lin', name: 'Lin Wei', color: '#2b8a3e', chosen: true })),
  );
  app = await openApp(env.browser, env.server, { query: 'engine=stub', context });
  await app.page.evaluate((risky) => {
    const wb = window.__wb?.wb;
    if (!wb) throw new Error('test hook missing');
    wb.addColumn('products', { id: 'margin', name: 'Margin', type: 'number', formula: '=[price] - [cost]' });
    const rows = wb.rowIds('products');
    wb.setCells('products', risky.map((text, i) => ({ rowId: rows[i] ?? '', colId: 'name', value: text })));
    wb.setCell('products', rows[1] ?? '', 'cost', -12.5);
    wb.setCell('products', rows[3] ?? '', 'cost', 47.17000000000001);
    wb.setCell('products', rows[4] ?? '', 'member', 0.48044000000000003);
    wb.setCell('products', rows[2] ?? '', 'price', { f: '=[cost] / 0' });
  }, RISKY);
});

/** Opens the export dialog, sets it up with `choose`, downloads, and returns the file's name and bytes. */
const exportWith = async (page: Page, choose: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>, shot?: string) => {
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await choose(dialog);
  if (shot) await screenshot(page, shot);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
  await dialog.waitFor({ state: 'detached' });
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
};

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const parse = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n', skipEmptyLines: true }).data;

/** True when every line break outside quoted fields is CRLF. */
const crlfOnly = (text: string) => !/[^\r]\n|\r[^\n]/.test(text.replace(/"(?:[^"]|"")*"/g, ''));

describe('export a sheet', () => {
  test('defaults are Excel-friendly; the file has a BOM, CRLF, computed values and no text a spreadsheet would run', async () => {
    const { page } = app;
    const file = await exportWith(
      page,
      async (dialog) => {
        expect(await dialog.getByTestId('export-sheet').isChecked()).toBe(true);
        expect(await dialog.getByTestId('export-raw').isChecked()).toBe(true);
        expect(await dialog.getByTestId('export-bom').isChecked()).toBe(true);
        expect(await dialog.getByTestId('export-delimiter').inputValue()).toBe(',');
      },
      'csv-export-dialog',
    );
    expect(file.name).toMatch(/^Example-shop-plan_Products_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8(file.bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(crlfOnly(text)).toBe(true);
    const [header, ...rows] = parse(text, ',');
    expect(header).toEqual(['SKU', 'Name', 'Status', 'Launch date', 'Cost', 'List price', 'Member discount', 'Featured', 'Margin']);
    expect(rows).toHaveLength(6);
    // Every risky text is written with a leading apostrophe, and reads back as itself without it.
    expect(rows.map((r) => r[1])).toEqual(RISKY.map((s) => `'${s}`));
    for (const r of rows) for (const f of r) expect(f, `field ${JSON.stringify(f)}`).not.toMatch(/^[=+@\t\r\n]|^-(?!\d)/);
    // Numbers are never altered: a negative cost stays a negative number.
    expect(rows[1]?.[4]).toBe('-12.5');
    // Raw numbers to 15 significant digits, as Excel shows them: no binary noise.
    expect(rows[3]?.[4]).toBe('47.17');
    expect(rows[4]?.[6]).toBe('0.48044');
    // Formulas are exported as what the engine computed, never as formula text.
    expect(rows.map((r) => r[8])).toEqual(['10', '20', '30', '40', '50', '60']);
    expect(rows[2]?.[5]).toBe('#DIV/0!');
    expect(text).not.toContain('[cost]');
    expect(rows[0]?.slice(2)).toEqual(['active', '2026-03-02', '11.5', '39', '0.1', 'true', '10']);
    await eventually(async () => (await toastText(page)).includes(file.name), true);
  });
});

describe('export the whole workbook', () => {
  test('a zip named with the workbook and time holds one CSV per sheet, as displayed, and a manifest of the snapshot', async () => {
    const { page } = app;
    await page.getByTestId('language').selectOption('zh-CN');
    const file = await exportWith(
      page,
      async (dialog) => {
        await dialog.getByTestId('export-workbook').check();
        await dialog.getByTestId('export-display').check();
        await dialog.getByTestId('export-delimiter').selectOption(';');
      },
      'csv-export-dialog-zh',
    );
    await page.getByTestId('language').selectOption('en');
    expect(file.name).toMatch(/^Example-shop-plan_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.zip$/);
    const files = unzipSync(file.bytes);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', '商品.csv', '库存.csv'].sort());

    const products = files['商品.csv'] ?? new Uint8Array();
    expect([...products.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8(products);
    expect(crlfOnly(text)).toBe(true);
    const [header, ...rows] = parse(text, ';');
    expect(header).toEqual(['SKU', '名称', '状态', '上新日期', '成本', '标价', '会员折扣', '主推', 'Margin']);
    // As the grid displays it, in the person's language; the formula column shows as the currency it computes.
    expect(rows[0]?.slice(2)).toEqual(['active', '2026-03-02', '¥11.50', '¥39.00', '10.0%', '是', '¥10.00']);
    expect(rows[1]?.[4]).toBe('-¥12.50');
    expect(rows.map((r) => r[1])).toEqual(RISKY.map((s) => `'${s}`));

    const inventory = parse(utf8(files['库存.csv'] ?? new Uint8Array()), ';');
    expect(inventory).toHaveLength(6);
    expect(inventory[1]?.slice(0, 2)).toEqual(['SKU-1001', '420']);

    const manifest = JSON.parse(utf8(files['manifest.json'] ?? new Uint8Array())) as {
      workbook: { id: string; name: string };
      version: string;
      exportedBy: string;
      exportedAt: string;
      options: { mode: string; delimiter: string; bom: boolean; locale: string };
      sheets: { name: string; file: string; rows: number; columns: { header: string; type: string; formula: boolean }[] }[];
    };
    expect(manifest.workbook).toEqual({ id: 'example', name: 'Example shop plan' });
    // A version that names the exported state exactly (seen and deleted edits), so it can be rebuilt.
    expect(manifest.version).toMatch(/^snap:[A-Za-z0-9+/]+=*$/);
    expect(() => snapshotOfVersion(manifest.version)).not.toThrow();
    expect(manifest.exportedBy).toBe('Lin Wei');
    expect(file.name).toContain(manifest.exportedAt.slice(0, 19).replace(/:/g, '-'));
    expect(manifest.options).toEqual({ mode: 'display', delimiter: ';', encoding: 'utf-8', bom: true, locale: 'zh-CN' });
    expect(manifest.sheets.map((s) => [s.name, s.file, s.rows])).toEqual([
      ['Products', '商品.csv', 6],
      ['Inventory', '库存.csv', 5],
    ]);
    expect(manifest.sheets[0]?.columns.at(-1)).toMatchObject({ header: 'Margin', type: 'currency', formula: true });
  });

  test('the choices are remembered for the next export in this browser', async () => {
    const { page } = app;
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    expect(await dialog.getByTestId('export-workbook').isChecked()).toBe(true);
    expect(await dialog.getByTestId('export-display').isChecked()).toBe(true);
    expect(await dialog.getByTestId('export-delimiter').inputValue()).toBe(';');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
