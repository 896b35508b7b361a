/**
 * Typed dates follow the workbook's regional format (Settings), the same for the grid and the
 * formula bar; a date that reads both ways is shown back with its other reading and a button
 * that switches it, which Undo takes back.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, clickCell, eventually, openApp, stored, toastText, typeInto, type AppPage } from './ui-helpers.ts';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

const chooseRegion = async (page: Page, region: string) => {
  await page.getByTestId('open-settings').click();
  const dialog = page.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-region').selectOption(region);
  const note = await dialog.getByTestId('settings-region-note').textContent();
  await dialog.getByTestId('settings-save').click();
  await dialog.waitFor({ state: 'detached' });
  return note;
};

describe('dates typed in the workbook regional format', () => {
  test('US (the default of an English workbook): 10/01/2027 is 1 October, with "did you mean 10 Jan?" and a switch that Undo takes back', async () => {
    const { page } = app;
    await typeInto(page, 0, 'launch', '10/01/2027');
    await eventually(() => stored(page, 0, 'launch'), '2027-10-01');
    await expect.poll(() => toastText(page)).toContain('1 Oct 2027 — did you mean 10 Jan?');
    await screenshot(page, 'ui-date-did-you-mean');
    await page.locator('[data-testid="toast"] .wb-toast-action', { hasText: 'Use 10 Jan 2027' }).click();
    await eventually(() => stored(page, 0, 'launch'), '2027-01-10');
    await clickCell(page, 0, 'name');
    await page.keyboard.press('Control+Z');
    await eventually(() => stored(page, 0, 'launch'), '2027-10-01');
    // A date that reads one way only says nothing more.
    await typeInto(page, 1, 'launch', '10/13/2027');
    await eventually(() => stored(page, 1, 'launch'), '2027-10-13');
    expect(await toastText(page)).not.toContain('did you mean 13');
  });

  test('British: the same text is 10 January, in the grid and in the formula bar, offering 1 October', async () => {
    const { page } = app;
    expect(await chooseRegion(page, 'en-GB')).toContain('day/month/year');
    await typeInto(page, 2, 'launch', '10/01/2027');
    await eventually(() => stored(page, 2, 'launch'), '2027-01-10');
    await expect.poll(() => toastText(page)).toContain('10 Jan 2027 — did you mean 1 Oct?');
    await clickCell(page, 3, 'launch');
    const bar = page.getByTestId('formula-bar');
    await bar.click();
    await bar.fill('05/03/2027');
    await page.keyboard.press('Enter');
    await eventually(() => stored(page, 3, 'launch'), '2027-03-05');
    await expect.poll(() => toastText(page)).toContain('5 Mar 2027 — did you mean 3 May?');
  });

  test('Chinese (China): year first; 10/01/2027 is refused with how to write it, 2027年10月1日 is taken', async () => {
    const { page } = app;
    await chooseRegion(page, 'zh-CN');
    await typeInto(page, 4, 'launch', '2027年10月1日');
    await eventually(() => stored(page, 4, 'launch'), '2027-10-01');
    await typeInto(page, 5, 'launch', '10/01/2027');
    await expect.poll(() => page.locator('.wb-editor-error').textContent()).toContain('is not a date');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__wb?.wb.settings.region)).toBe('zh-CN');
  });
});

describe('ambiguous dates in a paste', () => {
  let fresh: AppPage;
  const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const launches = (page: Page) => Promise.all([0, 1, 2].map((r) => stored(page, r, 'launch')));
  const pasteAt = async (page: Page, text: string) => {
    await setClipboard(page, text);
    await clickCell(page, 0, 'launch');
    await page.keyboard.press('Control+V');
  };

  beforeAll(async () => {
    fresh = await openApp(env.browser, env.server);
  });

  test('the toast says how many were read which way, with an example; one click switches exactly those, Undo takes it back', async () => {
    const { page } = fresh;
    await pasteAt(page, '10/01/2027\n10/13/2027\n05/06/2027\n');
    await eventually(() => launches(page), ['2027-10-01', '2027-10-13', '2027-05-06']);
    await expect.poll(() => toastText(page)).toContain('2 dates read month first, e.g. 10/01/2027 → 1 Oct 2027 — did you mean 10 Jan?');
    await screenshot(page, 'ui-paste-dates-did-you-mean');
    await page.locator('[data-testid="toast"] .wb-toast-action', { hasText: 'Read both day first' }).click();
    await eventually(() => launches(page), ['2027-01-10', '2027-10-13', '2027-06-05']);
    await expect.poll(() => toastText(page)).toContain('2 pasted dates now read day first');
    await clickCell(page, 0, 'name');
    await page.keyboard.press('Control+Z');
    await eventually(() => launches(page), ['2027-10-01', '2027-10-13', '2027-05-06']);
  });

  test('when one of them was edited since the paste, the switch refuses and changes nothing', async () => {
    const { page } = fresh;
    await pasteAt(page, '03/04/2027\n04/03/2027\n');
    await eventually(() => Promise.all([0, 1].map((r) => stored(page, r, 'launch'))), ['2027-03-04', '2027-04-03']);
    const action = page.locator('[data-testid="toast"] .wb-toast-action', { hasText: 'Read both day first' });
    await action.waitFor();
    await typeInto(page, 1, 'launch', '2027-12-24');
    await eventually(() => stored(page, 1, 'launch'), '2027-12-24');
    await action.click();
    await expect.poll(() => toastText(page)).toContain('1 of the 2 pasted dates changed since the paste, so none was switched');
    expect(await stored(page, 0, 'launch')).toBe('2027-03-04');
  });

  test('in 简体中文 the note and its switch are Chinese', async () => {
    const { page } = fresh;
    await page.getByTestId('language').selectOption('zh-CN');
    await pasteAt(page, '10/01/2027\n');
    await expect.poll(() => toastText(page)).toContain('1 个日期按“月/日”顺序读取，例如 10/01/2027 → 2027年10月1日——是否是指 1月10日？');
    await screenshot(page, 'ui-paste-dates-zh');
    await page.locator('[data-testid="toast"] .wb-toast-action', { hasText: '改按“日/月”读取' }).click();
    await eventually(() => stored(page, 0, 'launch'), '2027-01-10');
    expect(fresh.errors).toEqual([]);
  });
});
