/**
 * The device identity in real Chromium against the real relay (issue #16 part 4): a browser makes
 * one device key, keeps it across reloads, and every tab of it connects as that device; another
 * browser is another device, even with the same link. Two tabs of one browser edit together
 * (their edits also travel between them over the BroadcastChannel) and nothing is refused. Cell
 * history names the device that wrote each entry, by the relay's record, beside the chosen name.
 */
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { demoUrl, gridCell, open, openSheet, person, relayAndBrowser, stored, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;

/** The owners the relay logged for the connections opened so far, in order. */
const owners = (): string[] =>
  env.relay.server
    .stdout()
    .split('\n')
    .filter((l) => l.includes('"event":"conn.opened"'))
    .map((l) => (JSON.parse(l) as { owner?: string }).owner ?? '')
    // The demo is opened with the space owner's personal link: the relay binds the device to that member.
    .map((o) => o.replace(/^member:[^/]+\//, ''));

const storedKey = (page: Page): Promise<unknown> =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('owb-device');
        req.onsuccess = () => {
          const get = req.result.transaction('device').objectStore('device').get('key');
          get.onsuccess = () => resolve(get.result);
        };
      }),
  );

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#2b8a3e');
});

describe('one browser, one device', () => {
  test('the device key is made once, kept across a reload, and every tab connects as the same device; another browser is another', async () => {
    const url = demoUrl(env.relay, env.relay.editorToken);
    await open(ana, url);
    await waitConnection(ana.page, 'online');
    const key = await storedKey(ana.page);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await ana.context.newPage();
    await second.goto(url);
    await waitConnection(second, 'online');
    await ana.page.reload();
    await waitConnection(ana.page, 'online');
    expect(await storedKey(ana.page)).toBe(key);
    await open(bo, url);
    await waitConnection(bo.page, 'online');
    const seen = owners();
    expect(seen).toHaveLength(4);
    const [first, tab, reloaded, other] = seen;
    expect(first).toMatch(/^device:[A-Za-z0-9_-]{22}$/);
    expect([tab, reloaded]).toEqual([first, first]);
    expect(other).toMatch(/^device:/);
    expect(other).not.toBe(first);
    // The key itself never reaches the log.
    expect(env.relay.server.output()).not.toContain(String(key));
    await second.close();
  });

  test('two tabs of one browser and another browser edit at once: every edit arrives, nobody is refused', async () => {
    const url = demoUrl(env.relay, env.relay.editorToken);
    const tab2 = await ana.context.newPage();
    await tab2.goto(url);
    await tab2.locator('.ag-row[row-index="0"]').first().waitFor();
    for (const p of [ana.page, tab2, bo.page]) {
      await waitConnection(p, 'online');
      await openSheet(p, 'Products');
    }
    await Promise.all([
      typeInto(ana.page, 'Products', 0, 'Name', 'From tab one'),
      typeInto(tab2, 'Products', 1, 'Name', 'From tab two'),
      typeInto(bo.page, 'Products', 2, 'Name', 'From Bo'),
    ]);
    for (const p of [ana.page, tab2, bo.page]) {
      await expect.poll(() => stored(p, 'Products', 0, 'Name')).toBe('From tab one');
      await expect.poll(() => stored(p, 'Products', 1, 'Name')).toBe('From tab two');
      await expect.poll(() => stored(p, 'Products', 2, 'Name')).toBe('From Bo');
    }
    for (const p of [ana.page, tab2, bo.page]) expect(await p.getByTestId('connection').getAttribute('data-state')).toBe('online');
    expect(env.relay.server.stdout()).not.toContain('_refused"');
    expect([...ana.errors, ...bo.errors]).toEqual([]);
    await tab2.close();
  });

  test('cell history shows the member and device that wrote an entry (the relay’s record), named as the relay knows the member', async () => {
    // Bo looks at the cell Ana's first tab wrote.
    await (await gridCell(bo.page, 'Products', 0, 'Name')).click({ button: 'right' });
    await bo.page.getByTestId('cell-history').click();
    const entry = bo.page.locator('[data-testid="history-entry"]', { hasText: 'From tab one' });
    const owner = entry.getByTestId('history-owner');
    const anaDevice = (owners()[0] ?? '').slice('device:'.length, 'device:'.length + 6);
    await expect.poll(() => owner.textContent()).toBe(`member of the space, device ${anaDevice}`);
    // Ana's browser calls her Ana; the link she used is the space owner's, whom the relay knows as "Owner".
    await expect.poll(() => entry.getByTestId('history-author').textContent()).toBe('Owner');
    expect(await entry.getByTestId('history-unverified').count()).toBe(0);
    await screenshot(bo.page, 'sync-history-owner');
    await bo.page.getByTestId('history-panel').getByRole('button').first().click();
  });
});

describe('a browser that sends edits under another device’s client id', () => {
  test('is refused, stops syncing and says why, in English and in 简体中文', async () => {
    const cy = await person(env.browser, 'Cy', '#ae3ec9');
    await open(cy, demoUrl(env.relay, env.relay.editorToken));
    await waitConnection(cy.page, 'online');
    // A client id of the demo that nobody who connects owns (the relay made the demo), and its next clock.
    const owned = (await (await fetch(`${env.relay.server.url}/api/workbooks/demo/owners`, { headers: { Authorization: `Bearer ${env.relay.editorToken}` } })).json()) as {
      owners: { clientId: number }[];
    };
    const ownedIds = new Set(owned.owners.map((o) => o.clientId));
    const states = await cy.page.evaluate(() =>
      [...(window.__wb?.wb.doc.store.clients.entries() ?? [])].map(([client, structs]) => {
        const last = structs[structs.length - 1];
        return [client, last ? last.id.clock + last.length : 0] as const;
      }),
    );
    const [client, clock] = states.find(([c]) => !ownedIds.has(c)) ?? [0, 0];
    expect(clock).toBeGreaterThan(0);
    // One GC struct continuing that id: what a browser holding unsynced edits under it would send.
    const e = encoding.createEncoder();
    for (const n of [1, 1, client, clock]) encoding.writeVarUint(e, n);
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 3);
    encoding.writeVarUint(e, 0);
    const bytes = [...encoding.toUint8Array(e)];
    await cy.page.evaluate((b) => window.__wb?.wb.applyUpdate(new Uint8Array(b)), bytes);
    await waitConnection(cy.page, 'denied');
    const title = async () => (await cy.page.getByTestId('connection').getAttribute('title')) ?? '';
    expect(await title()).toContain('another device’s client id');
    await cy.page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(title).toContain('其他设备的客户端编号');
    expect(env.relay.server.stdout()).toContain('"event":"room.update_refused"');
    await cy.context.close();
  });
});
