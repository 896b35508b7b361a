/** Edit commands: typed text is checked once, in src/app, and nothing that fails is written. */
import { beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { describeEditWarning, setColumnFormulaText, typeIntoCell, type EditContext } from '../../../src/app/edit-commands.ts';
import { importRows } from '../../../src/app/import-rows.ts';
import type { ImportPlan } from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';

let wb: Workbook;
let ctx: EditContext;
let sheet: string;
let row: string;
const col = (name: string): string => wb.columnByName(sheet, name)?.id ?? '';

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop' });
  const suppliers = wb.addSheet({ name: 'Suppliers', columns: [{ name: 'Code', type: 'text', options: { key: true } }] });
  wb.appendRows(suppliers, [wb.columns(suppliers)[0]?.id ?? ''], [['SUP-1']]);
  sheet = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'Name', type: 'text' },
      { name: 'Price', type: 'currency' },
      { name: 'Margin', type: 'percent' },
      { name: 'Launch', type: 'date' },
      { name: 'Supplier', type: 'reference', options: { refSheet: suppliers } },
      { name: 'Double', type: 'currency', formula: '=[Price] * 2' },
    ],
  });
  [row = ''] = wb.appendRows(sheet, [col('Name')], [['Mug']]);
  const calc = engineCalc(wb, () => 'en', { today: '2027-01-10' });
  const keys = (s: string, key: string): boolean => wb.rowIds(s).some((r) => wb.cell(s, r, wb.columns(s)[0]?.id ?? '') === key);
  ctx = { wb, calc, locale: 'en', hasKey: keys };
});

describe('typing into a cell', () => {
  test.each([
    ['Price', '¥1,200', 1200],
    ['Margin', '12%', 0.12],
    ['Launch', '2027/1/10', '2027-01-10'],
    ['Supplier', 'SUP-1', 'SUP-1'],
  ])('%s: %j is written as %j', (name, text, value) => {
    expect(typeIntoCell(ctx, sheet, row, col(name), text)).toEqual({ ok: true, value });
    expect(wb.cell(sheet, row, col(name))).toEqual(value);
  });

  test('an amount typed with another currency\'s symbol is taken in the column\'s currency, with a warning that it is not converted', () => {
    const r = typeIntoCell(ctx, sheet, row, col('Price'), '$1,200');
    expect(r).toMatchObject({ ok: true, value: 1200, warning: { kind: 'currencyDiffers', typed: 'USD', currency: 'CNY', value: 1200 } });
    expect(wb.cell(sheet, row, col('Price'))).toBe(1200);
    if (r.ok && r.warning) expect(describeEditWarning(r.warning)).toBe('USD was typed, but "Price" is in CNY: the amount is taken as 1200 CNY, not converted.');
    // The column's own symbol, a bare number or a code of the same currency: nothing to say.
    for (const text of ['¥1,200', '1200', '1200 CNY', '30元']) expect(typeIntoCell(ctx, sheet, row, col('Price'), text)).not.toHaveProperty('warning');
    // A column with its own currency: its symbol is the one that matches.
    const usd = wb.addColumn(sheet, { name: 'List price', type: 'currency', options: { currency: 'USD' } });
    expect(typeIntoCell(ctx, sheet, row, usd, '$5')).not.toHaveProperty('warning');
    expect(typeIntoCell(ctx, sheet, row, usd, '€5')).toMatchObject({ ok: true, warning: { typed: 'EUR', currency: 'USD' } });
  });

  test('a formula that mixes types is refused when typed, with where, and nothing is written', () => {
    const r = typeIntoCell(ctx, sheet, row, col('Margin'), '=[Price] + [Name]');
    if (r.ok) expect.fail('the formula was taken');
    else expect(r.problem).toMatchObject({ kind: 'formula', message: expect.stringMatching(/currency and text/), from: expect.any(Number) });
    expect(wb.cell(sheet, row, col('Margin'))).toBeNull();
  });

  test('a formula that checks is stored in its stored form (column ids, not names)', () => {
    const r = typeIntoCell(ctx, sheet, row, col('Price'), '=LEN([Name])');
    expect(r.ok && typeof r.value === 'object' && r.value !== null && 'f' in r.value ? r.value.f : '').toContain(col('Name'));
  });

  test.each([
    ['Price', 'cheap', 'parse'],
    ['Double', '5', 'formulaColumn'],
    ['Supplier', 'SUP-404', 'unknownKey'],
  ])('%s: %j is refused (%s)', (name, text, kind) => {
    const before = wb.cell(sheet, row, col(name));
    const r = typeIntoCell(ctx, sheet, row, col(name), text);
    expect(r.ok ? 'written' : r.problem.kind).toBe(kind);
    expect(wb.cell(sheet, row, col(name))).toEqual(before);
  });
});

describe('setting a column formula', () => {
  test('one that checks is stored in its stored form, and the column computes it', () => {
    expect(setColumnFormulaText(ctx, sheet, col('Double'), '=[Price] * 3')).toEqual({ ok: true });
    expect(wb.column(sheet, col('Double'))?.formula).toContain(col('Price'));
  });

  test('one that does not check is refused with where and why, and the old formula stays', () => {
    const before = wb.column(sheet, col('Double'))?.formula;
    const r = setColumnFormulaText(ctx, sheet, col('Double'), '=[Price] + [Name]');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/currency and text/), from: expect.any(Number) });
    expect(wb.column(sheet, col('Double'))?.formula).toBe(before);
  });

  test('blank text removes the formula: the column takes typed values again', () => {
    expect(setColumnFormulaText(ctx, sheet, col('Double'), '  ')).toEqual({ ok: true });
    expect(wb.column(sheet, col('Double'))?.formula).toBeUndefined();
    expect(typeIntoCell(ctx, sheet, row, col('Double'), '5')).toEqual({ ok: true, value: 5 });
  });
});

test('an import writes values only: a plan holding a formula is refused before anything is written', () => {
  const plan = {
    setup: { target: { sheetId: sheet, sheetName: 'Products' }, columns: [] },
    rows: [[{ f: '=1+1' }]],
    lines: [1],
    problems: [],
    badRows: 0,
    rejected: [],
    totalRows: 1,
    emptyLines: 0,
  } as unknown as ImportPlan;
  const rows = wb.rowIds(sheet).length;
  expect(() => importRows(plan, 'good-rows', wb)).toThrow(/values only/);
  expect(wb.rowIds(sheet).length).toBe(rows);
});
