/** Restoring a value from a cell's history types it again: checked like any input, one undo step, never for viewers. */
import { beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { restoreValue, valueAsTyped, type RestoreContext } from '../../../src/app/restore-value.ts';
import { Workbook } from '../../../src/model/index.ts';

let wb: Workbook;
let ctx: RestoreContext;
let sheet: string;
let row: string;
const col = (name: string): string => wb.columnByName(sheet, name)?.id ?? '';

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop' });
  sheet = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'Name', type: 'text' },
      { name: 'Price', type: 'currency' },
      { name: 'Margin', type: 'percent' },
      { name: 'Status', type: 'choice', options: { choices: ['active', 'paused'] } },
      { name: 'Double', type: 'currency', formula: '=[Price] * 2' },
    ],
  });
  [row = ''] = wb.appendRows(sheet, [col('Name')], [['Mug']]);
  ctx = { wb, calc: engineCalc(wb, () => 'en', { today: '2027-01-10' }), locale: 'en', readOnly: false };
});

describe('restoring a value from the history', () => {
  test.each([
    ['Name', 'Old mug'],
    ['Price', 1200],
    ['Margin', 0.125],
    ['Status', 'paused'],
    ['Name', null],
  ] as const)('%s: %j comes back as it was', (name, value) => {
    wb.setCell(sheet, row, col(name), value);
    wb.setCell(sheet, row, col(name), name === 'Status' ? 'active' : name === 'Name' ? 'New' : 1);
    expect(restoreValue(ctx, sheet, row, col(name), value)).toMatchObject({ ok: true });
    expect(wb.cell(sheet, row, col(name))).toEqual(value);
  });

  test('a cell formula comes back by today’s names, checked again', () => {
    const checked = ctx.calc.check('=[Price] / 100', { kind: 'cell', sheetId: sheet, rowId: row, colId: col('Margin') });
    if (!checked.ok) throw new Error(checked.message);
    const f = { f: checked.stored };
    wb.renameColumn(sheet, col('Price'), 'List price');
    expect(valueAsTyped(ctx, sheet, 'percent', f)).toBe('=[List price] / 100');
    expect(restoreValue(ctx, sheet, row, col('Margin'), f)).toMatchObject({ ok: true, value: f });
    expect(wb.cell(sheet, row, col('Margin'))).toEqual(f);
  });

  test('one restore is one undo step', () => {
    wb.setCell(sheet, row, col('Price'), 5);
    wb.setCell(sheet, row, col('Price'), 6);
    restoreValue(ctx, sheet, row, col('Price'), 5);
    expect(wb.cell(sheet, row, col('Price'))).toBe(5);
    wb.undo();
    expect(wb.cell(sheet, row, col('Price'))).toBe(6);
  });

  test('what typing would refuse is refused: a choice no longer in the list, a formula column; nothing is written', () => {
    wb.setCell(sheet, row, col('Status'), 'active');
    expect(restoreValue(ctx, sheet, row, col('Status'), 'retired')).toMatchObject({ ok: false, problem: { kind: 'parse' } });
    expect(restoreValue(ctx, sheet, row, col('Double'), 10)).toMatchObject({ ok: false, problem: { kind: 'formulaColumn' } });
    expect(wb.cell(sheet, row, col('Status'))).toBe('active');
  });

  test('a workbook open for viewing only: refused, nothing written', () => {
    wb.setCell(sheet, row, col('Name'), 'Now');
    expect(restoreValue({ ...ctx, readOnly: true }, sheet, row, col('Name'), 'Before')).toMatchObject({ ok: false, problem: { kind: 'refused' } });
    expect(wb.cell(sheet, row, col('Name'))).toBe('Now');
  });
});
