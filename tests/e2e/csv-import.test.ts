/**
 * Import in the browser, through the dialog as a person does it: pick a file, confirm the columns,
 * review the bad rows (line and reason), import the good ones, undo the whole import at once; a GBK
 * file from a Chinese system; a file dropped on the grid.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cellText, eventually, openApp, toastText, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

/** GBK bytes of a text: the inverse of the platform's GBK decoder over every two-byte code. */
const gbk = (() => {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return (text: string): Buffer =>
    Buffer.from(
      [...text].flatMap((ch) => {
        const code = ch.charCodeAt(0);
        if (code < 0x80) return [code];
        const pair = table.get(ch);
        if (!pair) throw new Error(`${ch} has no GBK code`);
        return pair;
      }),
    );
})();

const rowCount = (page: Page) => page.getByTestId('status-rows').textContent();
const tabNames = (page: Page) => page.locator('.wb-tab .wb-tab-name').allTextContents();

/** Opens the import dialog and picks a file as the file chooser would. */
const pickFile = async (page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') => {
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-drop').waitFor();
  await dialog.getByTestId('import-file').setInputFiles({ name, mimeType, buffer });
  await dialog.getByTestId('import-mapping').waitFor();
  return dialog;
};

describe('import into the open sheet', () => {
  const FILE = [
    'SKU,名称,成本,标价,上新日期,主推',
    'SKU-2001,Teapot 茶壶,12.50,39,2026-04-01,是',
    'SKU-2002,"Kettle, steel",abc,59,2026-04-02,否',
    'SKU-2003,Mug,8,19,2026-13-45,yes',
    'SKU-2004,Glass jar,¥3,9.9,2026-04-04,no',
    '',
  ].join('\r\n');

  test('columns are matched by their Chinese names; bad rows are listed by line and reason; the good rows are imported', async () => {
    const { page } = app;
    const dialog = await pickFile(page, 'supplier.csv', Buffer.from(FILE));
    expect(await dialog.getByTestId('import-target').inputValue()).toBe('products');
    const into = await dialog.getByTestId('import-into').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(into).toEqual(['sku', 'name', 'cost', 'price', 'launch', 'featured']);
    await eventually(() => dialog.getByTestId('import-detected').textContent(), 'Detected: UTF-8. If the text below looks garbled, choose another encoding.');
    expect(await dialog.getByTestId('import-preview').locator('tbody tr').count()).toBe(4);
    // The first rows are checked against each column before the whole file is read.
    const warning = (header: string) => dialog.locator(`[data-csv-column="${header}"] [data-testid="import-sample-bad"]`).textContent();
    expect(await warning('成本')).toBe('1 of the first 4 values will not import: "abc" is not a number.');
    expect(await warning('上新日期')).toBe('1 of the first 4 values will not import: "2026-13-45" is not a date (write it as YYYY-MM-DD).');
    await screenshot(page, 'csv-import-setup');

    await dialog.getByTestId('import-start').click();
    await dialog.getByTestId('import-review').waitFor();
    expect(await dialog.getByTestId('import-summary').textContent()).toBe(
      '2 rows are ready to import; 2 rows have problems, listed below with the line of the file.',
    );
    const problems = await dialog.getByTestId('import-problems').locator('li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^Line 3成本"abc" is not a number/);
    expect(problems[1]).toMatch(/^Line 4上新日期"2026-13-45" is not a date/);
    await screenshot(page, 'csv-import-review');

    await dialog.getByTestId('import-good').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => rowCount(page), '8 rows');
    expect(await cellText(page, 6, 'sku')).toBe('SKU-2001');
    expect(await cellText(page, 6, 'name')).toBe('Teapot 茶壶');
    expect(await cellText(page, 6, 'cost')).toBe('¥12.50');
    expect(await cellText(page, 7, 'sku')).toBe('SKU-2004');
    expect(await cellText(page, 7, 'price')).toBe('¥9.90');
    expect(await toastText(page)).toContain('Imported 2 rows into “Products”. 2 rows with problems left out.');
    await screenshot(page, 'csv-import-done');
  });

  test('one Ctrl+Z undoes the whole import', async () => {
    const { page } = app;
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="sku"]').click();
    await page.keyboard.press('Control+Z');
    await eventually(() => rowCount(page), '6 rows');
    const skus = await page.evaluate(() => {
      const wb = window.__wb?.wb;
      return wb ? wb.columnValues('products', 'sku') : [];
    });
    expect(skus).not.toContain('SKU-2001');
    expect(skus).not.toContain('SKU-2004');
  });

  test('choosing "import nothing" writes nothing', async () => {
    const { page } = app;
    const dialog = await pickFile(page, 'supplier.csv', Buffer.from(FILE));
    await dialog.getByTestId('import-start').click();
    await dialog.getByTestId('import-nothing').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await toastText(page)).toContain('Nothing was imported.');
    expect(await rowCount(page)).toBe('6 rows');
  });
});

