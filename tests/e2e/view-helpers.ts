/** Helpers of the charts, calendar and dashboard browser tests: the demo shop, columns by name, a chart's numbers. */
import type { Browser, Locator, Page } from 'playwright-core';
import type { AppServer } from '../support/app-server.ts';
import { openApp, openSheet, type AppPage } from './ui-helpers.ts';

/** Opens the demo shop (built for today in the page), at a laptop size unless told, asking for reduced motion. */
export const openDemo = async (browser: Browser, server: AppServer, opts: { width?: number; height?: number; query?: string } = {}): Promise<AppPage> => {
  // As someone who had it open before, on its first sheet: a first visit opens on the dashboard (ui-dashboard.test.ts).
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 } });
  await context.addInitScript(() => {
    if (!localStorage.getItem('wb-active:example')) localStorage.setItem('wb-active:example', 'first sheet');
  });
  const app = await openApp(browser, server, { context, query: `demo${opts.query ? `&${opts.query}` : ''}` });
  // Charts honour reduced motion: screenshots show them drawn, not half-way through an animation.
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  return app;
};

/** Id of the column named `name` in the sheet named `sheet`. */
export const columnId = (page: Page, sheet: string, name: string): Promise<string> =>
  page.evaluate(
    ([s, n]) => {
      const wb = window.__wb?.wb;
      const id = wb?.sheetByName(String(s))?.id;
      const col = id ? wb?.columnByName(id, String(n)) : undefined;
      if (!col) throw new Error(`no column ${n} in ${s}`);
      return col.id;
    },
    [sheet, name] as const,
  );

/** Opens a sheet and its charts panel. */
export const openCharts = async (page: Page, sheet: string): Promise<Locator> => {
  await openSheet(page, sheet);
  await page.getByTestId('open-charts').click();
  const panel = page.getByTestId('charts-panel');
  await panel.waitFor();
  return panel;
};

/** A chart card by its title. */
export const chartCard = (page: Page, title: string): Locator => page.locator(`[data-testid="chart-card"][aria-label="${title}"]`);

/** The numbers a chart shows, from its table for screen readers: group label → the series' texts. */
export const chartRows = async (chart: Locator): Promise<Record<string, string[]>> => {
  const rows = await chart.locator('[data-testid="chart-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
  );
  return Object.fromEntries(rows.map(([head, ...values]) => [head ?? '', values]));
};

/** True once chart.js has drawn on the chart's canvas (it has a size and non-blank pixels). */
export const chartDrawn = (chart: Locator): Promise<boolean> =>
  chart.locator('canvas').first().evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return false;
    // The background is white; a chart has coloured pixels.
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) return true;
    return false;
  });

/** Today in the page's time zone, as the calendar and the demo see it. */
export const pageToday = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

/** Scrolls the grid so a column is on screen (AG Grid draws only the columns in view). */
export const revealColumn = async (page: Page, colId: string): Promise<void> => {
  await page.evaluate((id) => window.__wb?.app.grid()?.api?.ensureColumnVisible(id), colId);
  await page.locator(`.ag-header-cell[col-id="${colId}"]`).waitFor();
};
