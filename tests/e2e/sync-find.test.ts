/**
 * Find and replace across the workbook, in real Chromium against the real relay with the demo
 * workbook: find across sheets with Enter jumping from sheet to sheet; Replace all in the whole
 * workbook, which a teammate's browser receives, and which one Ctrl+Z takes back everywhere; a
 * viewer finds but is offered no replace.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { demoUrl, newToken, open, person, relayAndBrowser, waitConnection, workbookJSON, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#1c7ed6');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await open(bo, demoUrl(env.relay, env.relay.editorToken));
  await waitConnection(ana.page, 'online');
  await waitConnection(bo.page, 'online');
});

/** The name of the tab shown as open. */
const openTab = async (page: Page): Promise<string> => ((await page.locator('.wb-tab[aria-selected="true"]').first().textContent()) ?? '').replace('▾', '').trim();
/** Where the active cell is, as the formula bar names it ("SKU · 12"). */
const activeRef = async (page: Page): Promise<string> => ((await page.getByTestId('fbar-ref').textContent()) ?? '').trim();
/** How many stored cells of the page's workbook hold `text`, in any case. */
const cellsHolding = (page: Page, text: string): Promise<number> =>
  page.evaluate((t) => {
    const json = window.__wb?.wb.toJSON();
    let n = 0;
    for (const s of json?.sheets ?? []) for (const r of s.rows) for (const v of Object.values(r.cells)) if (typeof v === 'string' && v.toLowerCase().includes(t.toLowerCase())) n++;
    return n;
  }, text);
/** Opens the find bar and types the query. */
const find = async (page: Page, text: string): Promise<void> => {
  await page.locator('.ag-row[row-index="0"] .ag-cell').first().click();
  await page.keyboard.press('Control+F');
  const input = page.getByTestId('find-input');
  await input.waitFor();
  await input.fill(text);
};

describe('find in the whole workbook', () => {
  test('matches are grouped by sheet with counts; Enter and Shift+Enter go from match to match, opening their sheet', async () => {
    const { page } = ana;
    await find(page, 'STA-1724');
    // The SKU is in Products, in Inventory (a reference) and twice in After-sales.
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 of 4');
    expect((await page.getByTestId('find-sheet').allTextContents()).map((s) => s.trim())).toEqual(['Products 1', 'Inventory 1', 'After-sales 2']);
    await expect.poll(() => openTab(page)).toBe('Products');
    await expect.poll(() => activeRef(page)).toMatch(/^SKU · \d+$/);
    await expect.poll(() => page.locator('.wb-find-hit').count()).toBe(1);
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('2 of 4');
    await expect.poll(() => openTab(page)).toBe('Inventory');
    await expect.poll(() => activeRef(page)).toMatch(/^SKU · \d+$/);
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(() => openTab(page)).toBe('After-sales');
    await screenshot(page, 'find-workbook');
    await page.getByTestId('find-input').press('Shift+Enter');
    await expect.poll(() => openTab(page)).toBe('Inventory');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('2 of 4');
    // This sheet only: Inventory's one match.
    await page.getByTestId('find-scope').selectOption('sheet');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await page.getByTestId('find-scope').selectOption('workbook');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/ of 4$/);
    // Whole cell and match case narrow it.
    await page.getByTestId('find-input').fill('sta-1724');
    await page.getByTestId('find-case').check();
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('No matches');
    await page.getByTestId('find-case').uncheck();
    await page.getByTestId('find-whole').check();
    await page.getByTestId('find-input').fill('STA-172');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('No matches');
    await page.getByTestId('find-whole').uncheck();
    await page.getByTestId('find-input').press('Escape');
    expect(await page.getByTestId('find-bar').count()).toBe(0);
    await expect.poll(() => page.locator('.wb-find-hit').count()).toBe(0);
  });
});

describe('replace all in the whole workbook', () => {
  test('one step: the report says how many in how many sheets and what did not fit; a teammate sees it; one Ctrl+Z takes all of it back, for both', async () => {
    const { page } = ana;
    const before = JSON.stringify(await workbookJSON(page));
    expect(await cellsHolding(page, 'Coupon')).toBe(17);
    await find(page, 'Coupon');
    await page.getByTestId('find-show-replace').click();
    await page.getByTestId('replace-input').fill('Voucher');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/ of 17$/);
    await page.getByTestId('replace-all').click();
    // Text cells in four sheets take it; a choice column has no "Voucher" choice: reported, not written.
    const toast = page.getByTestId('toast').filter({ hasText: 'Replaced 12 in 4 sheets' });
    await toast.waitFor();
    const report = (await toast.textContent()) ?? '';
    expect(report).toContain('5 cells not replaced: the new text does not fit the column.');
    expect(report).toMatch(/Campaigns · Type, row \d+: “Voucher” — /);
    await screenshot(page, 'find-replace-all');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/ of 5$/);
    expect(await cellsHolding(page, 'Voucher')).toBe(12);
    // The teammate's browser receives the whole replace.
    await expect.poll(() => cellsHolding(bo.page, 'Voucher'), { timeout: 15_000 }).toBe(12);
    expect(await cellsHolding(bo.page, 'Coupon')).toBe(5);

    await page.getByTestId('find-input').press('Escape');
    await page.locator('.ag-row[row-index="0"] .ag-cell').first().click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cellsHolding(page, 'Voucher')).toBe(0);
    expect(JSON.stringify(await workbookJSON(page))).toBe(before);
    await expect.poll(() => cellsHolding(bo.page, 'Voucher'), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => JSON.stringify(await workbookJSON(bo.page))).toBe(before);
  });
});

describe('a viewer', () => {
  test('finds, but is offered no replace', async () => {
    const vi = await person(env.browser, 'Vi', '#5f3dc4');
    await open(vi, demoUrl(env.relay, await newToken(env.relay, 'viewer')));
    await waitConnection(vi.page, 'online');
    await find(vi.page, 'STA-1724');
    await expect.poll(() => vi.page.getByTestId('find-count').textContent()).toBe('1 of 4');
    expect(await vi.page.getByTestId('find-show-replace').count()).toBe(0);
    expect(await vi.page.getByTestId('replace-all').count()).toBe(0);
    await vi.page.getByTestId('find-input').press('Enter');
    await expect.poll(() => openTab(vi.page)).toBe('Inventory');
    expect(vi.errors).toEqual([]);
    await vi.context.close();
  });

  test('no page errors happened', () => {
    expect(ana.errors).toEqual([]);
    expect(bo.errors).toEqual([]);
  });
});
