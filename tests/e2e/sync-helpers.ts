/**
 * Helpers of the sync browser tests: the real relay (`npm start`, restartable on the same port and
 * data), people in their own browser contexts, and what their page shows and holds.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { CellValue, WorkbookJSON } from '../../src/schema/index.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';

/** The relay of a test file, with the editor token `npm start` printed on its first start. */
export interface TestRelay {
  server: AppServer;
  editorToken: string;
}

/** Starts `npm start` on a fresh data folder and takes the owner's token (it opens the demo too) from the link it wrote. */
export const startRelay = async (): Promise<TestRelay> => {
  const server = await startAppServer({ env: { ROOM_GRACE_MS: '500' } });
  const token = /#\/s\/team\?token=(\S+)/.exec(server.firstLink() ?? '')?.[1];
  if (!token) throw new Error(`npm start wrote no space link:\n${server.output()}`);
  return { server, editorToken: token };
};

/** The relay and a Chromium, shared by the tests of one file. */
export interface SyncEnv {
  relay: TestRelay;
  browser: Browser;
}

/** Starts the relay and Chromium before the tests of the calling file and stops them after. */
export const relayAndBrowser = (): SyncEnv => {
  const env = {} as SyncEnv;
  beforeAll(async () => {
    env.relay = await startRelay();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.relay?.server.stop();
  });
  return env;
};

/** Stops the relay (SIGTERM) and starts it again on the same port and data folder. */
export const restartRelay = async (relay: TestRelay, stopped?: () => Promise<void>): Promise<void> => {
  await relay.server.stop();
  await stopped?.();
  relay.server = await startAppServer({ port: relay.server.port, dataDir: relay.server.dataDir, env: { ROOM_GRACE_MS: '500' } });
};

