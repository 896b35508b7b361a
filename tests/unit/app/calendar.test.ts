/** The campaign calendar's pure parts: dates, conflicts (the demo's two), bar layout, drags, reading rows. */
import { describe, expect, test } from 'vitest';
import type { Column } from '../../../src/schema/index.ts';
import { findOverlaps, type Campaign } from '../../../src/app/calendar/campaign-overlaps.ts';
import { campaignColumns, readCampaigns } from '../../../src/app/calendar/campaign-rows.ts';
import { addDays, addMonths, daysBetween, localIsoDay as todayIso, weekStart } from '../../../src/schema/calendar-day.ts';
import { monthWeeks, weekDates } from '../../../src/app/calendar/calendar-weeks.ts';
import { draggedDates, layoutWeek } from '../../../src/app/calendar/calendar-layout.ts';
import { DEMO_OVERLAPS, demoCampaigns } from '../../../sheets/demo/campaigns.ts';
import { demoRandom } from '../../../sheets/demo/random.ts';
import { CHANNELS } from '../../../sheets/categories.ts';

const c = (rowId: string, start: string, end: string, channel = 'App', category = 'Kitchen'): Campaign => ({
  rowId,
  name: rowId,
  type: 'Coupon',
  channel,
  category,
  start,
  end,
});

describe('calendar dates', () => {
  test.each([
    ['2026-11-29', 'Sunday → its Monday', '2026-11-23'],
    ['2026-11-23', 'Monday → itself', '2026-11-23'],
    ['2026-01-01', 'across a year', '2025-12-29'],
  ])('week start of %s (%s)', (date, _what, monday) => {
    expect(weekStart(date)).toBe(monday);
  });

  test('a month shows the weeks that hold its days, Monday first', () => {
    const weeks = monthWeeks('2026-11-15');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks.at(-1)?.[6]).toBe('2026-12-06');
    expect(monthWeeks('2027-02-10')).toHaveLength(4);
  });

  test('adding days and months, counting days, the week of a date', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-01');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(weekDates('2026-11-26')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  test('today is the local date, not the UTC one', () => {
    expect(todayIso(new Date(2026, 10, 29, 23, 59))).toBe('2026-11-29');
  });
});

describe('conflicts: overlapping on the same channel or category', () => {
  test.each<[string, Campaign, Campaign, string[] | null]>([
    ['same channel, sharing a day', c('a', '2026-11-01', '2026-11-05'), c('b', '2026-11-05', '2026-11-09', 'App', 'Bath'), ['channel']],
    ['same category on another channel', c('a', '2026-11-01', '2026-11-05'), c('b', '2026-11-03', '2026-11-04', 'Web'), ['category']],
    ['same channel and category', c('a', '2026-11-01', '2026-11-05'), c('b', '2026-11-02', '2026-11-03'), ['channel', 'category']],
    ['back to back, no shared day', c('a', '2026-11-01', '2026-11-05'), c('b', '2026-11-06', '2026-11-09'), null],
    ['same days, nothing shared', c('a', '2026-11-01', '2026-11-05'), c('b', '2026-11-01', '2026-11-05', 'Web', 'Bath'), null],
  ])('%s', (_what, a, b, reasons) => {
    for (const list of [[a, b], [b, a]]) {
      const o = findOverlaps(list);
      if (reasons === null) expect(o.size).toBe(0);
      else {
        expect(o.get('a')).toEqual([expect.objectContaining({ other: 'b', reasons })]);
        expect(o.get('b')).toEqual([expect.objectContaining({ other: 'a', reasons })]);
      }
    }
  });

  test('the days both run are named', () => {
    const o = findOverlaps([c('a', '2026-11-01', '2026-11-05'), c('b', '2026-11-03', '2026-11-12')]);
    expect(o.get('a')?.[0]).toMatchObject({ from: '2026-11-03', to: '2026-11-05' });
  });

  test('a long campaign conflicts with each one it meets, also after shorter ones ended', () => {
    const o = findOverlaps([c('long', '2026-11-01', '2026-11-30'), c('x', '2026-11-02', '2026-11-03'), c('y', '2026-11-20', '2026-11-21')]);
    expect(o.get('long')?.map((x) => x.other)).toEqual(['x', 'y']);
  });

  test('the demo shop’s 20 campaigns have exactly its two deliberate conflicts', () => {
    const today = '2026-11-29';
    const demo = demoCampaigns(demoRandom(2026), today).map((d, i) => ({ ...d, rowId: `r${i}` }));
    const at = ([lane, slot]: readonly [number, number]) => `r${slot * CHANNELS.length + lane}`;
    const o = findOverlaps(demo);
    const [a, b] = DEMO_OVERLAPS.channel.map(at);
    const [m, w] = DEMO_OVERLAPS.category.map(at);
    expect([...o.keys()].sort()).toEqual([a, b, m, w].sort());
    expect(o.get(a ?? '')).toEqual([expect.objectContaining({ other: b, reasons: ['channel'] })]);
    expect(o.get(m ?? '')).toEqual([expect.objectContaining({ other: w, reasons: ['category'] })]);
  });
});

