/**
 * The formula attacks of issue 16 in real Chromium against the real relay (`npm start`): typed by a
 * person, and written straight into the document by a client that runs no checks (a stock
 * y-websocket client with the editor token). Each is answered with an error value on screen, the
 * main thread is never blocked for a second (long tasks, as Chromium reports them), and no page
 * error happens.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Workbook } from '../../src/model/index.ts';
import { screenshot } from '../support/browser.ts';
import { addChain, addDeepColumn, deepFormula, NESTED_PARENS, NESTED_SUBSTITUTE } from '../support/formula-attacks.ts';
import { connectClient, type RelayClient } from '../support/relay-clients.ts';
import { demoUrl, gridCell, ids, open, openSheet, person, relayAndBrowser, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const DEPTH = 'more than 100 levels deep';

const env = relayAndBrowser();
let ana: Person;
let peer: RelayClient;

/** The longest task that blocked the page's main thread since the last call, in ms (Chromium's long-task timing). */
const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    const longest = w.__longest;
    w.__longest = 0;
    return longest;
  });

/** What a cell shows, and the message its tooltip gives on hover. */
const shown = async (page: Page, sheet: string, row: number, column: string): Promise<string> =>
  ((await (await gridCell(page, sheet, row, column)).textContent()) ?? '').trim();
const tooltip = async (page: Page, sheet: string, row: number, column: string): Promise<string> => {
  await (await gridCell(page, sheet, row, column)).hover();
  return (await page.getByTestId('cell-tooltip').textContent()) ?? '';
};

/** Writes into the shared document as the peer, which checks nothing (the relay passes it on to the page). */
const asPeer = (write: (wb: Workbook) => void): void => write(peer.wb());

/** Starts editing a column's formula from its header menu. */
const editColumnFormula = async (page: Page, sheet: string, column: string): Promise<void> => {
  const { colId } = await ids(page, sheet, column);
  await gridCell(page, sheet, 0, column); // scrolls the column into view
  await page.locator(`.ag-header-cell[col-id="${colId}"]`).hover();
  await page.locator(`.ag-header-cell[col-id="${colId}"] .wb-hdr-menu`).click();
  await page.getByTestId('col-formula').click();
};

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  await ana.context.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await waitConnection(ana.page, 'online');
  peer = connectClient(env.relay.server.port, 'demo', env.relay.editorToken);
  await peer.synced();
});

afterAll(() => {
  peer?.destroy();
});

describe('formula attacks typed by a person', () => {
  test('attack: 1,000 nested parentheses and a 3,000-level column formula are refused in the formula bar and a cell, saying the limit', async () => {
    const { page } = ana;
    await openSheet(page, 'Products');
    const { sheetId, colId } = await ids(page, 'Products', 'Margin %');
    const before = await page.evaluate(([s, c]) => window.__wb?.wb.column(s, c)?.formula, [sheetId, colId] as const);
    // A cell of a formula column selected, the formula bar edits the column's formula.
    await (await gridCell(page, 'Products', 0, 'Margin %')).click();
    const bar = page.getByTestId('formula-bar');
    // 3,000 levels take 18,007 characters: over the length limit before the depth.
    for (const [text, why] of [[NESTED_PARENS, DEPTH], [deepFormula(3000, '[Cost]'), 'this formula is 18,007 characters long; at most 8,192 are allowed']] as const) {
      await bar.fill(text);
      await expect.poll(() => page.getByTestId('formula-problem').textContent()).toContain(why);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('formula-problem').textContent()).toContain(why);
    }
    await screenshot(page, 'formula-limits-refused');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(([s, c]) => window.__wb?.wb.column(s, c)?.formula, [sheetId, colId] as const)).toBe(before);

    await typeInto(page, 'Products', 0, 'Cost', NESTED_PARENS);
    await expect.poll(() => page.locator('.wb-editor-error').textContent()).toContain(DEPTH);
    await page.keyboard.press('Escape');
    expect(await longestTask(page)).toBeLessThan(1000);
  });

  test('attack: nested SUBSTITUTE typed in a cell shows #VALUE! with the text limit on hover, at once', async () => {
    const { page } = ana;
    await longestTask(page);
    await typeInto(page, 'Products', 0, 'Name', NESTED_SUBSTITUTE);
    await expect.poll(() => shown(page, 'Products', 0, 'Name')).toBe('#VALUE!');
    await expect.poll(() => tooltip(page, 'Products', 0, 'Name')).toContain('at most 32,767 are allowed');
    expect(await longestTask(page)).toBeLessThan(1000);
  });

  test('attack: the formula of a 10,000-row lookup chain, typed in its column, gives #N/A in every row', async () => {
    const { page } = ana;
    asPeer((wb) => {
      wb.addSheet({ id: 'lookups', name: 'Lookups', columns: [{ id: 'n', name: 'N', type: 'integer' }, { id: 'v', name: 'V', type: 'number' }] });
      wb.appendRows('lookups', ['n'], Array.from({ length: 10_000 }, (_, i) => [i + 1]));
    });
    await expect.poll(() => page.locator('.wb-tab', { hasText: 'Lookups' }).count()).toBe(1);
    await openSheet(page, 'Lookups');
    await longestTask(page);
    await editColumnFormula(page, 'Lookups', 'V');
    await page.getByTestId('formula-bar').fill('=XLOOKUP([N] - 1, Lookups[N], Lookups[V]) + 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page, 'Lookups', 0, 'V')).toBe('#N/A');
    await expect.poll(() => shown(page, 'Lookups', 9999, 'V')).toBe('#N/A');
    expect(await longestTask(page)).toBeLessThan(1000);
  });
});

