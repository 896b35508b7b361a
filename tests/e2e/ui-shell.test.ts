/** The shell at laptop sizes, the formula bar (values, formulas refused with a reason, completion) and the function help. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cellText, clickCell, eventually, openApp, stored, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();

/** Everything of the header, tabs and status bar lies inside the window, and the page does not scroll sideways. */
const fitsWindow = async (page: Page, width: number) => {
  const rights = await page.locator('.wb-header button, .wb-header select, .wb-tab, .wb-status > *').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().right),
  );
  expect(Math.max(...rights)).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
};

describe('layout', () => {
  test('at 1280×720 the sheet, its tools, tabs and status bar are all on screen', async () => {
    const app = await openApp(env.browser, env.server, { width: 1280, height: 720 });
    await fitsWindow(app.page, 1280);
    expect(await app.page.locator('.ag-row[row-index="5"]').first().isVisible()).toBe(true);
    await screenshot(app.page, 'ui-1280x720');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('at 1024×720 it still fits, with the grid scrolling sideways inside', async () => {
    const app = await openApp(env.browser, env.server, { width: 1024, height: 720 });
    await fitsWindow(app.page, 1024);
    await screenshot(app.page, 'ui-1024x720');
    await app.page.getByTestId('language').selectOption('zh-CN');
    await eventually(() => app.page.getByTestId('add-row').textContent(), '+ 行');
    await fitsWindow(app.page, 1024);
    await screenshot(app.page, 'ui-1024x720-zh-CN');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('formula bar and help', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(env.browser, env.server);
  });

  test('shows the active cell’s value and takes a new one', async () => {
    const { page } = app;
    await clickCell(page, 0, 'cost');
    await eventually(() => page.getByTestId('formula-bar').inputValue(), '11.5');
    await eventually(() => page.getByTestId('fbar-ref').textContent(), 'Cost · 1');
    await page.getByTestId('formula-bar').fill('¥12.80');
    await page.keyboard.press('Enter');
    await eventually(() => cellText(page, 0, 'cost'), '¥12.80');
  });

  test('a column formula gets completion of columns; one that does not type-check is refused with its reason, the fixed one computes', async () => {
    const { page } = app;
    await page.locator('.ag-header-cell[col-id="member"]').hover();
    await page.locator('.ag-header-cell[col-id="member"] .wb-hdr-menu').click();
    await page.getByTestId('col-formula').click();
    const bar = page.getByTestId('formula-bar');
    await eventually(() => bar.inputValue(), '=');
    await eventually(() => page.getByTestId('fbar-ref').textContent(), 'ƒ Member discount');
    await page.keyboard.type('([List');
    const assist = page.getByTestId('formula-assist');
    await eventually(() => assist.locator('.wb-assist-label').allTextContents(), ['[List price]']);
    await page.keyboard.press('Tab');
    await eventually(() => bar.inputValue(), '=([List price]');
    await page.keyboard.type(' - [Cost]) / [Name]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('formula-problem').textContent()).toContain('text');
    // The underline covers the division whose right side is text.
    expect(await page.locator('.wb-fbar-mirror .wb-squiggle').textContent()).toBe('([List price] - [Cost]) / [Name]');
    await screenshot(page, 'ui-formula-refused');
    expect(await page.evaluate(() => window.__wb?.wb.column('products', 'member')?.formula)).toBeUndefined();
    // Fixing the formula: the message goes, Enter saves it, every row computes.
    for (let i = 0; i < '[Name]'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('[List price]');
    await eventually(() => page.getByTestId('formula-problem').count(), 0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__wb?.wb.column('products', 'member')?.formula)).toMatch(/^=\(\[#/);
    // (39 - 12.80) / 39 = 67.2% (the cost was set to ¥12.80 above)
    await eventually(() => cellText(page, 0, 'member'), '67.2%');
    await screenshot(page, 'ui-formula-computed');
    await page.evaluate(() => window.__wb?.wb.undo());
    await eventually(() => cellText(page, 0, 'member'), '10.0%');
    expect(await stored(page, 0, 'member')).toBe(0.1);
  });

  test('the function help opens beside the sheet and says where the functions come from', async () => {
    const { page } = app;
    await page.getByTestId('open-help').click();
    const panel = page.getByTestId('help-panel');
    await expect.poll(() => panel.locator('.wb-help-sig').count()).toBeGreaterThan(90);
    await panel.locator('.wb-help-search').fill('safety');
    await expect.poll(() => panel.locator('.wb-help-sig').allTextContents()).toContain('SAFETYSTOCK(z, sd_demand, lead_time, [avg_demand], [sd_lead_time])');
    await screenshot(page, 'ui-help');
    await page.getByTestId('open-help').click();
    await eventually(() => panel.count(), 0);
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
