/**
 * "Saved on this device" means it: an edit made offline (so the relay cannot be what keeps it)
 * survives a reload made at once, 50 ms or 350 ms after the status bar says so, even when the
 * device's storage is slow (another transaction holds the store for 600 ms, so the edit's write
 * waits: a "saved" shown before the write is done would lose the edit to the reload).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import {
  demoUrl,
  open,
  openSheet,
  person,
  relayAndBrowser,
  stored,
  typeInto,
  waitConnection,
  type Person,
} from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await waitConnection(ana.page, 'online');
  // The app must load offline for the reloads below.
  await ana.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await ana.context.setOffline(true);
  await waitConnection(ana.page, 'offline');
});

describe('saved on this device', () => {
  test.each([0, 50, 350])('an edit is there after a reload %i ms after "saved on this device" was shown', async (delay) => {
    const { page } = ana;
    await openSheet(page, 'Products');
    // Reload from inside the page the moment the status bar turns to "saved" (plus the delay).
    await page.evaluate((ms) => {
      const el = document.querySelector('[data-testid="saved"]');
      if (!el) throw new Error('no saved state on screen');
      new MutationObserver((_m, observer) => {
        if (el.getAttribute('data-state') !== 'saved') return;
        observer.disconnect();
        setTimeout(() => location.reload(), ms);
      }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    }, delay);
    // Slow storage: a transaction on the workbook's store keeps it busy for a while.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('ops-workbook:demo');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const store = req.result.transaction('updates', 'readwrite').objectStore('updates');
            const until = performance.now() + 600;
            const spin = () => {
              if (performance.now() < until) store.count().onsuccess = spin;
            };
            spin();
            resolve();
          };
        }),
    );
    const value = `Reloaded after ${delay} ms`;
    const reloaded = page.waitForEvent('load');
    await typeInto(page, 'Products', delay % 7, 'Name', value);
    await reloaded;
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await openSheet(page, 'Products');
    expect(await stored(page, 'Products', delay % 7, 'Name')).toBe(value);
    expect(await page.getByTestId('saved').textContent()).toBe('Saved on this device');
    if (delay === 0) await screenshot(page, 'sync-saved-after-reload');
  });
});
