/**
 * A team's first minutes in real Chromium against the real relay (`npm start`): the owner opens the
 * printed link, creates "Plan 2027" from the template and invites an editor and a viewer by link;
 * the editor (a second browser profile) finds it in the space and edits it live; the viewer sees it
 * and can neither create nor edit; the owner removes the editor, whose open page loses access
 * within a second; a local-only workbook with 50 edits moves into the space with its cell
 * history; a deleted workbook comes back from the trash with its content.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cellHistory } from '../../src/model/history.ts';
import { loadWorkbook } from '../../server/store/stored-workbook.ts';
import { withTestStore } from '../integration/relay/fixtures.ts';
import { screenshot } from '../support/browser.ts';
import { person, relayAndBrowser, savedState, stored, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let owner: Person;
let editor: Person;
let viewer: Person;
let planId = '';
let editorInvite = '';
let viewerInvite = '';

beforeAll(async () => {
  owner = await person(env.browser, 'Olga', '#d9480f');
  editor = await person(env.browser, 'Eddie', '#2b8a3e');
  viewer = await person(env.browser, 'Vic', '#5f3dc4');
});
afterAll(async () => {
  for (const p of [owner, editor, viewer]) expect(p?.errors ?? []).toEqual([]);
});

/** The names the space page lists, in order. */
const listed = async (page: Page): Promise<string[]> => (await page.getByTestId('space-open').allTextContents()).map((t) => t.trim());

/** Goes to a space's page (the test hook on, so workbooks opened from it expose their model). */
const toSpace = async (page: Page): Promise<void> => {
  await page.goto(`${env.relay.server.url}/?test#/s/team`);
  await page.getByTestId('space-page').waitFor();
  await expect.poll(() => page.getByTestId('space-page').getAttribute('data-role')).not.toBe('');
};

const item = (page: Page, name: string) => page.getByTestId('space-item').filter({ has: page.getByTestId('space-open').getByText(name, { exact: true }) });

/** Joins the space with an invite link, as the person whose page it is. */
const join = async (p: Person, link: string): Promise<void> => {
  await p.page.goto(link);
  await p.page.getByTestId('join-page').waitFor();
  await p.page.getByTestId('join-submit').click();
  await p.page.getByTestId('space-page').waitFor();
};

