import { describe, expect, test } from 'vitest';
import { type ComputedValue } from '../../../src/schema/index.ts';
import type { CellScalar, Column } from '../../../src/schema/index.ts';
import { orderRows } from '../../../src/app/row-order.ts';
import type { ViewState } from '../../../src/app/sheet-view.ts';

const columns: Column[] = [
  { id: 'name', name: 'Name', type: 'text', options: {} },
  { id: 'cost', name: 'Cost', type: 'currency', options: {} },
  { id: 'cat', name: 'Category', type: 'choice', options: { choices: ['Home', 'Toys'] } },
];
const rows: Record<string, Record<string, CellScalar | ComputedValue>> = {
  a: { name: 'Mug', cost: 12, cat: 'Home' },
  b: { name: 'Kite', cost: null, cat: 'Toys' },
  c: { name: 'Jar', cost: 8, cat: 'Home' },
  d: { name: 'Ball', cost: { error: '#DIV/0!', message: '' }, cat: 'Toys' },
  e: { name: 'Lamp', cost: 12, cat: 'Toys' },
};
const ids = ['a', 'b', 'c', 'd', 'e'];
const read = {
  values: (colId: string) => ids.map((id) => (rows[id]?.[colId] ?? null) as ComputedValue),
  format: (v: ComputedValue) => (v === null || typeof v === 'object' ? '' : String(v)),
  column: (colId: string) => columns.find((c) => c.id === colId),
};
const view = (v: Partial<ViewState>): ViewState => ({ sort: [], filters: {}, ...v });

describe('the rows a person sees, in their order', () => {
  test('no sort and no filter: the sheet’s own order', () => {
    expect(orderRows(ids, view({}), read)).toEqual(ids);
  });

  test('ascending by value, empty cells then errors last; ties keep the sheet’s order', () => {
    expect(orderRows(ids, view({ sort: [{ colId: 'cost', sort: 'asc' }] }), read)).toEqual(['c', 'a', 'e', 'b', 'd']);
  });

  test('descending reverses the values but keeps empty cells and errors last', () => {
    expect(orderRows(ids, view({ sort: [{ colId: 'cost', sort: 'desc' }] }), read)).toEqual(['a', 'e', 'c', 'b', 'd']);
  });

  test('a second sort column orders the ties of the first', () => {
    const v = view({ sort: [{ colId: 'cat', sort: 'asc' }, { colId: 'name', sort: 'desc' }] });
    expect(orderRows(ids, v, read)).toEqual(['a', 'c', 'e', 'b', 'd']);
  });

  test('filters first, then the sort', () => {
    const v = view({ filters: { cat: { op: 'anyOf', values: ['Toys'] } }, sort: [{ colId: 'name', sort: 'asc' }] });
    expect(orderRows(ids, v, read)).toEqual(['d', 'b', 'e']);
  });

  test('a sort or filter on a column that no longer exists is ignored', () => {
    expect(orderRows(ids, view({ sort: [{ colId: 'gone', sort: 'asc' }], filters: { gone: { op: 'empty' } } }), read)).toEqual(ids);
  });
});

describe('a first screen of a big sheet', () => {
  test('the first rows of the order, found without sorting every row, equal the head of the full order', () => {
    const many = Array.from({ length: 500 }, (_, i) => `r${i}`);
    const values = new Map(many.map((id, i) => [id, (i * 7919) % 97]));
    const big = { ...read, values: () => many.map((id) => values.get(id) ?? null), column: () => columns[1] };
    for (const sort of ['asc', 'desc'] as const) {
      const v = view({ sort: [{ colId: 'cost', sort }] });
      expect(orderRows(many, v, big, 40)).toEqual(orderRows(many, v, big).slice(0, 40));
    }
    expect(orderRows(many, view({}), big, 10)).toEqual(many.slice(0, 10));
  });
});
