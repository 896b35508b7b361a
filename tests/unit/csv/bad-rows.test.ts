/**
 * Bad rows are listed with their line in the file (line breaks inside quoted values counted) and a
 * reason; the user imports the good rows or nothing. One import is one undoable transaction, and
 * nothing is ever half-written.
 */
import { describe, expect, test } from 'vitest';
import {
  commitImport,
  ImportError,
  MAX_LISTED,
  planImport,
  previewImport,
  type ImportPlan,
} from '../../../src/csv/index.ts';
import { ValidationError } from '../../../src/schema/index.ts';
import { type Workbook } from '../../../src/model/index.ts';
import { bytesOf } from './read-as-text.ts';
import { sheetValues, shop } from './shop.ts';

const FILE = [
  'SKU,Name,Cost,Stock,Launch', //                       line 1
  'A-1,"Garlic', //                                      line 2
  'press",12.5,3,2026-01-05', //                         line 3
  'A-2,Peeler,abc,4,2026-01-06', //                      line 4: Cost
  '', //                                                 line 5: empty
  'A-3,"Knife ""Pro""",5,2.5,2026-02-30', //             line 6: Stock and Launch
  'A-4,Board,7,1', //                                    line 7: a value missing
  'A-5,"Multi\r\nline\r\nnote",8,2,2026-03-01', //       lines 8–10
  'A-6,Bowl,9,x,2026-03-02', //                          line 11: Stock
  'A-7,Pan,10,5,"2026-03-03', //                         line 12: quote never closed
].join('\r\n');

const planFor = async (wb: Workbook, sheet: string, text = FILE): Promise<ImportPlan> => {
  const preview = previewImport(bytesOf(text), { sheetId: sheet }, wb);
  return planImport(bytesOf(text), preview.setup);
};

describe('bad rows: listed with line number and reason', () => {
  test('each refused value names its line, column and why; good rows keep their lines', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    expect(plan.problems).toMatchObject([
      { line: 4, column: 'Cost', message: '"abc" is not a number' },
      { line: 6, column: 'Stock', message: '"2.5" is not a whole number' },
      { line: 6, column: 'Launch', message: '"2026-02-30" is not a date (write it as YYYY-MM-DD)' },
      { line: 7, message: 'This record has 4 values but the header has 5; a value with a "," in it may be missing its quotes.' },
      { line: 11, column: 'Stock', message: '"x" is not a number' },
      { line: 12, message: 'This record is malformed: a quoted value is never closed (a " is missing), so the rest of the file was read as part of it.' },
    ]);
    expect(plan.lines).toEqual([2, 8]);
    expect(plan.rows).toEqual([
      ['A-1', 'Garlic\r\npress', 12.5, 3, '2026-01-05'],
      ['A-5', 'Multi\r\nline\r\nnote', 8, 2, '2026-03-01'],
    ]);
    expect({ total: plan.totalRows, bad: plan.badRows, empty: plan.emptyLines }).toEqual({ total: 7, bad: 5, empty: 1 });
  });

  test('line numbers stay right with LF-only files and line breaks in the header', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet, '"SKU",Stock\n"A\n\nB",1\nC,two\n');
    expect(plan.problems).toMatchObject([{ line: 5, column: 'Stock', message: '"two" is not a number' }]);
  });

  test('past a thousand problems they are counted, not listed', async () => {
    const { wb, sheet } = shop();
    const text = ['SKU,Stock', ...Array.from({ length: MAX_LISTED + 500 }, (_x, i) => `S${i},n/a`)].join('\n');
    const plan = await planFor(wb, sheet, text);
    expect(plan.problems).toHaveLength(MAX_LISTED);
    expect(plan.badRows).toBe(MAX_LISTED + 500);
    expect(plan.problems.at(-1)?.line).toBe(MAX_LISTED + 1);
  });
});

