/**
 * The data of Microsoft's documented examples for the functions added in issue 18, as sheets:
 * "Ex" holds one column per example (padded with blanks, which aggregates skip), "Parts" is the
 * HLOOKUP example's table (its header row becomes the column names), "Data" the fixture's.
 */
import type { CellValue } from '../../../src/schema/types.ts';
import { buildFixture } from './fixture.ts';

/** Each example's values, by column name (the sheet holds them from the first row down). */
const EX: Record<string, { type: 'number' | 'text' | 'date'; values: CellValue[] }> = {
  LargeV: { type: 'number', values: [3, 5, 3, 5, 4, 4, 2, 4, 6, 7] },
  SmallA: { type: 'number', values: [3, 4, 5, 2, 3, 4, 6, 4, 7] },
  SmallB: { type: 'number', values: [1, 4, 8, 3, 7, 12, 54, 8, 23] },
  Rank: { type: 'number', values: [7, 3.5, 3.5, 1, 2] },
  Geo: { type: 'number', values: [4, 5, 8, 7, 11, 4, 3] },
  SlopeY: { type: 'number', values: [2, 3, 9, 1, 8, 7, 5] },
  SlopeX: { type: 'number', values: [6, 5, 11, 7, 5, 4, 4] },
  InterY: { type: 'number', values: [2, 3, 9, 1, 8] },
  InterX: { type: 'number', values: [6, 5, 11, 7, 5] },
  QInc: { type: 'number', values: [1, 2, 4, 7, 8, 9, 10, 12] },
  QExc: { type: 'number', values: [6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49] },
  PExc: { type: 'number', values: [1, 2, 3, 6, 6, 6, 7, 8, 9] },
  Npv: { type: 'number', values: [8000, 9200, 10000, 12000, 14500] },
  Sub: { type: 'number', values: [120, 10, 150, 23] },
  Freq: { type: 'number', values: [4.14, 4.19, 5.17, 5.77, 6.39] },
  Color: { type: 'text', values: ['red', 'orange', 'yellow', 'green', 'blue'] },
  Desc: { type: 'number', values: [5, 4, 3, 2, 1] },
  Fruit: { type: 'text', values: ['Apple', 'Grape', 'Pear', 'Banana', 'Cherry'] },
  Hol08: { type: 'date', values: ['2008-11-26', '2008-12-04', '2009-01-21'] },
  Hol06: { type: 'date', values: ['2006-01-02', '2006-01-16'] },
};

/** The fixture workbook with the "Ex" and "Parts" sheets added. */
export const buildExamples = () => {
  const fx = buildFixture();
  const { wb } = fx;
  const names = Object.keys(EX);
  const ex = wb.addSheet({ name: 'Ex', columns: names.map((n) => ({ name: n, type: EX[n]?.type ?? 'number' })) });
  const ids = wb.columns(ex).map((c) => c.id);
  const rows = Math.max(...names.map((n) => EX[n]?.values.length ?? 0));
  wb.appendRows(ex, ids, Array.from({ length: rows }, (_, i) => names.map((n) => EX[n]?.values[i] ?? null)));
  const parts = wb.addSheet({
    name: 'Parts',
    columns: ['Axles', 'Bearings', 'Bolts'].map((name) => ({ name, type: 'integer' as const })),
  });
  wb.appendRows(parts, wb.columns(parts).map((c) => c.id), [[4, 4, 9], [5, 7, 10], [6, 8, 11]]);
  return fx;
};
