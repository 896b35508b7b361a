/** Undo and redo undo only the local user's own changes. */
import { expect, test } from 'vitest';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

const setup = () => {
  const p = pair(seededRandom(3));
  const sheet = p.a.addSheet({ name: 'Inventory', columns: [{ name: 'SKU', type: 'text' }, { name: 'On hand', type: 'integer' }] });
  const [sku, onHand] = p.a.columns(sheet).map((c) => c.id) as [string, string];
  const [r1, r2] = p.a.appendRows(sheet, [sku, onHand], [['A', 1], ['B', 2]]) as [string, string];
  p.sync();
  return { ...p, sheet, sku, onHand, r1, r2 };
};

test('undo: a remote edit made in between survives my undo', () => {
  const { a, b, sync, sheet, onHand, r1, r2 } = setup();
  a.setCell(sheet, r1, onHand, 10);
  sync();
  b.setCell(sheet, r2, onHand, 20);
  sync();
  expect(a.undo()).toBe(true);
  sync();
  for (const wb of [a, b]) {
    expect(wb.cell(sheet, r1, onHand)).toBe(1);
    expect(wb.cell(sheet, r2, onHand)).toBe(20);
  }
});

test('undo: never undoes a change that came from a peer', () => {
  const { a, b, sync, sheet, onHand, r1 } = setup();
  a.clearHistory();
  b.setCell(sheet, r1, onHand, 30);
  sync();
  expect(a.canUndo()).toBe(false);
  expect(a.undo()).toBe(false);
  expect(a.cell(sheet, r1, onHand)).toBe(30);
});

test('undo: a peer overwrote my cell since; undoing mine keeps the peer’s later value', () => {
  const { a, b, sync, sheet, onHand, r1 } = setup();
  a.setCell(sheet, r1, onHand, 10);
  sync();
  b.setCell(sheet, r1, onHand, 11);
  sync();
  a.undo();
  sync();
  expect(a.toJSON()).toEqual(b.toJSON());
  expect(a.cell(sheet, r1, onHand)).toBe(11);
});

test('undo and redo step through one operation at a time, on both replicas', () => {
  const { a, b, sync, sheet, onHand, r1, r2 } = setup();
  a.clearHistory();
  a.setCell(sheet, r1, onHand, 5);
  a.moveRows(sheet, [r2], r1);
  const [r3] = a.insertRows(sheet, { index: 0 });
  a.undo();
  expect(a.hasRow(sheet, r3 ?? '')).toBe(false);
  a.undo();
  expect(a.rowIds(sheet)).toEqual([r1, r2]);
  a.redo();
  expect(a.rowIds(sheet)).toEqual([r2, r1]);
  sync();
  expect(b.rowIds(sheet)).toEqual([r2, r1]);
  expect(b.cell(sheet, r1, onHand)).toBe(5);
});

test('undo brings back a deleted sheet with its columns and rows', () => {
  const { a, b, sync, sheet } = setup();
  const before = a.toJSON();
  a.deleteSheet(sheet);
  sync();
  expect(b.sheets()).toEqual([]);
  a.undo();
  sync();
  expect(b.toJSON()).toEqual(before);
});

test('undo brings back a deleted column with its edited cells', () => {
  const { a, sheet, onHand, r1 } = setup();
  a.setCell(sheet, r1, onHand, 7);
  const before = a.toJSON();
  a.deleteColumn(sheet, onHand);
  expect(a.column(sheet, onHand)).toBeUndefined();
  a.undo();
  expect(a.toJSON()).toEqual(before);
});
