/** Copy and paste with Excel / Google Sheets TSV, bad cells reported and left alone, one undo step per paste. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, stored, toastText, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const rowCount = (page: Page) => page.evaluate(() => window.__wb?.wb.rowCount('products'));

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

describe('clipboard', () => {
  test('paste: a 3×3 block with one bad cell writes the other eight and reports the bad one by position', async () => {
    const { page } = app;
    await setClipboard(page, '2026-01-05\t¥10\t30\n2026/02/06\tabc\t40\n03/07/2026\t12.5\t50\n');
    await clickCell(page, 0, 'launch');
    await page.keyboard.press('Control+V');
    await expect.poll(() => toastText(page)).toContain('1 cell could not be pasted and was left unchanged');
    const toast = await toastText(page);
    expect(toast).toContain('Pasted 8 cells.');
    expect(toast).toContain('Row 2, Cost: “abc” is not an amount');
    await screenshot(page, 'ui-paste-bad-cell');
    expect(await Promise.all([0, 1, 2].map((r) => cellText(page, r, 'launch')))).toEqual(['2026-01-05', '2026-02-06', '2026-03-07']);
    expect(await Promise.all([0, 1, 2].map((r) => stored(page, r, 'cost')))).toEqual([10, 24, 12.5]);
    expect(await Promise.all([0, 1, 2].map((r) => stored(page, r, 'price')))).toEqual([30, 40, 50]);
  });

  test('undo takes the whole paste back in one step, redo brings it again', async () => {
    const { page } = app;
    await page.keyboard.press('Control+Z');
    await eventually(() => Promise.all([0, 1, 2].map((r) => cellText(page, r, 'launch'))), ['2026-03-02', '2026-11-15', '2026-05-20']);
    expect(await Promise.all([0, 1, 2].map((r) => stored(page, r, 'price')))).toEqual([39, 69, 89]);
    await page.keyboard.press('Control+Y');
    await eventually(() => Promise.all([0, 1, 2].map((r) => stored(page, r, 'price'))), [30, 40, 50]);
    await page.keyboard.press('Control+Z');
    await eventually(() => stored(page, 0, 'price'), 39);
  });

  test('copy: a range goes out as TSV; a cell with a tab, a line break or quotes is quoted as Excel does', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const wb = window.__wb?.wb;
      const id = wb?.rowIds('products')[1];
      if (wb && id) wb.setCell('products', id, 'name', 'Board "XL"\tbamboo\nnew');
    });
    await clickCell(page, 0, 'sku');
    await cell(page, 1, 'status').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    await eventually(
      () => clipboard(page),
      'SKU-1001\tCeramic mug 350 ml\tactive\r\nSKU-1002\t"Board ""XL""\tbamboo\nnew"\tnew',
    );
    expect(await page.getByTestId('status-stats').textContent()).toContain('Count 6');
  });

  test('a range painted by dragging the mouse is what gets copied', async () => {
    const { page } = app;
    const from = await cell(page, 2, 'launch').boundingBox();
    const to = await cell(page, 3, 'cost').boundingBox();
    if (!from || !to) throw new Error('cells not on screen');
    await page.mouse.move(from.x + 10, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(to.x + 10, to.y + 10, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.press('Control+C');
    await eventually(() => clipboard(page), '2026-05-20\t31\r\n2026-02-11\t8.2');
  });

  test('paste of copied cells reads the quoting back', async () => {
    const { page } = app;
    await clickCell(page, 0, 'sku');
    await cell(page, 1, 'status').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    await clickCell(page, 4, 'sku');
    await page.keyboard.press('Control+V');
    await eventually(() => stored(page, 5, 'name'), 'Board "XL"\tbamboo\nnew');
    expect(await stored(page, 4, 'sku')).toBe('SKU-1001');
    expect(await stored(page, 5, 'status')).toBe('new');
    await page.keyboard.press('Control+Z');
    await eventually(() => stored(page, 4, 'sku'), 'SKU-1005');
  });

  test('a paste past the last row adds the rows it needs', async () => {
    const { page } = app;
    expect(await rowCount(page)).toBe(6);
    await setClipboard(page, 'SKU-2001\tTeapot\r\nSKU-2002\tCoaster set\r\nSKU-2003\tSpoon rest\r\n');
    await clickCell(page, 5, 'sku');
    await page.keyboard.press('Control+V');
    await eventually(() => rowCount(page), 8);
    await expect.poll(() => toastText(page)).toContain('2 rows added');
    expect(await Promise.all([5, 6, 7].map((r) => stored(page, r, 'name')))).toEqual(['Teapot', 'Coaster set', 'Spoon rest']);
    await expect.poll(() => page.getByTestId('status-rows').textContent()).toBe('8 rows');
  });

  test('Delete clears the selected range; cut copies and clears', async () => {
    const { page } = app;
    await clickCell(page, 6, 'sku');
    await cell(page, 7, 'name').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Delete');
    await eventually(() => Promise.all([6, 7].map((r) => stored(page, r, 'name'))), [null, null]);
    await page.keyboard.press('Control+Z');
    await eventually(() => stored(page, 7, 'name'), 'Spoon rest');
    await clickCell(page, 7, 'name');
    await page.keyboard.press('Control+X');
    await eventually(() => clipboard(page), 'Spoon rest');
    await eventually(() => stored(page, 7, 'name'), null);
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
