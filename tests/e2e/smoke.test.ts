import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('smoke: the app loads in Chromium, lists workbooks, and a new one shows its name and rows', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByTestId('start-page').waitFor();
  await page.getByTestId('new-ops').click();
  await expect.poll(() => page.getByTestId('workbook-name').textContent()).toBe('Shop plan');
  await page.locator('.wb-tab', { hasText: 'Products' }).click();
  await page.locator('.ag-header-cell', { hasText: 'SKU' }).first().waitFor();
  await screenshot(page, 'smoke');
  expect(errors).toEqual([]);
});
