/** Typed change events name what changed, for local edits, undo and updates from peers alike. */
import type * as Y from 'yjs';
import { expect, test } from 'vitest';
import type { WorkbookChange } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

const setup = () => {
  const p = pair(seededRandom(9));
  const sheet = p.a.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }, { name: 'Cost', type: 'currency' }] });
  const [sku, cost] = p.a.columns(sheet).map((c) => c.id) as [string, string];
  const rows = p.a.appendRows(sheet, [sku, cost], [['A', 1], ['B', 2]]) as [string, string];
  p.sync();
  const seen: { a: WorkbookChange[]; b: WorkbookChange[] } = { a: [], b: [] };
  p.a.onChange((c) => seen.a.push(c));
  p.b.onChange((c) => seen.b.push(c));
  return { ...p, sheet, sku, cost, rows, seen };
};

test('changes: a cell edit names its row and column, locally and on the peer', () => {
  const { a, sync, sheet, cost, rows, seen } = setup();
  a.setCell(sheet, rows[1], cost, 5);
  sync();
  expect(seen.a).toHaveLength(1);
  expect(seen.a[0]?.local).toBe(true);
  expect(seen.b[0]?.local).toBe(false);
  for (const c of [seen.a[0], seen.b[0]]) {
    expect([...(c?.sheets.get(sheet)?.cells ?? [])]).toEqual([[rows[1], new Set([cost])]]);
  }
});

test('changes: rows added, moved and removed; columns added, renamed and removed; sheets added', () => {
  const { a, b, sync, sheet, cost, rows, seen } = setup();
  const [x] = a.insertRows(sheet, { index: 0 });
  a.moveRows(sheet, [rows[1]], rows[0]);
  a.deleteRows(sheet, [rows[0]]);
  a.renameColumn(sheet, cost, 'Unit cost');
  const col = a.addColumn(sheet, { name: 'Stock', type: 'integer' });
  a.deleteColumn(sheet, col);
  const s2 = a.addSheet({ name: 'Inventory' });
  sync();
  const s = (i: number) => seen.a[i]?.sheets.get(sheet);
  expect(s(0)?.rowsAdded).toEqual(new Set([x]));
  expect(s(1)?.rowsMoved).toEqual(new Set([rows[1]]));
  expect(s(2)?.rowsRemoved).toEqual(new Set([rows[0]]));
  expect(s(3)?.columns.get(cost)).toEqual(new Set(['name']));
  expect(s(4)?.columns.get(col)).toEqual(new Set(['added']));
  expect(s(5)?.columns.get(col)).toEqual(new Set(['removed']));
  expect(seen.a[6]?.sheets.get(s2)?.added).toBe(true);
  expect(seen.a[6]?.sheetList).toBe(true);
  // the peer got the same facts in one merged update
  const merged = seen.b.at(-1)?.sheets.get(sheet);
  expect(merged?.rowsAdded.has(x ?? '')).toBe(true);
  expect(b.rowIds(sheet)).toEqual(a.rowIds(sheet));
});

test('changes: undo reports what it changed back', () => {
  const { a, sheet, cost, rows, seen } = setup();
  a.setCell(sheet, rows[0], cost, 9);
  a.undo();
  expect(seen.a[1]?.local).toBe(true);
  expect(seen.a[1]?.sheets.get(sheet)?.cells.get(rows[0])).toEqual(new Set([cost]));
  expect(a.cell(sheet, rows[0], cost)).toBe(1);
});

test('changes: settings', () => {
  const { a, seen } = setup();
  a.setSettings({ name: 'Q4 plan' });
  expect(seen.a[0]?.settings).toBe(true);
});

test('changes: options of how the grid shows a column (wrap, width) are a display change; any other option is an options change', () => {
  const { a, sync, sheet, cost, seen } = setup();
  a.setColumnOptions(sheet, cost, { wrap: true });
  a.setColumnOptions(sheet, cost, { wrap: true, width: 240, hidden: false, pinned: true });
  a.setColumnOptions(sheet, cost, { wrap: true, width: 240, currency: 'USD' });
  a.setColumnOptions(sheet, cost, { currency: 'USD' });
  sync();
  expect(seen.a.map((c) => c.sheets.get(sheet)?.columns.get(cost))).toEqual([new Set(['display']), new Set(['display']), new Set(['options']), new Set(['display'])]);
  // On the peer too (the merged update): any options change among them makes it `options`.
  expect(seen.b.at(-1)?.sheets.get(sheet)?.columns.get(cost)).toEqual(new Set(['options']));
});

test('changes: options a peer wrote that are not JSON (a big integer) are an options change, read without throwing', () => {
  const { b, sync, sheet, cost, seen } = setup();
  const col = (b.doc.getMap('sheets').get(sheet) as Y.Map<Y.Map<Y.Map<unknown>>>).get('columns')?.get(cost);
  b.doc.transact(() => col?.set('options', { choices: 9_007_199_254_740_993n, wrap: true }));
  sync();
  expect(seen.a.at(-1)?.sheets.get(sheet)?.columns.get(cost)).toEqual(new Set(['options']));
});
