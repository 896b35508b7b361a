/**
 * A view sheet shared through the real relay (`npm start`) in real Chromium: one person adds it,
 * the other sees it appear; an edit of its source made by either, in either browser, changes its
 * rows in both; and only the view's formula travels (the rows are computed in each browser).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { converged, demoUrl, open, openSheet, pending, person, relayAndBrowser, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;

/** The SKUs a page's open view shows, top to bottom. */
const skus = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const h = window.__wb;
    const g = h?.app.grid();
    if (!h || !g) return [];
    const col = g.shape.columns().find((c) => c.name === 'SKU');
    return g.shape.rowIds().map((r) => {
      const v = col ? h.app.calc.value(g.sheetId, r, col.id) : null;
      return typeof v === 'string' ? v : '';
    });
  });

/** The SKUs of Inventory rows 0 and 1 (the rows the test edits). */
const firstSkus = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const wb = window.__wb?.wb;
    const id = wb?.sheetByName('Inventory')?.id ?? '';
    const sku = wb?.columnByName(id, 'SKU')?.id ?? '';
    return (wb?.rowIds(id) ?? []).slice(0, 2).map((r) => String(wb?.cell(id, r, sku) ?? ''));
  });

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#2b8a3e');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await open(bo, demoUrl(env.relay, env.relay.editorToken));
  for (const p of [ana, bo]) await waitConnection(p.page, 'online');
});

describe('a view sheet in a shared workbook', () => {
  test('added by one person, it appears for the other and follows edits of its source made in either browser', async () => {
    const [first, second] = await firstSkus(ana.page);
    // Ana adds a view of the inventory with exactly 4,321 on hand: none yet.
    await ana.page.getByTestId('add-sheet').click();
    await ana.page.getByTestId('add-view-sheet').click();
    const dialog = ana.page.getByTestId('view-dialog');
    await dialog.getByTestId('view-name').fill('Counted');
    await dialog.getByTestId('view-formula').fill('=SORTBY(FILTER(Inventory, Inventory[On hand] = 4321), Inventory[SKU], -1)');
    await dialog.getByTestId('view-create').click();
    await ana.page.getByTestId('empty-view').waitFor();
    // Bo sees the new tab, marked as a view.
    const boTab = bo.page.locator('.wb-tab', { hasText: 'Counted' });
    await boTab.waitFor();
    expect(await boTab.locator('.wb-tab-view').count()).toBe(1);

    // Bo counts the first inventory row: it shows in Ana's view, through the relay.
    await openSheet(bo.page, 'Inventory');
    await typeInto(bo.page, 'Inventory', 0, 'On hand', '4321');
    await expect.poll(() => skus(ana.page)).toEqual([first]);
    // Ana counts the second one: both browsers show both, sorted by SKU, descending.
    await openSheet(ana.page, 'Inventory');
    await typeInto(ana.page, 'Inventory', 1, 'On hand', '4321');
    const both = [first ?? '', second ?? ''].sort().reverse();
    await openSheet(ana.page, 'Counted');
    await boTab.click();
    await bo.page.locator('.ag-row[row-index="0"]').first().waitFor();
    await expect.poll(() => skus(ana.page)).toEqual(both);
    await expect.poll(() => skus(bo.page)).toEqual(both);
    await screenshot(bo.page, 'sync-view-followed');

    // Only the formula travelled: the view sheet has no rows of its own in either replica.
    await expect.poll(() => pending(ana.page)).toBe(0);
    await expect.poll(() => converged(ana, bo)).toBe(true);
    const viewRows = await bo.page.evaluate(() => {
      const wb = window.__wb?.wb;
      const id = wb?.sheetByName('Counted')?.id ?? '';
      return { rows: wb?.rowIds(id).length, formula: wb?.sheet(id)?.formula?.startsWith('=SORTBY(FILTER(#') };
    });
    expect(viewRows).toEqual({ rows: 0, formula: true });
    expect(ana.errors.concat(bo.errors)).toEqual([]);
  });
});
