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

test('smoke: the app loads in Chromium and shows the workbook name', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await expect.poll(() => page.getByTestId('workbook-name').textContent()).toBe('Example shop plan');
  await expect.poll(() => page.locator('[role="gridcell"]', { hasText: 'SKU-1002' }).count()).toBe(1);
  await screenshot(page, 'smoke');
  expect(errors).toEqual([]);
});
