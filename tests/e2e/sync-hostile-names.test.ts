/**
 * Names a client writes about itself are untrusted text, in real Chromium against the real relay:
 * a hostile client (a stock Yjs provider with an editor link) writes a cell-history entry by hand
 * whose name holds a right-to-left override, isolates, a zero-width space, a line break and a long
 * tail, and shows the same name as its presence. The cell history panel and the presence avatar
 * show the name neutralised (src/schema/shown-name.ts), on one line, without widening the panel.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { cellKey } from '../../src/model/layout.ts';
import { screenshot } from '../support/browser.ts';
import { connectClient, within, type RelayClient } from '../support/relay-clients.ts';
import { demoUrl, gridCell, newToken, open, openSheet, person, relayAndBrowser, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let mallory: RelayClient | undefined;

const HOSTILE = `\u202EMa\u200Bllory\u2066\nEve\u2069${'x'.repeat(120)}`;
/** 63 characters of "Mallory Eve xxx…" and the ellipsis. */
const SHOWN = `Mallory Eve${'x'.repeat(52)}…`;

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
});
afterAll(() => mallory?.destroy());

describe('names written by a hostile client', () => {
  test('the cell history and the presence avatar show the name without its control, bidi and invisible characters, cut to 64', async () => {
    await open(ana, demoUrl(env.relay, env.relay.editorToken));
    await waitConnection(ana.page, 'online');
    await openSheet(ana.page, 'Products');

    mallory = connectClient(env.relay.server.port, 'demo', await newToken(env.relay, 'editor'));
    await within('Mallory synced', mallory.synced());
    const wb = mallory.wb();
    const sheet = wb.sheetByName('Products')?.id ?? '';
    const col = wb.columnByName(sheet, 'Name')?.id ?? '';
    const row = wb.rowIds(sheet)[0] ?? '';
    const doc = mallory.doc;
    // The entry sits where its id says (its own Yjs id), as an app would write it; only the name is hostile.
    doc.transact(() => {
      const edits = doc.getArray('edits');
      edits.insert(edits.length, [{ id: `${doc.clientID}.${Y.getState(doc.store, doc.clientID)}`, s: sheet, k: cellKey(row, col), v: 'Forged name', u: 'u-mallory', n: HOSTILE, t: Date.now(), p: null }]);
    });
    mallory.provider.awareness.setLocalState({ user: { id: 'u-mallory', name: HOSTILE, color: '#aa0000' }, at: { sheet, row, col } });

    await (await gridCell(ana.page, 'Products', 0, 'Name')).click({ button: 'right' });
    await ana.page.getByTestId('cell-history').click();
    const entry = ana.page.locator('[data-testid="history-entry"]', { hasText: 'Forged name' });
    await entry.waitFor();
    const author = entry.getByTestId('history-author');
    await screenshot(ana.page, 'sync-hostile-name-history');
    expect(await author.textContent()).toBe(SHOWN);
    // A few lines at most (the panel wraps at its spaces), and the panel is not widened by the name.
    const box = await author.boundingBox();
    const lineHeight = await author.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 16);
    expect(box?.height ?? Infinity).toBeLessThan(lineHeight * 3.5);
    // Every line of it inside the panel (a name is one long word at worst: it breaks, not overflows).
    const right = await author.evaluate((el) => Math.max(...[...el.getClientRects()].map((r) => r.right)));
    const panel = await ana.page.getByTestId('history-panel').boundingBox();
    expect(right).toBeLessThanOrEqual((panel?.x ?? 0) + (panel?.width ?? 0));

    // Presence: the avatar's tooltip and its initial come from the same neutralised name.
    const peer = ana.page.locator('[data-testid="peer"][data-user="u-mallory"]');
    await peer.waitFor();
    expect(await peer.getAttribute('title')).toContain(SHOWN);
    expect(await peer.textContent()).toBe('M');
    expect(ana.errors).toEqual([]);
  });
});