describe('bar layout in a week row', () => {
  const week = weekDates('2026-11-23');

  test('bars are cut to the week and say where they go on', () => {
    const { segments } = layoutWeek(week, [c('a', '2026-11-20', '2026-11-24'), c('b', '2026-11-27', '2026-12-03')]);
    expect(segments).toEqual([
      { rowId: 'a', col: 0, span: 2, lane: 0, continuesLeft: true, continuesRight: false },
      { rowId: 'b', col: 4, span: 3, lane: 0, continuesLeft: false, continuesRight: true },
    ]);
  });

  test('bars of the same days go in separate lanes; a lane is reused once free', () => {
    const { segments, lanes } = layoutWeek(week, [
      c('a', '2026-11-23', '2026-11-25'),
      c('b', '2026-11-24', '2026-11-26'),
      c('c', '2026-11-26', '2026-11-29'),
      c('d', '2026-11-23', '2026-11-29'),
    ]);
    expect(Object.fromEntries(segments.map((s) => [s.rowId, s.lane]))).toEqual({ d: 0, a: 1, b: 2, c: 1 });
    expect(lanes).toBe(3);
  });

  test('campaigns outside the week are not there', () => {
    expect(layoutWeek(week, [c('a', '2026-11-01', '2026-11-22'), c('b', '2026-11-30', '2026-12-01')]).segments).toEqual([]);
  });
});

describe('dragging', () => {
  test.each<[string, 'move' | 'start' | 'end', number, { start: string; end: string }]>([
    ['moving keeps the length', 'move', 3, { start: '2026-11-13', end: '2026-11-17' }],
    ['moving back', 'move', -10, { start: '2026-10-31', end: '2026-11-04' }],
    ['the start edge earlier', 'start', -2, { start: '2026-11-08', end: '2026-11-14' }],
    ['the start edge never passes the end', 'start', 9, { start: '2026-11-14', end: '2026-11-14' }],
    ['the end edge later', 'end', 2, { start: '2026-11-10', end: '2026-11-16' }],
    ['the end edge never passes the start', 'end', -30, { start: '2026-11-10', end: '2026-11-10' }],
  ])('%s', (_what, mode, days, expected) => {
    expect(draggedDates({ start: '2026-11-10', end: '2026-11-14' }, mode, days, addDays)).toEqual(expected);
  });
});

describe('reading campaigns from a sheet', () => {
  const col = (id: string, name: string, type: Column['type'], zh?: string): Column => ({
    id,
    name,
    type,
    options: {},
    ...(zh ? { labels: { en: name, 'zh-CN': zh } } : {}),
  });

  test('columns are found by the template’s names, in either language, or by being the dates', () => {
    expect(campaignColumns([col('n', 'Campaign', 'text'), col('s', 'Start', 'date'), col('e', 'End', 'date'), col('ch', '渠道', 'choice')])).toEqual({
      name: 'n',
      channel: 'ch',
      start: 's',
      end: 'e',
    });
    expect(campaignColumns([col('a', 'Kick-off', 'date'), col('b', 'Wrap-up', 'date')])).toEqual({ start: 'a', end: 'b' });
    expect(campaignColumns([col('a', 'Kick-off', 'date')])).toBeNull();
  });

  test('rows without a start are left out and counted; a missing or earlier end makes a one-day campaign', () => {
    const values: Record<string, unknown[]> = {
      n: ['A', 'B', 'C'],
      s: ['2026-11-01', null, '2026-11-05'],
      e: ['2026-11-03', '2026-11-04', '2026-11-02'],
    };
    const { campaigns, undated } = readCampaigns(['r1', 'r2', 'r3'], { name: 'n', start: 's', end: 'e' }, (id) => (values[id] ?? []) as never);
    expect(undated).toBe(1);
    expect(campaigns.map((x) => [x.rowId, x.name, x.start, x.end])).toEqual([
      ['r1', 'A', '2026-11-01', '2026-11-03'],
      ['r3', 'C', '2026-11-05', '2026-11-05'],
    ]);
  });
});
