/**
 * The campaign calendar in Chromium: opens on today, shows the demo's two overlaps with their
 * reasons, a drag changes the dates in the grid and undo restores them, a click opens the row,
 * and a viewer can look but not move anything.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { CHANNELS } from '../../sheets/categories.ts';
import { DEMO_OVERLAPS, demoCampaigns } from '../../sheets/demo/campaigns.ts';
import { demoRandom } from '../../sheets/demo/random.ts';
import { screenshot } from '../support/browser.ts';
import { appAndBrowser, eventually, openSheet, type AppPage } from './ui-helpers.ts';
import { openDemo, pageToday } from './view-helpers.ts';

const env = appAndBrowser();

const openCalendar = async (page: Page): Promise<Locator> => {
  await openSheet(page, 'Campaigns');
  await page.getByTestId('open-calendar').click();
  const cal = page.getByTestId('calendar');
  await cal.waitFor();
  return cal;
};

/** The stored dates of a campaign row. */
const datesOf = (page: Page, rowId: string): Promise<[unknown, unknown]> =>
  page.evaluate((row) => {
    const wb = window.__wb?.wb;
    const sheet = wb?.sheetByName('Campaigns')?.id ?? '';
    const col = (n: string) => wb?.columnByName(sheet, n)?.id ?? '';
    return [wb?.cell(sheet, row, col('Start')), wb?.cell(sheet, row, col('End'))] as [unknown, unknown];
  }, rowId);

