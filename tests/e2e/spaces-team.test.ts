/**
 * Team spaces in real Chromium, the parts owners and members change while others have pages open:
 * an owner demotes an editor whose workbook is open (the page turns read-only with a notice; the
 * edit they made meanwhile stays on their device and reaches the relay when they are promoted
 * again, the page editable again); an owner renames the space and withdraws an invite, a member
 * renames themself, each seen on the others' space pages without a reload.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loadWorkbook } from '../../server/store/stored-workbook.ts';
import { withTestStore } from '../integration/relay/fixtures.ts';
import { screenshot } from '../support/browser.ts';
import { fullyShown, offlineReady, openSheet, pending, person, relayAndBrowser, stored, typeInto, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
let owner: Person;
let eddie: Person;
let eddieId = '';
let eddieToken = '';

const api = async (path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${env.relay.server.url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** The demo's Products › Name of row `row` as the relay stores it. */
const onRelay = (row: number): Promise<unknown> =>
  withTestStore(env.relay.server.dataDir, async (store) => {
    const wb = await loadWorkbook(store, 'demo');
    const sheet = wb.sheetByName('Products')?.id ?? '';
    const rowId = wb.rowIds(sheet)[row] ?? '';
    return wb.cell(sheet, rowId, wb.columnByName(sheet, 'Name')?.id ?? '');
  });

const readOnly = (page: Page): Promise<boolean | undefined> => page.evaluate(() => window.__wb?.wb.readOnly);

beforeAll(async () => {
  owner = await person(env.browser, 'Olga', '#d9480f');
  eddie = await person(env.browser, 'Eddie', '#2b8a3e');
  const made = await api('/spaces/team/invites', env.relay.editorToken, { method: 'POST', body: { role: 'editor' } });
  const invite = decodeURIComponent(new URL(String(made.body.url)).hash.replace(/^#\/join\/team\?invite=/, ''));
  const res = await fetch(`${env.relay.server.url}/api/invites/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ invite, name: 'Eddie' }) });
  const joined = (await res.json()) as { token: string; member: { id: string } };
  eddieToken = joined.token;
  eddieId = joined.member.id;
});
afterAll(async () => {
  for (const p of [owner, eddie]) expect(p?.errors ?? []).toEqual([]);
});

describe('a role changed while the page is open', () => {
  test('a demoted editor’s open page turns read-only with a notice; the edit made meanwhile is kept and sent once they are an editor again', async () => {
    const { page } = eddie;
    await page.goto(`${env.relay.server.url}/?test#/w/demo?token=${eddieToken}`);
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(page, 'online');
    await openSheet(page, 'Products');
    expect(await readOnly(page)).toBe(false);

    // Offline, Eddie edits; meanwhile an owner makes Eddie a viewer. (The app is kept for offline
    // use first: the cell editor's code loads on the first edit, from the service worker's cache.)
    await offlineReady(page);
    await eddie.context.setOffline(true);
    await waitConnection(page, 'offline');
    await typeInto(page, 'Products', 0, 'Name', 'Edited before the demotion');
    expect((await api(`/spaces/team/members/${eddieId}`, env.relay.editorToken, { method: 'PATCH', body: { role: 'viewer' } })).status).toBe(200);
    await eddie.context.setOffline(false);

    // The page learns the new role when it reconnects and opens again read-only, saying so.
    await page.getByTestId('role-notice').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('role-notice').getAttribute('data-role')).toBe('viewer');
    await expect.poll(() => page.getByTestId('role-notice').textContent()).toContain('1 edit you made before the change did not reach the server');
    expect(await readOnly(page)).toBe(true);
    expect(await stored(page, 'Products', 0, 'Name')).toBe('Edited before the demotion');
    expect(await pending(page)).toBe(1);
    expect(await onRelay(0)).not.toBe('Edited before the demotion');
    await screenshot(page, 'spaces-role-demoted');
    // The notice is read in full in the status bar at 1280 px, in English and in Chinese, and the
    // rest of the bar stays in view.
    for (const language of ['en', 'zh-CN']) {
      await page.getByTestId('language').selectOption(language);
      await expect.poll(() => page.getByTestId('role-notice').textContent()).toContain(language === 'en' ? 'made you a viewer' : '改为查看者');
      expect(await fullyShown(page.getByTestId('role-notice'))).toBe(true);
      expect(await fullyShown(page.getByTestId('share'))).toBe(true);
    }
    await screenshot(page, 'spaces-role-demoted-zh');
    await page.getByTestId('language').selectOption('en');

    // Made an editor again: the page turns editable and the kept edit reaches the relay.
    expect((await api(`/spaces/team/members/${eddieId}`, env.relay.editorToken, { method: 'PATCH', body: { role: 'editor' } })).status).toBe(200);
    await expect.poll(() => page.getByTestId('role-notice').getAttribute('data-role'), { timeout: 20_000 }).toBe('editor');
    expect(await readOnly(page)).toBe(false);
    await expect.poll(() => onRelay(0), { timeout: 15_000 }).toBe('Edited before the demotion');
    await expect.poll(() => pending(page)).toBe(0);
  });
});

