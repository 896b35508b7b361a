/** The dashboard's pure parts: tiles packed in order into a four-column grid, where a dropped tile goes, KPI cards. */
import { describe, expect, test } from 'vitest';
import { kpiCards, kpiColumns } from '../../../src/app/dashboard/kpi-cards.ts';
import { dropIndex, packTiles } from '../../../src/app/dashboard/pack-tiles.ts';

describe('packing tiles', () => {
  test('tiles go left to right and wrap', () => {
    expect(packTiles([{ w: 2, h: 1 }, { w: 2, h: 1 }, { w: 2, h: 1 }])).toEqual({
      places: [
        { col: 0, row: 0, w: 2, h: 1 },
        { col: 2, row: 0, w: 2, h: 1 },
        { col: 0, row: 1, w: 2, h: 1 },
      ],
      rows: 2,
    });
  });

  test('a narrow tile fills the gap beside a tall one', () => {
    const { places, rows } = packTiles([{ w: 2, h: 2 }, { w: 2, h: 1 }, { w: 4, h: 1 }, { w: 1, h: 1 }]);
    expect(places.map((p) => [p.col, p.row])).toEqual([[0, 0], [2, 0], [0, 2], [2, 1]]);
    expect(rows).toBe(3);
  });

  test('a tile wider than the grid is as wide as the grid', () => {
    expect(packTiles([{ w: 9, h: 1 }]).places[0]).toEqual({ col: 0, row: 0, w: 4, h: 1 });
  });

  test('no tiles, no rows', () => {
    expect(packTiles([])).toEqual({ places: [], rows: 0 });
  });
});

describe('dropping a tile on another takes that tile’s place', () => {
  test.each([
    ['a later tile moves earlier', 'c', 'a', 0, ['c', 'a', 'b', 'd']],
    ['an earlier tile moves later', 'a', 'c', 2, ['b', 'c', 'a', 'd']],
    ['next neighbour', 'b', 'c', 2, ['a', 'c', 'b', 'd']],
    ['onto itself', 'b', 'b', 1, ['a', 'b', 'c', 'd']],
  ])('%s', (_what, dragged, target, index, result) => {
    const order = ['a', 'b', 'c', 'd'];
    const at = dropIndex(order, dragged, target);
    expect(at).toBe(index);
    const others = order.filter((x) => x !== dragged);
    others.splice(at, 0, dragged);
    expect(others).toEqual(result);
  });
});

describe('KPI cards', () => {
  const cols = [
    { id: 'm', name: 'Metric', type: 'text' as const, options: {} },
    { id: 'v', name: 'Value', type: 'number' as const, options: {} },
    { id: 't', name: 'Target', type: 'number' as const, options: {} },
    { id: 'd', name: '方向', type: 'choice' as const, options: {} },
    { id: 's', name: 'Status', type: 'text' as const, options: {} },
  ];
  const rows: Record<string, Record<string, unknown>> = {
    r1: { m: 'GMV', v: 3_400_000, t: 3_200_000, d: 'Higher is better', s: null },
    r2: { m: 'Refunds', v: 6_000, t: 5_000, d: 'Lower is better', s: null },
    r3: { m: 'Orders', v: { error: '#N/A', message: 'not computed' }, t: 40_000, d: 'Higher is better', s: null },
    r4: { m: 'Tests won', v: 1, t: 2, d: 'Higher is better', s: 'On track' },
  };
  test('columns by the template’s names in either language; status from the sheet, else from value, target and direction', () => {
    const found = kpiColumns(cols);
    expect(found).toEqual({ metric: 'm', value: 'v', target: 't', direction: 'd', status: 's' });
    const cards = kpiCards(['r1', 'r2', 'r3', 'r4'], found, (r, c) => (rows[r]?.[c] ?? null) as never);
    expect(cards.map((c) => [c.metric, c.status, c.lowerIsBetter])).toEqual([
      ['GMV', 'onTrack', false],
      ['Refunds', 'behind', true],
      ['Orders', null, false],
      ['Tests won', 'onTrack', false],
    ]);
  });
});
