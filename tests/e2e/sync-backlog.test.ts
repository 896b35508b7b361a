/**
 * A big offline backlog still arrives (issue #14): edits made offline are sent to the relay in one
 * sync message when the browser reconnects. 2 MB of them is over MAX_MESSAGE_BYTES (1 MiB, what a
 * viewer may send), which used to close the connection with 1009 on every reconnect, forever; an
 * editor's sync messages may now be up to MAX_SYNC_BYTES. In real Chromium against `npm start`,
 * which also carries the token as a websocket subprotocol entry rather than in the address.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { demoUrl, offlineReady, open, openSheet, pending, person, relayAndBrowser, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;
const sockets: string[] = [];

const rows = (p: Person) => p.page.evaluate(() => window.__wb?.wb.rowCount(window.__wb.wb.sheetByName('Products')?.id ?? '') ?? 0);

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#2b8a3e');
  bo.page.on('websocket', (ws) => sockets.push(ws.url()));
  for (const p of [ana, bo]) {
    await open(p, demoUrl(env.relay, env.relay.editorToken));
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
});

describe('a backlog bigger than one message', () => {
  test('2 MB of edits made offline reach the relay and another browser when the network is back', async () => {
    const before = await rows(ana);
    await offlineReady(bo.page);
    await bo.context.setOffline(true);
    await waitConnection(bo.page, 'offline');
    // 40 rows of about 52 KB each, one edit each, through the app's model as an import would write them.
    const grew = await bo.page.evaluate(() => {
      const wb = window.__wb?.wb;
      const sheet = wb?.sheetByName('Products');
      const name = sheet ? wb?.columnByName(sheet.id, 'Name') : undefined;
      if (!wb || !sheet || !name) return 0;
      const size = wb.encode().byteLength;
      for (let i = 0; i < 40; i++) wb.insertRows(sheet.id, { values: [{ [name.id]: `Offline ${i} `.padEnd(52 * 1024, 'long description ') }] });
      return wb.encode().byteLength - size;
    });
    expect(grew).toBeGreaterThan(2 * 1024 * 1024);
    await expect.poll(() => pending(bo.page)).toBe(40);

    await bo.context.setOffline(false);
    await waitConnection(bo.page, 'online');
    await expect.poll(() => pending(bo.page), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => rows(ana), { timeout: 30_000 }).toBe(before + 40);
    expect(env.relay.server.stdout()).not.toContain('conn.message_too_big');
    expect(ana.errors.concat(bo.errors)).toEqual([]);
  });

  test('the app’s websocket address carries no token (it travels as a subprotocol entry), and the relay logs none', () => {
    expect(sockets.length).toBeGreaterThan(0);
    for (const url of sockets) expect(url).not.toContain('token');
    expect(env.relay.server.stdout()).not.toContain(env.relay.editorToken);
  });
});