/** The ISO date `n` days after `iso`. */
const plus = (iso: unknown, n: number): string => {
  const d = new Date(`${String(iso)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Monday of the first week row wholly on screen, below the weekday header, in today's month. */
const firstWholeWeek = async (cal: Locator): Promise<string> => {
  await cal.getByTestId('calendar-today-button').click();
  return cal.evaluate((el) => {
    const below = el.querySelector('.wb-ccal-weekdays')?.getBoundingClientRect().bottom ?? 0;
    const week = [...el.querySelectorAll('.wb-ccal-week')].find((w) => w.getBoundingClientRect().top >= below);
    return week?.querySelector<HTMLElement>('[data-date]')?.dataset.date ?? '';
  });
};

/**
 * A campaign made to run on Tuesday and Wednesday of the first week on screen, so that it has room
 * to move both ways on any day the tests run (the demo's campaigns lie around today, so where
 * they fall in the month depends on the date).
 */
const movableBar = async (page: Page, cal: Locator): Promise<string> => {
  const monday = await firstWholeWeek(cal);
  if (!monday) throw new Error('no week row on screen');
  return page.evaluate(
    ([start, end]) => {
      const wb = window.__wb?.wb;
      const sheet = wb?.sheetByName('Campaigns')?.id ?? '';
      const col = (n: string) => wb?.columnByName(sheet, n)?.id ?? '';
      const rowId = wb?.rowIds(sheet).at(-1) ?? '';
      wb?.setCells(sheet, [
        { rowId, colId: col('Start'), value: start },
        { rowId, colId: col('End'), value: end },
      ]);
      return rowId;
    },
    [plus(monday, 1), plus(monday, 2)] as const,
  );
};

/** For a viewer, who cannot change dates: a bar wholly on screen that starts and ends in its week. */
const barOnScreen = async (cal: Locator): Promise<string> => {
  await cal.getByTestId('calendar-today-button').click();
  const rowId = await cal.evaluate((el) => {
    const below = el.querySelector('.wb-ccal-weekdays')?.getBoundingClientRect().bottom ?? 0;
    for (const bar of el.querySelectorAll<HTMLElement>('[data-testid="calendar-bar"]')) {
      if (bar.classList.contains('wb-ccal-bar-cont-left') || bar.classList.contains('wb-ccal-bar-cont-right')) continue;
      const r = bar.getBoundingClientRect();
      if (r.top >= below && r.bottom < window.innerHeight - 60) return bar.dataset.rowId ?? '';
    }
    return '';
  });
  if (!rowId) throw new Error('no bar wholly on screen');
  return rowId;
};

describe('the demo’s calendar', () => {
  let app: AppPage;
  let today: string;
  beforeAll(async () => {
    app = await openDemo(env.browser, env.server);
    today = await pageToday(app.page);
  });
  afterAll(() => app.context.close());

  test('opens on today’s month with today marked', async () => {
    const cal = await openCalendar(app.page);
    const month = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    expect(await cal.getByTestId('calendar-title').textContent()).toBe(month);
    const mark = cal.getByTestId('calendar-today');
    expect(await mark.evaluate((el) => el.closest<HTMLElement>('[data-date]')?.dataset.date)).toBe(today);
    await screenshot(app.page, 'calendar-month-today');
  });

  test('shows the demo’s two overlaps, in the warning colour and with their reasons', async () => {
    const { page } = app;
    const cal = page.getByTestId('calendar');
    // The demo as generated for today: the campaigns of the two deliberate overlaps.
    const demo = demoCampaigns(demoRandom(2026), today);
    const at = ([lane, slot]: readonly [number, number]) => demo[slot * CHANNELS.length + lane]?.name ?? '';
    const [a, b] = DEMO_OVERLAPS.channel.map(at);
    const [m, w] = DEMO_OVERLAPS.category.map(at);
    const seen = new Map<string, string>();
    for (let month = 0; month < 3; month++) {
      for (const t of await cal.getByTestId('calendar-overlap').allTextContents()) seen.set(t.split(':')[0] ?? t, t);
      if (month === 1) await screenshot(page, 'calendar-month-overlaps');
      await cal.getByTestId('calendar-next').click();
    }
    const lines = [...new Set(seen.values())];
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes(`“${a}”`) && l.includes(`“${b}”`))).toContain('same channel (App)');
    expect(lines.find((l) => l.includes(`“${m}”`) && l.includes(`“${w}”`))).toMatch(/same category \(\w+/);
    await cal.getByTestId('calendar-today-button').click();
    // Every bar of the four is drawn in the warning colour and says why on hover.
    const warned = await page.evaluate(() => {
      const out: Record<string, string> = {};
      for (let i = 0; i < 3; i++) {
        for (const bar of document.querySelectorAll<HTMLElement>('[data-testid="calendar-bar"][data-warn="true"]')) out[bar.textContent?.replace('⚠', '').trim() ?? ''] = bar.title;
        (document.querySelector('[data-testid="calendar-next"]') as HTMLElement | null)?.click();
      }
      return out;
    });
    await cal.getByTestId('calendar-today-button').click();
    expect(Object.keys(warned).sort()).toEqual([a, b, m, w].sort());
    expect(warned[a]).toContain(`Overlaps “${b}”: same channel (App)`);
  });

  test('dragging a bar moves the campaign; the grid shows the new dates; undo restores them', async () => {
    const { page } = app;
    const cal = page.getByTestId('calendar');
    const rowId = await movableBar(page, cal);
    const before = await datesOf(page, rowId);
    const bar = cal.locator(`[data-testid="calendar-bar"][data-row-id="${rowId}"]`).first();
    const box = await bar.boundingBox();
    const week = await bar.evaluate((el) => el.parentElement?.getBoundingClientRect().width ?? 0);
    if (!box) throw new Error('bar not on screen');
    const day = week / 7;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 20 + day, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + 20 + day * 2, box.y + box.height / 2, { steps: 4 });
    await screenshot(page, 'calendar-dragging');
    await page.mouse.up();
    await eventually(() => datesOf(page, rowId), [plus(before[0], 2), plus(before[1], 2)]);

    // The grid shows them (the calendar button toggles back to the grid).
    await page.getByTestId('open-calendar').click();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    const shown = await page.evaluate((row) => {
      const g = window.__wb?.app.grid();
      const wb = window.__wb?.wb;
      if (!g || !wb) return null;
      const i = g.indexOfRow(row);
      const col = (n: string) => wb.columnByName(g.sheetId, n)?.id ?? '';
      g.api?.ensureIndexVisible(i);
      g.api?.ensureColumnVisible(col('End'));
      return { i, start: col('Start'), end: col('End') };
    }, rowId);
    if (!shown) throw new Error('no grid');
    const text = (colId: string) => page.locator(`.ag-row[row-index="${shown.i}"] .ag-cell[col-id="${colId}"]`).textContent();
    await eventually(text.bind(null, shown.start), plus(before[0], 2));
    await eventually(text.bind(null, shown.end), plus(before[1], 2));
    await screenshot(page, 'calendar-drag-in-grid');

    await page.keyboard.press('Control+z');
    await eventually(() => datesOf(page, rowId), before);
    await eventually(text.bind(null, shown.start), String(before[0]));
  });

  test('dragging the end edge changes only the end', async () => {
    const { page } = app;
    const cal = await openCalendar(page);
    const rowId = await movableBar(page, cal);
    const before = await datesOf(page, rowId);
    const bar = cal.locator(`[data-testid="calendar-bar"][data-row-id="${rowId}"]`).first();
    const edge = bar.getByTestId('bar-end');
    const box = await edge.boundingBox();
    const week = await bar.evaluate((el) => el.parentElement?.getBoundingClientRect().width ?? 0);
    if (!box) throw new Error('edge not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + week / 7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await eventually(async () => (await datesOf(page, rowId))[0], before[0]);
    await expect.poll(async () => (await datesOf(page, rowId))[1]).not.toBe(before[1]);
    await page.keyboard.press('Control+z');
    await eventually(() => datesOf(page, rowId), before);
  });

  test('from the keyboard: Alt+→ moves a campaign a day, Shift+Alt+← takes a day off its end, Enter opens it', async () => {
    const { page } = app;
    const cal = page.getByTestId('calendar');
    const rowId = await movableBar(page, cal);
    const before = await datesOf(page, rowId);
    await cal.locator(`[data-testid="calendar-bar"][data-row-id="${rowId}"]`).first().focus();
    await page.keyboard.press('Alt+ArrowRight');
    await eventually(() => datesOf(page, rowId), [plus(before[0], 1), plus(before[1], 1)]);
    await page.keyboard.press('Shift+Alt+ArrowLeft');
    await eventually(() => datesOf(page, rowId), [plus(before[0], 1), before[1]]);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await eventually(() => datesOf(page, rowId), before);
    await cal.locator(`[data-testid="calendar-bar"][data-row-id="${rowId}"]`).first().focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => window.__wb?.app.grid()?.activeCell()?.rowId), rowId);
    await openCalendar(page);
  });

  test('a click on a bar opens its row in the grid', async () => {
    const { page } = app;
    const cal = page.getByTestId('calendar');
    const bar = cal.getByTestId('calendar-bar').first();
    const rowId = await bar.getAttribute('data-row-id');
    await bar.click();
    await page.locator('.ag-row[row-index="0"]').first().waitFor();
    await eventually(() => page.evaluate(() => window.__wb?.app.grid()?.activeCell()?.rowId), rowId);
  });

  test('the week view shows this week, each bar with its channel and category', async () => {
    const { page } = app;
    const cal = await openCalendar(page);
    await cal.getByTestId('calendar-week').click();
    const dates = await cal.locator('[data-date]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.date));
    expect(dates).toContain(today);
    expect(dates).toHaveLength(7);
    await screenshot(page, 'calendar-week');
    await cal.getByTestId('calendar-month').click();
  });

  test('no page errors happened', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('for a viewer', () => {
  test('bars cannot be dragged (no edges, dates unchanged); a click still opens the row', async () => {
    const app = await openDemo(env.browser, env.server, { query: 'viewer' });
    const { page } = app;
    const cal = await openCalendar(page);
    expect(await cal.getByTestId('bar-end').count()).toBe(0);
    const rowId = await barOnScreen(cal);
    const before = await datesOf(page, rowId);
    const bar = cal.locator(`[data-testid="calendar-bar"][data-row-id="${rowId}"]`).first();
    const box = await bar.boundingBox();
    if (!box) throw new Error('bar not on screen');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await datesOf(page, rowId)).toEqual(before);
    await screenshot(page, 'calendar-viewer');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('at 1024×720', () => {
  test('the header with Charts and Calendar still fits, the workbook name readable, in Chinese too', async () => {
    const app = await openDemo(env.browser, env.server, { width: 1024, height: 720 });
    const { page } = app;
    const fits = async () => {
      const right = await page.locator('.wb-header button, .wb-header select').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
      const name = await page.getByTestId('workbook-name').evaluate((e) => e.getBoundingClientRect().right);
      const tools = await page.locator('.wb-header-tools').evaluate((e) => e.getBoundingClientRect().left);
      expect(right).toBeLessThanOrEqual(1024);
      expect(name).toBeLessThanOrEqual(tools);
      // The workbook's name stays readable: the view buttons give up their labels first.
      expect(await page.getByTestId('workbook-name').evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(120);
    };
    await openCalendar(page);
    await fits();
    await screenshot(page, 'calendar-1024');
    await page.getByTestId('language').selectOption('zh-CN');
    await eventually(() => page.getByTestId('open-calendar').getAttribute('aria-label'), '日历');
    await fits();
    await screenshot(page, 'calendar-1024-zh-CN');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
