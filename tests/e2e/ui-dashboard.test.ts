/**
 * The dashboard in Chromium: the KPI sheet's metrics as cards and the pinned charts; the team
 * arranges tiles (stored in the workbook, undoable); it prints on one A4 landscape page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, SCREENSHOTS } from '../support/browser.ts';
import { appAndBrowser, cell, cellText, eventually, openSheet, type AppPage } from './ui-helpers.ts';
import { chartDrawn, chartRows, columnId, openDemo, revealColumn } from './view-helpers.ts';

const env = appAndBrowser();

const tileTitles = (page: Page): Promise<string[]> =>
  page.getByTestId('dashboard-tile').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
const storedTiles = (page: Page) =>
  page.evaluate(() => {
    const wb = window.__wb?.wb;
    return (wb?.dashboard() ?? []).map((t) => ({ title: wb?.chart(t.sheetId, t.chartId)?.title, w: t.w, h: t.h }));
  });

/** Pages of a PDF (each page object names its type). */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('the demo on a first visit', () => {
  let app: AppPage;
  beforeAll(async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${env.server.url}/?test&demo`);
    app = { page, context, errors, dialogs: [] };
  });
  afterAll(() => app.context.close());

  test('opens on the Dashboard; once a sheet was opened, the next visit opens there', async () => {
    const { page } = app;
    await page.getByTestId('dashboard').waitFor();
    expect(await page.locator('.ag-row').count()).toBe(0);
    expect(await page.getByTestId('kpi-card').count()).toBe(11);
    await screenshot(page, 'dashboard-first-visit');
    await openSheet(page, 'Products');
    await page.reload();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    expect(await page.getByTestId('dashboard').count()).toBe(0);
  });

  test('"KPIs against target" colours each bar by its status: lower-is-better KPIs over 100% are behind, not good', async () => {
    const { page } = app;
    await page.getByTestId('open-dashboard').click();
    const chart = page.locator('[data-testid="dashboard-tile"][aria-label="KPIs against target"]');
    await expect.poll(() => chartDrawn(chart)).toBe(true);
    const rows = await chartRows(chart);
    // SLA breaches at 160% of a lower-is-better target: behind (its alert), where GMV at 104% is on track.
    expect(rows['SLA breaches']).toEqual(['160%', 'Warning']);
    expect(rows.GMV).toEqual(['104%', 'No alert']);
    expect(rows['Stock value']?.[1]).toBe('Warning');
    // The bars are drawn in those colours: green and the alert's orange are both on the canvas.
    const colours = await chart.locator('canvas').first().evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let green = 0;
      let orange = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
        if (g > r + 40 && g > b + 40) green++;
        if (r > 200 && g > 70 && g < 140 && b < 80) orange++;
      }
      return { green: green > 50, orange: orange > 50 };
    });
    expect(colours).toEqual({ green: true, orange: true });
  });

  test('KPI targets are formatted like their values in the grid', async () => {
    const { page } = app;
    await openSheet(page, 'KPIs');
    const target = await columnId(page, 'KPIs', 'Target');
    const value = await columnId(page, 'KPIs', 'Value');
    expect(await cellText(page, 0, value)).toMatch(/^¥[\d,]+\.\d\d$/);
    expect(await cellText(page, 0, target)).toBe('¥3,200,000.00');
    expect(await cellText(page, 3, target)).toBe('3.5%');
    expect(await cellText(page, 1, target)).toBe('36,000');
  });

  test('deleting a sheet the KPIs sum: the question names the KPI formulas that use it, and Cancel keeps it all', async () => {
    const { page } = app;
    await openSheet(page, 'User segments');
    await page.locator('.wb-tab-on .wb-tab-menu').click();
    await page.getByTestId('tab-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    const deps = dialog.getByTestId('confirm-dependents');
    await deps.waitFor();
    expect(await deps.locator('p').textContent()).toBe('3 formulas, references or charts use it, on KPIs. They will show #REF! or “deleted” until you undo.');
    expect(await deps.locator('li').allTextContents()).toEqual([
      'KPIs · Value, row 1 (GMV): its formula',
      'KPIs · Value, row 2 (Orders): its formula',
      'KPIs · Value, row 3 (AOV): its formula',
    ]);
    await screenshot(page, 'delete-sheet-dependents');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.wb-tab', { hasText: 'User segments' }).count()).toBe(1);
  });

  test('an under-powered A/B test shows "needs ≥ 10 conversions" in muted text, not #NUM!', async () => {
    const { page } = app;
    await openSheet(page, 'A/B tests');
    const row = Number(
      await page.evaluate(() => {
        const g = window.__wb?.app.grid();
        const wb = window.__wb?.wb;
        if (!g || !wb) return -1;
        const test = wb.columnByName(g.sheetId, 'Test')?.id ?? '';
        for (let i = 0; i < g.displayedRowCount(); i++) if (wb.cell(g.sheetId, g.rowIdAt(i) ?? '', test) === 'Coupon pop-up') return i;
        return -1;
      }),
    );
    expect(row).toBeGreaterThanOrEqual(0);
    for (const name of ['Z', 'P-value', 'CI low', 'CI high', 'Significant']) {
      const id = await columnId(page, 'A/B tests', name);
      await revealColumn(page, id);
      const c = cell(page, row, id);
      expect(((await c.textContent()) ?? '').trim(), name).toBe('needs ≥ 10 conversions');
      expect(await c.getAttribute('class'), name).toContain('wb-state-text');
      expect(await c.getAttribute('class'), name).not.toContain('wb-error');
      expect(await c.evaluate((el) => getComputedStyle(el).color), name).toBe('rgb(107, 114, 128)');
    }
    await screenshot(page, 'abtests-underpowered');
    expect(app.errors).toEqual([]);
  });

  test('in 简体中文 the under-powered test says so in Chinese, still muted, and the 结论 column’s words are Chinese; back in English they read in English again', async () => {
    const { page } = app;
    const row = Number(
      await page.evaluate(() => {
        const g = window.__wb?.app.grid();
        const wb = window.__wb?.wb;
        const test = g ? wb?.columnByName(g.sheetId, 'Test')?.id : undefined;
        for (let i = 0; g && wb && test && i < g.displayedRowCount(); i++) if (wb.cell(g.sheetId, g.rowIdAt(i) ?? '', test) === 'Coupon pop-up') return i;
        return -1;
      }),
    );
    expect(row).toBeGreaterThanOrEqual(0);
    const ids = await Promise.all(['Z', 'P-value', 'CI low', 'CI high', 'Significant'].map((name) => columnId(page, 'A/B tests', name)));
    const decision = await columnId(page, 'A/B tests', 'Decision');
    const rows = Number(await page.evaluate(() => window.__wb?.app.grid()?.displayedRowCount() ?? 0));
    expect(rows).toBeGreaterThan(0);
    const decisions = async () => {
      await revealColumn(page, decision);
      const out: string[] = [];
      for (let i = 0; i < rows; i++) out.push(await cellText(page, i, decision));
      return out;
    };
    const english = await decisions();
    expect(new Set(english)).toEqual(new Set(['Ship B', 'Keep A', 'No difference', 'Keep running', 'Too little data']));
    await page.getByTestId('language').selectOption('zh-CN');
    await page.locator('.wb-tab', { hasText: 'A/B 测试' }).waitFor();
    for (const id of ids) {
      await revealColumn(page, id);
      await eventually(() => cellText(page, row, id), '需要 ≥ 10 次转化');
      expect(await cell(page, row, id).getAttribute('class'), id).toContain('wb-state-text');
    }
    const chinese: Record<string, string> = { 'Ship B': '上线 B', 'Keep A': '保留 A', 'No difference': '无差异', 'Keep running': '继续实验', 'Too little data': '数据不足' };
    await expect.poll(decisions).toEqual(english.map((w) => chinese[w]));
    expect(await page.locator(`.ag-header-cell[col-id="${decision}"]`).textContent()).toContain('结论');
    await screenshot(page, 'abtests-underpowered-zh');
    await page.getByTestId('language').selectOption('en');
    await eventually(() => cellText(page, row, ids[0] ?? ''), 'needs ≥ 10 conversions');
    await expect.poll(decisions).toEqual(english);
    expect(app.errors).toEqual([]);
  });
});

describe('a new workbook from the ops template', () => {
  test('opens on a dashboard with the KPI cards and pinned charts; over empty sheets they show zeros and blanks, never errors', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/#/`);
    await page.getByTestId('new-ops').click();
    await page.getByTestId('dashboard').waitFor();
    const cards = page.getByTestId('kpi-card');
    await expect.poll(() => cards.count()).toBe(11);
    // The cards show "—" until the formula engine (loaded after the first paint) has computed them.
    await expect.poll(async () => (await cards.allTextContents()).find((t) => t.includes('GMV'))).toContain('¥0');
    const texts = await cards.allTextContents();
    expect(texts.join(' ')).not.toMatch(/#[A-Z/0!?]+/);
    expect(await tileTitles(page)).toContain('KPIs against target');
    await screenshot(page, 'ops-template-dashboard');
    await openSheet(page, 'KPIs');
    expect(await page.locator('.ag-row').count()).toBe(11);
    expect(await page.locator('.ag-cell.wb-error').count()).toBe(0);
    await context.close();
  });
});

