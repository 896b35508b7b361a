/**
 * Four people in one workbook, in real Chromium over the real relay: two chose almost the same
 * orange and one the very same; everyone is shown in a colour of their own, the same one in every
 * browser, in the status bar and on the cell outline, and a reload changes none of it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { colorDistance, TOO_CLOSE } from '../../src/sync/presence-colors.ts';
import { demoUrl, gridCell, open, openSheet, person, relayAndBrowser, waitConnection, type Person } from './sync-helpers.ts';

const env = relayAndBrowser();
const people: Person[] = [];
// Bo's colour is the second orange an older palette offered; Cy chose Ana's very colour.
const CHOSEN = [
  ['Ana', '#d9480f'],
  ['Bo', '#e8590c'],
  ['Cy', '#d9480f'],
  ['Di', '#2b8a3e'],
] as const;

const hex = (rgb: string): string => {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(rgb);
  return m ? `#${m.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : rgb;
};

/** The colour of each person as this page shows them in the status bar, by user id. */
const colorsSeen = async (page: Page): Promise<Record<string, string>> => {
  const seen = await page.locator('[data-testid="peer"], [data-testid="me"]').evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-user') ?? '', getComputedStyle(el).backgroundColor] as const),
  );
  return Object.fromEntries(seen.map(([id, c]) => [id, hex(c)]).sort());
};

const allSee = async (): Promise<Record<string, string>[]> => Promise.all(people.map((p) => colorsSeen(p.page)));

beforeAll(async () => {
  for (const [name, color] of CHOSEN) people.push(await person(env.browser, name, color));
  for (const p of people) await open(p, demoUrl(env.relay, env.relay.editorToken));
  for (const p of people) {
    await waitConnection(p.page, 'online');
    await openSheet(p.page, 'Products');
  }
  for (const p of people) await p.page.waitForFunction(() => document.querySelectorAll('[data-testid="peer"]').length === 3, undefined, { timeout: 15_000 });
});

afterAll(async () => {
  for (const p of people) await p.context.close();
});

describe('colours of the people present', () => {
  let first: Record<string, string> = {};

  test('four people, two oranges alike and one the same: four colours far apart, the same in every browser', async () => {
    await expect.poll(async () => new Set((await allSee()).map((m) => JSON.stringify(m))).size, { timeout: 10_000 }).toBe(1);
    [first = {}] = await allSee();
    expect(Object.keys(first)).toEqual(['u-ana', 'u-bo', 'u-cy', 'u-di']);
    // The first (by id) of those who chose orange keeps it, and so does Di's green, chosen by no one else.
    expect(first['u-ana']).toBe('#d9480f');
    expect(first['u-di']).toBe('#2b8a3e');
    const colors = Object.values(first);
    for (let i = 0; i < colors.length; i++)
      for (let j = i + 1; j < colors.length; j++) expect(colorDistance(colors[i] ?? '', colors[j] ?? ''), `${colors[i]} vs ${colors[j]}`).toBeGreaterThanOrEqual(TOO_CLOSE);
    const bo = people[1];
    if (bo) await screenshot(bo.page, 'sync-presence-colors');
  });

  test('the cell a person is on is outlined in the colour they are shown in, in the others’ grids', async () => {
    const [ana, bo, cy] = people;
    if (!ana || !bo || !cy) throw new Error('people missing');
    await (await gridCell(bo.page, 'Products', 2, 'Name')).click();
    await (await gridCell(cy.page, 'Products', 4, 'Name')).click();
    for (const [viewer, who] of [[ana, 'u-bo'], [ana, 'u-cy'], [bo, 'u-cy']] as const) {
      const outline = viewer.page.locator(`[data-testid="peer-outline"][data-user="${who}"]`);
      await expect.poll(() => outline.count()).toBe(1);
      expect(hex(await outline.evaluate((el) => getComputedStyle(el).borderTopColor))).toBe(first[who]);
    }
  });

  test('a reload keeps every colour where it was', async () => {
    const bo = people[1];
    if (!bo) throw new Error('Bo missing');
    await bo.page.reload();
    await bo.page.locator('.ag-row[row-index="0"]').first().waitFor();
    await waitConnection(bo.page, 'online');
    await expect.poll(() => bo.page.getByTestId('peer').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(async () => (await allSee()).every((m) => JSON.stringify(m) === JSON.stringify(first)), { timeout: 10_000 }).toBe(true);
  });

  test('no page errors happened', () => {
    expect(people.flatMap((p) => p.errors)).toEqual([]);
    expect(people.flatMap((p) => p.dialogs)).toEqual([]);
  });
});
