/**
 * The data of Microsoft's documented examples of the dynamic-array functions: "Sales" is the sample
 * range of the FILTER, SORT and SORTBY pages (Region, Sales Rep, Product, Units in A5:D20); the other
 * examples' data are array constants in the formulas themselves. `arrayTable` checks formulas whose
 * result is an array against the rows Microsoft shows.
 */
import { describe, expect, it } from 'vitest';
import { evaluateInWorkbook, type CellJSON, type FormulaSource } from '../../../src/formula/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { seededRandom } from '../../support/random.ts';

/** Region, Sales Rep, Product, Units: Microsoft's sample for FILTER, SORT and SORTBY. */
export const SALES: [string, string, string, number][] = [
  ['East', 'Tom', 'Apple', 6380], ['West', 'Fred', 'Grape', 5619], ['North', 'Amy', 'Pear', 4565], ['South', 'Sal', 'Banana', 5323],
  ['East', 'Fritz', 'Apple', 4394], ['West', 'Sravan', 'Grape', 7195], ['North', 'Xi', 'Pear', 5231], ['South', 'Hector', 'Banana', 2427],
  ['East', 'Tom', 'Banana', 4213], ['West', 'Fred', 'Pear', 3239], ['North', 'Amy', 'Grape', 6420], ['South', 'Sal', 'Apple', 1310],
  ['East', 'Fritz', 'Banana', 6274], ['West', 'Sravan', 'Pear', 4894], ['North', 'Xi', 'Grape', 7580], ['South', 'Hector', 'Apple', 9814],
];

/** A workbook with the "Sales" sheet (fixed ids: sales, region, rep, product, units). */
export const salesWorkbook = (): Workbook => {
  const rnd = seededRandom(20);
  const wb = Workbook.create({ name: 'Arrays' }, { random: (k) => rnd.bytes(k) });
  wb.addSheet({
    id: 'sales',
    name: 'Sales',
    columns: [
      { id: 'region', name: 'Region', type: 'text' },
      { id: 'rep', name: 'Sales Rep', type: 'text' },
      { id: 'product', name: 'Product', type: 'text' },
      { id: 'units', name: 'Units', type: 'integer' },
    ],
  });
  wb.appendRows('sales', ['region', 'rep', 'product', 'units'], SALES);
  return wb;
};

/** The rows of Sales whose product is `p` (a FILTER's expected rows). */
export const salesOf = (keep: (r: (typeof SALES)[number]) => boolean): (string | number)[][] => SALES.filter(keep).map((r) => [...r]);

/** `[formula, expected rows (an error code for an error value), expected column types?]`. */
export type ArrayCase = [string, CellJSON[][] | string, string[]?];

/** A describe block checking each formula's array against the rows expected (numbers to 9 decimals). */
export const arrayTable = (source: FormulaSource) => (name: string, cases: ArrayCase[]) =>
  describe(name, () => {
    it.each(cases)('%s', (formula, want, types) => {
      const got = evaluateInWorkbook(source, formula);
      if (typeof want === 'string') {
        expect(got, JSON.stringify(got)).toMatchObject({ error: want });
        return;
      }
      expect(got, JSON.stringify(got)).toMatchObject({ type: 'array' });
      if (!('value' in got) || !Array.isArray(got.value)) return;
      const rows = got.value.map((r) => r.map((v) => (typeof v === 'object' && v !== null ? v.error : v)));
      expect(rows.length, JSON.stringify(rows)).toBe(want.length);
      rows.forEach((row, i) => {
        const w = want[i] ?? [];
        expect(row.length, `row ${i}: ${JSON.stringify(row)}`).toBe(w.length);
        row.forEach((v, j) => {
          const e = w[j];
          if (typeof e === 'number' && typeof v === 'number') expect(v, `row ${i}, column ${j}`).toBeCloseTo(e, 9);
          else expect(v, `row ${i}, column ${j}`).toEqual(e);
        });
      });
      if (types && 'columns' in got) expect(got.columns.map((c) => c.type)).toEqual(types);
    });
  });
