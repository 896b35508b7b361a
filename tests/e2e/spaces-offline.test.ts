/**
 * Team spaces while the network comes and goes, in real Chromium against the real relay: a
 * workbook made on the space page offline is created in the space once the relay answers (once,
 * whatever the retries); a workbook moved to the trash while someone edited it offline is not
 * silently lost: they are told, and restore it (their edits arrive) or keep a copy on their device.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loadWorkbook } from '../../server/store/stored-workbook.ts';
import { withTestStore } from '../integration/relay/fixtures.ts';
import { screenshot } from '../support/browser.ts';
import { fullyShown, offlineReady, person, relayAndBrowser, stored, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  await ana.page.goto((env.relay.server.firstLink() ?? '').replace('/#/', '/?test#/'));
  await ana.page.getByTestId('space-page').waitFor();
});

const listed = async (page: Page): Promise<string[]> => (await page.getByTestId('space-open').allTextContents()).map((t) => t.trim());

const toSpace = async (page: Page): Promise<void> => {
  await page.goto(`${env.relay.server.url}/?test#/s/team`);
  await page.getByTestId('space-page').waitFor();
  await expect.poll(() => page.getByTestId('space-page').getAttribute('data-role')).toBe('owner');
};

/** The stored Name of the first Products row of the demo, as the relay keeps it. */
const storedName = (): Promise<unknown> =>
  withTestStore(env.relay.server.dataDir, async (store) => {
    const wb = await loadWorkbook(store, 'demo');
    const sheet = wb.sheetByName('Products')?.id ?? '';
    return wb.cell(sheet, wb.rowIds(sheet)[0] ?? '', wb.columnByName(sheet, 'Name')?.id ?? '');
  });

/** Edits the demo's first product offline, then has the owner (through the API) move the demo to the trash. */
const editOfflineWhileTrashed = async (text: string): Promise<void> => {
  const { page, context } = ana;
  await toSpace(page);
  await page.getByTestId('space-open').getByText('Demo shop — ops plan').click();
  await page.locator('.wb-tab', { hasText: 'Products' }).click();
  await waitConnection(page, 'online');
  await context.setOffline(true);
  await waitConnection(page, 'offline');
  await typeInto(page, 'Products', 0, 'Name', text);
  const res = await fetch(`${env.relay.server.url}/api/spaces/team/workbooks/demo`, { method: 'DELETE', headers: { Authorization: `Bearer ${env.relay.editorToken}` } });
  expect(res.status).toBe(200);
  await context.setOffline(false);
  await waitConnection(page, 'trashed');
  expect(await page.getByTestId('trashed-notice').textContent()).toContain('This workbook was moved to the trash.');
  // Read in full in the status bar (it wraps; the buttons and the rest of the bar stay in view).
  expect(await fullyShown(page.getByTestId('trashed-notice'))).toBe(true);
  expect(await fullyShown(page.getByTestId('trashed-keep'))).toBe(true);
  expect(await fullyShown(page.getByTestId('share'))).toBe(true);
};

describe('a workbook trashed while someone edited it offline', () => {
  test('they are told, and restoring it sends their edits', async () => {
    await editOfflineWhileTrashed('Edited offline, restored');
    await screenshot(ana.page, 'space-trashed-offline');
    await ana.page.getByTestId('trashed-restore').click();
    await waitConnection(ana.page, 'online');
    await expect.poll(storedName, { timeout: 10_000 }).toBe('Edited offline, restored');
  });

  test('or they keep a copy on their device, with their edits', async () => {
    await editOfflineWhileTrashed('Kept on my device');
    await ana.page.getByTestId('trashed-keep').click();
    await ana.page.waitForFunction(() => location.hash.startsWith('#/w/local-'));
    await waitConnection(ana.page, 'local');
    await ana.page.locator('.wb-tab', { hasText: 'Products' }).click();
    await expect.poll(() => stored(ana.page, 'Products', 0, 'Name')).toBe('Kept on my device');
    expect(await ana.page.getByTestId('workbook-name').textContent()).toBe('Demo shop — ops plan (my copy)');
    // The relay never got that edit: the demo stays in the trash as it was.
    expect(await storedName()).toBe('Edited offline, restored');
  });
});

describe('a workbook made on the space page offline', () => {
  test('is made on this device and created in the space, once, when the relay answers', async () => {
    const { page, context } = ana;
    await toSpace(page);
    await offlineReady(page);
    await context.setOffline(true);
    await page.getByTestId('space-new-name').fill('Made offline');
    await page.getByTestId('space-new-blank').click();
    await page.waitForFunction(() => location.hash.startsWith('#/w/local-'));
    await waitConnection(page, 'local');
    expect(await page.getByTestId('workbook-name').textContent()).toBe('Made offline');
    const id = decodeURIComponent(/#\/w\/([^?]+)/.exec(page.url())?.[1] ?? '');
    await context.setOffline(false);

    await toSpace(page);
    await expect.poll(() => page.getByTestId('space-message').textContent()).toBe('1 workbook made offline is now in the space.');
    expect((await listed(page)).filter((n) => n === 'Made offline')).toHaveLength(1);
    // Visiting again sends nothing twice; the relay has it under the id this browser made.
    await toSpace(page);
    await expect.poll(() => listed(page)).toContain('Made offline');
    expect((await listed(page)).filter((n) => n === 'Made offline')).toHaveLength(1);
    expect(await withTestStore(env.relay.server.dataDir, async (store) => (await store.catalog.workbook(id))?.space)).toBe('team');
    // Opened from the space, it is the same workbook, now on the relay.
    await page.locator(`[data-testid="space-item"][data-id="${id}"]`).getByTestId('space-open').click();
    await waitConnection(page, 'online');
  });
});
