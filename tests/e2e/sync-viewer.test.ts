/**
 * Sharing and viewers, in real Chromium against the real relay: an editor makes a viewer link in
 * the app; the viewer's app says it is read-only and offers no way to change anything; and an
 * update forged by the viewer (over the websocket, or into its own replica) changes nothing
 * anywhere else: not the editor's browser, not the relay's store.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { Workbook } from '../../src/model/index.ts';
import { screenshot } from '../support/browser.ts';
import { connectClient } from '../support/relay-clients.ts';
import {
  demoUrl,
  gridCell,
  open,
  openSheet,
  person,
  relayAndBrowser,
  restartRelay,
  stored,
  waitConnection,
  workbookJSON,
  type Person,
} from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let vi: Person;
let viewerToken = '';

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  vi = await person(env.browser, 'Vi', '#5f3dc4');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await waitConnection(ana.page, 'online');
});

/** The workbook as a fresh stock client with an editor token reads it from the relay. */
const relayJSON = async (): Promise<string> => {
  const c = connectClient(env.relay.server.port, 'demo', env.relay.editorToken);
  await c.synced();
  const json = JSON.stringify(c.wb().toJSON());
  c.destroy();
  return json;
};

describe('sharing', () => {
  test('an editor makes a viewer link in the app; the link opens the workbook read-only, and the app says so', async () => {
    await ana.page.getByTestId('share').click();
    await ana.page.getByTestId('share-viewer').check();
    await ana.page.getByTestId('share-create').click();
    const link = await ana.page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/\/#\/w\/demo\?token=owb_/);
    await screenshot(ana.page, 'sync-share-dialog');
    await ana.page.keyboard.press('Escape');
    viewerToken = new URL(link.replace('#/w/demo?', '?')).searchParams.get('token') ?? '';

    await open(vi, demoUrl(env.relay, viewerToken));
    await waitConnection(vi.page, 'online');
    expect(await vi.page.getByTestId('view-only').textContent()).toBe('View only');
    expect(vi.page.url()).not.toContain('token=');
    await vi.page.getByTestId('share').click();
    expect(await vi.page.getByTestId('share-dialog').textContent()).toContain('You can only view this workbook');
    await vi.page.keyboard.press('Escape');
  });
});

