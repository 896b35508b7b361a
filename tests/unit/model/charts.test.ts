/** Charts and the dashboard are part of the workbook: checked like formulas, stored, synced, undoable. */
import { describe, expect, test } from 'vitest';
import { ChartError, NotFoundError, OperationError, type ChartSpec } from '../../../src/schema/index.ts';
import { Workbook, type WorkbookChange } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

const campaigns = (wb: Workbook) => {
  const sheet = wb.addSheet({
    name: 'Campaigns',
    kind: 'campaigns',
    columns: [
      { id: 'name', name: 'Campaign', type: 'text' },
      { id: 'channel', name: 'Channel', type: 'choice', options: { choices: ['App', 'Web'] } },
      { id: 'start', name: 'Start', type: 'date' },
      { id: 'target', name: 'Target GMV', type: 'currency' },
      { id: 'gmv', name: 'Actual GMV', type: 'currency' },
      { id: 'n', name: 'Visitors', type: 'integer' },
      { id: 'live', name: 'Live', type: 'boolean' },
    ],
  });
  return sheet;
};

const gmvChart: ChartSpec = {
  title: 'GMV by channel',
  kind: 'bar',
  x: 'channel',
  series: [
    { column: 'target', aggregate: 'sum' },
    { column: 'gmv', aggregate: 'sum' },
  ],
};

