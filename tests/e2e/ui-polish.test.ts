/**
 * Small things that got in the way, in real Chromium: a reference to a deleted row says so and
 * offers the picker, and a formula that follows it says why it has no value; an amount pasted with another currency's symbol is reported; the paste toast
 * keeps off the pasted cells; the editor's message under the right-most columns stays on screen.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, openApp, openSheet, stored, toastText, type AppPage } from './ui-helpers.ts';
import { columnId, openDemo } from './view-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
const deleteProduct = (page: Page, sku: string) =>
  page.evaluate((key) => {
    const wb = window.__wb?.wb;
    const id = wb?.rowIds('products').find((r) => wb.cell('products', r, 'sku') === key);
    if (wb && id) wb.deleteRows('products', [id]);
  }, sku);
const tooltip = async (page: Page, row: number, colId: string): Promise<string> => {
  await page.mouse.move(0, 0);
  await cell(page, row, colId).hover();
  return (await page.getByTestId('cell-tooltip').textContent()) ?? '';
};
const showColumn = (page: Page, colId: string) => page.evaluate((c) => window.__wb?.app.grid()?.api?.ensureColumnVisible(c), colId);

type Box = { x: number; y: number; width: number; height: number };
const meet = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

beforeAll(async () => {
  app = await openApp(env.browser, env.server, { width: 1000, height: 600 });
});

describe('a reference to a deleted row', () => {
  test('shows the key and “deleted row” in grey, not #N/A, and its button opens the picker to choose another row', async () => {
    const { page } = app;
    await deleteProduct(page, 'SKU-1001');
    await openSheet(page, 'Inventory');
    const text = await cellText(page, 0, 'isku');
    expect(text).toContain('SKU-1001');
    expect(text).toContain('deleted row');
    expect(text).not.toContain('#N/A');
    // Muted like a row's name, not red like an error.
    const color = (row: number) => cell(page, row, 'isku').locator('.wb-ref-name').evaluate((el) => getComputedStyle(el).color);
    expect(await color(0)).toBe(await color(1));
    await screenshot(page, 'ui-reference-deleted-row');
    await cell(page, 0, 'isku').locator('.wb-ref-pick').click();
    const options = page.locator('.wb-pick-list [role="option"]');
    await expect.poll(() => options.count()).toBe(5);
    await options.filter({ hasText: 'SKU-1003' }).click();
    await expect.poll(() => stored(page, 0, 'isku')).toBe('SKU-1003');
    expect(await cellText(page, 0, 'isku')).not.toContain('deleted row');
  });

  test('in 简体中文 it says 已删除的行, and its button is named', async () => {
    const { page } = app;
    await page.getByTestId('language').selectOption('zh-CN');
    await deleteProduct(page, 'SKU-1002');
    await page.locator('.wb-tab').first().click();
    await page.locator('.wb-tab').nth(1).click();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await expect.poll(() => cellText(page, 1, 'isku')).toContain('已删除的行');
    expect(await cell(page, 1, 'isku').locator('.wb-ref-pick').getAttribute('title')).toBe('改选其他行');
    await page.getByTestId('language').selectOption('en');
    await openSheet(page, 'Products');
  });
});

describe('a formula that follows a reference to a deleted row', () => {
  test('shows #REF! and says why on hover, in English and in 简体中文; Undo of the delete brings its value back', async () => {
    const demo = await openDemo(env.browser, env.server);
    const { page } = demo;
    try {
      await openSheet(page, 'Inventory');
      const [skuCol, productCol] = [await columnId(page, 'Inventory', 'SKU'), await columnId(page, 'Inventory', 'Product')];
      const sku = String(await stored(page, 0, skuCol));
      await expect.poll(() => cellText(page, 0, productCol)).not.toBe('');
      const name = await cellText(page, 0, productCol);
      await openSheet(page, 'Products');
      // The product's row, brought on screen, deleted from its row menu (the question names what refers to it).
      const row = Number(
        await page.evaluate((key) => {
          const g = window.__wb?.app.grid();
          const wb = window.__wb?.wb;
          const col = g ? wb?.columnByName(g.sheetId, 'SKU')?.id : undefined;
          for (let i = 0; g && wb && col && i < g.displayedRowCount(); i++) {
            if (wb.cell(g.sheetId, g.rowIdAt(i) ?? '', col) === key) {
              g.api?.ensureIndexVisible(i, 'middle');
              return i;
            }
          }
          return -1;
        }, sku),
      );
      expect(row).toBeGreaterThanOrEqual(0);
      await page.locator(`.ag-row[row-index="${row}"] .wb-rownum`).click({ button: 'right' });
      await page.getByTestId('row-delete').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.getByRole('button', { name: 'Delete anyway' }).click();
      await dialog.waitFor({ state: 'detached' });
      await openSheet(page, 'Inventory');
      await expect.poll(() => cellText(page, 0, productCol)).toBe('#REF!');
      expect(await cellText(page, 0, skuCol)).toContain('deleted row');
      const why = `#REF! [SKU] refers to a deleted row: no row of "Products" has the key "${sku}"`;
      await expect.poll(() => tooltip(page, 0, productCol)).toBe(why);
      await screenshot(page, 'ui-follow-deleted-row');
      await page.getByTestId('language').selectOption('zh-CN');
      await expect.poll(() => tooltip(page, 0, productCol)).toBe(`#REF! [货号] 引用的行已被删除：“商品”中没有主键为“${sku}”的行`);
      await page.getByTestId('language').selectOption('en');
      await expect.poll(() => tooltip(page, 0, productCol)).toBe(why);
      await page.mouse.move(0, 0);
      await page.keyboard.press('Control+Z');
      await expect.poll(() => cellText(page, 0, productCol)).toBe(name);
      expect(await cellText(page, 0, skuCol)).not.toContain('deleted row');
      expect(demo.errors).toEqual([]);
    } finally {
      await demo.context.close();
    }
  });
});

describe('paste', () => {
  test('amounts pasted with $ into a ¥ column are saved as ¥ and the toast says the symbol differed', async () => {
    const { page } = app;
    const before = await stored(page, 0, 'cost');
    await setClipboard(page, '$1,200\n$15\n');
    await clickCell(page, 0, 'cost');
    await page.keyboard.press('Control+V');
    await expect.poll(() => toastText(page)).toContain('2 amounts pasted with $ into “Cost”, which is in ¥: saved as ¥');
    expect(await toastText(page)).toContain('Pasted 2 cells.');
    expect([await stored(page, 0, 'cost'), await stored(page, 1, 'cost')]).toEqual([1200, 15]);
    await screenshot(page, 'ui-paste-currency-differs');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => stored(page, 0, 'cost')).toBe(before);
  });

  test('the toast keeps off the cells just pasted at the bottom right of the screen', async () => {
    const { page } = app;
    for (const b of await page.getByTestId('toast').all()) await b.getByRole('button', { name: 'Close' }).click();
    await showColumn(page, 'featured');
    await clickCell(page, 0, 'member');
    await setClipboard(page, Array.from({ length: 30 }, () => '5%\tTRUE').join('\n'));
    await page.keyboard.press('Control+V');
    await expect.poll(() => toastText(page)).toContain('Pasted 60 cells.');
    const toast = await page.getByTestId('toast').first().boundingBox();
    if (!toast) throw new Error('no toast');
    const pasted = await page.locator('.ag-row .ag-cell[col-id="member"], .ag-row .ag-cell[col-id="featured"]').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    const grid = await page.getByTestId('sheet-grid').boundingBox();
    const onScreen = pasted.filter((b) => grid && b.y + b.height > grid.y && b.y < grid.y + grid.height && b.x + b.width > grid.x);
    // The pasted cells reach down to where the toast would go by default.
    expect(onScreen.some((b) => b.y + b.height > toast.y)).toBe(true);
    expect(onScreen.filter((b) => meet(b, toast))).toEqual([]);
    await screenshot(page, 'ui-paste-toast-placed');
    await page.keyboard.press('Control+Z');
  });
});

describe('the editor’s message', () => {
  test('under a column at the right edge it stays inside the grid and the window', async () => {
    const { page } = app;
    await showColumn(page, 'featured');
    await clickCell(page, 0, 'member');
    await page.keyboard.press('Enter');
    const input = page.locator('.wb-editor-open .wb-editor-input');
    await input.waitFor();
    await input.fill('not a percentage, not even close to one');
    await page.keyboard.press('Enter');
    const bubble = page.locator('.wb-editor-error');
    await bubble.waitFor();
    const [b, grid, c] = [await bubble.boundingBox(), await page.getByTestId('sheet-grid').boundingBox(), await cell(page, 0, 'member').boundingBox()];
    if (!b || !grid || !c) throw new Error('not on screen');
    // Without moving it would run past the grid's right edge.
    expect(c.x + b.width).toBeGreaterThan(grid.x + grid.width);
    expect(b.x + b.width).toBeLessThanOrEqual(grid.x + grid.width + 1);
    expect(b.x).toBeGreaterThanOrEqual(grid.x - 1);
    expect(b.x + b.width).toBeLessThanOrEqual(1000);
    await screenshot(page, 'ui-editor-message-inside');
    await page.keyboard.press('Escape');
  });
});

describe('the page', () => {
  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
    expect(app.dialogs).toEqual([]);
  });
});
