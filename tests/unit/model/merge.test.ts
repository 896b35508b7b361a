/** Merge semantics of DESIGN.md, each as a named case, checked in both directions of delivery. */
import { describe, expect, test } from 'vitest';
import type { Workbook } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

/** Two replicas sharing a sheet with three rows and columns SKU, Cost, Stock. */
const setup = (descending: boolean) => {
  const p = pair(seededRandom(1), descending);
  const sheet = p.a.addSheet({
    name: 'Products',
    columns: [
      { name: 'SKU', type: 'text' },
      { name: 'Cost', type: 'currency' },
      { name: 'Stock', type: 'integer' },
    ],
  });
  const [sku, cost, stock] = p.a.columns(sheet).map((c) => c.id) as [string, string, string];
  const rows = p.a.appendRows(sheet, [sku, cost, stock], [
    ['A-1', 10, 5],
    ['A-2', 20, 6],
    ['A-3', 30, 7],
  ]) as [string, string, string];
  p.sync();
  return { ...p, sheet, sku, cost, stock, rows };
};

const same = (a: Workbook, b: Workbook) => expect(b.toJSON()).toEqual(a.toJSON());

describe.each([
  ['A has the lower client id', false],
  ['B has the lower client id', true],
])('merge semantics (%s)', (_label, descending) => {
  test('concurrent edits to different cells of one row both survive', () => {
    const { a, b, sync, sheet, cost, stock, rows } = setup(descending);
    a.setCell(sheet, rows[0], cost, 11);
    b.setCell(sheet, rows[0], stock, 50);
    sync();
    same(a, b);
    expect(a.cell(sheet, rows[0], cost)).toBe(11);
    expect(a.cell(sheet, rows[0], stock)).toBe(50);
  });

  test('concurrent edits to the same cell converge to one of the values on every replica', () => {
    const { a, b, sync, sheet, cost, rows } = setup(descending);
    a.setCell(sheet, rows[1], cost, 21);
    b.setCell(sheet, rows[1], cost, 22);
    sync();
    same(a, b);
    expect([21, 22]).toContain(a.cell(sheet, rows[1], cost));
  });

  test('a row deleted while another replica edits it stays deleted', () => {
    const { a, b, sync, sheet, cost, rows } = setup(descending);
    a.deleteRows(sheet, [rows[2]]);
    b.setCell(sheet, rows[2], cost, 99);
    b.moveRows(sheet, [rows[2]], rows[0]);
    sync();
    same(a, b);
    expect(a.rowIds(sheet)).toEqual([rows[0], rows[1]]);
    expect(a.hasRow(sheet, rows[2])).toBe(false);
  });

  test('concurrent moves of the same row never duplicate it', () => {
    const { a, b, sync, sheet, rows } = setup(descending);
    a.moveRows(sheet, [rows[2]], rows[0]);
    b.moveRows(sheet, [rows[2]], rows[1]);
    sync();
    same(a, b);
    const ids = a.rowIds(sheet);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids.filter((id) => id === rows[2])).toHaveLength(1);
  });

  test('concurrent inserts at the same place keep both rows, in the same order everywhere', () => {
    const { a, b, sync, sheet, rows } = setup(descending);
    const [x] = a.insertRows(sheet, { index: 1 });
    const [y] = b.insertRows(sheet, { index: 1 });
    sync();
    same(a, b);
    const ids = a.rowIds(sheet);
    expect(ids).toHaveLength(5);
    expect(ids[0]).toBe(rows[0]);
    expect(new Set(ids.slice(1, 3))).toEqual(new Set([x, y]));
    // inserting between the two equal-keyed rows still lands where asked
    const [z] = a.insertRows(sheet, { index: 2 });
    sync();
    same(a, b);
    expect(a.rowIds(sheet)[2]).toBe(z);
  });

  test('a column deleted while another replica edits its cells stays deleted, other edits survive', () => {
    const { a, b, sync, sheet, cost, stock, rows } = setup(descending);
    a.deleteColumn(sheet, cost);
    b.setCell(sheet, rows[0], cost, 12);
    b.setCell(sheet, rows[0], stock, 8);
    sync();
    same(a, b);
    expect(a.columns(sheet).map((c) => c.name)).toEqual(['SKU', 'Stock']);
    expect(a.row(sheet, rows[0])).toEqual({ [a.columns(sheet)[0]?.id ?? '']: 'A-1', [stock]: 8 });
  });

  test('a sheet deleted while another replica edits it stays deleted', () => {
    const { a, b, sync, sheet, cost, rows } = setup(descending);
    a.deleteSheet(sheet);
    b.setCell(sheet, rows[0], cost, 13);
    b.insertRows(sheet, { count: 2 });
    sync();
    same(a, b);
    expect(a.sheets()).toEqual([]);
  });

  test('concurrent rename and retype of one column both survive', () => {
    const { a, b, sync, sheet, stock } = setup(descending);
    a.renameColumn(sheet, stock, 'On hand');
    b.retypeColumn(sheet, stock, 'number');
    sync();
    same(a, b);
    expect(a.column(sheet, stock)).toMatchObject({ name: 'On hand', type: 'number' });
  });
});
