/**
 * Undoing a vandal, in two browsers against the real relay (`npm start`): Mallory blanks cells and
 * deletes rows in hers; in the other, Ana opens Versions and
 * - reverts Mallory's changes since her moment: the confirmation counts what changes and lists the
 *   cell Ana fixed meanwhile, which keeps Ana's value; both browsers converge; Undo brings the
 *   damage back in both;
 * - restores the version from before Mallory: both browsers converge on it; Undo brings the
 *   damage back in both.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { converged, demoUrl, gridCell, open, openSheet, person, relayAndBrowser, typeInto, waitConnection, workbookJSON, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let mallory: Person;

/** The SKU and Name of each row of Products, as a page's model holds them. */
const products = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const wb = window.__wb?.wb;
    const sheet = wb?.sheetByName('Products')?.id ?? '';
    const [sku, name] = ['SKU', 'Name'].map((c) => wb?.columnByName(sheet, c)?.id ?? '');
    return (wb?.rowIds(sheet) ?? []).slice(0, 6).map((r) => `${String(wb?.cell(sheet, r, sku ?? ''))}|${String(wb?.cell(sheet, r, name ?? ''))}`);
  });

const bothShow = async (want: string[]): Promise<void> => {
  await expect.poll(() => products(ana.page)).toEqual(want);
  await expect.poll(() => products(mallory.page)).toEqual(want);
  await expect.poll(() => converged(ana, mallory)).toBe(true);
};

/** Mallory clears a cell (select, Delete) and deletes two rows from the row menu. */
const vandalize = async (cellRow: number, firstRow: number): Promise<void> => {
  const page = mallory.page;
  await (await gridCell(page, 'Products', cellRow, 'Name')).click({ position: { x: 8, y: 6 } });
  await page.keyboard.press('Delete');
  await page.locator(`.ag-row[row-index="${firstRow}"] .wb-rownum`).click();
  await page.locator(`.ag-row[row-index="${firstRow + 1}"] .wb-rownum`).click({ modifiers: ['Shift'] });
  await page.locator(`.ag-row[row-index="${firstRow}"] .wb-rownum`).click({ button: 'right' });
  await page.getByTestId('row-delete').click();
  // Inventory refers to these products: the delete asks first, and the vandal deletes anyway.
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete anyway' }).click();
};

/** Opens Versions in Ana's browser (reloading the list) and returns its entries. */
const versions = async () => {
  const page = ana.page;
  if ((await page.getByTestId('versions-panel').count()) === 0) await page.getByTestId('open-versions').click();
  else await page.getByTestId('versions-refresh').click();
  await page.getByTestId('versions-list').waitFor();
  return page.getByTestId('version');
};

/** The confirmation's lines of what changes, and of what is left alone. */
const confirmation = async (page: Page) => {
  const dialog = page.getByTestId('version-confirm');
  await dialog.waitFor();
  return { changes: await dialog.getByTestId('version-change').allTextContents(), skipped: await dialog.getByTestId('version-skipped').allTextContents() };
};

/** Clicks Undo in the toast that reported the action. */
const undoFromToast = async (page: Page): Promise<void> => {
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
};

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  mallory = await person(env.browser, 'Mallory', '#5f3dc4');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await open(mallory, demoUrl(env.relay, env.relay.editorToken));
  for (const p of [ana, mallory]) {
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
});

describe('a vandal in one browser, undone in the other', () => {
  let good: string[] = [];
  let goodWorkbook: unknown;

  test('Ana reverts Mallory’s changes since her moment; the cell Ana fixed meanwhile keeps Ana’s value; Undo brings the damage back', async () => {
    await typeInto(ana.page, 'Products', 0, 'Name', 'Ana’s mug');
    await expect.poll(() => converged(ana, mallory)).toBe(true);
    good = await products(ana.page);
    goodWorkbook = await workbookJSON(ana.page);

    await vandalize(1, 3);
    await typeInto(mallory.page, 'Products', 2, 'Name', 'junk');
    // Ana's browser shows the damage: row 2's name cleared, row 3's is junk, rows 4 and 5 gone.
    await expect.poll(() => products(ana.page).then((p) => [p[0], ['null', ''].includes(p[1]?.split('|')[1] ?? '?') ? 'cleared' : p[1], p[2], p[3]])).toEqual([
      good[0],
      'cleared',
      `${good[2]?.split('|')[0]}|junk`,
      good[5],
    ]);
    // Ana fixes one of the damaged cells herself before she notices the rest.
    await typeInto(ana.page, 'Products', 2, 'Name', 'Fixed by Ana');
    await expect.poll(() => converged(ana, mallory)).toBe(true);
    const beforeRevert = await products(ana.page);

    const entries = await versions();
    await expect.poll(() => entries.first().getAttribute('data-name')).toBe('Ana');
    const hers = ana.page.locator('[data-testid="version"][data-name="Mallory"]').first();
    await hers.getByTestId('version-revert').click();
    const asked = await confirmation(ana.page);
    expect(asked.changes).toEqual(['1 cell gets the earlier value', '2 rows come back']);
    expect(asked.skipped).toEqual(['Products, row 3, Name: someone else changed it since']);
    await screenshot(ana.page, 'versions-revert-confirm');
    await ana.page.getByTestId('version-confirm-go').click();

    const reverted = [...good.slice(0, 2), `${good[2]?.split('|')[0]}|Fixed by Ana`, ...good.slice(3)];
    await bothShow(reverted);
    await undoFromToast(ana.page);
    await bothShow(beforeRevert);
    expect([...ana.errors, ...mallory.errors]).toEqual([]);
  });

  test('Ana restores the version from before Mallory; both browsers show it; Undo brings the damage back', async () => {
    const beforeRestore = await products(ana.page);
    const entries = await versions();
    // Newest first: Ana (her fix, revert and undo), Mallory, Ana (her first edit), then the demo's creation.
    await expect.poll(() => entries.evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-name')))).toEqual(['Ana', 'Mallory', 'Ana']);
    await entries.nth(2).getByTestId('version-restore').click();
    const asked = await confirmation(ana.page);
    expect(asked.changes).toEqual(['2 cells change back', '2 rows come back']);
    await screenshot(ana.page, 'versions-restore-confirm');
    await ana.page.getByTestId('version-confirm-go').click();

    await bothShow(good);
    expect(await workbookJSON(mallory.page)).toEqual(goodWorkbook);
    await undoFromToast(ana.page);
    await bothShow(beforeRestore);
    expect([...ana.errors, ...mallory.errors]).toEqual([]);
  });

  test('a viewer sees the versions but no way to restore or revert', async () => {
    const res = await fetch(`${env.relay.server.url}/api/workbooks/demo/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${env.relay.editorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'viewer' }),
    });
    const { token } = (await res.json()) as { token: string };
    const viewer = await person(env.browser, 'Vic', '#2b8a3e');
    await open(viewer, demoUrl(env.relay, token));
    await waitConnection(viewer.page, 'online');
    await viewer.page.getByTestId('open-versions').click();
    await viewer.page.getByTestId('versions-list').waitFor();
    expect(await viewer.page.getByTestId('version').count()).toBeGreaterThan(3);
    expect(await viewer.page.getByTestId('version-restore').count()).toBe(0);
    expect(await viewer.page.getByTestId('version-revert').count()).toBe(0);
    await viewer.context.close();
  });
});
