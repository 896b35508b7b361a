/**
 * The space page on a relay started with --no-auth (loopback only): with no personal link it lists
 * the space's workbooks, opens one and edits it on the relay; and a space at its byte quota is shown
 * in the open workbook with its numbers, the edit kept on the device.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadWorkbook } from '../../server/store/stored-workbook.ts';
import { withTestStore } from '../integration/relay/fixtures.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { openSheet, pending, person, stored, typeInto, waitConnection, type Person } from './sync-helpers.ts';

let server: AppServer;
let browser: Browser;
let me: Person;

beforeAll(async () => {
  server = await startAppServer({ args: ['--no-auth'], env: { ROOM_GRACE_MS: '500' } });
  browser = await launchBrowser();
  me = await person(browser, 'Nora', '#1c7ed6');
});
afterAll(async () => {
  expect(me?.errors ?? []).toEqual([]);
  await browser?.close();
  await server?.stop();
});

const onRelay = (row: number): Promise<unknown> =>
  withTestStore(server.dataDir, async (store) => {
    const wb = await loadWorkbook(store, 'demo');
    const sheet = wb.sheetByName('Products')?.id ?? '';
    return wb.cell(sheet, wb.rowIds(sheet)[row] ?? '', wb.columnByName(sheet, 'Name')?.id ?? '');
  });

describe('a relay without access checks', () => {
  test('the space page works without a link: it lists the workbooks, opens one, and edits reach the relay', async () => {
    const { page } = me;
    await page.goto(`${server.url}/?test#/s/team`);
    await expect.poll(() => page.getByTestId('space-page').getAttribute('data-role')).toBe('owner');
    expect(await page.getByTestId('space-you').textContent()).toContain('--no-auth');
    await expect.poll(async () => (await page.getByTestId('space-open').allTextContents()).map((t) => t.trim())).toEqual(['Demo shop — ops plan']);
    await page.getByTestId('space-open').click();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(page, 'online');
    await openSheet(page, 'Products');
    await typeInto(page, 'Products', 0, 'Name', 'Edited without a link');
    await expect.poll(() => onRelay(0), { timeout: 15_000 }).toBe('Edited without a link');
  });

  test('a space at its byte quota: the workbook says how full it is, and the edit stays on the device', async () => {
    const { page } = me;
    await withTestStore(server.dataDir, async (store) => {
      const used = (await store.catalog.workbooksIn('team')).reduce((n, w) => n + (w.bytes ?? 0), 0);
      await store.catalog.setQuota('team', { bytes: used });
    });
    // The relay hears of the new quota from the catalog; each edit after that is refused.
    await expect
      .poll(
        async () => {
          await typeInto(page, 'Products', 1, 'Name', `Too much ${Date.now()}`);
          return page.getByTestId('space-full').count();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(1);
    expect(await page.getByTestId('space-full').textContent()).toMatch(/^This space is full \(\d+\.\d of \d+\.\d MB\): ask an owner to raise the quota or empty the trash\./);
    expect(await page.getByTestId('connection').textContent()).toContain('Space full');
    expect(String(await stored(page, 'Products', 1, 'Name'))).toMatch(/^Too much/);
    // The count of edits not on the server follows the refusal (it may take a moment on a busy machine).
    await expect.poll(() => pending(page)).toBeGreaterThan(0);
    await screenshot(page, 'spaces-full');
  });
});
