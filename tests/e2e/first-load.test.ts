/**
 * The first-load budget (DESIGN.md): the JavaScript a new user's browser loads before the grid shows,
 * gzipped, stays within 250 KB. Measured as the grid benchmark does (tests/support/first-load.ts),
 * on the relay's demo link in real Chromium; the files and sizes are printed, so a change that goes
 * over shows what grew.
 */
import { expect, test } from 'vitest';
import { describeFirstLoad, FIRST_LOAD_BUDGET_KB, firstLoadJs } from '../support/first-load.ts';
import { returningTo } from './sync-helpers.ts';
import { appAndBrowser } from './ui-helpers.ts';

const env = appAndBrowser();

// Someone who had the demo open on a sheet before (a first visit opens on its dashboard): the
// grid's path, in each UI language (a Chinese first load must not carry the English texts too).
test.each([
  ['English', 'en'],
  ['简体中文', 'zh-CN'],
])('the JavaScript loaded before the grid shows stays within the 250 KB (gzipped) budget, in %s', async (_name, locale) => {
  // The first start prints the owner's link to the team space; the same token opens the demo workbook in it.
  const link = env.server.firstLink()?.replace(/#\/s\/team\?/, '#/w/demo?');
  if (!link) throw new Error(`the relay wrote no demo link:\n${env.server.output()}`);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
  await returningTo(context);
  await context.addInitScript((chosen) => localStorage.setItem('wb-ui-locale', chosen), locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  await page.waitForFunction(() => performance.getEntriesByName('wb-grid-rows').length > 0, undefined, { timeout: 60_000 });
  await page.locator('.ag-row').first().waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  const load = await firstLoadJs(page);
  const report = describeFirstLoad(load);
  console.log(`JavaScript loaded before the grid shows (${locale}):\n${report}`);
  expect(load.files.length, 'the page loaded no JavaScript before the grid showed').toBeGreaterThan(0);
  expect(load.kb, `over the first-load budget:\n${report}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB);
  expect(errors).toEqual([]);
  await context.close();
});
