/** Columns (add, retype with a preview, delete, pin, resize, move) and rows (insert, duplicate, delete, drag), the keyboard, undo of own changes only. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Workbook } from '../../src/model/index.ts';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, stored, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const headerIds = (page: Page) => page.locator('.ag-header-cell[col-id]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id')).filter((id) => id !== '__row'));
const modelColumns = (page: Page) => page.evaluate(() => window.__wb?.wb.columns('products').map((c) => c.name));
const skus = (page: Page) => page.evaluate(() => window.__wb?.wb.columnValues('products', 'sku'));
const openColumnMenu = async (page: Page, colId: string) => {
  await page.locator(`.ag-header-cell[col-id="${colId}"]`).hover();
  await page.locator(`.ag-header-cell[col-id="${colId}"] .wb-hdr-menu`).click();
};
const openRowMenu = (page: Page, row: number) => page.locator(`.ag-row[row-index="${row}"] .wb-rownum`).click({ button: 'right' });

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

describe('deleting what others use', () => {
  test('a row other sheets refer to: the question names the references, and Cancel keeps the row', async () => {
    const { page } = app;
    await openRowMenu(page, 0);
    await page.getByTestId('row-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    await eventually(() => dialog.locator('.wb-dialog-title').textContent(), 'Delete this row?');
    expect(await dialog.getByTestId('confirm-dependents').textContent()).toContain('1 formula, reference or chart uses it, on Inventory.');
    expect(await dialog.getByTestId('confirm-dependents').locator('li').allTextContents()).toEqual(['Inventory · SKU, row 1: refers to SKU-1001']);
    await screenshot(page, 'ui-delete-row-dependents');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await skus(page))?.[0]).toBe('SKU-1001');
  });

  test('a row nothing refers to goes at once, as before', async () => {
    const { page } = app;
    await page.evaluate(() => window.__wb?.wb.insertRows('products', { values: [{ sku: 'SKU-9999', name: 'Spare' }] }));
    const last = Number(await page.evaluate(() => (window.__wb?.app.grid()?.displayedRowCount() ?? 1) - 1));
    await openRowMenu(page, last);
    await page.getByTestId('row-delete').click();
    await eventually(() => skus(page).then((s) => s?.includes('SKU-9999')), false);
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
  });

  test('the key column others refer to: the question says what refers to it', async () => {
    const { page } = app;
    await openColumnMenu(page, 'sku');
    await page.getByTestId('col-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.getByTestId('confirm-dependents').locator('li').allTextContents()).toEqual(['Inventory · SKU: refers to it']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await headerIds(page)).toContain('sku');
  });

  test('a sheet others refer to: the question names the sheet and column that refer to it', async () => {
    const { page } = app;
    await page.locator('.wb-tab-on .wb-tab-menu').click();
    await page.getByTestId('tab-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    await eventually(() => dialog.getByTestId('confirm-dependents').locator('li').allTextContents(), ['Inventory · SKU: refers to it']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.wb-tab', { hasText: 'Products' }).count()).toBe(1);
  });
});

describe('columns', () => {
  test('a column is added from the header bar with its name and type', async () => {
    const { page } = app;
    await page.getByTestId('add-column').click();
    const dialog = page.getByTestId('column-dialog');
    await dialog.getByTestId('coldlg-name').fill('Supplier');
    await dialog.getByTestId('coldlg-type').selectOption('choice');
    await dialog.getByTestId('coldlg-choices').fill('Acme\nBolt & Co');
    await dialog.getByTestId('coldlg-apply').click();
    await eventually(() => modelColumns(page), ['SKU', 'Name', 'Status', 'Launch date', 'Cost', 'List price', 'Member discount', 'Featured', 'Supplier']);
  });

  test('changing a type lists the values that would not convert, and Cancel changes nothing', async () => {
    const { page } = app;
    await openColumnMenu(page, 'name');
    await page.getByTestId('col-type').click();
    const dialog = page.getByTestId('column-dialog');
    await dialog.getByTestId('coldlg-type').selectOption('number');
    await eventually(() => dialog.getByTestId('retype-preview').locator('p').textContent(), '6 values cannot become the new type and would be cleared:');
    expect(await dialog.getByTestId('retype-preview').locator('li').first().textContent()).toBe('Row 1: Ceramic mug 350 ml');
    await screenshot(page, 'ui-retype-preview');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await stored(page, 0, 'name')).toBe('Ceramic mug 350 ml');
  });

  test('applying a type change clears only what cannot convert; undo restores them', async () => {
    const { page } = app;
    await openColumnMenu(page, 'cost');
    await page.getByTestId('col-type').click();
    const dialog = page.getByTestId('column-dialog');
    await dialog.getByTestId('coldlg-type').selectOption('integer');
    await eventually(() => dialog.getByTestId('coldlg-apply').textContent(), 'Clear 2 values and apply');
    await dialog.getByTestId('coldlg-apply').click();
    await eventually(() => Promise.all([0, 1, 3].map((r) => stored(page, r, 'cost'))), [null, 24, null]);
    await eventually(() => cellText(page, 1, 'cost'), '24');
    await page.keyboard.press('Control+Z');
    await eventually(() => Promise.all([0, 1, 3].map((r) => stored(page, r, 'cost'))), [11.5, 24, 8.2]);
    await eventually(() => cellText(page, 1, 'cost'), '¥24.00');
  });

  test('delete asks first and can be undone', async () => {
    const { page } = app;
    await openColumnMenu(page, 'featured');
    await page.getByTestId('col-delete').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete column' }).click();
    await eventually(() => headerIds(page).then((ids) => ids.includes('featured')), false);
    await page.locator('[data-testid="toast"] .wb-toast-action').last().click();
    await eventually(() => headerIds(page).then((ids) => ids.includes('featured')), true);
  });

  test('pinning keeps a column at the left edge', async () => {
    const { page } = app;
    await openColumnMenu(page, 'price');
    await page.getByTestId('col-pin').click();
    await eventually(() => headerIds(page).then((ids) => ids[0]), 'price');
    expect(await page.evaluate(() => window.__wb?.wb.column('products', 'price')?.options.pinned)).toBe(true);
    await page.keyboard.press('Control+Z');
    await eventually(() => headerIds(page).then((ids) => ids[0]), 'sku');
  });

  test('resizing a column keeps its width in the workbook', async () => {
    const { page } = app;
    const handle = page.locator('.ag-header-cell[col-id="status"] .ag-header-cell-resize');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no resize handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => window.__wb?.wb.column('products', 'status')?.options.width ?? 0)).toBeGreaterThan(180);
  });

  test('dragging a header moves the column', async () => {
    const { page } = app;
    const from = await page.locator('.ag-header-cell[col-id="status"] .wb-hdr-name').boundingBox();
    const to = await page.locator('.ag-header-cell[col-id="sku"]').boundingBox();
    if (!from || !to) throw new Error('headers not on screen');
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    // Over the middle of the first column (near the left edge AG Grid would pin it instead).
    await page.mouse.move(to.x + to.width * 0.4, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await eventually(() => modelColumns(page).then((c) => c?.slice(0, 3)), ['Status', 'SKU', 'Name']);
    await page.keyboard.press('Control+Z');
    await eventually(() => modelColumns(page).then((c) => c?.slice(0, 3)), ['SKU', 'Name', 'Status']);
  });
});

describe('rows', () => {
  test('insert above and below, and duplicate, from the row menu', async () => {
    const { page } = app;
    await openRowMenu(page, 1);
    await page.getByTestId('row-insert-above').click();
    await eventually(() => skus(page), ['SKU-1001', null, 'SKU-1002', 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006']);
    await openRowMenu(page, 2);
    await page.getByTestId('row-insert-below').click();
    await eventually(() => skus(page), ['SKU-1001', null, 'SKU-1002', null, 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006']);
    await openRowMenu(page, 0);
    await page.getByTestId('row-duplicate').click();
    await eventually(() => skus(page).then((s) => s?.slice(0, 2)), ['SKU-1001', 'SKU-1001']);
  });

  test('several rows selected from their numbers are deleted together, and come back with undo', async () => {
    const { page } = app;
    await page.locator('.ag-row[row-index="1"] .wb-rownum').click();
    await page.locator('.ag-row[row-index="4"] .wb-rownum').click({ modifiers: ['Shift'] });
    await openRowMenu(page, 2);
    await expect.poll(() => page.getByTestId('row-delete').textContent()).toBe('Delete 4 rows');
    await screenshot(page, 'ui-row-menu');
    await page.getByTestId('row-delete').click();
    // Inventory refers to SKU-1002: asked first (the duplicate SKU-1001 keeps its references).
    const dialog = page.getByTestId('confirm-dialog');
    await eventually(() => dialog.getByTestId('confirm-dependents').locator('li').allTextContents(), ['Inventory · SKU, row 2: refers to SKU-1002']);
    await dialog.getByRole('button', { name: 'Delete anyway' }).click();
    await eventually(() => skus(page), ['SKU-1001', 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006']);
    await page.keyboard.press('Control+Z');
    await eventually(() => skus(page).then((s) => s?.length), 9);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await eventually(() => skus(page), ['SKU-1001', 'SKU-1002', 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006']);
  });

  test('dragging a row by its handle moves it', async () => {
    const { page } = app;
    await page.locator('.ag-row[row-index="0"] .wb-rownum').hover();
    const handle = await page.locator('.ag-row[row-index="0"] .wb-drag').boundingBox();
    const target = await page.locator('.ag-row[row-index="2"] .wb-rownum').boundingBox();
    if (!handle || !target) throw new Error('rows not on screen');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + 20, target.y + target.height - 4, { steps: 8 });
    await page.waitForTimeout(100);
    await page.mouse.up();
    await eventually(() => skus(page), ['SKU-1002', 'SKU-1003', 'SKU-1001', 'SKU-1004', 'SKU-1005', 'SKU-1006']);
    await page.keyboard.press('Control+Z');
    await eventually(() => skus(page).then((s) => s?.[0]), 'SKU-1001');
  });
});

describe('keyboard', () => {
  test('arrows and Tab move, Enter and F2 edit, Escape cancels, Shift+arrows select a range', async () => {
    const { page } = app;
    await clickCell(page, 0, 'sku');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await eventually(() => page.getByTestId('fbar-ref').textContent(), 'Name · 2');
    await page.keyboard.press('F2');
    await page.keyboard.type(' XL');
    await page.keyboard.press('Escape');
    await eventually(() => cellText(page, 1, 'name'), 'Bamboo cutting board');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' XL');
    await page.keyboard.press('Enter');
    await eventually(() => cellText(page, 1, 'name'), 'Bamboo cutting board XL');
    await eventually(() => page.getByTestId('fbar-ref').textContent(), 'Name · 3');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await eventually(() => page.getByTestId('status-stats').textContent(), 'Count 4');
    await screenshot(page, 'ui-range');
  });

  test('Ctrl+Z undoes only this person’s change: a teammate’s edit made since stays', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const wb = window.__wb?.wb;
      if (!wb) return;
      // A second replica of the same workbook, as a teammate's browser holds it.
      const peer = (wb.constructor as unknown as { load: (u: Uint8Array) => Workbook }).load(wb.encode());
      const row = peer.rowIds('products')[5] ?? '';
      peer.setCell('products', row, 'name', 'Edited by a teammate');
      wb.applyUpdate(peer.encode());
    });
    await eventually(() => cellText(page, 5, 'name'), 'Edited by a teammate');
    await page.keyboard.press('Control+Z');
    await eventually(() => cellText(page, 1, 'name'), 'Bamboo cutting board');
    expect(await cellText(page, 5, 'name')).toBe('Edited by a teammate');
    expect(await cell(page, 5, 'name').count()).toBe(1);
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