describe('chart definitions are checked against the sheet’s column types', () => {
  test('a valid chart is stored and read back with its id and empty filters', () => {
    const wb = Workbook.create();
    const sheet = campaigns(wb);
    const id = wb.setChart(sheet, gmvChart);
    expect(wb.charts(sheet)).toEqual([{ ...gmvChart, id, filters: [] }]);
    expect(wb.chart(sheet, id)?.title).toBe('GMV by channel');
  });

  test('a series over a text column is refused with a message naming the column', () => {
    const wb = Workbook.create();
    const sheet = campaigns(wb);
    let err: unknown;
    try {
      wb.setChart(sheet, { ...gmvChart, series: [{ column: 'name', aggregate: 'sum' }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChartError);
    expect((err as ChartError).problem).toEqual({ code: 'seriesNotNumeric', column: 'Campaign', type: 'text' });
    expect((err as ChartError).message).toContain('The series "Campaign" is a text column');
    expect(wb.charts(sheet)).toEqual([]);
  });

  test.each<[string, Partial<ChartSpec>, string | null]>([
    ['counting a text column', { series: [{ column: 'name', aggregate: 'count' }] }, null],
    ['summing a checkbox column', { series: [{ column: 'live', aggregate: 'sum' }] }, 'seriesNotNumeric'],
    ['averaging a date column', { series: [{ column: 'start', aggregate: 'average' }] }, 'seriesNotNumeric'],
    ['no series', { series: [] }, 'noSeries'],
    ['an empty title', { title: '  ' }, 'noTitle'],
    ['a deleted x column', { x: 'gone' }, 'missingColumn'],
    ['a pie with two series', { kind: 'pie' }, 'onlyOneSeries'],
    ['a scatter over a text x', { kind: 'scatter', x: 'name' }, 'scatterX'],
    ['a scatter over dates', { kind: 'scatter', x: 'start' }, null],
    ['a line over dates', { kind: 'line', x: 'start' }, null],
    ['error bars from a text column', { series: [{ column: 'gmv', aggregate: 'sum', error: { kind: 'range', low: 'name', high: 'gmv' } }] }, 'errorNotNumeric'],
    ['error bars on a count', { series: [{ column: 'gmv', aggregate: 'count', error: { kind: 'range', low: 'gmv', high: 'gmv' } }] }, 'errorOnCount'],
    ['a proportion interval at 95%', { series: [{ column: 'gmv', aggregate: 'sum', error: { kind: 'proportion', trials: 'n', successes: 'n', confidence: 0.95 } }] }, null],
    ['a proportion interval at 97%', { series: [{ column: 'gmv', aggregate: 'sum', error: { kind: 'proportion', trials: 'n', successes: 'n', confidence: 0.97 } }] }, 'unknownConfidence'],
    ['a filter on a deleted column', { filters: [{ column: 'gone', op: 'empty' }] }, 'missingColumn'],
    ['a threshold on a series that is not there', { threshold: { value: 1, label: 'x', series: 2 } }, 'badThreshold'],
    ['a threshold that is not a number', { threshold: { value: Number.NaN, label: 'x' } }, 'badThreshold'],
  ])('%s → %s', (_what, patch, code) => {
    const wb = Workbook.create();
    const sheet = campaigns(wb);
    const set = () => wb.setChart(sheet, { ...gmvChart, ...patch });
    if (code === null) expect(set).not.toThrow();
    else {
      expect(set).toThrow(ChartError);
      try {
        set();
      } catch (e) {
        expect((e as ChartError).problem.code).toBe(code);
      }
    }
  });
});

describe('the dashboard', () => {
  const setup = () => {
    const wb = Workbook.create();
    const sheet = campaigns(wb);
    const [a, b, c] = ['A', 'B', 'C'].map((t) => wb.setChart(sheet, { ...gmvChart, title: t })) as [string, string, string];
    return { wb, sheet, a, b, c };
  };

  test('pinned charts are tiles in the order they were pinned, placed where asked', () => {
    const { wb, sheet, a, b, c } = setup();
    wb.pinChart(sheet, a);
    wb.pinChart(sheet, b, { w: 1, h: 2 });
    wb.pinChart(sheet, c, { index: 0 });
    expect(wb.dashboard()).toEqual([
      { chartId: c, sheetId: sheet, w: 2, h: 1 },
      { chartId: a, sheetId: sheet, w: 2, h: 1 },
      { chartId: b, sheetId: sheet, w: 1, h: 2 },
    ]);
  });

  test('moving, resizing and unpinning tiles; bad sizes are refused with the allowed range', () => {
    const { wb, sheet, a, b, c } = setup();
    for (const id of [a, b, c]) wb.pinChart(sheet, id);
    wb.moveTile(a, 2);
    expect(wb.dashboard().map((t) => t.chartId)).toEqual([b, c, a]);
    wb.resizeTile(c, 4, 2);
    expect(wb.dashboard()[1]).toMatchObject({ w: 4, h: 2 });
    expect(() => wb.resizeTile(c, 5, 1)).toThrow('1 to 4 columns wide and 1 to 2 rows high');
    expect(() => wb.pinChart(sheet, a)).toThrow(OperationError);
    wb.unpinChart(b);
    expect(wb.dashboard().map((t) => t.chartId)).toEqual([c, a]);
    expect(wb.charts(sheet)).toHaveLength(3);
    expect(() => wb.unpinChart(b)).toThrow(NotFoundError);
  });

  test('deleting a chart takes its tile; undo brings both back', () => {
    const { wb, sheet, a } = setup();
    wb.pinChart(sheet, a);
    wb.deleteChart(sheet, a);
    expect(wb.dashboard()).toEqual([]);
    expect(wb.chart(sheet, a)).toBeUndefined();
    wb.undo();
    expect(wb.chart(sheet, a)?.title).toBe('A');
    expect(wb.dashboard().map((t) => t.chartId)).toEqual([a]);
  });

  test('deleting a sheet takes its charts’ tiles; undo brings them back', () => {
    const { wb, sheet, a, b } = setup();
    wb.pinChart(sheet, a);
    wb.pinChart(sheet, b);
    wb.deleteSheet(sheet);
    expect(wb.dashboard()).toEqual([]);
    wb.undo();
    expect(wb.dashboard().map((t) => t.chartId)).toEqual([a, b]);
  });

  test('charts and tiles are in the workbook JSON and survive encode and load', () => {
    const { wb, sheet, a } = setup();
    wb.pinChart(sheet, a);
    const json = wb.toJSON();
    expect(json.sheets[0]?.charts.map((c) => c.title)).toEqual(['A', 'B', 'C']);
    expect(json.dashboard).toEqual([{ chartId: a, sheetId: sheet, w: 2, h: 1 }]);
    expect(Workbook.load(wb.encode()).toJSON()).toEqual(json);
  });
});

describe('with a teammate', () => {
  const setup = () => {
    const p = pair(seededRandom(11));
    const sheet = campaigns(p.a);
    const a = p.a.setChart(sheet, { ...gmvChart, title: 'A' });
    const b = p.a.setChart(sheet, { ...gmvChart, title: 'B' });
    p.a.pinChart(sheet, a);
    p.a.pinChart(sheet, b);
    p.sync();
    return { ...p, sheet, ca: a, cb: b };
  };

  test('one moves a tile while the other resizes another: both survive', () => {
    const { a, b, sync, ca, cb } = setup();
    a.moveTile(ca, 1);
    b.resizeTile(cb, 4, 2);
    sync();
    for (const wb of [a, b]) expect(wb.dashboard()).toEqual([expect.objectContaining({ chartId: cb, w: 4, h: 2 }), expect.objectContaining({ chartId: ca, w: 2 })]);
  });

  test('a chart deleted while the teammate pins it again shows no tile on either side', () => {
    const { a, b, sync, sheet, ca } = setup();
    a.deleteChart(sheet, ca);
    b.unpinChart(ca);
    b.pinChart(sheet, ca, { w: 1 });
    sync();
    for (const wb of [a, b]) {
      expect(wb.chart(sheet, ca)).toBeUndefined();
      expect(wb.dashboard().map((t) => t.chartId)).not.toContain(ca);
    }
  });

  test('change events name the chart and the dashboard, on both sides; undo undoes only my own', () => {
    const { a, b, sync, sheet, ca } = setup();
    const seen: WorkbookChange[] = [];
    b.onChange((c) => seen.push(c));
    a.setChart(sheet, { ...gmvChart, id: ca, title: 'A, renamed' });
    a.resizeTile(ca, 1, 1);
    sync();
    expect(seen.some((c) => c.sheets.get(sheet)?.charts.has(ca))).toBe(true);
    expect(seen.some((c) => c.dashboard && !c.local)).toBe(true);
    b.setChart(sheet, { ...gmvChart, id: ca, title: 'A, by b' });
    sync();
    expect(a.undo()).toBe(true);
    sync();
    for (const wb of [a, b]) {
      expect(wb.chart(sheet, ca)?.title).toBe('A, by b');
      expect(wb.dashboard().find((t) => t.chartId === ca)?.w).toBe(2);
    }
  });
});
