/** Kept column values: read once, patched cell by cell, dropped when whole columns change. */
import { expect, test } from 'vitest';
import { type ComputedValue } from '../../../src/schema/index.ts';
import { SheetValues } from '../../../src/app/charts/sheet-values.ts';

const setup = () => {
  const rows = ['r0', 'r1', 'r2'];
  const data: Record<string, ComputedValue[]> = { a: [1, 2, 3], b: ['x', 'y', 'z'] };
  let reads = 0;
  const values = new SheetValues({
    column: (c) => {
      reads++;
      return data[c] ?? [];
    },
    cell: (r, c) => data[c]?.[rows.indexOf(r)] ?? null,
    rowIndex: (r) => rows.indexOf(r),
  });
  return { data, values, reads: () => reads };
};

test('a column is read once and then kept', () => {
  const { values, reads } = setup();
  expect(values.values('a')).toEqual([1, 2, 3]);
  values.values('a');
  expect(reads()).toBe(1);
});

test('an edited cell is patched without reading the column again', () => {
  const { data, values, reads } = setup();
  values.values('a');
  data.a = [1, 20, 3];
  values.cellsChanged(new Map([['r1', new Set(['a', 'unread'])]]));
  expect(values.values('a')).toEqual([1, 20, 3]);
  expect(reads()).toBe(1);
});

test('a whole column changed, or the rows, is read again', () => {
  const { data, values, reads } = setup();
  values.values('a');
  data.a = [9, 9, 9];
  values.columnsChanged(['a']);
  expect(values.values('a')).toEqual([9, 9, 9]);
  data.a = [7];
  values.clear();
  expect(values.values('a')).toEqual([7]);
  expect(reads()).toBe(3);
});

test('a cell of a row the kept column does not have drops that column', () => {
  const { values, reads } = setup();
  values.values('a');
  values.cellsChanged(new Map([['r9', new Set(['a'])]]));
  values.values('a');
  expect(reads()).toBe(2);
});
