/** Find: what a person sees and what they typed, in one sheet or the whole workbook, kept in step with edits. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { setColumnFormulaText } from '../../../src/app/edit-commands.ts';
import { FindIndex } from '../../../src/app/find-index.ts';
import { textMatcher } from '../../../src/app/text-matcher.ts';
import { addViewSheet } from '../../../src/app/view-commands.ts';
import { findInWorkbook, MAX_FIND_HITS, type FindQuery, type FindSource } from '../../../src/app/workbook-find.ts';
import type { CalcService } from '../../../src/app/calc-service.ts';
import { Workbook } from '../../../src/model/index.ts';

let wb: Workbook;
let calc: CalcService;
let products: string;
let stock: string;
let view: string;
let src: FindSource;
let stop: () => void;

const col = (sheet: string, name: string): string => wb.columnByName(sheet, name)?.id ?? '';

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop', currency: 'CNY' });
  products = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'SKU', type: 'text', options: { key: true } },
      { name: 'Name', type: 'text' },
      { name: 'Price', type: 'currency' },
      { name: 'Launch', type: 'date' },
      { name: 'Active', type: 'boolean' },
      { name: 'Double', type: 'currency' },
    ],
  });
  wb.appendRows(products, ['SKU', 'Name', 'Price', 'Launch', 'Active'].map((n) => col(products, n)), [
    ['BLU-1', 'Blue mug', 1200, '2027-03-01', true],
    ['STD-2', 'Mug stand', 12.5, '2027-04-01', false],
    ['PLT-3', 'Plate', 3, null, true],
  ]);
  stock = wb.addSheet({ name: 'Stock', columns: [{ name: 'SKU', type: 'reference', options: { refSheet: products } }, { name: 'Note', type: 'text' }] });
  wb.appendRows(stock, [col(stock, 'SKU'), col(stock, 'Note')], [['BLU-1', 'mug shelf'], ['PLT-3', 'MUG']]);
  calc = engineCalc(wb, () => 'en', { today: '2027-01-10' });
  expect(setColumnFormulaText({ wb, calc }, products, col(products, 'Double'), '=[Price] * 2')).toEqual({ ok: true });
  const r = addViewSheet({ wb, calc }, 'Cheap', '=FILTER(Products, Products[Price] < 5)');
  view = r.ok ? r.sheetId : '';
  const index = new FindIndex(wb, calc);
  stop = index.follow();
  src = { wb, calc, format: { locale: 'en', currency: 'CNY' }, index };
});
afterEach(() => {
  stop();
  calc.dispose();
});

const q = (text: string, more: Partial<FindQuery> = {}): FindQuery => ({ text, scope: 'workbook', sheetId: products, matchCase: false, wholeCell: false, ...more });
/** Each hit as `Sheet!Column:row number`. */
const where = (query: FindQuery): string[] =>
  findInWorkbook(src, query).hits.map((h) => {
    const sheet = wb.sheet(h.sheetId);
    const cols = h.sheetId === view ? (calc.view(view)?.columns ?? []) : wb.columns(h.sheetId);
    const rows = h.sheetId === view ? (calc.view(view)?.rowIds ?? []) : wb.rowIds(h.sheetId);
    return `${sheet?.name}!${cols.find((c) => c.id === h.colId)?.name}:${rows.indexOf(h.rowId) + 1}`;
  });

describe('text matcher', () => {
  test.each([
    // query, options, text, matches, replaced by "X"
    ['mug', {}, 'Blue Mug', true, 'Blue X'],
    ['Mug', { matchCase: true }, 'Blue mug', false, 'Blue mug'],
    ['mug', { wholeCell: true }, 'Blue mug', false, 'Blue mug'],
    ['blue mug', { wholeCell: true }, 'Blue Mug', true, 'X'],
    ['$1.50', {}, 'costs $1.50 now', true, 'costs X now'],
    ['(a)', {}, 'x (a) (A)', true, 'x X X'],
    ['  mug ', {}, 'mug', true, 'X'],
    ['商品', {}, '新商品A', true, '新XA'],
  ] as const)('%j %j in %j: %s, replaced: %j', (text, opts, cell, hit, replaced) => {
    const m = textMatcher({ text, matchCase: false, wholeCell: false, ...opts });
    expect(m?.test(cell)).toBe(hit);
    expect(m?.replace(cell, 'X')).toBe(replaced);
  });

  test('a replacement is taken literally', () => {
    expect(textMatcher({ text: 'a', matchCase: false, wholeCell: false })?.replace('a', '$&$1')).toBe('$&$1');
  });

  test('a blank query, or one holding the separators of the index, finds nothing', () => {
    expect(textMatcher({ text: '  ', matchCase: false, wholeCell: false })).toBeNull();
    expect(textMatcher({ text: 'a\u0000b', matchCase: false, wholeCell: false })).toBeNull();
  });
});