describe('names and invites, seen by the others', () => {
  test('an owner renames the space and withdraws an invite; a member renames themself; the other pages show it without a reload', async () => {
    await owner.page.goto(`${env.relay.server.url}/?test#/s/team?token=${env.relay.editorToken}`);
    await eddie.page.goto(`${env.relay.server.url}/?test#/s/team?token=${eddieToken}`);
    for (const p of [owner.page, eddie.page]) await expect.poll(() => p.getByTestId('space-page').getAttribute('data-role')).not.toBe('');

    // The space's new name.
    await owner.page.getByTestId('space-rename-space').click();
    await owner.page.getByTestId('space-rename-space-input').fill('Lumen Outdoor');
    await owner.page.getByTestId('space-rename-space-save').click();
    await expect.poll(() => owner.page.getByTestId('space-name').textContent()).toBe('Lumen Outdoor');
    await expect.poll(() => eddie.page.getByTestId('space-name').textContent(), { timeout: 15_000 }).toBe('Lumen Outdoor');

    // Eddie's new name, in the owner's members list.
    await eddie.page.getByTestId('space-rename-me').click();
    await eddie.page.getByTestId('space-rename-me-input').fill('Eddie Chen');
    await eddie.page.getByTestId('space-rename-me-save').click();
    await expect.poll(() => eddie.page.getByTestId('space-you').textContent()).toContain('Eddie Chen');
    const eddieRow = owner.page.locator(`[data-testid="member-item"][data-id="${eddieId}"]`);
    await expect.poll(() => eddieRow.getAttribute('data-name'), { timeout: 15_000 }).toBe('Eddie Chen');

    // An owner renames a member too.
    await eddieRow.getByTestId('member-rename').click();
    await eddieRow.getByTestId('member-rename-input').fill('E. Chen');
    await eddieRow.getByTestId('member-rename-save').click();
    await expect.poll(() => eddieRow.getAttribute('data-name')).toBe('E. Chen');
    await expect.poll(() => eddie.page.getByTestId('space-you').textContent(), { timeout: 15_000 }).toContain('E. Chen');

    // An invite is listed until it is withdrawn; its link then makes nobody a member.
    await owner.page.getByTestId('invite-viewer').click();
    const link = await owner.page.getByTestId('invite-link').inputValue();
    const item = owner.page.locator('[data-testid="invite-item"][data-role="viewer"]');
    await expect.poll(() => item.count()).toBe(1);
    await screenshot(owner.page, 'spaces-invites-and-names');
    await item.getByTestId('invite-revoke').click();
    await expect.poll(() => item.count()).toBe(0);
    const invite = decodeURIComponent(new URL(link).hash.replace(/^#\/join\/team\?invite=/, ''));
    const res = await fetch(`${env.relay.server.url}/api/invites/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ invite, name: 'Late' }) });
    expect(res.status).toBe(401);
  });
});
