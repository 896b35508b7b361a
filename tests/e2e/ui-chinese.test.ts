/**
 * The app in 简体中文, as a planner who reads Chinese meets it in real Chromium: formula refusals as
 * one types (formula bar, a cell's editor, a column's formula), the reasons of error values on
 * hover, the function help, and renaming a template sheet or column in Chinese, which keeps its
 * English name. Assertions read the page's text, so they hold whether or not CJK fonts are installed.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, typeInto, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

const tabNames = (page: Page) => page.locator('.wb-tab .wb-tab-name').allTextContents();
const headerNames = (page: Page) => page.locator('.ag-header-cell .wb-hdr-name').allTextContents();
const problem = (page: Page) => page.getByTestId('formula-problem').textContent();
/** Opens a tab, then renames it by double-click. */
const renameTab = async (page: Page, from: string, to: string): Promise<void> => {
  await page.locator('.wb-tab', { hasText: from }).click();
  await page.locator('.wb-tab-on', { hasText: from }).waitFor();
  await page.locator('.wb-tab-on').dblclick();
  await page.locator('.wb-tab-input').fill(to);
  await page.keyboard.press('Enter');
};
const tooltip = async (page: Page, row: number, colId: string): Promise<string> => {
  await page.mouse.move(0, 0);
  await cell(page, row, colId).hover();
  return (await page.getByTestId('cell-tooltip').textContent()) ?? '';
};

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
  await app.page.getByTestId('language').selectOption('zh-CN');
  await app.page.locator('.wb-tab', { hasText: '库存' }).waitFor();
});

describe('formula messages in 简体中文', () => {
  test('the formula bar refuses a formula in Chinese as it is typed, with the way out', async () => {
    const { page } = app;
    await clickCell(page, 0, 'status');
    const bar = page.getByTestId('formula-bar');
    await bar.click();
    await bar.fill('');
    await page.keyboard.type('=[标价] + [名称]');
    await expect.poll(() => problem(page)).toBe('不能把金额和文本相加');
    await bar.fill('');
    await page.keyboard.type('=[标介] * 2');
    await expect.poll(() => problem(page)).toBe('没有名为“标介”的列；你是不是要用“标价”？');
    await bar.fill('');
    await page.keyboard.type('=ROUND([标价])');
    await expect.poll(() => problem(page)).toBe('ROUND 需要 2 个参数，而不是 1 个');
    await bar.fill('');
    await page.keyboard.type('=SUMM(1, 2)');
    await expect.poll(() => problem(page)).toBe('没有函数 SUMM；你是不是要用 SUM？');
    await screenshot(page, 'ui-zh-formula-refused');
    await page.keyboard.press('Escape');
  });

  test('a column formula of another type in one branch is refused with the fix, in Chinese', async () => {
    const { page } = app;
    await page.locator('.ag-header-cell[col-id="member"]').hover();
    await page.locator('.ag-header-cell[col-id="member"] .wb-hdr-menu').click();
    await page.getByTestId('col-formula').click();
    const bar = page.getByTestId('formula-bar');
    await eventually(() => bar.inputValue(), '=');
    await page.keyboard.type('IFERROR([标价] / [成本], "-") * 2');
    await expect.poll(() => problem(page)).toBe('这个值是“数字或文本”，这里不能使用文本；用 IFERROR(…, 0) 让结果保持为数字');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__wb?.wb.column('products', 'member')?.formula)).toBeUndefined();
  });

  test('a formula typed into a cell is refused in its editor, in Chinese', async () => {
    const { page } = app;
    await typeInto(page, 1, 'name', '=[上新日期] * 2');
    await expect.poll(() => page.locator('.wb-editor-error').textContent()).toBe('不能用日期乘整数');
    await page.keyboard.press('Escape');
  });

  test('error values tell why on hover, in Chinese, and in English after switching back', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const wb = window.__wb?.wb;
      wb?.setColumnFormula('products', 'member', '=[#price] / ([#cost] - 11.5)');
      wb?.setCell('products', wb.rowIds('products')[2] ?? '', 'name', { f: '=XLOOKUP("STA-1724", #products[#sku], #products[#price])' });
    });
    await eventually(() => cellText(page, 0, 'member'), '#DIV/0!');
    await expect.poll(() => tooltip(page, 0, 'member')).toBe('#DIV/0! 除数为零');
    await eventually(() => cellText(page, 2, 'name'), '#N/A');
    await expect.poll(() => tooltip(page, 2, 'name')).toBe('#N/A 找不到 "STA-1724"');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => tooltip(page, 2, 'name')).toBe('#N/A "STA-1724" was not found');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => tooltip(page, 0, 'member')).toBe('#DIV/0! 除数为零');
    await page.evaluate(() => {
      window.__wb?.wb.undo();
      window.__wb?.wb.undo();
    });
    await eventually(() => cellText(page, 2, 'name'), 'Linen apron');
  });

  test('the function help reads in Chinese: docs, the differences from Excel and the limits', async () => {
    const { page } = app;
    await page.getByTestId('open-help').click();
    const panel = page.getByTestId('help-panel');
    await panel.locator('.wb-help-search').fill('xlookup');
    await expect.poll(() => panel.locator('.wb-help-list li p').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await expect.poll(() => page.getByTestId('help-limits').textContent()).toContain('一个公式最多 8,192 个字符');
    await page.getByTestId('help-tab-differences').click();
    await expect.poll(() => page.getByTestId('help-differences').locator('h3').first().textContent()).toBe('文本不会被当作数字');
    await page.getByTestId('open-help').click();
    await eventually(() => panel.count(), 0);
  });
});

describe('renaming in 简体中文', () => {
  test('a template sheet renamed in Chinese keeps its English name, and the other way round', async () => {
    const { page } = app;
    await renameTab(page, '库存', '仓库库存');
    await eventually(() => tabNames(page), ['商品', '仓库库存']);
    await page.getByTestId('language').selectOption('en');
    await eventually(() => tabNames(page), ['Products', 'Inventory']);
    await renameTab(page, 'Products', 'Catalog');
    await eventually(() => tabNames(page), ['Catalog', 'Inventory']);
    await page.getByTestId('language').selectOption('zh-CN');
    await eventually(() => tabNames(page), ['商品', '仓库库存']);
  });

  test('a template column renamed in Chinese keeps its English name', async () => {
    const { page } = app;
    await page.locator('.wb-tab', { hasText: '商品' }).click();
    await page.locator('.ag-header-cell[col-id="price"]').hover();
    await page.locator('.ag-header-cell[col-id="price"] .wb-hdr-menu').click();
    await page.getByTestId('col-rename').click();
    await page.getByTestId('prompt-dialog').locator('input').fill('零售价');
    await page.keyboard.press('Enter');
    await eventually(() => headerNames(page), ['SKU', '名称', '状态', '上新日期', '成本', '零售价', '会员折扣', '主推']);
    // Formulas read the column by its new name in Chinese and by its English name in English.
    await clickCell(page, 0, 'name');
    const bar = page.getByTestId('formula-bar');
    await bar.click();
    await bar.fill('');
    await page.keyboard.type('=[零售价] * 2');
    await eventually(() => page.getByTestId('formula-problem').count(), 0);
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('en');
    await eventually(() => headerNames(page), ['SKU', 'Name', 'Status', 'Launch date', 'Cost', 'List price', 'Member discount', 'Featured']);
    await page.getByTestId('language').selectOption('zh-CN');
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