describe('finding', () => {
  test.each([
    ['a word in any case, sheets in tab order, rows then columns', q('mug'), ['Products!Name:1', 'Products!Name:2', 'Stock!Note:1', 'Stock!Note:2']],
    ['match case', q('MUG', { matchCase: true }), ['Stock!Note:2']],
    ['whole cell', q('mug', { wholeCell: true }), ['Stock!Note:2']],
    ['an amount as shown', q('¥1,200'), ['Products!Price:1']],
    ['an amount as typed', q('1200'), ['Products!Price:1']],
    ['a computed column, as shown', q('¥2,400.00'), ['Products!Double:1']],
    ['a date as shown', q('2027-04'), ['Products!Launch:2']],
    ['a tick as shown and as typed', q('yes', { wholeCell: true }), ['Products!Active:1', 'Products!Active:3', 'Cheap!Active:1']],
    ['a tick as typed', q('false', { wholeCell: true }), ['Products!Active:2']],
    ['a view sheet is searched as shown', q('plate'), ['Products!Name:3', 'Cheap!Name:1']],
    ['nothing', q('zzz'), []],
    ['a blank query', q('   '), []],
  ])('%s', (_what, query, hits) => {
    expect(where(query)).toEqual(hits);
  });

  test('this sheet only', () => {
    expect(where(q('mug', { scope: 'sheet', sheetId: stock }))).toEqual(['Stock!Note:1', 'Stock!Note:2']);
  });

  test('results are grouped by sheet with counts', () => {
    const r = findInWorkbook(src, q('mug'));
    expect(r.sheets.map((s) => [wb.sheet(s.sheetId)?.name, s.count])).toEqual([['Products', 2], ['Stock', 2]]);
    expect(r.total).toBe(4);
    expect(r.capped).toBe(false);
  });

  test('a cell\'s own formula is found by its result and by its formula as typed', () => {
    const note = col(stock, 'Note');
    const rowId = wb.rowIds(stock)[0] ?? '';
    const c = calc.check('=UPPER("shelf")', { kind: 'cell', sheetId: stock, rowId, colId: note });
    expect(c.ok).toBe(true);
    if (c.ok) wb.setCell(stock, rowId, note, { f: c.stored });
    expect(where(q('SHELF', { matchCase: true }))).toEqual(['Stock!Note:1']);
    expect(where(q('upper('))).toEqual(['Stock!Note:1']);
  });

  test('the order the person sees the rows in is followed; matches in rows they filtered out are counted apart, not listed', () => {
    const ids = wb.rowIds(products);
    const shown = [ids[1] ?? '', ids[0] ?? ''];
    expect(where({ ...q('mug'), scope: 'sheet' })).toEqual(['Products!Name:1', 'Products!Name:2']);
    const r = findInWorkbook({ ...src, rowOrder: (s) => (s === products ? shown : undefined) }, q('mug', { scope: 'sheet' }));
    expect(r.hits.map((h) => h.rowId)).toEqual([ids[1], ids[0]]);
    const only = findInWorkbook({ ...src, rowOrder: (s) => (s === products ? [ids[2] ?? ''] : undefined) }, q('mug', { scope: 'sheet' }));
    expect(only.total).toBe(0);
    expect(only.hidden).toBe(2);
    expect(only.sheets).toEqual([{ sheetId: products, count: 0, hits: [], hidden: 2 }]);
  });

  test('past the cap, matches are counted, not kept', () => {
    const many = wb.addSheet({ name: 'Many', columns: [{ name: 'N', type: 'integer' }] });
    wb.appendRows(many, [col(many, 'N')], Array.from({ length: MAX_FIND_HITS + 5 }, () => [7]));
    const r = findInWorkbook(src, q('7', { scope: 'sheet', sheetId: many, wholeCell: true }));
    expect(r.total).toBe(MAX_FIND_HITS + 5);
    expect(r.hits.length).toBe(MAX_FIND_HITS);
    expect(r.capped).toBe(true);
  });
});

