/**
 * Rules people put on columns, in real Chromium against the real relay: Ana adds one from the
 * column menu and the matching cells take its colour, with its message on hover; Bo, on the same
 * relay, sees it live and changes it; removing it and undoing the removal reach both; a formula
 * that does not give TRUE or FALSE is refused as typed; a viewer sees the rules but cannot change them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { demoUrl, gridCell, ids, newToken, open, openSheet, pending, person, relayAndBrowser, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let ana: Person;
let bo: Person;
let vi: Person;
/** Rows of Products the test looks at, and the Cost of each. */
const ROWS = [0, 1, 2, 3, 4, 5];
let costs: number[] = [];
let threshold = 0;

beforeAll(async () => {
  ana = await person(env.browser, 'Ana', '#d9480f');
  bo = await person(env.browser, 'Bo', '#2b8a3e');
  vi = await person(env.browser, 'Vi', '#5f3dc4');
  await open(ana, demoUrl(env.relay, env.relay.editorToken));
  await open(bo, demoUrl(env.relay, env.relay.editorToken));
  await open(vi, demoUrl(env.relay, await newToken(env.relay, 'viewer')));
  for (const p of [ana, bo, vi]) {
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
  costs = await ana.page.evaluate((rows) => {
    const wb = window.__wb?.wb;
    const sheetId = wb?.sheetByName('Products')?.id ?? '';
    const colId = wb?.columnByName(sheetId, 'Cost')?.id ?? '';
    const rowIds = wb?.rowIds(sheetId) ?? [];
    return rows.map((r) => Number(wb?.cell(sheetId, rowIds[r] ?? '', colId)));
  }, ROWS);
  // A threshold some of the rows are above and some below.
  threshold = [...costs].sort((a, b) => a - b)[3] ?? 0;
});

/** The rule colour each looked-at Cost cell shows in `page` (`-` for none). */
const colours = async (page: Page): Promise<string[]> => {
  const out: string[] = [];
  for (const r of ROWS) {
    const cell = await gridCell(page, 'Products', r, 'Cost');
    const cls = (await cell.getAttribute('class')) ?? '';
    out.push(/wb-rule-(\w+)/.exec(cls)?.[1] ?? '-');
  }
  return out;
};
const expected = (colour: string): string[] => costs.map((c) => (c >= threshold ? colour : '-'));

const openRules = async (page: Page): Promise<void> => {
  const { colId } = await ids(page, 'Products', 'Cost');
  await page.locator(`.ag-header-cell[col-id="${colId}"]`).hover();
  await page.locator(`.ag-header-cell[col-id="${colId}"] .wb-hdr-menu`).click();
  await page.getByTestId('col-rules').click();
  await page.getByTestId('rules-dialog').waitFor();
};
/** The rules the dialog lists whose text has `text` (the demo's Cost column also has the template's alerts). */
const ruleItems = (page: Page, text: string) => page.getByTestId('rules-dialog').getByTestId('rule-item').filter({ hasText: text });

describe('rules on a column', () => {
  test('Ana adds a rule: the matching cells take its colour and say its message on hover; Bo sees it live', async () => {
    await openRules(ana.page);
    const dlg = ana.page.getByTestId('rules-dialog');
    await dlg.getByTestId('rule-op').selectOption('>=');
    await dlg.getByTestId('rule-value').fill(`¥${threshold}`);
    await dlg.getByTestId('rule-color-red').check();
    await dlg.getByTestId('rule-message').fill('Expensive to buy');
    await screenshot(ana.page, 'rules-dialog');
    await dlg.getByTestId('rule-save').click();
    await expect.poll(() => ruleItems(ana.page, 'Expensive to buy').count()).toBe(1);
    expect(await ruleItems(ana.page, 'Expensive to buy').textContent()).toContain(`is at least ${threshold}`);
    // The template's alerts on the column are listed too, marked as such, not editable.
    expect(await ruleItems(ana.page, 'Template alert').count()).toBeGreaterThan(0);
    expect(await ruleItems(ana.page, 'Template alert').getByTestId('rule-edit').count()).toBe(0);
    await ana.page.keyboard.press('Escape');

    expect(expected('red')).toContain('red');
    expect(expected('red')).toContain('-');
    await expect.poll(() => colours(ana.page)).toEqual(expected('red'));
    await expect.poll(() => colours(bo.page)).toEqual(expected('red'));
    await screenshot(bo.page, 'rules-colours');

    const hit = ROWS[costs.findIndex((c) => c >= threshold)] ?? 0;
    await (await gridCell(bo.page, 'Products', hit, 'Cost')).hover();
    await expect.poll(() => bo.page.getByTestId('cell-tooltip').textContent()).toContain('Alert: Expensive to buy');
    await expect.poll(() => pending(ana.page)).toBe(0);
  });

  test('a condition that is not TRUE or FALSE is refused as typed, with the checker\'s reason, and nothing changes', async () => {
    await openRules(bo.page);
    const dlg = bo.page.getByTestId('rules-dialog');
    await dlg.getByTestId('rule-op').selectOption('formula');
    await dlg.getByTestId('rule-formula').fill('=[Cost] * 2');
    await dlg.getByTestId('rule-save').click();
    await expect.poll(() => dlg.getByTestId('rule-problem').textContent()).toContain("a rule's condition must give TRUE or FALSE, not currency");
    await dlg.getByTestId('rule-formula').fill('=[Cost] + [Name]');
    await dlg.getByTestId('rule-save').click();
    await expect.poll(() => dlg.getByTestId('rule-problem').textContent()).toContain('cannot add currency and text');
    expect(await ruleItems(bo.page, 'Expensive to buy').count()).toBe(1);
    expect(await bo.page.evaluate(() => window.__wb?.wb.toJSON().sheets.flatMap((s) => s.rules).filter((r) => r.color).length)).toBe(1);
    await bo.page.keyboard.press('Escape');
  });

  test('in 简体中文 the dialog and the checker\'s refusal are in Chinese', async () => {
    await bo.page.getByTestId('language').selectOption('zh-CN');
    const { colId } = await ids(bo.page, 'Products', 'Cost');
    await bo.page.locator(`.ag-header-cell[col-id="${colId}"]`).hover();
    await bo.page.locator(`.ag-header-cell[col-id="${colId}"] .wb-hdr-menu`).click();
    expect(await bo.page.getByTestId('col-rules').textContent()).toBe('规则…');
    await bo.page.getByTestId('col-rules').click();
    const dlg = bo.page.getByTestId('rules-dialog');
    expect(await dlg.getByRole('heading').first().textContent()).toBe('“成本”的规则');
    await dlg.getByTestId('rule-op').selectOption('formula');
    await dlg.getByTestId('rule-formula').fill('=[成本] * 2');
    await dlg.getByTestId('rule-save').click();
    await expect.poll(() => dlg.getByTestId('rule-problem').textContent()).toBe('规则的条件必须得出 TRUE 或 FALSE，而不是金额；请写成比较，例如 [库存] < 10');
    await screenshot(bo.page, 'rules-dialog-zh');
    await bo.page.keyboard.press('Escape');
    await bo.page.getByTestId('language').selectOption('en');
  });

  test('Bo changes the rule (colour and message): Ana sees the new colour live', async () => {
    await openRules(bo.page);
    const dlg = bo.page.getByTestId('rules-dialog');
    await ruleItems(bo.page, 'Expensive to buy').getByTestId('rule-edit').click();
    expect(await dlg.getByTestId('rule-op').inputValue()).toBe('>=');
    expect(await dlg.getByTestId('rule-value').inputValue()).toBe(String(threshold));
    await dlg.getByTestId('rule-color-blue').check();
    await dlg.getByTestId('rule-message').fill('Check the supplier');
    await dlg.getByTestId('rule-save').click();
    await expect.poll(() => ruleItems(bo.page, 'Check the supplier').count()).toBe(1);
    expect(await ruleItems(bo.page, 'Expensive to buy').count()).toBe(0);
    await bo.page.keyboard.press('Escape');
    await expect.poll(() => colours(ana.page)).toEqual(expected('blue'));
    await expect.poll(() => colours(bo.page)).toEqual(expected('blue'));
  });

  test('a viewer sees the rule and its colours, but the dialog offers no way to change it', async () => {
    await expect.poll(() => colours(vi.page)).toEqual(expected('blue'));
    await openRules(vi.page);
    await expect.poll(() => ruleItems(vi.page, 'Check the supplier').count()).toBe(1);
    expect(await vi.page.getByTestId('rules-read-only').textContent()).toBe('View only: rules cannot be changed.');
    for (const id of ['rule-edit', 'rule-remove', 'rule-form', 'rule-save']) expect(await vi.page.getByTestId('rules-dialog').getByTestId(id).count()).toBe(0);
    await screenshot(vi.page, 'rules-viewer');
    await vi.page.keyboard.press('Escape');
  });

  test('Ana removes the rule: the colours go in both browsers; Undo brings it back in both', async () => {
    await openRules(ana.page);
    await ruleItems(ana.page, 'Check the supplier').getByTestId('rule-remove').click();
    await expect.poll(() => ruleItems(ana.page, 'Check the supplier').count()).toBe(0);
    await ana.page.keyboard.press('Escape');
    const none = ROWS.map(() => '-');
    await expect.poll(() => colours(ana.page)).toEqual(none);
    await expect.poll(() => colours(bo.page)).toEqual(none);
    await expect.poll(() => colours(vi.page)).toEqual(none);

    await ana.page.locator('[data-testid="toast"]', { hasText: 'Rule removed.' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => colours(ana.page)).toEqual(expected('blue'));
    await expect.poll(() => colours(bo.page)).toEqual(expected('blue'));
    await expect.poll(() => colours(vi.page)).toEqual(expected('blue'));
    for (const p of [ana, bo, vi]) expect(p.errors).toEqual([]);
  });
});