describe('formula attacks written into the document by another client', () => {
  test('attack: a 3,000-level column formula, cell formulas 1,000 deep and of nested SUBSTITUTE, and a 10,000-row chain that loops show error values', async () => {
    const { page } = ana;
    await longestTask(page);
    asPeer((wb) => {
      addDeepColumn(wb);
      const products = wb.sheetByName('Products')?.id ?? '';
      const rows = wb.rowIds(products);
      wb.setCell(products, rows[1] ?? '', wb.columnByName(products, 'Cost')?.id ?? '', { f: NESTED_PARENS });
      wb.setCell(products, rows[2] ?? '', wb.columnByName(products, 'Name')?.id ?? '', { f: NESTED_SUBSTITUTE });
      addChain(wb, 'cycle');
    });
    await expect.poll(() => page.locator('.wb-tab', { hasText: 'Chain' }).count()).toBe(1);

    await openSheet(page, 'Products');
    await expect.poll(() => shown(page, 'Products', 1, 'Cost')).toBe('#VALUE!');
    await expect.poll(() => tooltip(page, 'Products', 1, 'Cost')).toContain(DEPTH);
    await expect.poll(() => shown(page, 'Products', 2, 'Name')).toBe('#VALUE!');
    await expect.poll(() => tooltip(page, 'Products', 2, 'Name')).toContain('at most 32,767 are allowed');

    await openSheet(page, 'Deep');
    await expect.poll(() => shown(page, 'Deep', 0, 'Deeper')).toBe('#VALUE!');
    await expect.poll(() => tooltip(page, 'Deep', 2, 'Deeper')).toContain(DEPTH);
    // The formula bar shows the formula as stored: it cannot be read as names.
    await (await gridCell(page, 'Deep', 0, 'Deeper')).click();
    await expect.poll(async () => (await page.getByTestId('formula-bar').inputValue()).length).toBeGreaterThan(15_000);
    await screenshot(page, 'formula-limits-deep');

    await openSheet(page, 'Chain');
    await expect.poll(() => shown(page, 'Chain', 0, 'V')).toBe('#CYCLE!');
    await expect.poll(() => shown(page, 'Chain', 9999, 'V')).toBe('#CYCLE!');
    await expect.poll(() => tooltip(page, 'Chain', 0, 'V')).toContain('circular reference');
    expect(await longestTask(page)).toBeLessThan(1000);
  });

  test('the Functions help states the limits', async () => {
    const { page } = ana;
    await page.getByTestId('open-help').click();
    await expect.poll(() => page.getByTestId('help-limits').textContent()).toContain(
      'a formula has at most 8,192 characters and 100 levels of parentheses, functions and operators inside one another; a text it makes has at most 32,767 characters',
    );
    await page.getByTestId('open-help').click();
  });

  test('no page errors happened', () => {
    expect(ana.errors).toEqual([]);
    expect(ana.dialogs).toEqual([]);
  });
});