describe('bad rows: good rows or nothing', () => {
  test('"nothing" writes nothing at all', async () => {
    const { wb, sheet } = shop();
    const before = wb.encode();
    const result = commitImport(await planFor(wb, sheet), 'nothing', wb);
    expect(result.rowIds).toEqual([]);
    expect(wb.encode()).toEqual(before);
  });

  test('"good rows" writes exactly the good rows, after the existing ones, and one undo takes them all away', async () => {
    const { wb, sheet, ids } = shop([['OLD', null, 1, null, null, 1, null, null, null, null, null]]);
    const before = JSON.stringify(wb.toJSON());
    const result = commitImport(await planFor(wb, sheet), 'good-rows', wb);
    expect(result.skipped).toBe(5);
    expect(wb.rowIds(sheet)).toHaveLength(3);
    expect(wb.rowIds(sheet).map((r) => wb.cell(sheet, r, ids[0] ?? ''))).toEqual(['OLD', 'A-1', 'A-5']);
    expect(sheetValues(wb, sheet)[2]).toEqual(['A-5', 'Multi\r\nline\r\nnote', 8, null, null, 2, null, '2026-03-01', null, null, null]);
    expect(wb.undo()).toBe(true);
    expect(JSON.stringify(wb.toJSON())).toBe(before);
  });

  test('into a new sheet: the sheet and its rows come as one undo step', async () => {
    const { wb } = shop();
    const before = JSON.stringify(wb.toJSON());
    const bytes = bytesOf('Supplier,Lead time,On time\r\nAcme,14,是\r\n华东仓,7,否\r\n');
    const preview = previewImport(bytes, { newSheet: 'Suppliers' }, wb);
    const result = commitImport(await planImport(bytes, preview.setup), 'good-rows', wb);
    const sheetId = result.sheetId ?? '';
    expect(wb.columns(sheetId).map((c) => [c.name, c.type])).toEqual([['Supplier', 'text'], ['Lead time', 'integer'], ['On time', 'boolean']]);
    expect(sheetValues(wb, sheetId)).toEqual([['Acme', 14, true], ['华东仓', 7, false]]);
    expect(wb.undo()).toBe(true);
    expect(JSON.stringify(wb.toJSON())).toBe(before);
  });
});

describe('bad rows: nothing half-written', () => {
  test('a column retyped since the file was checked: refused with a sentence, nothing written', async () => {
    const { wb, sheet, ids } = shop();
    const plan = await planFor(wb, sheet);
    wb.retypeColumn(sheet, ids[5] ?? '', 'text');
    const before = wb.encode();
    expect(() => commitImport(plan, 'good-rows', wb)).toThrow(ImportError);
    expect(() => commitImport(plan, 'good-rows', wb)).toThrow('Column "Stock" of "Products" changed since the file was checked; check the file again.');
    expect(wb.encode()).toEqual(before);
  });

  test('a sheet deleted since the file was checked: refused with a sentence, nothing written', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    wb.deleteSheet(sheet);
    expect(() => commitImport(plan, 'good-rows', wb)).toThrow('Sheet "Products" was deleted since the file was checked');
  });

  test('a value refused by the model at write time (a caller changed the plan): the new sheet is not left behind', async () => {
    const { wb } = shop();
    const bytes = bytesOf('Supplier,Lead time\r\nAcme,14\r\n');
    const plan = await planImport(bytes, previewImport(bytes, { newSheet: 'Suppliers' }, wb).setup);
    plan.rows.push(['Bad', 'fourteen']);
    const sheets = wb.sheets().map((s) => s.name);
    expect(() => commitImport(plan, 'good-rows', wb)).toThrow(ValidationError);
    expect(wb.sheets().map((s) => s.name)).toEqual(sheets);
    expect(wb.sheetByName('Suppliers')).toBeUndefined();
  });

  test('a new sheet whose name was taken in the meantime: refused, nothing written', async () => {
    const { wb } = shop();
    const bytes = bytesOf('Supplier\r\nAcme\r\n');
    const plan = await planImport(bytes, previewImport(bytes, { newSheet: 'Suppliers' }, wb).setup);
    wb.addSheet({ name: 'suppliers' });
    const before = wb.encode();
    expect(() => commitImport(plan, 'good-rows', wb)).toThrow('There is already a sheet named "Suppliers"; choose another name.');
    expect(wb.encode()).toEqual(before);
  });
});
