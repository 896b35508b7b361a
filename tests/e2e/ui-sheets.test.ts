/** The workbook shell: sheet tabs (add, gallery, rename, drag to reorder, delete and undo), language and currency. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, eventually, openApp, toastText, typeInto, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const tabNames = (page: Page) => page.locator('.wb-tab .wb-tab-name, .wb-tab .wb-tab-input').allTextContents();
/**
 * Where a tab is on screen, once it is there: right after a rename the strip is drawn again, and
 * a box read in between is null.
 */
const boxOf = async (tab: Locator): Promise<{ x: number; y: number; width: number; height: number }> => {
  let box: Awaited<ReturnType<Locator['boundingBox']>> = null;
  await expect
    .poll(async () => {
      box = await tab.boundingBox({ timeout: 2_000 }).catch(() => null);
      return box !== null;
    })
    .toBe(true);
  if (!box) throw new Error('tab not on screen');
  return box;
};
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
    const from = await boxOf(page.locator('.wb-tab', { hasText: 'Campaigns' }));
    const to = await boxOf(page.locator('.wb-tab', { hasText: 'Products' }));
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

  test('the currency is a workbook setting: it says it relabels without converting, and asks before relabelling for everyone', async () => {
    const { page } = app;
    expect(await page.getByTestId('currency').count()).toBe(0);
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-currency').selectOption('USD');
    expect(await dialog.getByTestId('settings-currency-note').textContent()).toContain('nothing is converted: ¥1,200.00 shows as $1,200.00');
    await dialog.getByTestId('settings-save').click();
    const confirm = dialog.getByTestId('settings-confirm');
    expect(await confirm.textContent()).toContain('2 amount columns (Products) will show the new symbol on the same numbers: ¥1,200.00 becomes $1,200.00, for everyone. Nothing is converted.');
    await screenshot(page, 'ui-settings-currency-confirm');
    // Back, then Cancel: nothing changed.
    await dialog.getByTestId('settings-back').click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await cellText(page, 0, 'cost')).toBe('¥11.50');

    await page.getByTestId('open-settings').click();
    await dialog.getByTestId('settings-currency').selectOption('USD');
    await dialog.getByTestId('settings-save').click();
    await dialog.getByTestId('settings-relabel').click();
    await eventually(() => cellText(page, 0, 'cost'), '$11.50');
    expect(await page.getByTestId('toast').last().textContent()).toContain('Amounts relabelled: ¥1,200.00 now shows as $1,200.00 (not converted).');
    await page.getByTestId('open-settings').click();
    await dialog.getByTestId('settings-currency').selectOption('EUR');
    await dialog.getByTestId('settings-save').click();
    await dialog.getByTestId('settings-relabel').click();
    await eventually(() => cellText(page, 0, 'cost'), '€11.50');
    expect(await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-badge').textContent()).toBe('€');
    // One undo step each: Ctrl+Z goes back to $, then to ¥.
    await cell(page, 0, 'sku').click();
    await page.keyboard.press('Control+Z');
    await eventually(() => cellText(page, 0, 'cost'), '$11.50');
    await page.keyboard.press('Control+Z');
    await eventually(() => cellText(page, 0, 'cost'), '¥11.50');
  });

  test('an amount typed with another currency\'s symbol is saved in the column\'s currency, with a warning that nothing was converted', async () => {
    const { page } = app;
    await typeInto(page, 1, 'cost', '$1,200');
    await eventually(() => cellText(page, 1, 'cost'), '¥1,200.00');
    await eventually(
      async () => (await toastText(page)).includes('You typed $, but “Cost” is in ¥: saved as ¥1,200.00. Amounts are not converted'),
      true,
    );
    await screenshot(page, 'ui-currency-differs');
    // The column's own symbol: no warning.
    const warnings = () => page.locator('[data-testid="toast"]', { hasText: 'You typed' }).count();
    const before = await warnings();
    await typeInto(page, 2, 'cost', '¥99');
    await eventually(() => cellText(page, 2, 'cost'), '¥99.00');
    expect(await warnings()).toBe(before);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
