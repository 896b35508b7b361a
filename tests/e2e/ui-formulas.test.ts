/**
 * Formulas an Excel user already knows, typed as a person types them in real Chromium: completion of
 * new functions, a fallback of another type shown in the grid as the formatted number or its text,
 * the refusal (with its fix) of such a value used as a number, numbers as conditions, a blank input
 * that leaves the result blank, and the function help with its "Differences from Excel" page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, typeInto, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

describe('typing formulas', () => {
  test('IFERROR is completed from "IFER", and a "-" fallback shows beside the formatted numbers', async () => {
    const { page } = app;
    // A cost of 0 makes the markup an error, so the fallback shows in that row.
    await typeInto(page, 2, 'cost', '0');
    await eventually(() => cellText(page, 2, 'cost'), '¥0.00');
    await page.locator('.ag-header-cell[col-id="member"]').hover();
    await page.locator('.ag-header-cell[col-id="member"] .wb-hdr-menu').click();
    await page.getByTestId('col-formula').click();
    const bar = page.getByTestId('formula-bar');
    await eventually(() => bar.inputValue(), '=');
    await page.keyboard.type('IFER');
    const assist = page.getByTestId('formula-assist');
    await eventually(() => assist.locator('.wb-assist-label').allTextContents(), ['IFERROR(value, value_if_error)']);
    await expect.poll(() => assist.locator('.wb-assist-detail').first().textContent()).toContain('number or text');
    await page.keyboard.press('Tab');
    await eventually(() => bar.inputValue(), '=IFERROR(');
    await page.keyboard.type('([List price] - [Cost]) / [Cost], "-")');
    await eventually(() => page.getByTestId('formula-problem').count(), 0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__wb?.wb.column('products', 'member')?.formula)).toMatch(/^=IFERROR\(/);
    // (39 − 11.5) / 11.5 = 239.1%, shown as a percent; the row with a zero cost shows its text, left-aligned.
    await eventually(() => cellText(page, 0, 'member'), '239.1%');
    await eventually(() => cellText(page, 2, 'member'), '-');
    expect(await cell(page, 2, 'member').getAttribute('class')).toContain('wb-num-text');
    expect(await cell(page, 0, 'member').getAttribute('class')).not.toContain('wb-num-text');
    await screenshot(page, 'ui-formula-union');
  });

  test('using that "number or text" as a number is refused with the way to keep a number', async () => {
    const { page } = app;
    await clickCell(page, 0, 'member');
    const bar = page.getByTestId('formula-bar');
    await eventually(() => bar.inputValue(), '=IFERROR(([List price] - [Cost]) / [Cost], "-")');
    await bar.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' * 2');
    await expect.poll(() => page.getByTestId('formula-problem').textContent()).toContain('use IFERROR(…, 0) to keep a number');
    expect(await page.locator('.wb-fbar-mirror .wb-squiggle').textContent()).toBe('IFERROR(([List price] - [Cost]) / [Cost], "-")');
    await screenshot(page, 'ui-formula-union-refused');
    await page.keyboard.press('Escape');
    await eventually(() => bar.inputValue(), '=IFERROR(([List price] - [Cost]) / [Cost], "-")');
  });

  test('a blank cost leaves the markup blank instead of an error', async () => {
    const { page } = app;
    await typeInto(page, 1, 'cost', '');
    await eventually(() => cellText(page, 1, 'cost'), '');
    await eventually(() => cellText(page, 1, 'member'), '');
    await typeInto(page, 1, 'cost', '24');
    await eventually(() => cellText(page, 1, 'member'), '187.5%');
  });

  test('a count is a condition, as in Excel, in a cell’s own formula', async () => {
    const { page } = app;
    await typeInto(page, 0, 'name', '=IF(COUNTIF(Inventory[SKU], [SKU]), "stocked", "not stocked")');
    await eventually(() => cellText(page, 0, 'name'), 'stocked');
    await typeInto(page, 5, 'name', '=IF(COUNTIF(Inventory[SKU], [SKU]), "stocked", "not stocked")');
    await eventually(() => cellText(page, 5, 'name'), 'not stocked');
  });

  test('new functions complete with their one-line doc and compute', async () => {
    const { page } = app;
    await clickCell(page, 3, 'name');
    const bar = page.getByTestId('formula-bar');
    await bar.click();
    await bar.fill('');
    await page.keyboard.type('=TEXTB');
    const assist = page.getByTestId('formula-assist');
    await eventually(() => assist.locator('.wb-assist-label').allTextContents(), [
      'TEXTBEFORE(text, delimiter, [instance], [match_mode], [match_end], [if_not_found])',
    ]);
    await expect.poll(() => assist.locator('.wb-assist-detail').first().textContent()).toContain('before a delimiter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('[SKU], "-") & " / " & PROPER("glass jar")');
    await page.keyboard.press('Enter');
    await eventually(() => cellText(page, 3, 'name'), 'SKU / Glass Jar');
  });
});

describe('function help', () => {
  test('lists the new functions and the differences from Excel, with why and what to write instead', async () => {
    const { page } = app;
    await page.getByTestId('open-help').click();
    const panel = page.getByTestId('help-panel');
    await panel.locator('.wb-help-search').fill('workday');
    await eventually(() => panel.locator('.wb-help-sig').allTextContents(), [
      'NETWORKDAYS(start_date, end_date, [holidays])',
      'NETWORKDAYS.INTL(start_date, end_date, [weekend], [holidays])',
      'WORKDAY(start_date, days, [holidays])',
      'WORKDAY.INTL(start_date, days, [weekend], [holidays])',
    ]);
    await page.getByTestId('help-tab-differences').click();
    const differences = page.getByTestId('help-differences');
    await expect.poll(() => differences.locator('h3').allTextContents()).toEqual(
      expect.arrayContaining(['A fallback of another type makes "number or text"', 'A blank input gives blank, not an error', 'RAND() is the same for everyone']),
    );
    await expect.poll(() => differences.textContent()).toContain('=IFERROR(x, 0) * 2');
    await screenshot(page, 'ui-help-differences');
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => differences.locator('h3').first().textContent()).toBe('文本不会被当作数字');
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('help-tab-functions').click();
    await expect.poll(() => panel.locator('.wb-help-sig').count()).toBeGreaterThan(0);
    await page.getByTestId('open-help').click();
    await eventually(() => panel.count(), 0);
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
