/** The workbook shell: sheet tabs (add, gallery, rename, drag to reorder, delete and undo), language and currency. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cellText, eventually, openApp, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const tabNames = (page: Page) => page.locator('.wb-tab .wb-tab-name, .wb-tab .wb-tab-input').allTextContents();
const headerNames = (page: Page) => page.locator('.ag-header-cell .wb-hdr-name').allTextContents();

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

describe('sheet tabs', () => {
  test('adding a blank sheet opens it, empty, with a hint what to do', async () => {
    const { page } = app;
    await page.getByTestId('add-sheet').click();
    await page.getByTestId('add-blank-sheet').click();
    await eventually(() => tabNames(page), ['Products', 'Inventory', 'Sheet 3']);
    await eventually(() => page.locator('.wb-tab-on .wb-tab-name').textContent(), 'Sheet 3');
    await page.getByTestId('empty-sheet').waitFor();
    await eventually(() => headerNames(page), ['Name', 'Notes']);
    await eventually(() => page.getByTestId('status-rows').textContent(), '0 rows');
    await screenshot(page, 'ui-blank-sheet');
  });

  test('an empty sheet takes a first row from its hint, and a paste that grows it', async () => {
    const { page } = app;
    await page.getByTestId('empty-sheet').getByRole('button').click();
    await eventually(() => page.getByTestId('status-rows').textContent(), '1 row');
    await page.evaluate(() => navigator.clipboard.writeText('Teapot\tgift idea\nKettle\tsecond row'));
    await page.keyboard.press('Control+V');
    await eventually(() => page.getByTestId('status-rows').textContent(), '2 rows');
    const firstColumn = () =>
      page.evaluate(() => {
        const g = window.__wb?.app.grid();
        const wb = window.__wb?.wb;
        const col = g && wb ? wb.columns(g.sheetId)[0] : undefined;
        return g && wb && col ? wb.columnValues(g.sheetId, col.id) : [];
      });
    await eventually(firstColumn, ['Teapot', 'Kettle']);
  });

  test('the gallery lists what can be added and adds it', async () => {
    const { page } = app;
    await page.getByTestId('add-sheet').click();
    await page.getByTestId('add-from-gallery').click();
    const dialog = page.getByTestId('gallery-dialog');
    await dialog.waitFor();
    await screenshot(page, 'ui-gallery');
    await dialog.locator('.wb-gallery-card[data-template="blank"]').click();
    await eventually(() => tabNames(page), ['Products', 'Inventory', 'Sheet 3', 'Blank sheet']);
  });

  test('double-click renames a tab; a name already taken is refused with the reason', async () => {
    const { page } = app;
    await page.locator('.wb-tab', { hasText: 'Sheet 3' }).dblclick();
    await page.locator('.wb-tab-input').fill('Inventory');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.wb-tab-error').textContent(), 'There is already a sheet named “Inventory”; choose another name.');
    await page.locator('.wb-tab-input').fill('Campaigns');
    await page.keyboard.press('Enter');
    await eventually(() => tabNames(page), ['Products', 'Inventory', 'Campaigns', 'Blank sheet']);
  });

  test('dragging a tab moves the sheet', async () => {
    const { page } = app;
    const from = await page.locator('.wb-tab', { hasText: 'Campaigns' }).boundingBox();
    const to = await page.locator('.wb-tab', { hasText: 'Products' }).boundingBox();
    if (!from || !to) throw new Error('tabs not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    await eventually(() => tabNames(page), ['Campaigns', 'Products', 'Inventory', 'Blank sheet']);
  });

  test('deleting a sheet asks first, and can be undone from the toast', async () => {
    const { page } = app;
    await page.locator('.wb-tab', { hasText: 'Inventory' }).click();
    await page.locator('.wb-tab-on .wb-tab-menu').click();
    await page.getByTestId('tab-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    await eventually(() => dialog.locator('p').textContent(), 'Its 5 rows go with it. You can undo this right after.');
    await screenshot(page, 'ui-delete-sheet-confirm');
    await dialog.getByRole('button', { name: 'Delete sheet' }).click();
    await eventually(() => tabNames(page), ['Campaigns', 'Products', 'Blank sheet']);
    await page.locator('[data-testid="toast"] .wb-toast-action').click();
    await eventually(() => tabNames(page), ['Campaigns', 'Products', 'Inventory', 'Blank sheet']);
  });
});

describe('language and currency', () => {
  test('简体中文 translates the UI and the template names; English comes back', async () => {
    const { page } = app;
    await page.locator('.wb-tab', { hasText: 'Products' }).click();
    await page.getByTestId('language').selectOption('zh-CN');
    await eventually(() => tabNames(page), ['Campaigns', '商品', '库存', 'Blank sheet']);
    await eventually(() => headerNames(page), ['SKU', '名称', '状态', '上新日期', '成本', '标价', '会员折扣', '主推']);
    expect(await page.getByTestId('status-rows').textContent()).toBe('6 行');
    expect(await page.getByTestId('add-row').textContent()).toBe('+ 行');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'ui-zh-CN');
    await page.getByTestId('language').selectOption('en');
    await eventually(() => tabNames(page), ['Campaigns', 'Products', 'Inventory', 'Blank sheet']);
    await eventually(() => page.getByTestId('status-rows').textContent(), '6 rows');
  });

  test('the language is this person’s choice and survives a reload', async () => {
    const { page } = app;
    await page.getByTestId('language').selectOption('zh-CN');
    await page.reload();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await eventually(() => page.getByTestId('add-column').textContent(), '+ 列');
    await page.getByTestId('language').selectOption('en');
    await eventually(() => page.getByTestId('add-column').textContent(), '+ Column');
  });

  test('the workbook currency changes how amounts are shown', async () => {
    const { page } = app;
    await page.getByTestId('currency').selectOption('USD');
    await eventually(() => cellText(page, 0, 'cost'), '$11.50');
    await page.getByTestId('currency').selectOption('EUR');
    await eventually(() => cellText(page, 0, 'cost'), '€11.50');
    expect(await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-badge').textContent()).toBe('€');
    await page.getByTestId('currency').selectOption('CNY');
    await eventually(() => cellText(page, 0, 'cost'), '¥11.50');
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
