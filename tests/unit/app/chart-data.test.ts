/** Chart data as pure functions: grouping, aggregation, filters, errors in source cells, dates on the x axis. */
import { describe, expect, test } from 'vitest';
import { type ComputedValue } from '../../../src/schema/index.ts';
import type { Chart, Column } from '../../../src/schema/index.ts';
import { dayFromIso, isoFromDay } from '../../../src/schema/calendar-day.ts';
import { chartData, type ChartData, type ChartSource } from '../../../src/app/charts/chart-data.ts';
import { passesFilter } from '../../../src/app/row-filter.ts';

const dayNumber = (iso: string): number => dayFromIso(iso) ?? Number.NaN;
import { proportionInterval } from '../../../src/app/charts/proportion-interval.ts';

const COLUMNS: Column[] = [
  { id: 'name', name: 'Campaign', type: 'text', options: {} },
  { id: 'channel', name: 'Channel', type: 'choice', options: { choices: ['App', 'Web', 'Livestream'] } },
  { id: 'start', name: 'Start', type: 'date', options: {} },
  { id: 'gmv', name: 'GMV', type: 'currency', options: {} },
  { id: 'target', name: 'Target', type: 'currency', options: {} },
  { id: 'n', name: 'Visitors', type: 'integer', options: {} },
  { id: 'x', name: 'Conversions', type: 'integer', options: {} },
  { id: 'live', name: 'Live', type: 'boolean', options: {} },
];

const DIV0 = { error: '#DIV/0!', message: 'divided by zero' };
const NA = { error: '#N/A', message: 'not available' };

// name, channel, start, gmv, target, n, x, live
const ROWS: ComputedValue[][] = [
  ['Web week', 'Web', '2026-11-03', 100, 120, 1000, 30, true],
  ['App days', 'App', '2026-11-01', 50, 60, 500, 10, false],
  ['Web flash', 'Web', '2026-11-01', DIV0, 80, 400, 20, true],
  ['No channel', null, '2026-11-02', 20, 30, null, null, false],
  ['App later', 'App', null, null, 40, 100, 5, false],
  ['Broken', NA, '2026-11-04', 10, 10, 10, 1, true],
  ['Live', 'Livestream', '2026-11-02', 70, 50, 200, 30, true],
];

const source = (rows: ComputedValue[][] = ROWS): ChartSource => ({
  columns: () => COLUMNS,
  values: (colId) => rows.map((r) => r[COLUMNS.findIndex((c) => c.id === colId)] ?? null),
  text: (v) => (v === null ? '' : String(v)),
  passes: passesFilter,
});

const chart = (patch: Partial<Chart>): Chart => ({
  id: 'c1',
  title: 'Test',
  kind: 'bar',
  x: 'channel',
  series: [{ column: 'gmv', aggregate: 'sum' }],
  filters: [],
  ...patch,
});

const data = (patch: Partial<Chart>, rows?: ComputedValue[][]): ChartData => {
  const d = chartData(chart(patch), source(rows));
  if ('problem' in d) throw new Error(`unexpected problem ${d.problem.code}`);
  return d;
};