describe('what cannot be taken is said plainly', () => {
  test('an empty file, and a new sheet named like an existing one, each get a sentence that says what to do', async () => {
    const { page } = app;
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from(' \r\n') });
    await eventually(() => dialog.getByTestId('import-error').textContent(), 'The file is empty; choose a CSV file with a header and rows.');
    expect(await dialog.getByTestId('import-drop').isVisible()).toBe(true);

    await dialog.getByTestId('import-file').setInputFiles({ name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from('Campaign,Budget\r\nDouble 11,5000\r\n') });
    await dialog.getByTestId('import-mapping').waitFor();
    expect(await dialog.getByTestId('import-error').count()).toBe(0);
    await dialog.getByTestId('import-sheet-name').fill('inventory');
    await dialog.getByTestId('import-start').click();
    expect(await dialog.getByTestId('import-error').textContent()).toBe('There is already a sheet named “inventory”; choose another name.');
    await dialog.getByTestId('import-include').first().uncheck();
    await dialog.getByTestId('import-include').last().uncheck();
    await dialog.getByTestId('import-sheet-name').fill('Campaigns');
    await dialog.getByTestId('import-start').click();
    expect(await dialog.getByTestId('import-error').textContent()).toBe('No CSV column goes into a column of "Campaigns"; choose a column for at least one of them.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await tabNames(page)).toEqual(['Products', 'Inventory']);
  });
});

describe('import a file from a Chinese system', () => {
  const FILE = '商品,价格,上架,库存\r\n蒜泥器,12元,是,3\r\n满减礼盒,5元,否,0\r\n';

  test('a GBK file is detected as GBK, can be read another way by hand, and imports into a new sheet with the right Chinese text', async () => {
    const { page } = app;
    const dialog = await pickFile(page, '供应商报价.csv', gbk(FILE));
    expect(await dialog.getByTestId('import-target').inputValue()).toBe('new');
    expect(await dialog.getByTestId('import-sheet-name').inputValue()).toBe('供应商报价');
    expect(await dialog.getByTestId('import-encoding').inputValue()).toBe('gb18030');
    const firstCell = () => dialog.getByTestId('import-preview').locator('tbody tr').first().locator('td').first().textContent();
    expect(await firstCell()).toBe('蒜泥器');
    // Read as Windows-1252 by hand, the same bytes are garbled; back to GBK they are right again.
    await dialog.getByTestId('import-encoding').selectOption('windows-1252');
    await eventually(async () => (await firstCell()) !== '蒜泥器', true);
    await dialog.getByTestId('import-encoding').selectOption('gb18030');
    await eventually(firstCell, '蒜泥器');
    const types = await dialog.getByTestId('import-type').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(types).toEqual(['text', 'currency', 'boolean', 'integer']);
    await screenshot(page, 'csv-import-gbk');

    await dialog.getByTestId('import-start').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => tabNames(page), ['Products', 'Inventory', '供应商报价']);
    await eventually(() => page.locator('.wb-tab-on .wb-tab-name').textContent(), '供应商报价');
    const values = await page.evaluate(() => {
      const h = window.__wb;
      const g = h?.app.grid();
      if (!h || !g) throw new Error('test hook missing');
      return h.wb.rowIds(g.sheetId).map((r) => h.wb.columns(g.sheetId).map((c) => h.wb.cell(g.sheetId, r, c.id)));
    });
    expect(values).toEqual([
      ['蒜泥器', 12, true, 3],
      ['满减礼盒', 5, false, 0],
    ]);
    await eventually(() => page.locator('.ag-row[row-index="0"] .ag-cell').nth(1).textContent(), '蒜泥器');
    await screenshot(page, 'csv-import-gbk-done');
  });
});

describe('drop a file on the grid', () => {
  test('a CSV file dropped on the sheet opens the import with that file', async () => {
    const { page } = app;
    await page.locator('.wb-tab', { hasText: 'Inventory' }).click();
    const data = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['SKU,On hand,In transit\r\nSKU-1006,7,0\r\n'], 'stock.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.dispatchEvent('.wb-sheet', 'dragenter', { dataTransfer: data });
    await eventually(() => page.locator('.wb-sheet.wb-file-over').count(), 1);
    await screenshot(page, 'csv-drop-over');
    await page.dispatchEvent('.wb-sheet', 'drop', { dataTransfer: data });
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-mapping').waitFor();
    expect(await page.locator('.wb-sheet.wb-file-over').count()).toBe(0);
    expect(await dialog.getByTestId('import-target').inputValue()).toBe('inventory');
    await dialog.getByTestId('import-start').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(() => rowCount(page), '6 rows');
    // A reference cell shows the key and, beside it, the name of the row it refers to.
    expect(await cellText(page, 5, 'isku')).toMatch(/^SKU-1006/);
    expect(await cellText(page, 5, 'onhand')).toBe('7');
    expect(app.errors).toEqual([]);
  });
});
