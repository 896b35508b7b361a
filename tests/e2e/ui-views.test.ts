/**
 * View sheets and arrays in real Chromium, as a person uses them: a view sheet added from the "+"
 * by the tabs with its formula typed (completion, and a refusal that says why), its rows following
 * an edit of the sheet it reads, read-only, its formula changed in the formula bar, charted and
 * exported; and a cell whose formula gives an array, showing its count and first values and opened
 * in full.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cellText, clickCell, eventually, openApp, openSheet, typeInto, type AppPage } from './ui-helpers.ts';
import { chartCard, chartDrawn, chartRows } from './view-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

/** The On hand column of the view shown, top to bottom. */
const onHand = async (): Promise<string[]> => {
  const n = await app.page.evaluate(() => window.__wb?.app.grid()?.displayedRowCount() ?? 0);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await cellText(app.page, i, 'onhand'));
  return out;
};

describe('a view sheet', () => {
  test('is added from the "+" by the tabs: its formula typed with completion, a wrong one refused with the reason', async () => {
    const { page } = app;
    await page.getByTestId('add-sheet').click();
    await page.getByTestId('add-view-sheet').click();
    const dialog = page.getByTestId('view-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('view-name').fill('Reorder');
    const formula = dialog.getByTestId('view-formula');
    await formula.click();
    await formula.press('End');
    await page.keyboard.type('SORTB');
    const assist = dialog.getByTestId('formula-assist');
    await expect.poll(() => assist.locator('.wb-assist-label').first().textContent()).toContain('SORTBY(array, by_array, [sort_order]');
    await page.keyboard.press('Tab');
    await eventually(() => formula.inputValue(), '=SORTBY(');
    // A column that does not exist is refused as it is typed, with the reason.
    await page.keyboard.type('FILTER(Inventory, Inventory[Reorder]), Inventory[On hnd], 1)');
    await expect.poll(() => dialog.getByTestId('view-problem').textContent()).toContain('no column "On hnd" in sheet "Inventory"; did you mean "On hand"?');
    await dialog.getByTestId('view-create').click();
    expect(await dialog.isVisible()).toBe(true);
    await formula.fill('=SORTBY(FILTER(Inventory, Inventory[Reorder]), Inventory[On hand], 1)');
    await eventually(() => dialog.getByTestId('view-problem').count(), 0);
    await screenshot(page, 'ui-view-dialog');
    await dialog.getByTestId('view-create').click();
    await dialog.waitFor({ state: 'detached' });
    // The new tab is open, marked as a view; its rows are the inventory to reorder, fewest on hand first.
    const tab = page.locator('.wb-tab-on');
    await eventually(() => tab.locator('.wb-tab-name').textContent(), 'Reorder');
    expect(await tab.locator('.wb-tab-view').count()).toBe(1);
    await eventually(onHand, ['12', '35']);
    expect(await cellText(page, 0, 'isku')).toContain('SKU-1004');
    // Only the formula is stored: the view sheet has no rows or columns of its own in the workbook.
    const stored = await page.evaluate(() => {
      const wb = window.__wb?.wb;
      const s = wb?.sheetByName('Reorder');
      return s && wb ? { kind: s.kind, formula: s.formula, rows: wb.rowIds(s.id).length, columns: wb.columns(s.id).length } : undefined;
    });
    expect(stored).toEqual({ kind: 'view', formula: '=SORTBY(FILTER(#inventory, #inventory[#reorder]), #inventory[#onhand], 1)', rows: 0, columns: 0 });
    await screenshot(page, 'ui-view-sheet');
  });

  test('is read-only: Enter opens no editor and typing changes nothing', async () => {
    const { page } = app;
    await clickCell(page, 0, 'onhand');
    await page.keyboard.press('Enter');
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    expect(await page.locator('.wb-editor-open').count()).toBe(0);
    await eventually(onHand, ['12', '35']);
  });

  test('follows an edit of the sheet it reads', async () => {
    const { page } = app;
    await openSheet(page, 'Inventory');
    // SKU-1002 sells out: it now has the fewest on hand; SKU-1001 is to be reordered too.
    await typeInto(page, 1, 'onhand', '5');
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="reorder"] .wb-check').click();
    await openSheet(page, 'Reorder');
    await eventually(onHand, ['5', '12', '420']);
  });

  test('shows its formula in the formula bar, where it can be changed', async () => {
    const { page } = app;
    await clickCell(page, 0, 'onhand');
    const bar = page.getByTestId('formula-bar');
    await eventually(() => bar.inputValue(), '=SORTBY(FILTER(Inventory, Inventory[Reorder]), Inventory[On hand], 1)');
    expect(await page.getByTestId('fbar-ref').textContent()).toBe('ƒ View');
    await bar.click();
    await bar.fill('=SORTBY(FILTER(Inventory, Inventory[On hand] < 100), Inventory[On hand], -1)');
    await page.keyboard.press('Enter');
    await eventually(onHand, ['58', '12', '5']);
  });

  test('is charted like any sheet', async () => {
    const { page } = app;
    await page.getByTestId('open-charts').click();
    const panel = page.getByTestId('charts-panel');
    await panel.waitFor();
    await panel.getByTestId('add-chart').click();
    const dialog = page.getByTestId('chart-dialog');
    await dialog.getByTestId('chart-x').selectOption({ label: 'SKU' });
    await dialog.getByTestId('series-column').selectOption({ label: 'On hand' });
    await dialog.getByTestId('chart-title').fill('Low stock');
    await dialog.getByTestId('chart-save').click();
    const chart = chartCard(page, 'Low stock');
    await expect.poll(() => chartDrawn(chart)).toBe(true);
    await eventually(() => chartRows(chart), { 'SKU-1005': ['58'], 'SKU-1004': ['12'], 'SKU-1002': ['5'] });
    // An edit of the source redraws it.
    await openSheet(page, 'Inventory');
    await typeInto(page, 4, 'onhand', '7');
    await openSheet(page, 'Reorder');
    await eventually(() => chartRows(chartCard(page, 'Low stock')), { 'SKU-1004': ['12'], 'SKU-1005': ['7'], 'SKU-1002': ['5'] });
    await screenshot(page, 'ui-view-chart');
    await page.getByTestId('open-charts').click();
  });

  test('is exported as CSV with its computed rows', async () => {
    const { page } = app;
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^Example-shop-plan_Reorder_.*\.csv$/);
    const text = new TextDecoder().decode(readFileSync(await download.path())).replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(header?.slice(0, 3)).toEqual(['SKU', 'On hand', 'In transit']);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['SKU-1004', '12'],
      ['SKU-1005', '7'],
      ['SKU-1002', '5'],
    ]);
  });
});

describe('a cell whose formula gives an array', () => {
  test('shows its count and first values, and opens in full', async () => {
    const { page } = app;
    await openSheet(page, 'Products');
    await typeInto(page, 0, 'name', '=UNIQUE(Products[Status])');
    await eventually(() => cellText(page, 0, 'name'), '3 values: active, new, discontinued⤢');
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="name"] .wb-array-open').click();
    const dialog = page.getByTestId('array-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('3 rows × 1 column');
    expect(await dialog.locator('tbody td').allTextContents()).toEqual(['active', 'new', 'discontinued']);
    expect(await dialog.locator('th').allTextContents()).toEqual(['Status']);
    await screenshot(page, 'ui-array-cell');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // It follows its source: the only new product becomes active, and "new" is gone from the list.
    await typeInto(page, 1, 'status', 'active');
    await eventually(() => cellText(page, 0, 'name'), '2 values: active, discontinued⤢');
    expect(app.errors).toEqual([]);
  });
});
