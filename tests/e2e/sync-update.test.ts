/**
 * A new version of the app: the service worker keeps the running version until the person agrees.
 * The relay serves a copy of the build (`--app-dir`); the test then publishes a "new build" into
 * that copy (a changed sw.js, as any rebuild gives, and a marked index.html), and the next online
 * visit offers "a new version — reload", which switches to it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROOT, startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { offlineReady, person, type Person } from './sync-helpers.ts';

let browser: Browser;
let server: AppServer;
let appDir: string;
let me: Person;
let link: string;

const build = (page: Person['page']) => page.evaluate(() => document.querySelector('meta[name="test-build"]')?.getAttribute('content') ?? 'first');

beforeAll(async () => {
  appDir = mkdtempSync(join(tmpdir(), 'wb-app-'));
  cpSync(join(ROOT, 'dist'), appDir, { recursive: true });
  server = await startAppServer({ args: ['--app-dir', appDir] });
  // The demo, opened with the first owner's token (the printed link opens the space's page).
  link = (server.firstLink() ?? '').replace(/#\/s\/team\?/, '#/w/demo?');
  browser = await launchBrowser();
  me = await person(browser, 'Ana', '#d9480f');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(appDir, { recursive: true, force: true });
});

describe('a new version of the app', () => {
  test('is offered on the next online visit with a reload button, and nothing changes until it is pressed', async () => {
    const { page } = me;
    await page.goto(link);
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await offlineReady(page);
    expect(await build(page)).toBe('first');

    // A new build is published: its worker differs (new version, same files) and its page is marked.
    const sw = readFileSync(join(appDir, 'sw.js'), 'utf8');
    const version = /"version":"([0-9a-f]+)"/.exec(sw)?.[1];
    expect(version).toBeTruthy();
    writeFileSync(join(appDir, 'sw.js'), sw.replace(`"version":"${version}"`, '"version":"0000000000000002"'));
    const html = readFileSync(join(appDir, 'index.html'), 'utf8');
    writeFileSync(join(appDir, 'index.html'), html.replace('<head>', '<head><meta name="test-build" content="second">'));

    // The next visit still runs the version this browser holds, and offers the new one.
    await page.reload();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await build(page)).toBe('first');
    const toast = page.getByTestId('toast').filter({ hasText: 'A new version of the app is ready.' });
    await toast.waitFor();
    await screenshot(page, 'sync-update-ready');
    expect(await build(page)).toBe('first');

    // Reload switches to it, and the workbook is still there.
    const reloaded = page.waitForEvent('load');
    await toast.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await expect.poll(() => build(page)).toBe('second');
    expect(await page.getByTestId('workbook-name').textContent()).toBe('Demo shop — ops plan');
    expect(me.errors).toEqual([]);
  });
});
