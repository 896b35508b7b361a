/**
 * Charts in Chromium: a template's chart appears with its sheet, follows an edit made in the app and
 * one arriving from another replica, saves as PNG, and a new chart is checked as it is defined.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { screenshot, SCREENSHOTS } from '../support/browser.ts';
import { appAndBrowser, cellText, eventually, typeInto, type AppPage } from './ui-helpers.ts';
import { chartCard, chartDrawn, chartRows, columnId, openCharts, openDemo, revealColumn } from './view-helpers.ts';

const env = appAndBrowser();

const GMV = 'GMV: target vs actual';

describe('a template’s chart', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openDemo(env.browser, env.server);
  });
  afterAll(() => app.context.close());

  test('appears with the Campaigns sheet: one bar pair per campaign, drawn', async () => {
    const { page } = app;
    await openCharts(page, 'Campaigns');
    const chart = chartCard(page, GMV);
    await chart.waitFor();
    await expect.poll(() => chartDrawn(chart)).toBe(true);
    const rows = await chartRows(chart);
    expect(Object.keys(rows)).toHaveLength(20);
    const first = await cellText(page, 0, await columnId(page, 'Campaigns', 'Campaign'));
    const targetCol = await columnId(page, 'Campaigns', 'Target GMV');
    await revealColumn(page, targetCol);
    expect(rows[first]?.[0]).toBe(await cellText(page, 0, targetCol));
    await screenshot(page, 'charts-campaigns-panel');
  });

  test('changes after an edit in the grid', async () => {
    const { page } = app;
    const target = await columnId(page, 'Campaigns', 'Target GMV');
    const first = await cellText(page, 0, await columnId(page, 'Campaigns', 'Campaign'));
    await revealColumn(page, target);
    await typeInto(page, 0, target, '123456');
    await eventually(async () => (await chartRows(chartCard(page, GMV)))[first]?.[0], '¥123,456');
  });

  test('changes after an update from another replica of the workbook (a collaborator’s edit)', async () => {
    const { page } = app;
    const { name, local } = await page.evaluate(() => {
      const hook = window.__wb;
      if (!hook) throw new Error('test hook missing');
      const { wb } = hook;
      const sheet = wb.sheetByName('Campaigns')?.id ?? '';
      const target = wb.columnByName(sheet, 'Target GMV')?.id ?? '';
      const nameCol = wb.columnByName(sheet, 'Campaign')?.id ?? '';
      const row = wb.rowIds(sheet)[1] ?? '';
      // A second replica: loaded from this one's state, edited there, its update applied here as a peer's.
      const Replica = wb.constructor as unknown as { load: (u: Uint8Array) => typeof wb };
      const peer = Replica.load(wb.encode());
      peer.setCell(sheet, row, target, 777777);
      let local: boolean | undefined;
      const off = wb.onChange((c) => (local = c.local));
      wb.applyUpdate(peer.encode(), 'remote');
      off();
      return { name: String(wb.cell(sheet, row, nameCol)), local };
    });
    expect(local).toBe(false);
    await eventually(async () => (await chartRows(chartCard(page, GMV)))[name]?.[0], '¥777,777');
    await screenshot(page, 'charts-after-remote-edit');
  });

  test('saves as a PNG named after the chart', async () => {
    const { page } = app;
    const chart = chartCard(page, GMV);
    await chart.getByTestId('chart-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-png').click()]);
    expect(download.suggestedFilename()).toBe('GMV- target vs actual.png');
    const path = await download.path();
    expect(path).toBeTruthy();
    const png = readFileSync(path);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width and height from the IHDR chunk: the chart's size plus the title band.
    expect(png.readUInt32BE(16)).toBeGreaterThan(300);
    expect(png.readUInt32BE(20)).toBeGreaterThan(200);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'charts-saved.png'), png);
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('adding a chart', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openDemo(env.browser, env.server);
  });
  afterAll(() => app.context.close());

  test('a series over a text column is refused with a sentence naming it; counting it is taken', async () => {
    const { page } = app;
    const panel = await openCharts(page, 'Campaigns');
    await panel.getByTestId('add-chart').click();
    const dialog = page.getByTestId('chart-dialog');
    await dialog.getByTestId('chart-x').selectOption({ label: 'Channel' });
    await dialog.getByTestId('series-column').selectOption({ label: 'Campaign' });
    await eventually(
      () => dialog.getByTestId('chart-problem-text').textContent(),
      'The series “Campaign” is a text column: only number, currency and percent columns can be plotted; count it instead, or choose another column.',
    );
    expect(await dialog.getByTestId('chart-save').isDisabled()).toBe(true);
    await screenshot(page, 'charts-dialog-refused');
    await dialog.getByTestId('series-aggregate').selectOption('count');
    await eventually(() => dialog.getByTestId('chart-problem-text').count(), 0);
    expect(await dialog.getByTestId('chart-title').inputValue()).toBe('Count of Campaign by Channel');
    await dialog.getByTestId('chart-kind').selectOption('doughnut');
    await dialog.getByTestId('chart-pin').check();
    await dialog.getByTestId('chart-save').click();
    const chart = chartCard(page, 'Count of Campaign by Channel');
    await expect.poll(() => chartDrawn(chart)).toBe(true);
    // The demo runs five campaigns on each of its four channels.
    expect(await chartRows(chart)).toEqual({ App: ['5'], Web: ['5'], 'Mini program': ['5'], Livestream: ['5'] });
    expect(await page.evaluate(() => window.__wb?.wb.dashboard().length)).toBe(5);
    await screenshot(page, 'charts-doughnut-added');
  });

  test('a filter and two series, edited later; undo takes the edit back', async () => {
    const { page } = app;
    await page.getByTestId('add-chart').click();
    const dialog = page.getByTestId('chart-dialog');
    await dialog.getByTestId('chart-x').selectOption({ label: 'Category' });
    await dialog.getByTestId('series-column').selectOption({ label: 'Budget' });
    await dialog.getByTestId('add-series').click();
    await dialog.getByTestId('series-column').nth(1).selectOption({ label: 'Target GMV' });
    await dialog.getByTestId('series-aggregate').nth(1).selectOption('max');
    await dialog.getByTestId('chart-filter-column').selectOption({ label: 'Only rows where Channel' });
    await dialog.getByTestId('chart-filter-op').selectOption('anyOf');
    await dialog.getByLabel('App', { exact: true }).check();
    await dialog.getByTestId('chart-title').fill('App budgets');
    await dialog.getByTestId('chart-save').click();
    const chart = chartCard(page, 'App budgets');
    await expect.poll(() => chartDrawn(chart)).toBe(true);
    const rows = await chartRows(chart);
    expect(Object.keys(rows).length).toBeLessThanOrEqual(5);
    expect(Object.values(rows).every((v) => v.length === 2)).toBe(true);
    await chart.getByTestId('chart-menu').click();
    await page.getByTestId('chart-edit').click();
    await page.getByTestId('chart-dialog').getByTestId('chart-kind').selectOption('combo');
    await page.getByTestId('chart-dialog').getByTestId('chart-save').click();
    await eventually(() => page.evaluate(() => window.__wb?.wb.sheets().flatMap((s) => window.__wb?.wb.charts(s.id) ?? []).find((c) => c.title === 'App budgets')?.kind), 'combo');
    await screenshot(page, 'charts-combo');
    await page.keyboard.press('Control+z');
    await eventually(() => page.evaluate(() => window.__wb?.wb.sheets().flatMap((s) => window.__wb?.wb.charts(s.id) ?? []).find((c) => c.title === 'App budgets')?.kind), 'bar');
  });

  test('in Chinese, template charts carry their Chinese titles', async () => {
    const { page } = app;
    await page.getByTestId('language').selectOption('zh-CN');
    await chartCard(page, 'GMV：目标与实际').waitFor();
    await expect.poll(() => chartDrawn(chartCard(page, 'GMV：目标与实际'))).toBe(true);
    await screenshot(page, 'charts-zh-CN');
    await page.getByTestId('language').selectOption('en');
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('with an engine that recalculates', () => {
  test('a chart follows a recalculation of the cells it reads, after the engine was handed over', async () => {
    const app = await openDemo(env.browser, env.server, { query: 'engine=scripted' });
    const { page } = app;
    await openCharts(page, 'Campaigns');
    const chart = chartCard(page, GMV);
    await expect.poll(() => chartDrawn(chart)).toBe(true);
    // The engine arrives after the first paint; until then the charts read the stand-in.
    await page.waitForFunction(() => window.__calc !== undefined);
    const name = await page.evaluate(() => {
      const wb = window.__wb?.wb;
      const sheet = wb?.sheetByName('Campaigns')?.id ?? '';
      const row = wb?.rowIds(sheet)[2] ?? '';
      const col = (n: string) => wb?.columnByName(sheet, n)?.id ?? '';
      window.__calc?.recalc(sheet, [{ rowId: row, colId: col('Actual GMV'), value: 424242 }]);
      return String(wb?.cell(sheet, row, col('Campaign')));
    });
    await eventually(async () => (await chartRows(chart))[name]?.[1], '¥424,242');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
