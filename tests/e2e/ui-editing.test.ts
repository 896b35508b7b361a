/** Editing every column type in real Chromium: typed input, pickers, refusals with a reason, read-only formula columns. */
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, openSheet, stored, toastText, typeInto, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

describe('editing: each column type takes what a person types', () => {
  test('text: typing on a cell replaces its value', async () => {
    const { page } = app;
    await clickCell(page, 1, 'name');
    await page.keyboard.type('Walnut board');
    await page.keyboard.press('Enter');
    await eventually(() => cellText(page, 1, 'name'), 'Walnut board');
    expect(await stored(page, 1, 'name')).toBe('Walnut board');
  });

  test('currency: "¥1,234.5" is stored as 1234.5 and shown with the workbook currency', async () => {
    const { page } = app;
    await typeInto(page, 0, 'cost', '¥1,234.5');
    await eventually(() => cellText(page, 0, 'cost'), '¥1,234.50');
    expect(await stored(page, 0, 'cost')).toBe(1234.5);
  });

  test('percent: "12.5" in a percent column means 12.5 %', async () => {
    const { page } = app;
    await typeInto(page, 2, 'member', '12.5');
    await eventually(() => cellText(page, 2, 'member'), '12.5%');
    expect(await stored(page, 2, 'member')).toBe(0.125);
  });

  test('date: ISO, month-first English and the calendar all give an ISO date', async () => {
    const { page } = app;
    await typeInto(page, 0, 'launch', '2026-12-01');
    await eventually(() => cellText(page, 0, 'launch'), '2026-12-01');
    await typeInto(page, 1, 'launch', '11/29/2026');
    await eventually(() => cellText(page, 1, 'launch'), '2026-11-29');
    await clickCell(page, 2, 'launch');
    await page.keyboard.press('F2');
    const day = page.locator('.wb-cal-day[data-date="2026-05-14"]');
    await day.waitFor();
    await screenshot(page, 'ui-date-picker');
    await day.click();
    await eventually(() => cellText(page, 2, 'launch'), '2026-05-14');
  });

  test('date: a text that is not a date is refused with a sentence saying how to write one, and nothing changes', async () => {
    const { page } = app;
    await typeInto(page, 3, 'launch', 'next friday');
    const error = page.locator('.wb-editor-error');
    await expect.poll(() => error.textContent()).toContain('is not a date');
    expect(await error.textContent()).toContain('2026-11-29');
    await screenshot(page, 'ui-editor-refused');
    await page.keyboard.press('Escape');
    await eventually(() => cellText(page, 3, 'launch'), '2026-02-11');
  });

  test('boolean: a click on the checkbox and the space bar tick and untick it', async () => {
    const { page } = app;
    const box = cell(page, 1, 'featured').locator('.wb-check');
    await box.click();
    await eventually(() => box.getAttribute('aria-checked'), 'true');
    expect(await stored(page, 1, 'featured')).toBe(true);
    await page.keyboard.press(' ');
    await eventually(() => box.getAttribute('aria-checked'), 'false');
  });

  test('choice: the dropdown lists the choices, filters as you type and picks with the keyboard', async () => {
    const { page } = app;
    await clickCell(page, 0, 'status');
    await page.keyboard.press('Enter');
    const options = page.locator('.wb-pick-list [role="option"]');
    await eventually(() => options.allTextContents(), ['active', 'new', 'discontinued']);
    await page.keyboard.type('disc');
    await eventually(() => options.allTextContents(), ['discontinued']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(() => cellText(page, 0, 'status'), 'discontinued');
  });

  test('choice: a value that is not a choice is refused', async () => {
    const { page } = app;
    await typeInto(page, 1, 'status', 'retired');
    await expect.poll(() => page.locator('.wb-editor-error').textContent()).toContain('not one of the choices');
    await page.keyboard.press('Escape');
    expect(await stored(page, 1, 'status')).toBe('new');
  });

  test('number and integer: grouping is read, a fraction in a whole-number column is refused', async () => {
    const { page } = app;
    await openSheet(page, 'Inventory');
    await typeInto(page, 0, 'daily', '1,234.56');
    await eventually(() => cellText(page, 0, 'daily'), '1,234.6');
    expect(await stored(page, 0, 'daily')).toBe(1234.56);
    await typeInto(page, 0, 'onhand', '2,500');
    await eventually(() => cellText(page, 0, 'onhand'), '2,500');
    await typeInto(page, 1, 'onhand', '3.5');
    await expect.poll(() => page.locator('.wb-editor-error').textContent()).toContain('not a whole number');
    await page.keyboard.press('Escape');
    expect(await stored(page, 1, 'onhand')).toBe(35);
  });

  test('reference: the picker searches the referenced sheet by key or name and shows the name beside the key', async () => {
    const { page } = app;
    await clickCell(page, 4, 'isku');
    await page.keyboard.press('Enter');
    const input = page.locator('.wb-editor-open .wb-editor-input');
    await input.fill('');
    await page.keyboard.type('skillet');
    const options = page.locator('.wb-pick-list [role="option"]');
    await eventually(() => options.allTextContents(), ['SKU-1005Cast iron skillet 26 cm']);
    await screenshot(page, 'ui-reference-picker');
    await options.first().click();
    await expect.poll(() => cell(page, 4, 'isku').locator('.wb-ref-name').textContent()).toBe('Cast iron skillet 26 cm');
    await typeInto(page, 3, 'isku', 'SKU-9999');
    await expect.poll(() => page.locator('.wb-editor-error').textContent()).toContain('No row with the key “SKU-9999”');
    await page.keyboard.press('Escape');
  });

  test('a formula column is read-only: typing says where its values come from, the cell shows its error on hover', async () => {
    const { page } = app;
    await page.evaluate(() => window.__wb?.wb.setColumnFormula('inventory', 'transit', '=1/0'));
    await eventually(() => cellText(page, 0, 'transit'), '#DIV/0!');
    await clickCell(page, 0, 'transit');
    await page.keyboard.press('Enter');
    await expect.poll(() => toastText(page)).toContain('is computed by its formula');
    expect(await page.locator('.wb-editor-open').count()).toBe(0);
    // Typing "0.5" there: one toast that says so, not one per keystroke.
    await clickCell(page, 1, 'transit');
    await page.keyboard.type('0.5');
    await expect.poll(() => page.locator('[data-testid="toast"]', { hasText: 'is computed by its formula' }).count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="toast"]', { hasText: 'is computed by its formula' }).count()).toBe(1);
    await cell(page, 1, 'transit').hover();
    await expect.poll(() => page.getByTestId('cell-tooltip').textContent()).toContain('#DIV/0!');
    await expect.poll(() => page.getByTestId('cell-tooltip').textContent()).toContain('division by zero');
    await screenshot(page, 'ui-formula-column');
    await page.evaluate(() => window.__wb?.wb.undo());
  });

  test('an engine that loads after the first paint takes over from the stand-in (its messages show on hover)', async () => {
    const late = await openApp(env.browser, env.server, { query: 'engine=late' });
    await late.page.evaluate(() => window.__wb?.wb.setColumnFormula('products', 'member', '=1'));
    // The engine comes 300 ms after the page opens, later on a busy machine: hover again until the
    // tooltip is the one a hover shows once it has come.
    const member = late.page.locator('.ag-row[row-index="1"] .ag-cell[col-id="member"]');
    await expect
      .poll(async () => {
        await late.page.mouse.move(0, 0);
        await member.hover();
        return late.page.getByTestId('cell-tooltip').textContent({ timeout: 2_000 }).catch(() => null);
      })
      .toBe('#N/A Computed by the engine that loaded after the first paint.');
    expect(late.errors).toEqual([]);
    await late.context.close();
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});