describe('a viewer', () => {
  test('cannot change anything in the UI: typing, Delete, paste, the formula bar, drag and the tools are not offered; the row menu copies and shows history only', async () => {
    const { page } = vi;
    await openSheet(page, 'Products');
    const before = JSON.stringify(await workbookJSON(page));
    const anaBefore = JSON.stringify(await workbookJSON(ana.page));

    const cell = await gridCell(page, 'Products', 1, 'Name');
    await cell.click();
    await page.keyboard.type('Changed by a viewer');
    await page.keyboard.press('Enter');
    await cell.dblclick();
    await page.keyboard.press('F2');
    expect(await page.locator('.wb-editor-open').count()).toBe(0);
    await cell.click();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    // A paste (as Ctrl+V delivers it) is not taken.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'pasted\tby\tviewer');
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    // The formula bar shows the value but cannot be typed in.
    expect(await page.getByTestId('formula-bar').getAttribute('readonly')).not.toBeNull();
    await page.getByTestId('formula-bar').click();
    await page.keyboard.type('=1+1');
    await page.keyboard.press('Enter');
    // The row menu offers copying and the cell's history; no tool changes the sheet.
    await cell.click({ button: 'right' });
    await page.locator('[role="menuitem"]').first().waitFor();
    const items = await page.locator('[role="menuitem"]').allTextContents();
    expect(items.map((t) => t.trim())).toEqual(['Copy', 'Cell history…']);
    await page.keyboard.press('Escape');
    for (const tool of ['add-row', 'add-column', 'open-import', 'add-sheet']) expect(await page.getByTestId(tool).count()).toBe(0);
    await page.locator('.wb-tab', { hasText: 'Products' }).dblclick();
    expect(await page.locator('.wb-tab-input').count()).toBe(0);
    // Dragging a row by its handle moves nothing.
    const handle = page.locator('.ag-row[row-index="2"] .wb-drag').first();
    await handle.hover();
    const box = await handle.boundingBox();
    await page.mouse.down();
    await page.mouse.move((box?.x ?? 0) + 4, (box?.y ?? 0) + 200, { steps: 8 });
    await page.mouse.up();
    await screenshot(page, 'sync-viewer');

    expect(JSON.stringify(await workbookJSON(page))).toBe(before);
    expect(JSON.stringify(await workbookJSON(ana.page))).toBe(anaBefore);
    expect(await stored(page, 'Products', 1, 'Name')).not.toBe('Changed by a viewer');
    // Not a refusal after trying: nothing was tried, so nothing was refused.
    expect(await page.locator('[data-testid="toast"]').count()).toBe(0);
    expect(vi.errors).toEqual([]);
  });

  test('prints a sheet as an editor does: the tab menu (button or right-click) offers Print… and nothing that changes the workbook', async () => {
    const { page } = vi;
    const before = JSON.stringify(await workbookJSON(page));
    // The print dialog cannot be driven headless: window.print is counted instead.
    await page.evaluate(() => {
      const w = window as unknown as { __printed: number; print: () => void };
      w.__printed = 0;
      w.print = () => void w.__printed++;
    });
    const printed = () => page.evaluate(() => (window as unknown as { __printed: number }).__printed);
    await page.locator('.wb-tab-on .wb-tab-menu').click();
    await page.locator('[role="menuitem"]').first().waitFor();
    expect((await page.locator('[role="menuitem"]').allTextContents()).map((t) => t.trim())).toEqual(['Print…']);
    await screenshot(page, 'sync-viewer-print-menu');
    await page.getByTestId('tab-print').click();
    await expect.poll(printed).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const view = page.getByTestId('print-view');
    expect(await view.isVisible()).toBe(true);
    expect(await view.locator('thead').textContent()).toContain('Name');
    expect(await view.locator('tbody tr').count()).toBe(200);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await view.count()).toBe(0);
    await page.locator('.wb-tab', { hasText: 'Products' }).click({ button: 'right' });
    await page.getByTestId('tab-print').click();
    await expect.poll(printed).toBe(2);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(JSON.stringify(await workbookJSON(page))).toBe(before);
    expect(vi.errors).toEqual([]);
  });

  test('an update forged by the viewer changes nothing anywhere: not the editor’s browser, not the relay', async () => {
    const anaBefore = JSON.stringify(await workbookJSON(ana.page));
    const relayBefore = await relayJSON();
    expect(relayBefore).toBe(anaBefore);
    // A real change, made on a copy of the viewer's replica with the model.
    const state = await vi.page.evaluate(() => Array.from(window.__wb?.wb.encode() ?? []));
    const copy = Workbook.load(Uint8Array.from(state));
    const forged: Uint8Array[] = [];
    copy.doc.on('update', (u: Uint8Array) => forged.push(u));
    const sheet = copy.sheetByName('Products')?.id ?? '';
    copy.setCell(sheet, copy.rowIds(sheet)[0] ?? '', copy.columnByName(sheet, 'Name')?.id ?? '', 'FORGED by a viewer');
    copy.deleteRows(sheet, [copy.rowIds(sheet)[3] ?? '']);
    const update = Y.mergeUpdates(forged);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    const message = Array.from(encoding.toUint8Array(e));

    // 1. Sent on the viewer's own websocket connection, from its browser.
    await vi.page.evaluate(
      ([url, bytes]) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(url);
          ws.binaryType = 'arraybuffer';
          ws.onerror = () => reject(new Error('socket failed'));
          ws.onopen = () => {
            ws.send(Uint8Array.from(bytes));
            setTimeout(() => (ws.close(), resolve()), 800);
          };
        }),
      [`ws://127.0.0.1:${env.relay.server.port}/demo?token=${viewerToken}`, message] as const,
    );
    // 2. Put into the viewer's own replica, which its provider then sends.
    await vi.page.evaluate((bytes) => window.__wb?.wb.applyUpdate(Uint8Array.from(bytes), 'forged'), Array.from(update));

    // A real edit afterwards proves the editor's browser is listening.
    const { page } = ana;
    await page.evaluate(() => {
      const wb = window.__wb?.wb;
      const s = wb?.sheetByName('SWOT')?.id ?? '';
      wb?.setCell(s, wb.rowIds(s)[0] ?? '', wb.columnByName(s, 'Owner')?.id ?? '', 'Checked after the forgery');
    });
    await expect.poll(() => stored(vi.page, 'SWOT', 0, 'Owner')).toBe('Checked after the forgery');
    // The editor's browser and the relay agree once what the editor's app wrote last has gone
    // round (read both again until they do): neither holds the forgery.
    let anaAfter = await workbookJSON(ana.page);
    await expect
      .poll(async () => {
        const relay = await relayJSON();
        anaAfter = await workbookJSON(ana.page);
        return relay === JSON.stringify(anaAfter);
      })
      .toBe(true);
    expect(JSON.stringify(anaAfter)).not.toContain('FORGED');
    expect(anaAfter?.sheets.find((s) => s.name === 'Products')?.rows).toHaveLength(200);
    expect(env.relay.server.stdout()).toContain('viewer_write_dropped');
    // Still nothing after the relay reloads the workbook from its store.
    await restartRelay(env.relay);
    expect(await relayJSON()).toBe(JSON.stringify(anaAfter));
  });
});
