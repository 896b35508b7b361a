/**
 * The grid as a planner uses it (issue 19, items 3 and 4): the last row and column of a wide sheet
 * are wholly on screen and clickable, new rows go above or below the current one, the right-click
 * menu cuts, copies, pastes and clears, columns are hidden, shown and wrapped for the team (with
 * undo), a cut text shows whole on hover, Ctrl+Home / Ctrl+End jump, and a viewer changes nothing.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, stored, toastText, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

/** A box on screen. */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The part of the grid where rows can be seen and clicked: the rows' viewport, less the scroll strips lying over it. */
const visibleRowsArea = (page: Page): Promise<Box> =>
  page.evaluate(() => {
    const box = (sel: string) => {
      const e = document.querySelector(sel);
      if (!e || getComputedStyle(e).display === 'none') return undefined;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? r : undefined;
    };
    const view = box('.ag-grid-viewport');
    if (!view) throw new Error('no grid viewport');
    const h = box('.ag-body-horizontal-scroll');
    const v = box('.ag-body-vertical-scroll');
    const header = box('.ag-header');
    return {
      top: header?.bottom ?? view.top,
      bottom: Math.min(view.bottom, h?.top ?? Number.POSITIVE_INFINITY),
      left: view.left,
      right: Math.min(view.right, v?.left ?? Number.POSITIVE_INFINITY),
    };
  });

/** The box of a cell on screen. */
const cellBox = (page: Page, row: number, colId: string): Promise<Box> =>
  cell(page, row, colId).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });

/** What a click at (x, y) lands on: the column id and row index of the cell there, if any. */
const hitAt = (page: Page, x: number, y: number): Promise<string | null> =>
  page.evaluate(
    ([px, py]) => {
      const c = document.elementFromPoint(px ?? 0, py ?? 0)?.closest('.ag-cell');
      return c ? `${c.closest('.ag-row')?.getAttribute('row-index')}:${c.getAttribute('col-id')}` : null;
    },
    [x, y],
  );

const rowCount = (page: Page) => page.evaluate(() => window.__wb?.app.grid()?.displayedRowCount() ?? 0);
const anchor = (page: Page) => page.evaluate(() => window.__wb?.app.grid()?.selection()?.anchor);
const names = (page: Page) => page.evaluate(() => window.__wb?.wb.columnValues('products', 'name'));
const headerIds = (page: Page) =>
  page.locator('.ag-header-cell[col-id]').evaluateAll((els) => els.map((e) => e.getAttribute('col-id')).filter((id) => id !== '__row'));
const columnOptions = (page: Page, colId: string) => page.evaluate((c) => window.__wb?.wb.column('products', c)?.options, colId);
const openColumnMenu = async (page: Page, colId: string) => {
  await page.locator(`.ag-header-cell[col-id="${colId}"]`).hover();
  await page.locator(`.ag-header-cell[col-id="${colId}"] .wb-hdr-menu`).click();
};
const menuLabels = async (page: Page) => {
  await page.locator('.wb-menu [role="menuitem"]').first().waitFor();
  return page.locator('.wb-menu [role="menuitem"]').allTextContents();
};

