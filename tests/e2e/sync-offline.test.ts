/**
 * Offline-first in real Chromium against the real relay: edits made offline merge on reconnect
 * with no prompt; the workbook and the app itself load with no network and with the relay
 * stopped, also after a browser restart; the stored log does not grow with every load.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile, screenshot } from '../support/browser.ts';
import {
  connection,
  converged,
  demoUrl,
  offlineReady,
  gridCell,
  open,
  openSheet,
  pending,
  person,
  relayAndBrowser,
  returningTo,
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

/** How many entries the workbook's stored log has in this browser's IndexedDB. */
const storedEntries = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('ops-workbook:demo');
        req.onsuccess = () => {
          const count = req.result.transaction('updates', 'readonly').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            req.result.close();
          };
        };
        req.onerror = () => reject(req.error);
      }),
  );

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#2b8a3e');
  for (const p of [ana, bo]) {
    await open(p, demoUrl(env.relay, env.relay.editorToken));
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
});

describe('working offline', () => {
  test('B goes offline, edits 20 cells and adds a row while A edits; B reconnects: both converge with no prompt', async () => {
    await offlineReady(bo.page);
    await bo.context.setOffline(true);
    await waitConnection(bo.page, 'offline');
    for (let i = 0; i < 20; i++) await typeInto(bo.page, 'Products', 10 + i, i % 2 ? 'Brand' : 'Supplier', `Offline ${i}`);
    await bo.page.getByTestId('add-row').click();
    await expect.poll(() => bo.page.evaluate(() => window.__wb?.wb.rowCount(window.__wb.wb.sheetByName('Products')?.id ?? ''))).toBe(201);
    await typeInto(bo.page, 'Products', 200, 'SKU', 'KIT-NEW');
    // Meanwhile A changes other cells, one of them in a row B changed too.
    await typeInto(ana.page, 'Products', 10, 'Name', 'Changed by Ana');
    await typeInto(ana.page, 'Products', 40, 'Brand', 'Ana brand');
    await expect.poll(() => pending(bo.page)).toBe(22);
    await expect.poll(() => bo.page.getByTestId('pending').textContent()).toBe('22 edits not on the server yet');
    await screenshot(bo.page, 'sync-offline-edits');

    await bo.context.setOffline(false);
    await waitConnection(bo.page, 'online');
    await expect.poll(() => converged(ana, bo)).toBe(true);
    await expect.poll(() => pending(bo.page)).toBe(0);
    expect(await stored(ana.page, 'Products', 10, 'Supplier')).toBe('Offline 0');
    expect(await stored(ana.page, 'Products', 10, 'Name')).toBe('Changed by Ana');
    expect(await stored(ana.page, 'Products', 29, 'Brand')).toBe('Offline 19');
    expect(await stored(ana.page, 'Products', 200, 'SKU')).toBe('KIT-NEW');
    expect(await stored(bo.page, 'Products', 40, 'Brand')).toBe('Ana brand');
    // Merged without asking anything.
    expect(ana.dialogs.concat(bo.dialogs)).toEqual([]);
    expect(await bo.page.locator('[role="dialog"]').count()).toBe(0);
    expect(ana.errors.concat(bo.errors)).toEqual([]);
  });

  test('reload offline: the workbook opens with the offline edits, and the app loads with the relay stopped', async () => {
    await bo.context.setOffline(true);
    await waitConnection(bo.page, 'offline');
    await typeInto(bo.page, 'Products', 50, 'Name', 'Kept through an offline reload');
    await expect.poll(() => stored(bo.page, 'Products', 50, 'Name')).toBe('Kept through an offline reload');
    await expect.poll(() => bo.page.getByTestId('saved').getAttribute('data-state')).toBe('saved');
    await bo.page.reload();
    await bo.page.locator('.ag-row[row-index="0"]').first().waitFor();
    await openSheet(bo.page, 'Products');
    expect(await stored(bo.page, 'Products', 50, 'Name')).toBe('Kept through an offline reload');
    await waitConnection(bo.page, 'offline');
    expect(await pending(bo.page)).toBe(1);
    await screenshot(bo.page, 'sync-offline-reload');

    // Network back, relay stopped: the app shell still loads and the workbook opens.
    await restartRelay(env.relay, async () => {
      await bo.context.setOffline(false);
      await bo.page.reload();
      await bo.page.locator('.ag-row[row-index="0"]').first().waitFor();
      await openSheet(bo.page, 'Products');
      expect(await stored(bo.page, 'Products', 50, 'Name')).toBe('Kept through an offline reload');
      await expect.poll(() => connection(bo.page)).toMatch(/connecting|reconnecting/);
      await screenshot(bo.page, 'sync-relay-stopped');
    });
    // The relay is back: the edit made offline reaches the other browser with no prompt.
    await waitConnection(bo.page, 'online');
    await expect.poll(() => stored(ana.page, 'Products', 50, 'Name')).toBe('Kept through an offline reload');
    await expect.poll(() => pending(bo.page)).toBe(0);
    expect(bo.dialogs).toEqual([]);
  });

  test('the stored log is compacted after loads: it does not grow with each one', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 12; i++) {
      await bo.page.reload();
      await bo.page.locator('.ag-row[row-index="0"]').first().waitFor();
      await waitConnection(bo.page, 'online');
      counts.push(await storedEntries(bo.page));
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(10);
    expect(await workbookJSON(bo.page)).toEqual(await workbookJSON(ana.page));
  });
});

describe('after a browser restart', () => {
  let profile: string;
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
  });

  test('a workbook opened once opens with no network at all, with the edits made before', async () => {
    profile = mkdtempSync(join(tmpdir(), 'wb-profile-'));
    context = await launchProfile(profile);
    await returningTo(context);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demoUrl(env.relay, env.relay.editorToken));
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    // A shared workbook asks once for the name and colour teammates will see.
    await page.getByTestId('identity-name').fill('Cy');
    await page.locator('[data-testid="identity-dialog"] input[type="radio"]').nth(2).check();
    await page.getByTestId('identity-save').click();
    await offlineReady(page);
    await openSheet(page, 'Products');
    await typeInto(page, 'Products', 60, 'Name', 'Before the restart');
    await expect.poll(() => stored(page, 'Products', 60, 'Name')).toBe('Before the restart');
    await expect.poll(() => page.getByTestId('saved').getAttribute('data-state')).toBe('saved');
    await context.close();

    context = await launchProfile(profile);
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    // No token in the address: the link was opened once, and the workbook is in this browser.
    await page.goto(`${env.relay.server.url}/?test#/w/demo`);
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await openSheet(page, 'Products');
    expect(await stored(page, 'Products', 60, 'Name')).toBe('Before the restart');
    expect(await page.getByTestId('connection').getAttribute('data-state')).toBe('offline');
    // The name was chosen once: not asked again, and the edit is stamped with it.
    expect(await page.getByTestId('identity-dialog').count()).toBe(0);
    expect(await page.getByTestId('me').getAttribute('style')).toContain('rgb(174, 62, 201)');
    await (await gridCell(page, 'Products', 60, 'Name')).click({ button: 'right' });
    await page.getByTestId('cell-history').click();
    expect(await page.getByTestId('history-entry').first().textContent()).toContain('Cy');
    await screenshot(page, 'sync-restart-offline');
  });
});
