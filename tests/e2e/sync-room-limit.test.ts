/**
 * A workbook over the relay's MAX_ROOM_BYTES is not loaded (loading it would stall every other
 * workbook of the relay): a person who opens its link is told why, in Chromium, instead of waiting
 * for a workbook that never comes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { productsWorkbook, seed, tempDataDir, type Tokens } from '../integration/relay/fixtures.ts';
import { person } from './sync-helpers.ts';

let server: AppServer;
let browser: Browser;
let tokens: Tokens;
beforeAll(async () => {
  const dataDir = tempDataDir();
  tokens = await seed(dataDir, ['huge'], () => productsWorkbook(8000, 'Huge plan'));
  server = await startAppServer({ dataDir, env: { MAX_ROOM_BYTES: String(256 * 1024) } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the link of a workbook over MAX_ROOM_BYTES opens a page that says it is too large for this relay', async () => {
  const sam = await person(browser, 'Sam', '#0c8599');
  await sam.page.goto(`${server.url}/#/w/huge?token=${tokens.huge?.viewer}`);
  await sam.page.getByTestId('open-problem').waitFor();
  const text = await sam.page.getByTestId('open-problem').textContent();
  expect(text).toContain('This workbook is too large for this relay');
  expect(text).toContain('MAX_ROOM_BYTES is 0.3 MB');
  await screenshot(sam.page, 'sync-room-too-large');
  expect(server.stdout()).toContain('"event":"room.too_big"');
  await sam.context.close();
});
