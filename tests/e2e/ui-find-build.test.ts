/**
 * Find on a big workbook, in real Chromium: the find bar reads the workbook in the background and
 * says how far it is; the page answers keystrokes while it reads; matches found so far show at
 * once and are completed by themselves; closed and opened again, the bar searches at once, edits
 * made while it was closed included. Sheets not on screen are searched in the person's saved view
 * of them (sort and filter); matches in rows a filter hides are counted apart.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, openApp } from './ui-helpers.ts';

const env = appAndBrowser();
/** 100k rows × 10 columns: 1M cells, seconds of formatting when read at once. */
const ROWS = 100_000;

/** Starts noting, in the page, whether the find bar's progress line ever shows from now on. */
const watchProgress = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const w = window as unknown as { __progressSeen: boolean };
    w.__progressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="find-progress"]')) w.__progressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
const progressSeen = (page: Page): Promise<boolean> => page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen);

describe('find on a big workbook', () => {
  test('reads in the background with progress, answers keystrokes meanwhile, completes by itself; reopened, finds at once', async () => {
    const { page, errors } = await openApp(env.browser, env.server, { query: `bench=${ROWS}` });
    const input = page.getByTestId('find-input');
    const count = page.getByTestId('find-count');
    await page.locator('.ag-row[row-index="0"] .ag-cell').first().click();
    await page.keyboard.press('Control+F');
    await input.waitFor();
    await expect.poll(() => page.getByTestId('find-progress').textContent(), { timeout: 5000, interval: 20 }).toMatch(/^Reading the workbook… \d+ %$/);

    // Typed while the workbook is read: each keystroke reaches the box at once (a page reading
    // 600k cells in one go would hold it for seconds).
    let slowest = 0;
    for (const key of 'Product 1234') {
      const t0 = Date.now();
      await input.press(key === ' ' ? 'Space' : key);
      slowest = Math.max(slowest, Date.now() - t0);
    }
    expect(await input.inputValue()).toBe('Product 1234');
    expect(slowest).toBeLessThan(1000);
    expect(await page.getByTestId('find-progress').count()).toBe(1);
    // The matches read so far (Name is the second column read) show, marked as incomplete.
    await expect.poll(() => count.textContent(), { timeout: 5000, interval: 20 }).toMatch(/^1 of 11 so far…$/);
    // Read whole: the same search, complete, without typing again.
    await expect.poll(() => page.getByTestId('find-progress').count(), { timeout: 90_000 }).toBe(0);
    await expect.poll(() => count.textContent()).toBe('1 of 11');

    // Closed; a teammate-like edit while closed; opened again: no reading, results at once.
    await input.press('Escape');
    expect(await page.getByTestId('find-bar').count()).toBe(0);
    await page.evaluate(() => {
      const h = window.__wb;
      if (!h) throw new Error('test hook missing');
      const wb = h.wb;
      const sheet = wb.sheets()[0]?.id ?? '';
      const name = wb.columnByName(sheet, 'Name')?.id ?? '';
      wb.setCell(sheet, wb.rowIds(sheet)[7] ?? '', name, 'Product 1234 spare');
    });
    await watchProgress(page);
    await page.keyboard.press('Control+F');
    await input.waitFor();
    await input.fill('Product 1234');
    await expect.poll(() => count.textContent(), { timeout: 3000 }).toBe('1 of 12');
    expect(await progressSeen(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('another sheet is searched in the person\'s saved sort; matches in rows their filter hides are counted, not visited', async () => {
    const { page, errors } = await openApp(env.browser, env.server, { query: 'bench=200' });
    // A sheet a teammate added, and this person's view of it saved earlier: most units first, more than 10 only.
    await page.evaluate(() => {
      const h = window.__wb;
      if (!h) throw new Error('test hook missing');
      const wb = h.wb;
      const notes = wb.addSheet({ id: 'notes', name: 'Notes', columns: [{ name: 'Note', type: 'text' }, { name: 'Units', type: 'integer' }] });
      const cols = wb.columns(notes).map((c) => c.id);
      wb.appendRows(notes, cols, [['tea A', 5], ['tea B', 50], ['tea C', 20], ['tea D', 1], ['tea E', 30], ['coffee', 40]]);
      const units = cols[1] ?? '';
      localStorage.setItem(`wb-view:${h.app.workbookKey}:notes`, JSON.stringify({ sort: [{ colId: units, sort: 'desc' }], filters: { [units]: { op: 'greater', value: 10 } } }));
    });
    await page.locator('.ag-row[row-index="0"] .ag-cell').first().click();
    await page.keyboard.press('Control+F');
    await page.getByTestId('find-input').fill('tea');
    const count = page.getByTestId('find-count');
    await expect.poll(() => count.textContent()).toBe('1 of 3 (+2 in rows a filter hides)');
    expect((await page.getByTestId('find-sheet').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['Notes 3 +2 hidden']);
    const activeRef = async (): Promise<string> => ((await page.getByTestId('fbar-ref').textContent()) ?? '').trim();
    // In the order the person sees Notes: B (50), coffee (40), E (30), C (20); A and D are hidden by the filter.
    await expect.poll(activeRef).toBe('Note · 1');
    const shownNotes = await page.evaluate(() => {
      const h = window.__wb;
      const g = h?.app.grid();
      if (!h || !g) return [];
      const note = h.wb.columnByName('notes', 'Note')?.id ?? '';
      return Array.from({ length: g.displayedRowCount() }, (_, i) => String(h.wb.cell('notes', g.rowIdAt(i) ?? '', note)));
    });
    expect(shownNotes).toEqual(['tea B', 'coffee', 'tea E', 'tea C']);
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(activeRef).toBe('Note · 3');
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(activeRef).toBe('Note · 4');
    await page.getByTestId('find-input').press('Enter');
    await expect.poll(activeRef).toBe('Note · 1');
    await expect.poll(() => count.textContent()).toBe('1 of 3 (+2 in rows a filter hides)');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