describe('a new team’s first minutes', () => {
  test('the owner opens the printed link, creates “Plan 2027” from the template and invites an editor and a viewer', async () => {
    const printed = env.relay.server.firstLink() ?? '';
    expect(printed).toMatch(/\/#\/s\/team\?token=owb_/);
    const { page } = owner;
    await page.goto(printed.replace('/#/', '/?test#/'));
    await page.getByTestId('space-page').waitFor();
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByTestId('space-you').textContent()).toBe('You are Owner, owner of this space.');
    expect(await listed(page)).toEqual(['Demo shop — ops plan']);
    await page.getByTestId('space-new-name').fill('Plan 2027');
    await page.getByTestId('space-new-ops').click();
    await page.locator('.wb-tab', { hasText: 'Products' }).waitFor();
    await waitConnection(page, 'online');
    planId = decodeURIComponent(/#\/w\/([^?]+)/.exec(page.url())?.[1] ?? '');
    expect(planId).not.toBe('');

    await toSpace(page);
    expect(await listed(page)).toEqual(['Plan 2027', 'Demo shop — ops plan']);
    expect(await item(page, 'Plan 2027').getByTestId('space-meta').textContent()).toMatch(/by Owner · \d+ KB$/);
    await page.getByTestId('invite-editor').click();
    editorInvite = await page.getByTestId('invite-link').inputValue();
    await page.getByTestId('invite-viewer').click();
    await expect.poll(() => page.getByTestId('invite-link').getAttribute('data-role')).toBe('viewer');
    viewerInvite = await page.getByTestId('invite-link').inputValue();
    expect(editorInvite).toMatch(/\/#\/join\/team\?invite=owb_/);
    expect(viewerInvite).not.toBe(editorInvite);
    await screenshot(page, 'space-owner');
  });

  test('the editor joins, finds “Plan 2027” in the list, and edits it live with the owner', async () => {
    await join(editor, editorInvite.replace('/#/', '/?test#/'));
    const { page } = editor;
    await expect.poll(() => page.getByTestId('space-you').textContent()).toBe('You are Eddie, editor of this space.');
    await expect.poll(() => listed(page)).toContain('Plan 2027');
    await item(page, 'Plan 2027').getByTestId('space-open').click();
    await page.locator('.wb-tab', { hasText: 'Products' }).click();
    await waitConnection(page, 'online');

    await owner.page.goto(`${env.relay.server.url}/?test#/w/${planId}`);
    await owner.page.locator('.wb-tab', { hasText: 'Products' }).click();
    await waitConnection(owner.page, 'online');
    // The template's sheets start empty: a row first, then a cell typed as a person types it.
    await page.evaluate(() => {
      const wb = window.__wb?.wb;
      const sheet = wb?.sheetByName('Products')?.id ?? '';
      wb?.insertRows(sheet, { values: [{}] });
    });
    await typeInto(page, 'Products', 0, 'Name', 'Trail shoe');
    await expect.poll(() => stored(owner.page, 'Products', 0, 'Name')).toBe('Trail shoe');
  });

  test('the viewer joins, sees the workbook, and can neither create nor edit', async () => {
    await join(viewer, viewerInvite.replace('/#/', '/?test#/'));
    const { page } = viewer;
    await expect.poll(() => page.getByTestId('space-you').textContent()).toBe('You are Vic, viewer of this space.');
    await expect.poll(() => listed(page)).toContain('Plan 2027');
    expect(await page.getByTestId('space-new-ops').count()).toBe(0);
    expect(await page.getByTestId('space-trash').count()).toBe(0);
    await item(page, 'Plan 2027').getByTestId('space-open').click();
    await waitConnection(page, 'online');
    expect(await page.getByTestId('view-only').textContent()).toBe('View only');
    await page.locator('.wb-tab', { hasText: 'Products' }).click();
    await expect.poll(() => stored(page, 'Products', 0, 'Name')).toBe('Trail shoe');
  });

  test('the owner removes the editor: the editor’s open page loses access within a second', async () => {
    await toSpace(owner.page);
    const eddie = owner.page.getByTestId('member-item').filter({ hasText: 'Eddie' });
    await eddie.getByTestId('member-remove').click();
    const confirm = owner.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove' });
    const started = Date.now();
    await confirm.click();
    await waitConnection(editor.page, 'denied', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect.poll(() => owner.page.getByTestId('member-item').allTextContents()).not.toContain(expect.stringContaining('Eddie'));
    await screenshot(editor.page, 'space-editor-removed');
  });

  test('a local-only workbook with 50 edits moves into the space and keeps its cell history', async () => {
    const { page } = owner;
    await page.goto(`${env.relay.server.url}/?test#/`);
    await page.getByTestId('new-blank').click();
    await page.waitForFunction(() => window.__wb !== undefined && location.hash.startsWith('#/w/local-'));
    const where = await page.evaluate(() => {
      const wb = window.__wb?.wb;
      if (!wb) return null;
      wb.setSettings({ name: 'Local notes' });
      const sheet = wb.sheets()[0]?.id ?? '';
      const col = wb.columns(sheet)[0]?.id ?? '';
      if (wb.rowIds(sheet).length === 0) wb.insertRows(sheet, { values: [{}] });
      const row = wb.rowIds(sheet)[0] ?? '';
      for (let i = 1; i <= 50; i++) wb.setCell(sheet, row, col, `edit ${i}`);
      return { sheet, row, col, id: location.hash };
    });
    expect(where).not.toBeNull();
    const localId = decodeURIComponent(/#\/w\/([^?]+)/.exec(where?.id ?? '')?.[1] ?? '');
    expect(localId).toMatch(/^local-/);
    // Stored in this browser before the page is left.
    await expect.poll(() => savedState(page)).toBe('saved');

    await toSpace(page);
    const local = page.locator(`[data-testid="space-local-item"][data-id="${localId}"]`);
    await local.getByTestId('space-move-in').click();
    await expect.poll(() => page.getByTestId('space-message').textContent()).toBe('“Local notes” is now in the space, with its whole history.');
    await expect.poll(() => listed(page)).toContain('Local notes');
    const history = await withTestStore(env.relay.server.dataDir, async (store) => {
      const wb = await loadWorkbook(store, localId);
      return cellHistory(wb, where?.sheet ?? '', where?.row ?? '', where?.col ?? '');
    });
    // Every one of the 50 writes, by its writer (written in the same milliseconds: their order is the log's own).
    const edits = history.filter((h) => h.kind === 'edit');
    expect(edits.map((h) => String(h.value)).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `edit ${i + 1}`).sort());
    expect(new Set(edits.map((h) => h.userName))).toEqual(new Set(['Olga']));
    expect(edits.find((h) => h.current)?.value).toBe('edit 50');
    // The viewer opens it from the space and sees the same history.
    await toSpace(viewer.page);
    await item(viewer.page, 'Local notes').getByTestId('space-open').click();
    await waitConnection(viewer.page, 'online');
    const seen = await viewer.page.evaluate(([s, r, c]) => window.__wb?.wb.cell(s, r, c), [where?.sheet ?? '', where?.row ?? '', where?.col ?? ''] as const);
    expect(seen).toBe('edit 50');
  });

  test('a deleted workbook is restored from the trash with its content', async () => {
    const { page } = owner;
    await toSpace(page);
    await item(page, 'Plan 2027').getByTestId('space-trash').click();
    await expect.poll(() => listed(page)).not.toContain('Plan 2027');
    await page.getByTestId('space-trash-section').locator('summary').click();
    const trashed = page.getByTestId('space-trash-item').filter({ hasText: 'Plan 2027' });
    expect(await trashed.textContent()).toMatch(/deleted for good on/);
    await screenshot(page, 'space-trash');
    await trashed.getByTestId('space-restore').click();
    await expect.poll(() => listed(page)).toContain('Plan 2027');
    await item(page, 'Plan 2027').getByTestId('space-open').click();
    await page.locator('.wb-tab', { hasText: 'Products' }).click();
    await waitConnection(page, 'online');
    await expect.poll(() => stored(page, 'Products', 0, 'Name')).toBe('Trail shoe');
  });

  test('search and sort the list', async () => {
    const { page } = owner;
    await toSpace(page);
    await page.getByTestId('space-sort').selectOption('name');
    expect(await listed(page)).toEqual(['Demo shop — ops plan', 'Local notes', 'Plan 2027']);
    await page.getByTestId('space-search').fill('plan 20');
    expect(await listed(page)).toEqual(['Plan 2027']);
    await page.getByTestId('space-search').fill('nothing like this');
    expect(await page.getByTestId('space-list').textContent()).toBe('No workbook matches the search.');
  });

  test('a space at its quota refuses a new workbook with a sentence, and makes nothing', async () => {
    const { page } = owner;
    await withTestStore(env.relay.server.dataDir, (store) => store.catalog.setQuota('team', { workbooks: 3 }));
    await toSpace(page);
    await page.getByTestId('space-new-name').fill('One too many');
    await page.getByTestId('space-new-blank').click();
    await expect.poll(() => page.getByTestId('space-message').textContent()).toContain('This space may hold 3 workbooks (the trash included) and has 3');
    expect(await listed(page)).not.toContain('One too many');
  });
});
