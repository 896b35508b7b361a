/** Each person's own view: sort and filters remembered across reloads and not shared; find (Ctrl+F); the status bar. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cellText, eventually, openApp, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const column = async (page: Page, colId: string): Promise<string[]> => {
  const n = Number(await page.evaluate(() => window.__wb?.app.grid()?.displayedRowCount() ?? 0));
  return Promise.all(Array.from({ length: n }, (_, i) => cellText(page, i, colId)));
};

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

describe('sort and filter', () => {
  test('a header click sorts ascending, a second one descending', async () => {
    const { page } = app;
    await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-name').click();
    await eventually(() => column(page, 'cost'), ['¥8.20', '¥11.50', '¥12.00', '¥24.00', '¥31.00', '¥96.00']);
    await eventually(() => page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-sort').textContent(), '▲');
    await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-name').click();
    await eventually(() => column(page, 'cost'), ['¥96.00', '¥31.00', '¥24.00', '¥12.00', '¥11.50', '¥8.20']);
  });

  test('a filter from the column menu keeps the rows that match; the status bar says how many', async () => {
    const { page } = app;
    await page.locator('.ag-header-cell[col-id="cost"]').hover();
    await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-menu').click();
    await page.getByTestId('col-filter').click();
    const pop = page.getByTestId('filter-popover');
    await pop.getByTestId('filter-op').selectOption('greater');
    await pop.getByTestId('filter-value').fill('¥20');
    await screenshot(page, 'ui-filter');
    await pop.getByTestId('filter-apply').click();
    await eventually(() => column(page, 'cost'), ['¥96.00', '¥31.00', '¥24.00']);
    await eventually(() => page.getByTestId('status-rows').textContent(), '3 of 6 rows');
    expect(await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-filter').isVisible()).toBe(true);
    await screenshot(page, 'ui-sorted-filtered');
  });

  test('sort and filter are still there after a reload', async () => {
    const { page } = app;
    await page.reload();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await eventually(() => column(page, 'cost'), ['¥96.00', '¥31.00', '¥24.00']);
    expect(await page.getByTestId('status-rows').textContent()).toBe('3 of 6 rows');
    await eventually(() => page.getByTestId('formula-bar').inputValue(), 'SKU-1005');
  });

  test('another person (another browser profile) sees the sheet unsorted and unfiltered', async () => {
    const other = await openApp(env.browser, env.server);
    await eventually(() => column(other.page, 'cost'), ['¥11.50', '¥24.00', '¥31.00', '¥8.20', '¥96.00', '¥12.00']);
    await other.context.close();
  });

  test('rows cannot be dragged while sorted; the status bar clears sort and filters', async () => {
    const { page } = app;
    await page.locator('.ag-row[row-index="1"] .wb-rownum').hover();
    await page.locator('.ag-row[row-index="1"] .wb-drag').click();
    await expect.poll(() => page.getByTestId('toast').allTextContents()).toContain('Drag to move. Clear the sort and filters first to move rows.×');
    await page.getByTestId('clear-view').click();
    await eventually(() => column(page, 'sku'), ['SKU-1001', 'SKU-1002', 'SKU-1003', 'SKU-1004', 'SKU-1005', 'SKU-1006']);
    await eventually(() => page.getByTestId('status-rows').textContent(), '6 rows');
  });
});

describe('the status bar', () => {
  test('Sum, Average and Count follow a sort and a filter: they add up the cells the selection covers now', async () => {
    const { page } = app;
    const stats = () => page.getByTestId('status-stats').textContent();
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="cost"]').click();
    await page.locator('.ag-row[row-index="1"] .ag-cell[col-id="cost"]').click({ modifiers: ['Shift'] });
    await eventually(stats, 'Sum ¥35.50Average ¥17.75Count 2');
    // Sorted by cost: the two top rows are now the two cheapest.
    await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-name').click();
    await eventually(() => column(page, 'cost'), ['¥8.20', '¥11.50', '¥12.00', '¥24.00', '¥31.00', '¥96.00']);
    await eventually(stats, 'Sum ¥19.70Average ¥9.85Count 2');
    // Filtered to costs over ¥20: the two top rows are ¥24 and ¥31.
    await page.locator('.ag-header-cell[col-id="cost"]').hover();
    await page.locator('.ag-header-cell[col-id="cost"] .wb-hdr-menu').click();
    await page.getByTestId('col-filter').click();
    const pop = page.getByTestId('filter-popover');
    await pop.getByTestId('filter-op').selectOption('greater');
    await pop.getByTestId('filter-value').fill('¥20');
    await pop.getByTestId('filter-apply').click();
    await eventually(() => column(page, 'cost'), ['¥24.00', '¥31.00', '¥96.00']);
    await eventually(stats, 'Sum ¥55.00Average ¥27.50Count 2');
    await screenshot(page, 'ui-status-after-filter');
    await page.getByTestId('clear-view').click();
    await eventually(() => column(page, 'cost'), ['¥11.50', '¥24.00', '¥31.00', '¥8.20', '¥96.00', '¥12.00']);
    await eventually(stats, 'Sum ¥35.50Average ¥17.75Count 2');
  });
});

describe('find', () => {
  test('Ctrl+F finds what cells show, Enter goes to the next match, Escape leaves the active cell on it', async () => {
    const { page } = app;
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="sku"]').click();
    await page.keyboard.press('Control+F');
    const input = page.getByTestId('find-input');
    await input.waitFor();
    await input.fill('active');
    await eventually(() => page.getByTestId('find-count').textContent(), '1 of 4');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('find-count').textContent(), '2 of 4');
    await screenshot(page, 'ui-find');
    await input.fill('¥96');
    await eventually(() => page.getByTestId('find-count').textContent(), '1 of 1');
    await page.keyboard.press('Escape');
    await eventually(() => page.getByTestId('fbar-ref').textContent(), 'Cost · 5');
    expect(await page.getByTestId('find-bar').count()).toBe(0);
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
