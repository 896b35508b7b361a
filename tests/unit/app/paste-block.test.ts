/** Paste: a block of text cells is read for its columns, bad cells are left alone, the rest is one undo step. */
import { beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import type { EditContext } from '../../../src/app/edit-commands.ts';
import { applyPaste, currencyMismatches, pastedCount, planPaste, type PasteTarget } from '../../../src/app/paste-block.ts';
import { parseTsv } from '../../../src/csv/read-tsv.ts';
import { Workbook } from '../../../src/model/index.ts';

let wb: Workbook;
let ctx: EditContext;
let sheet: string;
const col = (name: string): string => wb.columnByName(sheet, name)?.id ?? '';

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop' });
  sheet = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'Name', type: 'text' },
      { name: 'Price', type: 'currency' },
      { name: 'Launch', type: 'date' },
      { name: 'Double', type: 'currency', formula: '=[Price] * 2' },
    ],
  });
  wb.appendRows(sheet, [col('Name')], [['Mug'], ['Board']]);
  ctx = { wb, calc: engineCalc(wb, () => 'en', { today: '2027-01-10' }), locale: 'en' };
});

/** The sheet as displayed (no sort or filter), with the selection at (top, left) to (bottom, right). */
const target = (top: number, left: number, bottom = top, right = left): PasteTarget => ({
  columns: wb.columns(sheet),
  rowCount: wb.rowCount(sheet),
  rowIdAt: (i) => wb.rowIds(sheet)[i],
  selection: { top, left, bottom, right },
});
const values = (name: string) => wb.rowIds(sheet).map((r) => wb.cell(sheet, r, col(name)));

describe('planning and applying a paste', () => {
  test('a block is read for each column; a bad cell is reported by row and column and left unchanged', () => {
    const plan = planPaste(ctx, sheet, parseTsv('Cup\t¥10\nPlate\tabc\n'), target(0, 0));
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatchObject({ row: 2, column: { name: 'Price' }, problem: { kind: 'parse' } });
    expect(pastedCount(plan)).toBe(3);
    expect(plan.area).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
    // Nothing is written before applying.
    expect(values('Name')).toEqual(['Mug', 'Board']);
    applyPaste(wb, sheet, plan);
    expect(values('Name')).toEqual(['Cup', 'Plate']);
    expect(values('Price')).toEqual([10, null]);
  });

  test('rows past the end are added; columns past the last are counted as cut; the formula column takes nothing', () => {
    const plan = planPaste(ctx, sheet, [['1', '2027-01-01', '5', 'x']], target(2, 1));
    expect(plan.newRows).toHaveLength(1);
    expect(plan.cutColumns).toBe(1);
    expect(plan.problems.map((p) => p.problem.kind)).toEqual(['formulaColumn']);
    applyPaste(wb, sheet, plan);
    expect(values('Price')).toEqual([null, null, 1]);
    expect(values('Launch')).toEqual([null, null, '2027-01-01']);
    expect(plan.area).toEqual({ top: 2, left: 1, bottom: 2, right: 3 });
  });

  test('one value pasted onto a range fills it', () => {
    applyPaste(wb, sheet, planPaste(ctx, sheet, [['7']], target(0, 1, 1, 1)));
    expect(values('Price')).toEqual([7, 7]);
  });

  test('a paste is one undo step', () => {
    applyPaste(wb, sheet, planPaste(ctx, sheet, parseTsv('A\t1\nB\t2\nC\t3'), target(0, 0)));
    expect(values('Name')).toEqual(['A', 'B', 'C']);
    wb.undo();
    expect(values('Name')).toEqual(['Mug', 'Board']);
    expect(values('Price')).toEqual([null, null]);
  });

  test('amounts pasted with another currency’s symbol are saved in the column’s currency and reported per column', () => {
    const plan = planPaste(ctx, sheet, parseTsv('$1,200\n€5\n¥3\n$4'), target(0, 1));
    expect(plan.problems).toEqual([]);
    applyPaste(wb, sheet, plan);
    expect(values('Price')).toEqual([1200, 5, 3, 4]);
    const m = currencyMismatches(plan.warnings);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ column: { name: 'Price' }, typed: ['USD', 'EUR'], currency: 'CNY', count: 3 });
    // The column's own symbol or none: nothing to say.
    expect(planPaste(ctx, sheet, [['¥8'], ['9']], target(0, 1)).warnings).toEqual([]);
  });
});
