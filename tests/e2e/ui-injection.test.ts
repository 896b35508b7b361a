/** Nothing a person types is ever read as HTML: a sheet, a column and a cell named like an image tag stay text everywhere. */
import { beforeAll, expect, test } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, clickCell, eventually, openApp, type AppPage } from './ui-helpers.ts';

const EVIL = '<img src=x onerror=alert(1)>';

const env = appAndBrowser();
let app: AppPage;

beforeAll(async () => {
  app = await openApp(env.browser, env.server);
});

test('injection: a sheet, a column, a cell and the workbook named <img src=x onerror=alert(1)> show that text and run nothing', async () => {
  const { page } = app;

  // The sheet, renamed from its tab.
  await page.locator('.wb-tab', { hasText: 'Products' }).dblclick();
  await page.locator('.wb-tab-input').fill(EVIL);
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.wb-tab-on .wb-tab-name').textContent(), EVIL);

  // The column, renamed from its menu.
  await page.locator('.ag-header-cell[col-id="name"]').hover();
  await page.locator('.ag-header-cell[col-id="name"] .wb-hdr-menu').click();
  await page.getByTestId('col-rename').click();
  await page.getByTestId('prompt-dialog').locator('input').fill(EVIL);
  await page.keyboard.press('Enter');
  await eventually(() => page.locator('.ag-header-cell[col-id="name"] .wb-hdr-name').textContent(), EVIL);

  // A cell, typed in.
  await clickCell(page, 0, 'name');
  await page.keyboard.press('Enter');
  await page.locator('.wb-editor-open .wb-editor-input').fill(EVIL);
  await page.keyboard.press('Enter');
  await eventually(() => cellText(page, 0, 'name'), EVIL);

  // The workbook.
  await page.getByTestId('workbook-name').click();
  await page.locator('.wb-name-input').fill(EVIL);
  await page.keyboard.press('Enter');
  await eventually(() => page.getByTestId('workbook-name').textContent(), EVIL);

  // The formula bar and the header's hover text show it as text.
  await clickCell(page, 0, 'name');
  await eventually(() => page.getByTestId('formula-bar').inputValue(), EVIL);
  await eventually(() => page.getByTestId('fbar-ref').textContent(), `${EVIL} · 1`);
  expect(await page.locator('.ag-header-cell[col-id="name"] .wb-hdr').getAttribute('title')).toBe(`${EVIL} · Text`);

  // A dialog and a toast quoting the names show them as text too.
  await page.locator('.wb-tab-on .wb-tab-menu').click();
  await page.getByTestId('tab-delete').click();
  await eventually(() => page.getByTestId('confirm-dialog').locator('h2').textContent(), `Delete the sheet “${EVIL}”?`);
  await screenshot(page, 'ui-injection-dialog');
  await page.keyboard.press('Escape');

  // Copying the cell puts the text itself on the clipboard.
  await clickCell(page, 0, 'name');
  await page.keyboard.press('Control+C');
  await eventually(() => page.evaluate(() => navigator.clipboard.readText()), EVIL);

  // While the column is dragged, AG Grid's drag ghost shows its name as text as well.
  const header = await page.locator('.ag-header-cell[col-id="name"] .wb-hdr-name').boundingBox();
  if (!header) throw new Error('header not on screen');
  await page.mouse.move(header.x + 10, header.y + 5);
  await page.mouse.down();
  await page.mouse.move(header.x + 200, header.y + 5, { steps: 6 });
  expect(await page.locator('.ag-dnd-ghost').textContent()).toContain(EVIL);
  expect(await page.locator('img').count()).toBe(0);
  await page.mouse.up();

  await screenshot(page, 'ui-injection');
  expect(await page.locator('.wb-app img, .wb-menu img, .wb-dialog img, [data-testid="toast"] img').count()).toBe(0);
  expect(await cell(page, 0, 'name').locator('img').count()).toBe(0);
  expect(app.dialogs).toEqual([]);
  expect(app.errors).toEqual([]);
});
