import { expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser } from './ui-helpers.ts';

const env = appAndBrowser();

test('smoke: the app loads in Chromium, lists workbooks, and a new one shows its name and rows', async () => {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.server.url);
  await page.getByTestId('start-page').waitFor();
  await page.getByTestId('new-ops').click();
  await expect.poll(() => page.getByTestId('workbook-name').textContent()).toBe('Shop plan');
  await page.locator('.wb-tab', { hasText: 'Products' }).click();
  await page.locator('.ag-header-cell', { hasText: 'SKU' }).first().waitFor();
  await screenshot(page, 'smoke');
  expect(errors).toEqual([]);
});
