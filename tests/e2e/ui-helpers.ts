/** Helpers of the workbook UI browser tests: open the app, find cells as a person sees them, read the model. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchBrowser } from '../support/browser.ts';

/** The app's server and a Chromium, shared by the tests of one file. */
export interface TestEnv {
  server: AppServer;
  browser: Browser;
}

/**
 * Starts the server (`npm start` on a fresh data folder) and Chromium before the tests of the file
 * that calls this, and stops them after; the fields are set once the file's tests begin.
 */
export const appAndBrowser = (): TestEnv => {
  const env = {} as TestEnv;
  beforeAll(async () => {
    env.server = await startAppServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
};

/** A page of the app with what went wrong on it. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors. */
  errors: string[];
  /** alert()/confirm() dialogs that opened (an injected script would open one). */
  dialogs: string[];
}

/** Opens the app (example workbook, test hook on) in a new context of the given size. */
export const openApp = async (
  browser: Browser,
  server: AppServer,
  opts: { width?: number; height?: number; query?: string; context?: BrowserContext } = {},
): Promise<AppPage> => {
  const context =
    opts.context ?? (await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 } }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  // A step that cannot happen fails in seconds, not after the whole test's time.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url}/?test${opts.query ? `&${opts.query}` : ''}`);
  await page.locator('.ag-row[row-index="0"]').first().waitFor();
  return { page, context, errors, dialogs };
};

/** The grid cell at displayed row `row` (0-based) of column `colId`. */
export const cell = (page: Page, row: number, colId: string): Locator =>
  page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${colId}"]`);

/** What a cell shows. */
export const cellText = async (page: Page, row: number, colId: string): Promise<string> =>
  ((await cell(page, row, colId).textContent()) ?? '').trim();

/** The stored value of the model cell shown at displayed row `row` (read through the test hook). */
export const stored = (page: Page, row: number, colId: string): Promise<unknown> =>
  page.evaluate(
    ([r, c]) => {
      const h = window.__wb;
      const g = h?.app.grid();
      if (!h || !g) throw new Error('test hook missing');
      const rowId = g.rowIdAt(Number(r));
      return rowId ? h.wb.cell(g.sheetId, rowId, String(c)) : undefined;
    },
    [row, colId] as const,
  );

/** Clicks a cell (selecting it). */
export const clickCell = async (page: Page, row: number, colId: string): Promise<void> => {
  await cell(page, row, colId).click();
};

/** Selects a cell, types `text` into its editor and presses Enter. */
export const typeInto = async (page: Page, row: number, colId: string, text: string): Promise<void> => {
  await clickCell(page, row, colId);
  await page.keyboard.press('Enter');
  const input = page.locator('.wb-editor-open .wb-editor-input');
  await input.waitFor();
  await input.fill(text);
  await page.keyboard.press('Enter');
};

/** Waits until `fn` returns the expected value (a polled expectation). */
export const eventually = <T>(fn: () => Promise<T>, expected: T): Promise<void> => expect.poll(fn).toEqual(expected);

/** Opens a sheet by its tab text. */
export const openSheet = async (page: Page, name: string): Promise<void> => {
  await page.locator('.wb-tab', { hasText: name }).click();
  await page.locator('.ag-row[row-index="0"]').first().waitFor();
};

/** Text of the toasts on screen. */
export const toastText = async (page: Page): Promise<string> => (await page.locator('[data-testid="toast"]').allTextContents()).join('\n');