describe('the last row and the last column of a wide sheet', () => {
  let wide: AppPage;
  beforeAll(async () => {
    // Narrower than the sheet's columns and shorter than its rows: both scroll.
    wide = await openApp(env.browser, env.server, { width: 1000, height: 600 });
    await wide.page.evaluate(() =>
      window.__wb?.wb.insertRows('products', { values: Array.from({ length: 40 }, (_, i) => ({ sku: `SKU-${2000 + i}`, name: `Extra ${i}` })) }),
    );
    await wide.page.waitForFunction(() => window.__wb?.app.grid()?.displayedRowCount() === 46);
  });

  test('Ctrl+End shows the last row wholly above the horizontal scrollbar, and a click on its lower edge selects it', async () => {
    const { page } = wide;
    await clickCell(page, 0, 'status');
    await page.keyboard.press('Control+End');
    await eventually(() => anchor(page), { row: 45, col: 7 });
    await clickCell(page, 45, 'status');
    const area = await visibleRowsArea(page);
    const last = await cellBox(page, 45, 'status');
    expect(last.top).toBeGreaterThanOrEqual(area.top);
    expect(last.bottom).toBeLessThanOrEqual(area.bottom + 0.5);
    // The scrollbar once lay over the lower half of the row and took the click.
    expect(await hitAt(page, last.left + 20, last.bottom - 3)).toBe('45:status');
    await page.mouse.click(last.left + 20, last.bottom - 3);
    await eventually(() => anchor(page), { row: 45, col: 2 });
    await screenshot(page, 'grid-last-row');
  });

  test('at full horizontal scroll the last column’s right edge is on screen and clickable', async () => {
    const { page } = wide;
    await clickCell(page, 40, 'status');
    await page.keyboard.press('Control+End');
    await eventually(() => anchor(page), { row: 45, col: 7 });
    await page.locator('.ag-grid-viewport').evaluate((v) => (v.scrollLeft = v.scrollWidth));
    await page.waitForTimeout(200);
    const area = await visibleRowsArea(page);
    const last = await cellBox(page, 45, 'featured');
    expect(last.right).toBeLessThanOrEqual(area.right + 0.5);
    expect(last.right).toBeGreaterThan(area.right - 4);
    expect(await hitAt(page, last.right - 2, last.top + 10)).toBe('45:featured');
    const header = await page.locator('.ag-header-cell[col-id="featured"]').evaluate((e) => e.getBoundingClientRect().right);
    expect(header).toBeLessThanOrEqual(area.right + 0.5);
    await screenshot(page, 'grid-last-column');
  });

  test('“+ Row” puts the new row where it can be seen and clicked', async () => {
    const { page } = wide;
    await clickCell(page, 45, 'status');
    await page.getByTestId('add-row').click();
    await eventually(() => rowCount(page), 47);
    await eventually(() => anchor(page), { row: 46, col: 2 });
    const area = await visibleRowsArea(page);
    const added = await cellBox(page, 46, 'status');
    expect(added.top).toBeGreaterThanOrEqual(area.top);
    expect(added.bottom).toBeLessThanOrEqual(area.bottom + 0.5);
    expect(await hitAt(page, added.left + 20, added.bottom - 3)).toBe('46:status');
    await clickCell(page, 45, 'status');
    await page.mouse.click(added.left + 20, added.bottom - 3);
    await eventually(() => anchor(page), { row: 46, col: 2 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const input = page.locator('.wb-editor-open .wb-editor-input');
    await input.waitFor();
    await input.fill('Typed in the new row');
    await page.keyboard.press('Enter');
    await eventually(() => stored(page, 46, 'name'), 'Typed in the new row');
    await screenshot(page, 'grid-added-row');
    expect(wide.errors).toEqual([]);
  });
});

describe('rows, cells and columns from the keyboard and the menus', () => {
  beforeAll(async () => {
    app = await openApp(env.browser, env.server);
  });

  test('Ctrl+Home and Ctrl+End go to the first and the last cell', async () => {
    const { page } = app;
    await clickCell(page, 2, 'price');
    await page.keyboard.press('Control+End');
    await eventually(() => anchor(page), { row: 5, col: 7 });
    await page.keyboard.press('Control+Home');
    await eventually(() => anchor(page), { row: 0, col: 0 });
    expect(await page.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id'))).toBe('sku');
  });

  test('Ctrl+Alt+= inserts a row above the current one, with Shift below it; Undo takes each back', async () => {
    const { page } = app;
    const before = await names(page);
    await clickCell(page, 2, 'name');
    await page.keyboard.press('Control+Alt+Equal');
    await eventually(async () => (await names(page))?.length, 7);
    expect((await names(page))?.slice(1, 4)).toEqual([before?.[1], null, before?.[2]]);
    await eventually(() => anchor(page), { row: 2, col: 1 });
    await page.keyboard.press('Control+Alt+Shift+Equal');
    await eventually(async () => (await names(page))?.length, 8);
    expect((await names(page))?.slice(1, 5)).toEqual([before?.[1], null, null, before?.[2]]);
    await eventually(() => anchor(page), { row: 3, col: 1 });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await eventually(() => names(page), before);
  });

  test('the right-click menu copies and pastes cells, cuts and clears them, and inserts rows', async () => {
    const { page } = app;
    await clickCell(page, 0, 'name');
    await page.keyboard.press('Shift+ArrowDown');
    await cell(page, 0, 'name').click({ button: 'right' });
    expect(await menuLabels(page)).toEqual([
      'Cut',
      'Copy',
      'Paste',
      'Clear',
      'Cell history…',
      'Insert row above',
      'Insert row below',
      'Duplicate 2 rows',
      'Delete 2 rows',
    ]);
    await screenshot(page, 'grid-cell-menu');
    const first = await stored(page, 0, 'name');
    const second = await stored(page, 1, 'name');
    await page.getByTestId('cell-copy').click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText()), `${first}\r\n${second}`);
    const third = await stored(page, 3, 'name');
    await clickCell(page, 3, 'name');
    await cell(page, 3, 'name').click({ button: 'right' });
    await page.getByTestId('cell-paste').click();
    await eventually(() => stored(page, 3, 'name'), first);
    expect(await stored(page, 4, 'name')).toBe(second);

    await clickCell(page, 5, 'name');
    const fifth = await stored(page, 5, 'name');
    await cell(page, 5, 'name').click({ button: 'right' });
    await page.getByTestId('cell-cut').click();
    await eventually(() => stored(page, 5, 'name'), null);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fifth);

    await clickCell(page, 2, 'cost');
    await cell(page, 2, 'cost').click({ button: 'right' });
    await page.getByTestId('cell-clear').click();
    await eventually(() => stored(page, 2, 'cost'), null);
    await page.keyboard.press('Control+z');
    await eventually(() => stored(page, 2, 'cost').then((v) => v !== null), true);
    await page.keyboard.press('Control+z');
    await eventually(() => stored(page, 5, 'name'), fifth);

    await cell(page, 1, 'name').click({ button: 'right' });
    await page.getByTestId('row-insert-below').click();
    await eventually(() => rowCount(page), 7);
    expect(await stored(page, 2, 'name')).toBeNull();
    await page.keyboard.press('Control+z');
    await eventually(() => rowCount(page), 6);
    await page.keyboard.press('Control+z');
    await eventually(() => stored(page, 3, 'name'), third);
    expect(app.errors).toEqual([]);
  });

  test('a hidden column leaves the grid for everyone, formulas still read it, and a header menu shows it again', async () => {
    const { page } = app;
    // A column computed from Cost, to see that hiding Cost changes no result.
    const margin = await page.evaluate(() => {
      const h = window.__wb;
      if (!h) throw new Error('test hook missing');
      const colId = h.wb.addColumn('products', { name: 'Margin', type: 'currency' });
      const r = h.app.calc.check('=[List price] - [Cost]', { kind: 'column', sheetId: 'products', colId });
      if (!r.ok) throw new Error(r.message);
      h.wb.setColumnFormula('products', colId, r.stored);
      return colId;
    });
    await eventually(() => cellText(page, 0, margin), '¥27.50');
    const before = await cellText(page, 0, margin);
    await openColumnMenu(page, 'cost');
    await page.getByTestId('col-hide').click();
    await eventually(async () => (await headerIds(page)).includes('cost'), false);
    expect(await columnOptions(page, 'cost')).toEqual({ hidden: true });
    expect(await toastText(page)).toContain('Column “Cost” is hidden for everyone');
    expect(await cellText(page, 0, margin)).toBe(before);
    await page.evaluate(() => window.__wb?.wb.setCell('products', window.__wb.wb.rowIds('products')[0] ?? '', 'cost', 1));
    await eventually(() => cellText(page, 0, margin), '¥38.00');
    // Arrows walk over the hidden column.
    await clickCell(page, 0, 'launch');
    await page.keyboard.press('ArrowRight');
    await eventually(() => page.evaluate(() => document.activeElement?.closest('.ag-cell')?.getAttribute('col-id')), 'price');
    await screenshot(page, 'grid-hidden-column');

    await openColumnMenu(page, 'name');
    expect(await menuLabels(page)).toContain('Show “Cost”');
    await page.getByTestId('col-show-cost').click();
    await eventually(async () => (await headerIds(page)).includes('cost'), true);
    expect(await columnOptions(page, 'cost')).toEqual({});
    // Undo hides it again; it is shown again from any column's menu.
    await page.keyboard.press('Control+z');
    await eventually(async () => (await headerIds(page)).includes('cost'), false);
    await openColumnMenu(page, 'price');
    await page.getByTestId('col-show-cost').click();
    await eventually(async () => (await headerIds(page)).includes('cost'), true);
  });

  test('a wrapped column grows its rows to show the whole text; unwrapped, a cut text shows whole on hover', async () => {
    const { page } = app;
    const long = 'Stoneware serving bowl with a reactive glaze, dishwasher safe, 26 cm';
    await page.evaluate((text) => window.__wb?.wb.setCell('products', window.__wb.wb.rowIds('products')[1] ?? '', 'name', text), long);
    await eventually(() => cellText(page, 1, 'name'), long);
    const height = () => page.locator('.ag-row[row-index="1"]').first().evaluate((e) => e.getBoundingClientRect().height);
    expect(await height()).toBe(30);
    const isCut = () => cell(page, 1, 'name').evaluate((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 2);
    expect(await isCut()).toBe(true);

    await cell(page, 0, 'sku').hover();
    await cell(page, 1, 'name').hover();
    const tip = page.getByTestId('cell-tooltip');
    await eventually(() => tip.textContent(), long);
    await screenshot(page, 'grid-tooltip');
    await cell(page, 2, 'sku').hover();

    await openColumnMenu(page, 'name');
    await page.getByTestId('col-wrap').click();
    await eventually(async () => (await height()) > 60, true);
    expect(await columnOptions(page, 'name')).toEqual({ wrap: true });
    expect(await isCut()).toBe(false);
    // Rows with short names keep their height.
    expect(await page.locator('.ag-row[row-index="2"]').first().evaluate((e) => e.getBoundingClientRect().height)).toBe(30);
    await screenshot(page, 'grid-wrapped-column');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await eventually(() => height(), 30);
    expect(await columnOptions(page, 'name')).toEqual({});
  });

  test('in a wrapped column an edit lays out its own row again: a longer text grows it, a short one shrinks it; edits elsewhere keep the heights', async () => {
    const { page } = app;
    const long = 'Stoneware serving bowl with a reactive glaze, dishwasher safe, 26 cm';
    const heightOf = (row: number) => page.locator(`.ag-row[row-index="${row}"]`).first().evaluate((e) => e.getBoundingClientRect().height);
    const write = (row: number, col: string, value: string | number) =>
      page.evaluate(([r, c, v]) => window.__wb?.wb.setCell('products', window.__wb.wb.rowIds('products')[Number(r)] ?? '', String(c), v ?? null), [row, col, value] as const);
    await page.evaluate(() => window.__wb?.wb.setColumnOptions('products', 'name', { wrap: true }));
    await eventually(async () => (await heightOf(1)) > 60, true);
    expect(await heightOf(2)).toBe(30);
    await write(2, 'name', long);
    await eventually(async () => (await heightOf(2)) > 60, true);
    await write(1, 'name', 'Short');
    await eventually(() => heightOf(1), 30);
    await write(3, 'cost', 7.5);
    await eventually(() => cellText(page, 3, 'cost'), '¥7.50');
    expect(await heightOf(2)).toBeGreaterThan(60);
    expect(await heightOf(1)).toBe(30);
    await page.evaluate(() => window.__wb?.wb.setColumnOptions('products', 'name', {}));
    await eventually(() => heightOf(2), 30);
  });

  test('in 简体中文 the new menu entries are in Chinese', async () => {
    const { page } = app;
    await page.locator('select.wb-lang, [data-testid="language"]').first().selectOption('zh-CN');
    await cell(page, 0, 'name').click({ button: 'right' });
    expect((await menuLabels(page)).slice(0, 4)).toEqual(['剪切', '复制', '粘贴', '清除内容']);
    await page.keyboard.press('Escape');
    await openColumnMenu(page, 'name');
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['隐藏列', '自动换行']));
    await page.keyboard.press('Escape');
    await page.locator('select.wb-lang, [data-testid="language"]').first().selectOption('en');
    expect(app.errors).toEqual([]);
  });
});

describe('for a viewer', () => {
  test('copy and jumps work; inserting, cutting, pasting, clearing, hiding and wrapping are not offered', async () => {
    const viewer = await openApp(env.browser, env.server, { query: 'viewer' });
    const { page } = viewer;
    await cell(page, 1, 'name').click({ button: 'right' });
    expect(await menuLabels(page)).toEqual(['Copy', 'Cell history…']);
    await page.getByTestId('cell-copy').click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText()), String(await stored(page, 1, 'name')));
    await clickCell(page, 1, 'name');
    await page.keyboard.press('Control+Alt+Equal');
    await page.keyboard.press('Control+End');
    await eventually(() => anchor(page), { row: 5, col: 7 });
    expect(await rowCount(page)).toBe(6);
    await openColumnMenu(page, 'name');
    const labels = await menuLabels(page);
    expect(labels).not.toContain('Hide column');
    expect(labels).not.toContain('Wrap text');
    expect(viewer.errors).toEqual([]);
  });
});