describe('the index follows the workbook', () => {
  test.each([
    ['an edit of the searched column', () => wb.setCell(products, wb.rowIds(products)[2] ?? '', col(products, 'Name'), 'Mug tray'), ['Products!Name:1', 'Products!Name:2', 'Products!Name:3']],
    ['an added row', () => wb.appendRows(products, [col(products, 'Name')], [['Big mug']]), ['Products!Name:1', 'Products!Name:2', 'Products!Name:4']],
    ['a deleted row', () => wb.deleteRows(products, [wb.rowIds(products)[0] ?? '']), ['Products!Name:1']],
    ['an undo', () => (wb.setCell(products, wb.rowIds(products)[0] ?? '', col(products, 'Name'), 'Bowl'), wb.undo()), ['Products!Name:1', 'Products!Name:2']],
  ])('%s', (_what, change, hits) => {
    expect(where(q('mug', { scope: 'sheet' }))).toEqual(['Products!Name:1', 'Products!Name:2']);
    change();
    expect(where(q('mug', { scope: 'sheet' }))).toEqual(hits);
  });

  test('a recalculation: a formula column shows its new values', () => {
    expect(where(q('¥25.00', { scope: 'sheet' }))).toEqual(['Products!Double:2']);
    wb.setCell(products, wb.rowIds(products)[1] ?? '', col(products, 'Price'), 20);
    expect(where(q('¥40.00', { scope: 'sheet' }))).toEqual(['Products!Double:2']);
    expect(where(q('¥25.00', { scope: 'sheet' }))).toEqual([]);
  });

  test('in a longer sheet, an edit and what it recalculates are read again cell by cell', () => {
    const long = wb.addSheet({ name: 'Long', columns: [{ name: 'Item', type: 'text' }, { name: 'Qty', type: 'integer' }, { name: 'Twice', type: 'integer' }] });
    expect(setColumnFormulaText({ wb, calc }, long, col(long, 'Twice'), '=[Qty] * 2')).toEqual({ ok: true });
    wb.appendRows(long, [col(long, 'Item'), col(long, 'Qty')], Array.from({ length: 40 }, (_, i) => [`item ${i}`, i]));
    const inLong = (text: string) => where(q(text, { scope: 'sheet', sheetId: long, wholeCell: true }));
    expect(inLong('item 7')).toEqual(['Long!Item:8']);
    expect(inLong('14')).toEqual(['Long!Twice:8', 'Long!Qty:15']);
    const row = wb.rowIds(long)[7] ?? '';
    wb.setCell(long, row, col(long, 'Item'), 'lamp');
    wb.setCell(long, row, col(long, 'Qty'), 500);
    expect(inLong('item 7')).toEqual([]);
    expect(inLong('lamp')).toEqual(['Long!Item:8']);
    expect(inLong('1,000')).toEqual(['Long!Twice:8']);
    expect(inLong('14')).toEqual(['Long!Qty:15']);
  });

  test('a teammate\'s edit', () => {
    const peer = Workbook.load(wb.encode());
    peer.setCell(stock, peer.rowIds(stock)[1] ?? '', col(stock, 'Note'), 'plates');
    wb.applyUpdate(peer.encode());
    expect(where(q('plate'))).toEqual(['Products!Name:3', 'Stock!Note:2', 'Cheap!Name:1']);
  });

  test('the language and currency values are shown in', () => {
    expect(where(q('是', { scope: 'sheet' }))).toEqual([]);
    src = { ...src, format: { locale: 'zh-CN', currency: 'USD' } };
    expect(where(q('是', { scope: 'sheet' }))).toEqual(['Products!Active:1', 'Products!Active:3']);
    expect(where(q('$1,200', { scope: 'sheet' }))).toEqual(['Products!Price:1']);
  });
});