describe('grouping by the x column', () => {
  test.each<[string, Partial<Chart>, unknown[]]>([
    ['a choice column groups in the order of its choices, the empty group last', {}, ['App', 'Web', 'Livestream', null]],
    ['a text column groups in the order rows first show them', { x: 'name' }, ['Web week', 'App days', 'Web flash', 'No channel', 'App later', 'Broken', 'Live']],
    ['a checkbox column: unchecked first', { x: 'live' }, [false, true]],
    ['a number column ascending', { x: 'n' }, [10, 100, 200, 400, 500, 1000]],
    ['a date column in date order, rows without a date left out', { x: 'start', kind: 'line' }, ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']],
  ])('%s', (_what, patch, groups) => {
    expect(data(patch).groups).toEqual(groups);
  });

  test('dates on the x axis come with their day numbers, for a date axis', () => {
    const d = data({ x: 'start', kind: 'line' });
    expect(d.xKind).toBe('date');
    expect(d.xs.map(isoFromDay)).toEqual(d.groups);
    expect((d.xs[1] ?? 0) - (d.xs[0] ?? 0)).toBe(1);
    expect(d.skipped.blankX).toBe(1);
  });
});

describe('aggregation per group (GMV by channel: App 50 + empty, Web 100 + #DIV/0!, Livestream 70, empty channel 20)', () => {
  test.each<[Chart['series'][number]['aggregate'], (number | null)[]]>([
    ['sum', [50, 100, 70, 20]],
    ['average', [50, 100, 70, 20]],
    ['count', [1, 1, 1, 1]],
    ['min', [50, 100, 70, 20]],
    ['max', [50, 100, 70, 20]],
  ])('%s', (aggregate, values) => {
    expect(data({ series: [{ column: 'gmv', aggregate }] }).series[0]?.values).toEqual(values);
  });

  test.each<[Chart['series'][number]['aggregate'], (number | null)[]]>([
    ['sum', [100, 200, 50, 30]],
    ['average', [50, 100, 50, 30]],
    ['count', [2, 2, 1, 1]],
    ['min', [40, 80, 50, 30]],
    ['max', [60, 120, 50, 30]],
  ])('%s of a column with no gaps (targets)', (aggregate, values) => {
    expect(data({ series: [{ column: 'target', aggregate }] }).series[0]?.values).toEqual(values);
  });

  test('count counts filled cells of any type; a group with nothing to sum is a gap, not zero', () => {
    const d = data({ x: 'name', series: [{ column: 'gmv', aggregate: 'sum' }, { column: 'channel', aggregate: 'count' }] });
    expect(d.series[0]?.values[4]).toBeNull();
    expect(d.series[1]?.values).toEqual([1, 1, 1, 0, 1, 0, 1]);
  });

  test('several series share the groups; combo draws the first as bars and the rest as lines', () => {
    const d = data({ kind: 'combo', series: [{ column: 'target', aggregate: 'sum' }, { column: 'gmv', aggregate: 'sum' }, { column: 'n', aggregate: 'sum', as: 'bar' }] });
    expect(d.series.map((s) => s.as)).toEqual(['bar', 'line', 'bar']);
    expect(d.series.map((s) => s.values.length)).toEqual([4, 4, 4]);
  });
});

describe('errors in source cells are left out and counted, never turned into numbers', () => {
  test('an error in a series cell: the row still counts for the other series', () => {
    const d = data({ series: [{ column: 'gmv', aggregate: 'sum' }, { column: 'target', aggregate: 'sum' }] });
    expect(d.series[0]?.values[1]).toBe(100);
    expect(d.series[1]?.values[1]).toBe(200);
    expect(d.skipped).toMatchObject({ errors: 2, codes: ['#DIV/0!', '#N/A'] });
  });

  test('an error in the x cell leaves the whole row out', () => {
    const d = data({ series: [{ column: 'target', aggregate: 'count' }] });
    expect(d.series[0]?.values.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(6);
    expect(d.rows).toBe(7);
  });

  test('text in a numeric series (a formula of another type) is counted as not a number', () => {
    const rows = ROWS.map((r, i) => (i === 0 ? ['Web week', 'Web', '2026-11-03', 'lots', 120, 1000, 30, true] : r));
    expect(data({}, rows).skipped.notNumbers).toBe(1);
  });
});

describe('filters', () => {
  test.each<[string, Chart['filters'], number, unknown[]]>([
    ['a choice is any of', [{ column: 'channel', op: 'anyOf', values: ['Web'] }], 2, ['Web']],
    ['a number greater than', [{ column: 'target', op: 'greater', value: 55 }], 3, ['App', 'Web']],
    ['text contains, case-insensitive', [{ column: 'name', op: 'contains', value: 'APP' }], 2, ['App']],
    ['a checkbox is checked', [{ column: 'live', op: 'checked' }], 4, ['Web', 'Livestream', undefined]],
    ['a date after', [{ column: 'start', op: 'greater', value: '2026-11-02' }], 2, ['Web', undefined]],
    ['every filter must pass', [{ column: 'live', op: 'checked' }, { column: 'gmv', op: 'notEmpty' }], 4, ['Web', 'Livestream', undefined]],
    ['an error value passes only "is not empty"', [{ column: 'gmv', op: 'empty' }], 1, ['App']],
  ])('%s', (_what, filters, rows, groups) => {
    const d = data({ filters });
    expect(d.rows).toBe(rows);
    expect(d.groups).toEqual(groups.filter((g) => g !== undefined));
  });
});

describe('error bars', () => {
  test('a proportion’s 95% interval from summed counts: p̂ ± 1.96·√(p̂(1 − p̂)/n)', () => {
    const d = data({
      series: [{ column: 'gmv', aggregate: 'sum', error: { kind: 'proportion', trials: 'n', successes: 'x', confidence: 0.95 } }],
    });
    // App: 15 of 600 (the row without n or x adds nothing); Web: 50 of 1400.
    const app = 15 / 600;
    const half = 1.959963984540054 * Math.sqrt((app * (1 - app)) / 600);
    expect(d.series[0]?.errors?.[0]?.low).toBeCloseTo(app - half, 12);
    expect(d.series[0]?.errors?.[0]?.high).toBeCloseTo(app + half, 12);
    expect(d.series[0]?.errors?.[3]).toBeNull();
  });

  test.each<[number, number, number, { low: number; high: number } | null]>([
    [384, 12000, 0.95, { low: 0.02885, high: 0.03515 }],
    [0, 100, 0.95, { low: 0, high: 0 }],
    [1, 2, 0.99, { low: 0, high: 1 }],
    [5, 0, 0.95, null],
    [11, 10, 0.95, null],
    [5, 10, 0.97, null],
  ])('%i of %i at %f', (x, n, c, expected) => {
    const r = proportionInterval(x, n, c);
    if (expected === null) expect(r).toBeNull();
    else {
      expect(r?.low).toBeCloseTo(expected.low, 5);
      expect(r?.high).toBeCloseTo(expected.high, 5);
    }
  });

  test('a range from two columns, aggregated like the series', () => {
    const d = data({ series: [{ column: 'target', aggregate: 'average', error: { kind: 'range', low: 'gmv', high: 'target' } }] });
    expect(d.series[0]?.errors?.slice(0, 3)).toEqual([{ low: 50, high: 50 }, { low: 100, high: 100 }, { low: 70, high: 50 }]);
  });
});

describe('scatter', () => {
  test('each row is a point; dates become day numbers; blanks and errors are left out', () => {
    const d = data({ kind: 'scatter', x: 'start', series: [{ column: 'gmv', aggregate: 'sum' }] });
    expect(d.series[0]?.points).toEqual([
      { x: dayNumber('2026-11-03'), y: 100 },
      { x: dayNumber('2026-11-01'), y: 50 },
      { x: dayNumber('2026-11-02'), y: 20 },
      { x: dayNumber('2026-11-04'), y: 10 },
      { x: dayNumber('2026-11-02'), y: 70 },
    ]);
    expect(d.skipped.errors).toBe(1);
  });
});

describe('a chart that no longer fits its sheet', () => {
  test('a series column retyped to text by a teammate: the chart says why instead of drawing', () => {
    const retyped = COLUMNS.map((c) => (c.id === 'gmv' ? { ...c, type: 'text' as const } : c));
    const d = chartData(chart({}), { ...source(), columns: () => retyped });
    expect(d).toEqual({ problem: { code: 'seriesNotNumeric', column: 'GMV', type: 'text' } });
  });

  test('a deleted x column', () => {
    expect(chartData(chart({ x: 'gone' }), source())).toEqual({ problem: { code: 'missingColumn', role: 'x' } });
  });
});

describe('big sheets', () => {
  test('100k rows by 8 groups, two series, a filter: every row is counted once', () => {
    const rows: ComputedValue[][] = Array.from({ length: 100_000 }, (_x, i) => [`r${i}`, ['App', 'Web', 'Livestream'][i % 3] ?? null, null, i % 7, 1, 10, 1, i % 2 === 0]);
    const d = data({ series: [{ column: 'gmv', aggregate: 'sum' }, { column: 'target', aggregate: 'count' }], filters: [{ column: 'live', op: 'checked' }] }, rows);
    expect(d.rows).toBe(50_000);
    expect(d.series[1]?.values.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(50_000);
  });
});

describe('bars coloured by alerts', () => {
  const chart = (colorByAlerts: boolean): Chart => ({
    id: 'c', title: 'GMV by channel', kind: 'bar', x: 'channel', series: [{ column: 'gmv', aggregate: 'sum' }], filters: [], ...(colorByAlerts ? { colorByAlerts } : {}),
  });
  // Row alerts: "Web flash" a warning, "Live" an error; a group takes its loudest row's.
  const levels: ('warning' | 'error' | null)[] = [null, null, 'warning', null, null, null, 'error'];
  const alerting: ChartSource = { ...source(), alertLevel: (i) => levels[i] ?? null };

  test('each group has the loudest alert of its rows, in group order; no alert is ok', () => {
    const data = chartData(chart(true), alerting) as ChartData;
    const byGroup = Object.fromEntries(data.groups.map((g, i) => [String(g), data.status?.[i]]));
    expect(byGroup).toMatchObject({ Web: 'warning', App: 'ok', Livestream: 'error' });
  });

  test('a chart not coloured by alerts has no status, whatever the rows say', () => {
    expect((chartData(chart(false), alerting) as ChartData).status).toBeUndefined();
  });
});
