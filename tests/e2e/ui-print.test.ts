/**
 * Printing a sheet in real Chromium against the real relay: Ctrl+P (or the tab menu's *Print…*)
 * prints the person's view of the sheet — their filter and sort, every column, the header row in a
 * <thead> that repeats on each page — and none of the app around it, not a teammate's cursor label.
 * The print dialog itself cannot be driven headless: `window.print` is counted instead, and what
 * paper gets is checked under print media (and as a PDF, which headless Chromium writes).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { demoUrl, gridCell, open, openSheet, person, relayAndBrowser, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;

/** Replaces the print dialog by a counter (`__printed`). */
const countPrints = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const w = window as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => void w.__printed++;
  });

const printed = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __printed: number }).__printed);

/** The open sheet's columns (names as shown) and, in the order the grid shows them, each row's text in column `key`. */
const gridView = (page: Page, keyName: string) =>
  page.evaluate((name) => {
    const h = window.__wb;
    const g = h?.app.grid();
    if (!h || !g) throw new Error('test hook missing');
    const cols = h.wb.columns(g.sheetId);
    const key = cols.find((c) => c.name === name);
    if (!key) throw new Error(`no column ${name}`);
    const keys = Array.from({ length: g.displayedRowCount() }, (_, i) => String(h.app.calc.value(g.sheetId, g.rowIdAt(i) ?? '', key.id) ?? ''));
    return { headers: g.displayedColumns().map((c) => h.app.label(c)), keys, total: h.wb.rowCount(g.sheetId) };
  }, keyName);

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#2b8a3e');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await open(bo, demoUrl(env.relay, env.relay.editorToken));
  for (const p of [ana, bo]) {
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
});

describe('printing a sheet', () => {
  test('Ctrl+P prints the filtered, sorted view: every column once in a thead, rows in view order, no presence labels', async () => {
    const { page } = ana;
    // Bo is on a cell: Ana's grid shows his label.
    await (await gridCell(bo.page, 'Products', 1, 'Name')).click();
    await expect.poll(() => page.locator('.wb-peer-name', { hasText: 'Bo' }).count()).toBe(1);
    // Ana's view: only Lighting, dearest list price first.
    await page.evaluate(() => {
      const h = window.__wb;
      const g = h?.app.grid();
      const cols = g ? h?.wb.columns(g.sheetId) : undefined;
      const id = (n: string) => cols?.find((c) => c.name === n)?.id ?? '';
      g?.updateView({ sort: [{ colId: id('List price'), sort: 'desc' }], filters: { [id('Category')]: { op: 'anyOf', values: ['Lighting'] } } });
    });
    const view = await gridView(page, 'SKU');
    expect(view.keys.length).toBeGreaterThan(1);
    expect(view.keys.length).toBeLessThan(view.total);

    await countPrints(page);
    await page.keyboard.press('Control+p');
    await expect.poll(() => printed(page)).toBe(1);
    const print = page.getByTestId('print-view');
    expect(await print.isVisible()).toBe(false); // on screen, nothing changes

    await page.emulateMedia({ media: 'print' });
    expect(await print.isVisible()).toBe(true);
    expect(await page.locator('.wb-app').isVisible()).toBe(false);
    expect(await page.locator('.wb-peer-name').first().isVisible()).toBe(false);
    // Every column, each once, in the header row of a thead.
    expect(await print.locator('table thead tr').count()).toBe(1);
    expect(await print.locator('table thead th').allTextContents()).toEqual(view.headers);
    // The rows in the order of the view.
    const skuAt = view.headers.indexOf('SKU');
    const keys = await print.locator('table tbody tr').evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ''), skuAt);
    expect(keys).toEqual(view.keys);
    const texts = await print.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
    const category = view.headers.indexOf('Category');
    expect(new Set(texts.map((r) => r[category]))).toEqual(new Set(['Lighting']));
    const prices = texts.map((r) => Number((r[view.headers.indexOf('List price')] ?? '').replace(/[^0-9.]/g, '')));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(await print.locator('.wb-peer-name, .wb-peer-box, [data-testid="peer-outline"]').count()).toBe(0);
    expect(await print.textContent()).toContain('filtered as on screen, sorted as on screen');
    expect(await page.getByTestId('print-cut').count()).toBe(0);
    // The header repeats on each page (a table-header-group), and what paper gets fits its width.
    expect(await print.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    await page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(page, 'print-sheet');
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('once printing is over the page is as before; the tab menu prints too', async () => {
    const { page } = ana;
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.getByTestId('print-view').count()).toBe(0);
    await page.locator('.wb-tab-on .wb-tab-menu').click();
    await page.getByTestId('tab-print').click();
    await expect.poll(() => printed(page)).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-view').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    // The Dashboard still prints itself (the browser's print of what it shows), not a sheet.
    await page.getByTestId('open-dashboard').click();
    await page.locator('.wb-dash').waitFor();
    await page.keyboard.press('Control+p');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.wb-dash').isVisible()).toBe(true);
    expect(await page.getByTestId('print-view').count()).toBe(0);
    expect(await printed(page)).toBe(2);
    await page.emulateMedia({ media: 'screen' });
    await openSheet(page, 'Products');
  });

  test('a view of more rows than the limit prints the first 5,000 and says so at the end', async () => {
    const { page } = ana;
    await page.evaluate(() => {
      const h = window.__wb;
      const g = h?.app.grid();
      if (!h || !g) throw new Error('test hook missing');
      g.clearView();
      h.wb.insertRows(g.sheetId, { count: 5_100 });
    });
    await countPrints(page);
    await page.keyboard.press('Control+p');
    await expect.poll(() => printed(page)).toBe(1);
    const total = await page.evaluate(() => {
      const h = window.__wb;
      const g = h?.app.grid();
      return g ? h?.wb.rowCount(g.sheetId) : 0;
    });
    await page.emulateMedia({ media: 'print' });
    const print = page.getByTestId('print-view');
    expect(await print.locator('table tbody tr').count()).toBe(5_000);
    const cut = page.getByTestId('print-cut');
    expect(await cut.isVisible()).toBe(true);
    expect(await cut.textContent()).toBe(`Printed the first 5,000 of ${(total ?? 0).toLocaleString('en')} rows (at most 5,000 are printed). Filter the sheet to print the others.`);
    // The note is the last thing printed.
    expect(await print.evaluate((el) => el.lastElementChild?.getAttribute('data-testid'))).toBe('print-cut');
    await page.emulateMedia({ media: 'screen' });
    expect(ana.errors).toEqual([]);
  });
});