describe('the demo’s dashboard', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openDemo(env.browser, env.server);
    await app.page.getByTestId('open-dashboard').click();
    await app.page.getByTestId('dashboard').waitFor();
  });
  afterAll(() => app.context.close());

  test('shows every KPI as a card with its target, and the four pinned charts', async () => {
    const { page } = app;
    const cards = page.getByTestId('kpi-card');
    expect(await cards.count()).toBe(11);
    expect(await cards.first().textContent()).toContain('GMV');
    // The target reads like its value: money in ¥.
    expect(await cards.first().textContent()).toContain('Target ¥3.2M');
    expect(await tileTitles(page)).toEqual([
      'KPIs against target',
      'Stock value and days of cover by category',
      'GMV: target vs actual',
      'Conversion rates with 95% intervals',
    ]);
    await expect.poll(() => chartDrawn(page.locator('[data-testid="dashboard-tile"][aria-label="GMV: target vs actual"]'))).toBe(true);
    await screenshot(page, 'dashboard');
  });

  test('each card reads as its metric: money in ¥, a rate and its target in %, counts whole', async () => {
    const card = (metric: string) => app.page.locator('[data-testid="kpi-card"]', { has: app.page.locator('.wb-kpi-name', { hasText: new RegExp(`^${metric}$`) }) });
    const value = async (metric: string) => ((await card(metric).locator('.wb-kpi-value').textContent()) ?? '').trim();
    expect(await value('AOV')).toMatch(/^¥\d+\.\d\d$/);
    expect(await value('GMV')).toMatch(/^¥[\d.]+M$/);
    expect(await value('Conversion rate')).toMatch(/^\d+(\.\d)?%$/);
    expect(await card('Conversion rate').locator('.wb-kpi-foot').textContent()).toContain('Target 3.5%');
    expect(await value('Refunds')).toMatch(/^¥[\d,]+$/);
    expect(await value('SLA breaches')).toMatch(/^\d+$/);
  });

  test('a wider tile and a dragged one are stored in the workbook; undo puts them back', async () => {
    const { page } = app;
    const gmv = page.locator('[data-testid="dashboard-tile"][aria-label="GMV: target vs actual"]');
    await gmv.hover();
    await gmv.getByTestId('tile-wider').click();
    await eventually(async () => (await storedTiles(page))[2], { title: 'GMV: target vs actual', w: 3, h: 1 });

    // Drag the A/B tile by its grip onto the first tile: it takes that place (a tall window shows both).
    await page.setViewportSize({ width: 1280, height: 1400 });
    const ab = page.locator('[data-testid="dashboard-tile"][aria-label="Conversion rates with 95% intervals"]');
    const grip = await ab.locator('.wb-tile-grip').boundingBox();
    const first = await page.getByTestId('dashboard-tile').first().boundingBox();
    if (!grip || !first) throw new Error('tiles not on screen');
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2, { steps: 8 });
    await page.mouse.up();
    await eventually(() => tileTitles(page), [
      'Conversion rates with 95% intervals',
      'KPIs against target',
      'Stock value and days of cover by category',
      'GMV: target vs actual',
    ]);
    await screenshot(page, 'dashboard-arranged');
    await page.keyboard.press('Control+z');
    await eventually(async () => (await tileTitles(page))[0], 'KPIs against target');
    await page.keyboard.press('Control+z');
    await eventually(async () => (await storedTiles(page))[2]?.w, 2);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('prints on one A4 landscape page', async () => {
    const { page } = app;
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(page, 'dashboard-print');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'dashboard.pdf'), pdf);
    expect(pdfPages(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('still one page with more charts pinned (the rows share the page)', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const wb = window.__wb?.wb;
      if (!wb) return;
      const pinned = new Set(wb.dashboard().map((t) => t.chartId));
      for (const s of wb.sheets()) for (const c of wb.charts(s.id)) if (!pinned.has(c.id)) wb.pinChart(s.id, c.id, { w: 1 });
    });
    await eventually(async () => (await tileTitles(page)).length, 9);
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(page, 'dashboard-print-nine');
    expect(pdfPages(await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }))).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('the demo’s KPI sheet', () => {
  test('shows each metric as its formula’s type in the grid: ¥88.23 and 4.6%, not 88.227513 and 0.045641', async () => {
    const app = await openDemo(env.browser, env.server);
    try {
      const { page } = app;
      await openSheet(page, 'KPIs');
      const [valueCol, targetCol, metricCol] = await Promise.all(['Value', 'Target', 'Metric'].map((n) => columnId(page, 'KPIs', n)));
      const metrics: string[] = [];
      for (let i = 0; i < 11; i++) metrics.push(await cellText(page, i, metricCol ?? ''));
      const row = (m: string) => metrics.indexOf(m);
      expect(row('AOV')).toBeGreaterThanOrEqual(0);
      expect(await cellText(page, row('AOV'), valueCol ?? '')).toMatch(/^¥\d+\.\d\d$/);
      expect(await cellText(page, row('GMV'), valueCol ?? '')).toMatch(/^¥[\d,]+\.\d\d$/);
      expect(await cellText(page, row('Orders'), valueCol ?? '')).toMatch(/^[\d,]+$/);
      expect(await cellText(page, row('Conversion rate'), valueCol ?? '')).toMatch(/^\d+\.\d%$/);
      expect(await cellText(page, row('Conversion rate'), targetCol ?? '')).toBe('3.5%');
      await screenshot(page, 'kpi-sheet');
    } finally {
      await app.context.close();
    }
  });
});

describe('for a viewer', () => {
  test('the dashboard shows, without the tools to arrange it', async () => {
    const app = await openDemo(env.browser, env.server, { query: 'viewer' });
    await app.page.getByTestId('open-dashboard').click();
    await app.page.getByTestId('dashboard').waitFor();
    expect(await app.page.getByTestId('dashboard-tile').count()).toBe(4);
    expect(await app.page.locator('.wb-tile-grip, [data-testid="tile-wider"]').count()).toBe(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