/** A new token for the demo, made through the API with the editor token. */
export const newToken = async (relay: TestRelay, role: 'editor' | 'viewer'): Promise<string> => {
  const res = await fetch(`${relay.server.url}/api/workbooks/demo/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${relay.editorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  const body = (await res.json()) as { token: string };
  return body.token;
};

/** The address of the demo with a token, as a link carries it (the test hook on, to read the model). */
export const demoUrl = (relay: TestRelay, token: string): string => `${relay.server.url}/?test#/w/demo?token=${token}`;

/** A person: their context (browser profile), page, and what went wrong there. */
export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** alert/confirm/prompt dialogs that opened (merging must never ask anything). */
  dialogs: string[];
}

/** A person with a chosen name and colour (so the app does not ask), not yet on any page. */
export const person = async (browser: Browser, name: string, color: string): Promise<Person> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(
    ([n, c]) => localStorage.setItem('wb-identity', JSON.stringify({ id: `u-${n.toLowerCase()}`, name: n, color: c, chosen: true })),
    [name, color] as const,
  );
  await returningTo(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A relay that is down or a network that is off makes the browser log failed connections.
    if (m.type() === 'error' && !/WebSocket|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { context, page, errors, dialogs };
};

/**
 * The people of these tests have had each workbook they open before, on its first sheet: a first
 * visit opens a workbook with a dashboard on the dashboard (tests/e2e/ui-dashboard.test.ts), and
 * these tests start from the grid. The workbook is the one the address names.
 */
export const returningTo = async (context: BrowserContext): Promise<void> => {
  await context.addInitScript(() => {
    const id = /^#\/w\/([^?]+)/.exec(location.hash)?.[1];
    const key = id === undefined ? undefined : `wb-active:${decodeURIComponent(id)}`;
    if (key && !localStorage.getItem(key)) localStorage.setItem(key, 'first sheet');
  });
};

/** Opens `url` and waits for the grid's first rows. */
export const open = async (p: Person, url: string): Promise<void> => {
  await p.page.goto(url);
  await p.page.locator('.ag-row[row-index="0"]').first().waitFor();
};

/** Resolves once the page is controlled by the service worker (the app is cached for offline use). */
export const offlineReady = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

/** The connection state the status bar shows. */
export const connection = (page: Page): Promise<string | null> => page.getByTestId('connection').getAttribute('data-state');

/** Waits until the status bar shows `state` (usable in set-up hooks, unlike expect.poll). */
export const waitConnection = async (page: Page, state: string, timeout = 20_000): Promise<void> => {
  await page.waitForFunction((s) => document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === s, state, { timeout });
};

/** The count of edits not on the server yet, as the status bar shows it. */
export const pending = async (page: Page): Promise<number> => Number(await page.getByTestId('pending').getAttribute('data-count'));

/** Opens a sheet by its tab. */
export const openSheet = async (page: Page, name: string): Promise<void> => {
  await page.locator('.wb-tab', { hasText: name }).first().click();
  await page.locator('.ag-row[row-index="0"]').first().waitFor();
};

/** Ids of a sheet and its column, by name (read through the test hook). */
export const ids = (page: Page, sheet: string, column: string): Promise<{ sheetId: string; colId: string }> =>
  page.evaluate(
    ([s, c]) => {
      const wb = window.__wb?.wb;
      const sheetId = wb?.sheetByName(s)?.id ?? '';
      return { sheetId, colId: wb?.columnByName(sheetId, c)?.id ?? '' };
    },
    [sheet, column] as const,
  );

/** The grid cell shown at row `row` of the column named `column` on the open sheet, scrolled into view. */
export const gridCell = async (page: Page, sheet: string, row: number, column: string) => {
  const { colId } = await ids(page, sheet, column);
  // The grid renders only the rows on screen.
  await page.evaluate(
    ([r, c]) => {
      const api = window.__wb?.app.grid()?.api;
      api?.ensureIndexVisible(r);
      api?.ensureColumnVisible(c);
    },
    [row, colId] as const,
  );
  return page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${colId}"]`);
};

/** Types `text` into a cell of the open sheet, as a person does (select, Enter, type, Enter). */
export const typeInto = async (page: Page, sheet: string, row: number, column: string, text: string): Promise<void> => {
  // Near the cell's top edge: a row at the very bottom is partly under the grid's scrollbar.
  await (await gridCell(page, sheet, row, column)).click({ position: { x: 8, y: 6 } });
  await page.keyboard.press('Enter');
  const input = page.locator('.wb-editor-open .wb-editor-input');
  await input.waitFor();
  await input.fill(text);
  await page.keyboard.press('Enter');
};

/** The stored value of a cell (by the row's position in the sheet's own order). */
export const stored = (page: Page, sheet: string, row: number, column: string): Promise<CellValue | undefined> =>
  page.evaluate(
    ([s, r, c]) => {
      const wb = window.__wb?.wb;
      const sheetId = wb?.sheetByName(s)?.id ?? '';
      const rowId = wb?.rowIds(sheetId)[r];
      const colId = wb?.columnByName(sheetId, c)?.id ?? '';
      return rowId ? wb?.cell(sheetId, rowId, colId) : undefined;
    },
    [sheet, row, column] as const,
  );

/** The whole workbook as the page's model holds it. */
export const workbookJSON = (page: Page): Promise<WorkbookJSON | undefined> => page.evaluate(() => window.__wb?.wb.toJSON());

/** What the person's browser says was saved on this device. */
export const savedState = (page: Page): Promise<string | null> => page.getByTestId('saved').getAttribute('data-state');

/** True once both people's pages hold the same workbook (both read afresh on every poll). */
export const converged = async (a: Person, b: Person): Promise<boolean> =>
  JSON.stringify(await workbookJSON(a.page)) === JSON.stringify(await workbookJSON(b.page));

/**
 * Whether all of an element's text can be read: nothing cut off or scrolled inside it, and the
 * whole element inside the window (not pushed past its edge).
 */
export const fullyShown = (loc: Locator): Promise<boolean> =>
  loc.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const w = document.documentElement.clientWidth;
    const h = document.documentElement.clientHeight;
    const inWindow = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= w + 0.5 && r.bottom <= h + 0.5;
    return inWindow && el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight;
  });
