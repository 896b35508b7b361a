/**
 * A workbook only grows (its history keeps everything it held), and past the relay's
 * MAX_ROOM_BYTES every edit to it is refused. From 80 % of that on, the app tells its editors how
 * full it is while there is still time to have the limit raised; viewers, who cannot add to it,
 * and editors of a workbook with room left see nothing. In Chromium, against the real relay.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { productsWorkbook, seed, tempDataDir, type Tokens } from '../integration/relay/fixtures.ts';
import { open, person, waitConnection } from './sync-helpers.ts';

let server: AppServer;
let browser: Browser;
let tokens: Tokens;
/** The relay's limit: the nearly full workbook takes about 85 % of it. */
let maxBytes = 0;
const ROWS = 2500;

beforeAll(async () => {
  const dataDir = tempDataDir();
  maxBytes = Math.max(64 * 1024, Math.round(productsWorkbook(ROWS).encode().byteLength / 0.85));
  tokens = await seed(dataDir, ['nearly', 'roomy'], (id) => (id === 'nearly' ? productsWorkbook(ROWS, 'Nearly full plan') : productsWorkbook(3, 'Roomy plan')));
  server = await startAppServer({ dataDir, env: { MAX_ROOM_BYTES: String(maxBytes) } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a workbook near the relay’s size limit', () => {
  test('its editor is told how full it is, with the numbers, and can close the notice', async () => {
    const ed = await person(browser, 'Eda', '#0c8599');
    await open(ed, `${server.url}/#/w/nearly?token=${tokens.nearly?.editor}`);
    const notice = ed.page.getByTestId('size-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    const pct = Number(/at (\d+) % of the size the relay takes/.exec(text)?.[1]);
    expect(pct).toBeGreaterThanOrEqual(80);
    expect(pct).toBeLessThan(90);
    // Under a megabyte, in KB.
    expect(text).toContain(` of ${Math.round(maxBytes / 1024)} KB)`);
    expect(text).toContain('raise MAX_ROOM_BYTES');
    await screenshot(ed.page, 'sync-size-notice');
    // On a narrower screen it wraps, and is still whole on screen, its button too.
    await ed.page.setViewportSize({ width: 1024, height: 720 });
    for (const part of [notice, ed.page.getByTestId('size-notice-close')]) {
      await expect.poll(async () => {
        const box = await part.boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= 1024 && box.y >= 0 && box.y + box.height <= 720;
      }).toBe(true);
    }
    await screenshot(ed.page, 'sync-size-notice-1024');
    await ed.page.getByTestId('size-notice-close').click();
    expect(await notice.count()).toBe(0);
    // The workbook still takes edits meanwhile.
    expect(await ed.page.getByTestId('connection').getAttribute('data-state')).toBe('online');
    expect(ed.errors).toEqual([]);
    await ed.context.close();
  });

  test('a viewer of it is not told (it cannot add to it); an editor of a workbook with room sees nothing', async () => {
    const vi = await person(browser, 'Vic', '#e8590c');
    await open(vi, `${server.url}/#/w/nearly?token=${tokens.nearly?.viewer}`);
    await waitConnection(vi.page, 'online');
    const ed = await person(browser, 'Eda', '#0c8599');
    await open(ed, `${server.url}/#/w/roomy?token=${tokens.roomy?.editor}`);
    await waitConnection(ed.page, 'online');
    // Both have asked the relay by now (the ask follows the first sync); give it a moment to answer.
    await vi.page.waitForTimeout(1000);
    expect(await vi.page.getByTestId('size-notice').count()).toBe(0);
    expect(await ed.page.getByTestId('size-notice').count()).toBe(0);
    expect([...vi.errors, ...ed.errors]).toEqual([]);
    await vi.context.close();
    await ed.context.close();
  });
});
