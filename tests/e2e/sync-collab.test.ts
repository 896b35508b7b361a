/**
 * Live collaboration in real Chromium against the real relay (`npm start`): two people edit the
 * same row at once, see each other's cell, lose nothing to a concurrent edit of one cell, and keep
 * syncing through a restart of the relay.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { chartCard, chartDrawn, chartRows, openCharts } from './view-helpers.ts';
import {
  connection,
  converged,
  demoUrl,
  gridCell,
  offlineReady,
  open,
  openSheet,
  pending,
  person,
  relayAndBrowser,
  restartRelay,
  stored,
  typeInto,
  waitConnection,
  workbookJSON,
  type Person,
} from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;

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

describe('two people in one workbook', () => {
  test('A and B edit different cells of the same row at once: both survive in both browsers', async () => {
    await Promise.all([typeInto(ana.page, 'Products', 0, 'Name', 'Ana’s mug'), typeInto(bo.page, 'Products', 0, 'Brand', 'Bo & Co')]);
    for (const p of [ana, bo]) {
      await expect.poll(() => stored(p.page, 'Products', 0, 'Name')).toBe('Ana’s mug');
      await expect.poll(() => stored(p.page, 'Products', 0, 'Brand')).toBe('Bo & Co');
      await expect.poll(async () => ((await (await gridCell(p.page, 'Products', 0, 'Brand')).textContent()) ?? '').trim()).toBe('Bo & Co');
    }
    expect(await workbookJSON(bo.page)).toEqual(await workbookJSON(ana.page));
    // Both edits reach the relay: nothing left to send.
    await expect.poll(() => pending(ana.page)).toBe(0);
    await expect.poll(() => pending(bo.page)).toBe(0);
  });

  test('the cell one person is on is outlined in their colour in the other browser within a second, and their tab is marked', async () => {
    await (await gridCell(ana.page, 'Products', 3, 'Cost')).click();
    const outline = bo.page.locator('[data-testid="peer-outline"][data-user="u-ana"]');
    await expect.poll(() => outline.count(), { timeout: 1000, interval: 50 }).toBe(1);
    // The outline sits on Ana's cell (placed again once Bo's grid has scrolled to show it).
    const cell = await gridCell(bo.page, 'Products', 3, 'Cost');
    const offset = async () => {
      const [a, b] = [await outline.boundingBox(), await cell.boundingBox()];
      return a && b ? Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) : Infinity;
    };
    await expect.poll(offset, { timeout: 1000, interval: 50 }).toBeLessThan(3);
    expect(await outline.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(217, 72, 15)');
    await expect.poll(() => bo.page.locator('.wb-tab', { hasText: 'Products' }).getByTestId('tab-peer').count()).toBe(1);
    await screenshot(bo.page, 'sync-presence');
    // Moving on moves the outline.
    await (await gridCell(ana.page, 'Products', 5, 'Name')).click();
    const moved = await (await gridCell(bo.page, 'Products', 5, 'Name')).boundingBox();
    await expect.poll(async () => Math.round((await outline.boundingBox())?.y ?? 0), { timeout: 1000, interval: 50 }).toBe(Math.round(moved?.y ?? -1));
  });

  test('the same cell changed at once: one value is kept everywhere, the other is in its history, and the mark goes once someone looks', async () => {
    // Bo's change is made while Bo is offline, so neither sees the other's before writing (with
    // the app kept for offline use first, so the editor's code loads from the cache).
    await offlineReady(bo.page);
    await bo.context.setOffline(true);
    await waitConnection(bo.page, 'offline');
    await typeInto(bo.page, 'Products', 2, 'Supplier', 'Supplier from Bo');
    await typeInto(ana.page, 'Products', 2, 'Supplier', 'Supplier from Ana');
    await expect.poll(() => pending(ana.page)).toBe(0);
    await bo.context.setOffline(false);
    await waitConnection(bo.page, 'online');
    await expect.poll(() => converged(ana, bo)).toBe(true);
    const kept = await stored(ana.page, 'Products', 2, 'Supplier');
    expect(['Supplier from Bo', 'Supplier from Ana']).toContain(kept);
    const mark = async (p: Person) => (await gridCell(p.page, 'Products', 2, 'Supplier')).evaluate((el) => el.classList.contains('wb-conflict'));
    await expect.poll(() => mark(ana)).toBe(true);
    await expect.poll(() => mark(bo)).toBe(true);
    await screenshot(ana.page, 'sync-conflict-mark');
    expect(ana.dialogs.concat(bo.dialogs)).toEqual([]);

    // Ana looks at the cell's history: the value that was not kept is there, with who wrote it.
    await (await gridCell(ana.page, 'Products', 2, 'Supplier')).click({ button: 'right' });
    await ana.page.getByTestId('cell-history').click();
    const lost = ana.page.locator('[data-testid="history-entry"][data-lost="true"]');
    await expect.poll(() => lost.count()).toBe(1);
    expect(await lost.textContent()).toContain(kept === 'Supplier from Bo' ? 'Supplier from Ana' : 'Supplier from Bo');
    expect(await lost.textContent()).toContain(kept === 'Supplier from Bo' ? 'Ana' : 'Bo');
    await screenshot(ana.page, 'sync-conflict-history');
    await expect.poll(() => mark(ana)).toBe(false);
    await expect.poll(() => mark(bo)).toBe(false);
    await ana.page.getByTestId('history-panel').getByRole('button', { name: 'Close' }).click();
  });

  test('the relay is restarted while both browsers are open: they reconnect by themselves and keep syncing', async () => {
    await restartRelay(env.relay, async () => {
      await expect.poll(() => connection(ana.page)).toBe('reconnecting');
      await expect.poll(() => connection(bo.page)).toBe('reconnecting');
      // Work goes on while the relay is down.
      await typeInto(ana.page, 'Products', 7, 'Name', 'Made while the relay was down');
      await expect.poll(() => pending(ana.page)).toBeGreaterThan(0);
      await screenshot(ana.page, 'sync-reconnecting');
    });
    await waitConnection(ana.page, 'online');
    await waitConnection(bo.page, 'online');
    await expect.poll(() => stored(bo.page, 'Products', 7, 'Name')).toBe('Made while the relay was down');
    await typeInto(bo.page, 'Products', 8, 'Name', 'After the restart');
    await expect.poll(() => stored(ana.page, 'Products', 8, 'Name')).toBe('After the restart');
    await expect.poll(() => pending(ana.page)).toBe(0);
    expect(ana.errors.concat(bo.errors)).toEqual([]);
  });

  test('a chart on one person’s screen follows the other person’s edit', async () => {
    const gmv = chartCard(ana.page, 'GMV: target vs actual');
    await openCharts(ana.page, 'Campaigns');
    await expect.poll(() => chartDrawn(gmv)).toBe(true);
    const campaign = String(await stored(bo.page, 'Campaigns', 0, 'Campaign'));
    await openSheet(bo.page, 'Campaigns');
    await typeInto(bo.page, 'Campaigns', 0, 'Target GMV', '654321');
    await expect.poll(async () => (await chartRows(gmv))[campaign]?.[0]).toBe('¥654,321');
    await screenshot(ana.page, 'sync-chart-after-teammate-edit');
    expect(ana.errors.concat(bo.errors)).toEqual([]);
  });
});
