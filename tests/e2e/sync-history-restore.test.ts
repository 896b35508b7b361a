/**
 * Cell history in real Chromium over the real relay: an editor restores an old value (one edit that
 * Undo takes back, which reaches a teammate), the panel stands beside the column it describes
 * rather than over it, and a viewer sees the history without a way to restore.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { demoUrl, gridCell, newToken, open, openSheet, person, relayAndBrowser, stored, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let vi: Person;

const openHistory = async (page: Page, row: number, column: string): Promise<void> => {
  await (await gridCell(page, 'Products', row, column)).click({ button: 'right', position: { x: 8, y: 6 } });
  await page.getByTestId('cell-history').click();
  await page.getByTestId('history-panel').waitFor();
};

const closeHistory = (page: Page) => page.getByTestId('history-panel').getByRole('button', { name: 'Close' }).click();

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  vi = await person(env.browser, 'Vi', '#2b8a3e');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await open(vi, demoUrl(env.relay, await newToken(env.relay, 'viewer')));
  for (const p of [ana, vi]) {
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
});

describe('cell history', () => {
  test('the panel opens beside the column it describes, even the right-most one on screen', async () => {
    const { page } = ana;
    // The right-most column wholly on screen before the panel opens.
    const colId = await page.evaluate(() => {
      const grid = document.querySelector('[data-testid="sheet-grid"]')?.getBoundingClientRect();
      const cells = [...document.querySelectorAll<HTMLElement>('.ag-row[row-index="1"] .ag-cell[col-id]')];
      const inside = cells.filter((c) => grid && c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().right <= grid.right - 16);
      inside.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
      return inside[0]?.getAttribute('col-id') ?? '';
    });
    expect(colId).not.toBe('');
    const cell = page.locator(`.ag-row[row-index="1"] .ag-cell[col-id="${colId}"]`);
    await cell.click({ button: 'right', position: { x: 8, y: 6 } });
    await page.getByTestId('cell-history').click();
    const panel = page.getByTestId('history-panel');
    await panel.waitFor();
    const apart = async () => {
      const [c, p, body] = [await cell.boundingBox(), await panel.boundingBox(), await page.getByTestId('sheet-grid').boundingBox()];
      return !!c && !!p && !!body && c.x >= body.x - 1 && c.x + c.width <= p.x + 1 && c.x + c.width <= body.x + body.width + 1;
    };
    await expect.poll(apart, { timeout: 3000 }).toBe(true);
    await screenshot(page, 'sync-history-beside');
    await closeHistory(page);
  });

  test('“Restore this value” writes the old value back as one edit that Undo takes back; a teammate sees it', async () => {
    const { page } = ana;
    await typeInto(page, 'Products', 0, 'Name', 'First name');
    await typeInto(page, 'Products', 0, 'Name', 'Second name');
    await openHistory(page, 0, 'Name');
    const entry = page.locator('[data-testid="history-entry"]', { hasText: 'First name' });
    await expect.poll(() => entry.count()).toBe(1);
    // The value in the cell now has nothing to restore.
    expect(await page.locator('[data-testid="history-entry"]', { hasText: 'Second name' }).first().getByTestId('history-restore').count()).toBe(0);
    await entry.getByTestId('history-restore').click();
    await expect.poll(() => stored(page, 'Products', 0, 'Name')).toBe('First name');
    await expect.poll(() => stored(vi.page, 'Products', 0, 'Name')).toBe('First name');
    expect(await page.getByTestId('toast').allTextContents()).toContainEqual(expect.stringContaining('Undo takes it back'));
    // The restore is now the cell's newest entry, and Undo takes it back in one step.
    await expect.poll(() => page.locator('.wb-history-now', { hasText: 'First name' }).count()).toBe(1);
    await (await gridCell(page, 'Products', 0, 'Name')).click({ position: { x: 8, y: 6 } });
    await page.keyboard.press('Control+Z');
    await expect.poll(() => stored(page, 'Products', 0, 'Name')).toBe('Second name');
    await expect.poll(() => stored(vi.page, 'Products', 0, 'Name')).toBe('Second name');
    await closeHistory(page);
  });

  test('a viewer sees the history but no way to restore', async () => {
    const { page } = vi;
    await openHistory(page, 0, 'Name');
    await expect.poll(() => page.locator('[data-testid="history-entry"]', { hasText: 'First name' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('history-entry').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('history-restore').count()).toBe(0);
    await closeHistory(page);
  });

  test('no page errors happened', () => {
    expect([...ana.errors, ...vi.errors]).toEqual([]);
    expect([...ana.dialogs, ...vi.dialogs]).toEqual([]);
  });
});
