/**
 * Opening workbooks, in real Chromium against the real relay: the link `npm start` prints opens
 * the team space, whose demo opens with its data from the relay; the start page lists the workbooks of this browser,
 * makes new ones, deletes with confirmation, and writes and reads backup files; a link the relay
 * refuses, or revokes while open, is said so in a sentence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { runCli } from '../integration/relay/fixtures.ts';
import { localIsoDay } from '../../src/schema/calendar-day.ts';
import { newToken, person, relayAndBrowser, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let me: Person;

beforeAll(async () => {
  me = await person(env.browser, 'Ana', '#d9480f');
});

const workbookName = (page: Page) => page.getByTestId('workbook-name').textContent();
const listed = async (page: Page): Promise<string[]> => {
  await page.getByTestId('start-page').waitFor();
  return (await page.locator('[data-testid="workbook-item"] .wb-start-name').allTextContents()).map((t) => t.trim());
};
const toStart = async (page: Page) => {
  await page.goto(`${env.relay.server.url}/#/`);
  await page.getByTestId('start-page').waitFor();
};

describe('the link of the first start', () => {
  test('opens the team space with the demo in it; the demo opens with its data from the relay; the token leaves the address bar and is kept for the next visit', async () => {
    const printed = /http:\/\/\S+#\/s\/team\?token=\S+/.exec(env.relay.server.firstLink() ?? '')?.[0] ?? '';
    expect(printed).toContain(`:${env.relay.server.port}/#/s/team?token=`);
    const { page } = me;
    await page.goto(printed);
    await page.getByTestId('space-page').waitFor();
    expect(page.url()).toBe(`${env.relay.server.url}/#/s/team`);
    await page.getByTestId('space-open').getByText('Demo shop — ops plan').click();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await workbookName(page)).toBe('Demo shop — ops plan');
    expect(page.url()).toBe(`${env.relay.server.url}/#/w/demo`);
    await waitConnection(page, 'online');
    await page.locator('.wb-tab', { hasText: 'Products' }).click();
    await expect.poll(() => page.getByTestId('status-rows').textContent()).toBe('200 rows');
    await screenshot(page, 'sync-first-visit');
    // Next visit: no token in the address; it was kept.
    await page.goto(`${env.relay.server.url}/#/w/demo`);
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(page, 'online');
  });
});

describe('a link made with the CLI', () => {
  test('token create --link points at the port the relay took (recorded in DATA_DIR), without PORT set for the CLI, and opens the workbook', async () => {
    const made = await runCli(env.relay.server.dataDir, ['token', 'create', '--workbook', 'demo', '--role', 'viewer', '--link'], { PORT: '', HOST: '' });
    expect(made.code).toBe(0);
    const link = made.stdout.trim();
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${env.relay.server.port}/#/w/demo\\?token=owb_`));
    const visitor = await person(env.browser, 'Li', '#2b8a3e');
    await visitor.page.goto(link);
    await visitor.page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await workbookName(visitor.page)).toBe('Demo shop — ops plan');
    await waitConnection(visitor.page, 'online');
    await visitor.context.close();
  });
});

describe('the start page', () => {
  test('lists the workbooks of this browser; a new one from the ops template or blank opens on this device only', async () => {
    const { page } = me;
    await toStart(page);
    expect(await listed(page)).toEqual(['Demo shop — ops plan']);
    await page.getByTestId('new-ops').click();
    await page.getByTestId('workbook-name').waitFor();
    expect(await workbookName(page)).toBe('Shop plan');
    expect(page.url()).toMatch(/#\/w\/local-[a-z0-9]+$/);
    expect(await page.locator('.wb-tab', { hasText: 'Inventory' }).count()).toBe(1);
    await waitConnection(page, 'local');
    expect(await page.getByTestId('connection').textContent()).toBe('On this device only');
    await toStart(page);
    await page.getByTestId('new-blank').click();
    await page.getByTestId('workbook-name').waitFor();
    expect(await workbookName(page)).toBe('Untitled workbook');
    await toStart(page);
    expect((await listed(page)).sort()).toEqual(['Demo shop — ops plan', 'Shop plan', 'Untitled workbook']);
    await screenshot(page, 'sync-start-page');
  });

  test('a backup downloads as a file that imports as a new workbook with the same content, named as restored today; another file or an altered copy gets a sentence', async () => {
    const { page } = me;
    await toStart(page);
    const demo = page.locator('[data-testid="workbook-item"][data-id="demo"]');
    const [download] = await Promise.all([page.waitForEvent('download'), demo.getByTestId('workbook-backup').click()]);
    expect(download.suggestedFilename()).toBe('Demo shop — ops plan.ywb');
    const file = join(tmpdir(), `demo-${Date.now()}.ywb`);
    await download.saveAs(file);
    expect(readFileSync(file).byteLength).toBeGreaterThan(10_000);

    // The copy is named as restored today, so the list never shows two "Demo shop — ops plan".
    const restored = `Demo shop — ops plan (restored ${localIsoDay(new Date())})`;
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('start-message').textContent()).toBe(`Imported “${restored}”.`);
    expect((await listed(page)).filter((n) => n === 'Demo shop — ops plan')).toHaveLength(1);
    expect((await listed(page)).filter((n) => n === restored)).toHaveLength(1);
    const copy = page.locator('[data-testid="workbook-item"]:not([data-id="demo"])', { hasText: 'Demo shop' });
    await copy.getByTestId('workbook-open').click();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(page, 'local');
    expect(await workbookName(page)).toBe(restored);
    await page.locator('.wb-tab', { hasText: 'Products' }).click();
    await expect.poll(() => page.getByTestId('status-rows').textContent()).toBe('200 rows');

    const bad = join(tmpdir(), `not-a-backup-${Date.now()}.ywb`);
    writeFileSync(bad, 'SKU,Name\nA-1,Mug\n');
    await toStart(page);
    await page.getByTestId('import-file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('start-message').textContent()).toContain('This file is not a workbook backup');

    // The backup carries a checksum: a copy with one byte changed is refused, not imported as other content.
    expect(readFileSync(file).subarray(0, 13).toString()).toBe('OWB-BACKUP 1 ');
    const altered = readFileSync(file);
    altered[altered.length - 100] = (altered[altered.length - 100] ?? 0) ^ 0x20;
    const damaged = join(tmpdir(), `damaged-${Date.now()}.ywb`);
    writeFileSync(damaged, altered);
    await toStart(page);
    await page.getByTestId('import-file').setInputFiles(damaged);
    await expect.poll(() => page.getByTestId('start-message').textContent()).toContain('This backup file is damaged or was altered');
    expect((await listed(page)).filter((n) => n.startsWith('Demo shop — ops plan'))).toHaveLength(2);
  });

  test('delete asks first: Cancel keeps the workbook, Delete removes it and its copy in this browser', async () => {
    const { page } = me;
    await toStart(page);
    const blank = page.locator('[data-testid="workbook-item"]', { hasText: 'Untitled workbook' });
    const id = await blank.getAttribute('data-id');
    await blank.getByTestId('workbook-delete').click();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('It exists only here');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await listed(page)).toContain('Untitled workbook');
    await blank.getByTestId('workbook-delete').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('start-message').textContent()).toBe('“Untitled workbook” was deleted from this browser.');
    expect(await listed(page)).not.toContain('Untitled workbook');
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain(`ops-workbook:${id}`);
    expect(databases).toContain('ops-workbook:demo');
    expect(me.errors).toEqual([]);
  });
});

describe('links the relay refuses', () => {
  test('a wrong token opens nothing and says what to do; nothing is left behind', async () => {
    const stranger = await person(env.browser, 'Sam', '#0c8599');
    await stranger.page.goto(`${env.relay.server.url}/#/w/demo?token=owb_not-a-real-token`);
    await stranger.page.getByTestId('open-problem').waitFor();
    expect(await stranger.page.getByTestId('open-problem').textContent()).toContain('This link does not open the workbook');
    await screenshot(stranger.page, 'sync-link-refused');
    const databases = await stranger.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain('ops-workbook:demo');
    await stranger.context.close();
  });

  test('a token revoked while the workbook is open: the app says access is denied and keeps the copy readable', async () => {
    const token = await newToken(env.relay, 'editor');
    const { page } = me;
    await page.goto(`${env.relay.server.url}/#/w/demo?token=${token}`);
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(page, 'online');
    const r = await runCli(env.relay.server.dataDir, ['token', 'revoke', token]);
    expect(r.code).toBe(0);
    await waitConnection(page, 'denied');
    expect(await page.getByTestId('connection').textContent()).toBe('Access denied');
    expect(await page.locator('.ag-row[row-index="0"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'sync-access-denied');
    // Opened again with the revoked token (kept from the link): the copy in this browser opens, and access is denied.
    await page.reload();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(page, 'denied');
  });
});
