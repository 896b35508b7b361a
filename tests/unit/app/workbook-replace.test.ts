/** Replace: input cells only, each new text read as if typed, all of it one undo step. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { setColumnFormulaText } from '../../../src/app/edit-commands.ts';
import { FindIndex } from '../../../src/app/find-index.ts';
import { addViewSheet } from '../../../src/app/view-commands.ts';
import type { FindQuery } from '../../../src/app/workbook-find.ts';
import { replaceAll, replaceOne, type ReplaceContext } from '../../../src/app/workbook-replace.ts';
import type { CalcService } from '../../../src/app/calc-service.ts';
import { Workbook } from '../../../src/model/index.ts';
import { isCellFormula } from '../../../src/schema/types.ts';

let wb: Workbook;
let calc: CalcService;
let products: string;
let stock: string;
let ctx: ReplaceContext;
let stop: () => void;

const col = (sheet: string, name: string): string => wb.columnByName(sheet, name)?.id ?? '';
const values = (sheet: string, name: string): unknown[] => wb.columnValues(sheet, col(sheet, name));

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop', currency: 'CNY' });
  products = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'SKU', type: 'text', options: { key: true } },
      { name: 'Name', type: 'text' },
      { name: 'Category', type: 'choice', options: { choices: ['Kitchen', 'Home', 'Garden'] } },
      { name: 'Price', type: 'currency' },
      { name: 'Units', type: 'integer' },
      { name: 'Double', type: 'currency' },
    ],
  });
  wb.appendRows(products, ['SKU', 'Name', 'Category', 'Price', 'Units'].map((n) => col(products, n)), [
    ['K-1', 'Kitchen mug', 'Kitchen', 1200, 10],
    ['K-2', 'Kitchen bowl', 'Kitchen', 12.5, 20],
    ['H-1', 'Lamp', 'Home', 30, 10],
  ]);
  stock = wb.addSheet({ name: 'Stock', columns: [{ name: 'SKU', type: 'reference', options: { refSheet: products } }, { name: 'Where', type: 'text' }] });
  wb.appendRows(stock, [col(stock, 'SKU'), col(stock, 'Where')], [['K-1', 'Kitchen shelf'], ['H-1', 'Hall']]);
  calc = engineCalc(wb, () => 'en', { today: '2027-01-10' });
  expect(setColumnFormulaText({ wb, calc }, products, col(products, 'Double'), '=[Price] * 2')).toEqual({ ok: true });
  expect(addViewSheet({ wb, calc }, 'Kitchen only', '=FILTER(Products, Products[Category] = "Kitchen")').ok).toBe(true);
  wb.clearHistory();
  const index = new FindIndex(wb, calc);
  stop = index.follow();
  const keys = (s: string, key: string): boolean => wb.rowIds(s).some((r) => wb.cell(s, r, wb.columns(s)[0]?.id ?? '') === key);
  ctx = { wb, calc, format: { locale: 'en', currency: 'CNY' }, index, locale: 'en', hasKey: keys };
});
afterEach(() => {
  stop();
  calc.dispose();
});

const q = (text: string, more: Partial<FindQuery> = {}): FindQuery => ({ text, scope: 'workbook', sheetId: products, matchCase: false, wholeCell: false, ...more });

describe('replace all', () => {
  // The view sheet shows Kitchen rows: what matches there is computed, counted and left.
  test.each([
    ['a word everywhere it is typed', q('kitchen'), 'Home', { replaced: 5, sheets: 2, computed: 4 }, { Name: ['Home mug', 'Home bowl', 'Lamp'], Category: ['Home', 'Home', 'Home'] }, ['Home shelf', 'Hall']],
    ['this sheet only', q('kitchen', { scope: 'sheet' }), 'Home', { replaced: 4, sheets: 1, computed: 0 }, { Name: ['Home mug', 'Home bowl', 'Lamp'], Category: ['Home', 'Home', 'Home'] }, ['Kitchen shelf', 'Hall']],
    ['whole cells, match case', q('Kitchen', { wholeCell: true, matchCase: true }), 'Garden', { replaced: 2, sheets: 1, computed: 2 }, { Name: ['Kitchen mug', 'Kitchen bowl', 'Lamp'], Category: ['Garden', 'Garden', 'Home'] }, ['Kitchen shelf', 'Hall']],
    ['an amount as shown, read back as typed', q('¥1,200'), '¥1,500', { replaced: 1, sheets: 1, computed: 1 }, { Price: [1500, 12.5, 30] }, ['Kitchen shelf', 'Hall']],
    ['a number as typed', q('10', { wholeCell: true }), '11', { replaced: 2, sheets: 1, computed: 1 }, { Units: [11, 20, 11] }, ['Kitchen shelf', 'Hall']],
  ])('%s', (_what, query, by, outcome, productCols, where) => {
    expect(replaceAll(ctx, { ...query, sheetId: products }, by)).toMatchObject({ ok: true, refused: 0, examples: [], ...outcome });
    for (const [name, want] of Object.entries(productCols)) expect(values(products, name)).toEqual(want);
    expect(values(stock, 'Where')).toEqual(where);
  });

  test('a computed column and a view sheet are left as they are', () => {
    // ¥2,400.00 is Double of K-1 (computed), also shown by the view sheet: nothing is written.
    expect(replaceAll(ctx, q('¥2,400.00'), '1')).toEqual({ ok: true, replaced: 0, sheets: 0, computed: 2, refused: 0, examples: [] });
    expect(values(products, 'Double')).toEqual([null, null, null]);
  });

  test('a new text the column cannot take is refused and reported with examples; the rest is written', () => {
    const r = replaceAll(ctx, q('k'), 'x');
    expect(r).toMatchObject({ ok: true, replaced: 5, sheets: 2, refused: 3 });
    if (!r.ok) return;
    // The choice column takes no "xitchen"; the reference column has no "x-1" to refer to (keys are checked before anything is written).
    expect(r.examples.map((e) => [e.text, e.problem.kind])).toEqual([
      ['xitchen', 'parse'],
      ['xitchen', 'parse'],
      ['x-1', 'unknownKey'],
    ]);
    expect(values(products, 'Category')).toEqual(['Kitchen', 'Kitchen', 'Home']);
    expect(values(products, 'SKU')).toEqual(['x-1', 'x-2', 'H-1']);
    expect(values(stock, 'SKU')).toEqual(['K-1', 'H-1']);
  });

  test('a cell\'s own formula is replaced in its formula, checked as typed; a formula that matched by its result only is left', () => {
    const units = col(products, 'Units');
    const rowId = wb.rowIds(products)[2] ?? '';
    const c = calc.check('=SUM(Products[Price])', { kind: 'cell', sheetId: products, rowId, colId: units });
    if (c.ok) wb.setCell(products, rowId, units, { f: c.stored });
    expect(replaceAll(ctx, q('SUM(', { matchCase: true }), 'MAX(')).toMatchObject({ ok: true, replaced: 1 });
    const stored = wb.cell(products, rowId, units);
    expect(isCellFormula(stored) && calc.display(stored.f, products, 'en')).toBe('=MAX(Products[Price])');
        // "1,200" is Price as shown (replaced) and the formula's result as shown (left).
    expect(replaceAll(ctx, q('1,200', { scope: 'sheet', sheetId: products }), '7')).toMatchObject({ ok: true, replaced: 1, computed: 1 });
    expect(values(products, 'Price')).toEqual([7, 12.5, 30]);
    const bad = replaceAll(ctx, q('Products[Price]'), 'Products[Nope]');
    expect(bad).toMatchObject({ ok: true, replaced: 0, refused: 1 });
    if (bad.ok) expect(bad.examples[0]?.problem.kind).toBe('formula');
  });

  test('one Undo takes back the whole replace, in every sheet', () => {
    const before = wb.toJSON();
    expect(replaceAll(ctx, q('kitchen'), 'Home')).toMatchObject({ replaced: 5, sheets: 2 });
    expect(wb.undo()).toBe(true);
    expect(wb.toJSON()).toEqual(before);
    expect(wb.canUndo()).toBe(false);
  });

  test('a value that would not change is not written or counted', () => {
    expect(replaceAll(ctx, q('lamp'), 'Lamp')).toMatchObject({ ok: true, replaced: 0 });
    expect(wb.canUndo()).toBe(false);
  });

  test('a viewer\'s copy replaces nothing', () => {
    const viewer = Workbook.load(wb.encode(), { readOnly: true });
    const vcalc = engineCalc(viewer, () => 'en', { today: '2027-01-10' });
    const r = replaceAll({ ...ctx, wb: viewer, calc: vcalc, index: new FindIndex(viewer, vcalc) }, q('kitchen'), 'Home');
    expect(r).toEqual({ ok: false, reason: 'readOnly' });
    vcalc.dispose();
  });
});

describe('replace one', () => {
  test('replaces in the cell given only, if it still matches', () => {
    const hit = { sheetId: products, rowId: wb.rowIds(products)[1] ?? '', colId: col(products, 'Name') };
    expect(replaceOne(ctx, q('kitchen'), hit, 'Garden')).toMatchObject({ ok: true, replaced: 1, sheets: 1 });
    expect(values(products, 'Name')).toEqual(['Kitchen mug', 'Garden bowl', 'Lamp']);
    expect(replaceOne(ctx, q('kitchen'), hit, 'Garden')).toMatchObject({ ok: true, replaced: 0 });
  });

  test('a computed cell is not replaced', () => {
    const hit = { sheetId: products, rowId: wb.rowIds(products)[0] ?? '', colId: col(products, 'Double') };
    expect(replaceOne(ctx, q('2,400'), hit, '1')).toMatchObject({ ok: true, replaced: 0, computed: 1 });
  });
});
