/** The type checker: formulas accepted with their stored form and type, and refused with a message and the range to underline. */
import { describe, expect, it } from 'vitest';
import { FormulaEngine, type FormulaPlace } from '../../../src/formula/index.ts';
import { buildFixture, ids } from './fixture.ts';

const { wb } = buildFixture();
const engine = new FormulaEngine(wb);
const P: FormulaPlace = { sheetId: ids.products, colId: 'new' };
const I: FormulaPlace = { sheetId: ids.inventory, colId: 'new' };
const FREE: FormulaPlace = {};

describe('checker: accepted formulas, their type and stored form', () => {
  it.each<[string, FormulaPlace, string, string]>([
    ['=[Price] - [Cost]', P, 'currency', '=[#price] - [#cost]'],
    ['=[price]-[COST]', P, 'currency', '=[#price]-[#cost]'],
    ['=[Price] * 2', P, 'currency', '=[#price] * 2'],
    ['=[Price] * 10%', P, 'currency', '=[#price] * 10%'],
    ['=[Price] / [Cost]', P, 'number', '=[#price] / [#cost]'],
    ['=([Price] - [Cost]) / [Price]', P, 'number', '=([#price] - [#cost]) / [#price]'],
    ['=[Price] / 2', P, 'currency', '=[#price] / 2'],
    ['=[Launch] + 30', P, 'date', '=[#launch] + 30'],
    ['=[Launch] - DATE(2026, 1, 1)', P, 'integer', '=[#launch] - DATE(2026, 1, 1)'],
    ['=[Launch] >= "2026-02-01"', P, 'boolean', '=[#launch] >= "2026-02-01"'],
    ['=[Price] > [Cost]', P, 'boolean', '=[#price] > [#cost]'],
    ['=IF([Active], [Price], 0)', P, 'currency', '=IF([#active], [#price], 0)'],
    ['=IF([Price] < [Cost], "below cost", "ok")', P, 'text', '=IF([#price] < [#cost], "below cost", "ok")'],
    ['=[Margin] * 100', P, 'number', '=[#margin] * 100'],
    ['=[Margin] + 5%', P, 'percent', '=[#margin] + 5%'],
    ['=SUM(Products[Cost])', P, 'currency', '=SUM(#products[#cost])'],
    ['=AVERAGE(Products[Cost])', FREE, 'currency', '=AVERAGE(#products[#cost])'],
    ['=COUNT(Products[Cost])', FREE, 'integer', '=COUNT(#products[#cost])'],
    ['=ROUND([Price] * 0.9, 1)', P, 'currency', '=ROUND([#price] * 0.9, 1)'],
    ['=[Product].[Cost] * [On hand]', I, 'currency', '=[#prod].[#cost] * [#onhand]'],
    ['=[商品].[售价]', I, 'currency', '=[#prod].[#price]'],
    ['=SUM(商品[成本])', FREE, 'currency', '=SUM(#products[#cost])'],
    ["=SUM('库存'[On hand])", FREE, 'integer', '=SUM(#inventory[#onhand])'],
    ['=SUM(库存[On hand])', FREE, 'integer', '=SUM(#inventory[#onhand])'],
    ["=SUMIFS('Campaign calendar'[Budget], 'Campaign calendar'[Channel], \"App\")", FREE, 'currency', "=SUMIFS(#campaigns[#budget], #campaigns[#channel], \"App\")"],
    ['=XLOOKUP([Product], Products[SKU], Products[Price])', I, 'currency', '=XLOOKUP([#prod], #products[#sku], #products[#price])'],
    ['=XLOOKUP([Product], Products[SKU], Products[Price], 0)', I, 'currency', '=XLOOKUP([#prod], #products[#sku], #products[#price], 0)'],
    ['=VLOOKUP([Product], Products, 4, FALSE)', I, 'currency', '=VLOOKUP([#prod], #products, 4, FALSE)'],
    ['=[SKU] & " (" & [Launch] & ")"', P, 'text', '=[#sku] & " (" & [#launch] & ")"'],
    ['=EOMONTH([Launch], 0)', P, 'date', '=EOMONTH([#launch], 0)'],
    ['=DAYS("2026-12-31", [Launch])', P, 'integer', '=DAYS("2026-12-31", [#launch])'],
    ['=MAX(Products[Launch])', FREE, 'date', '=MAX(#products[#launch])'],
    ['=SAFETYSTOCK(NORM.S.INV(0.95), 3, [Lead time])', I, 'number', '=SAFETYSTOCK(NORM.S.INV(0.95), 3, [#lead])'],
    ['=IFERROR([On hand] / [Daily sales], 0)', I, 'number', '=IFERROR([#onhand] / [#daily], 0)'],
    ['=#REF! + 1', P, 'integer', '=#REF! + 1'],
  ])('%s', (text, place, type, stored) => {
    expect(engine.check(text, place)).toEqual({ ok: true, stored, type });
  });
});

describe('checker: refused formulas say why and where', () => {
  it.each<[string, FormulaPlace, string, number, number]>([
    ['=[Price] + [Category]', P, 'cannot add currency and text', 1, 21],
    ['=[Price] + [SKU] * 2', P, 'cannot multiply text by integer', 11, 20],
    ['=[Prce] - [Cost]', P, 'no column "Prce"; did you mean "Price"?', 1, 7],
    ['=[Prcie]', P, 'no column "Prcie"; did you mean "Price"?', 1, 8],
    ['=[Colour]', P, 'no column "Colour"', 1, 9],
    ['=SUM(Prodcts[Cost])', FREE, 'no sheet "Prodcts"; did you mean "Products"?', 5, 12],
    ['=SUM(Products[Cots])', FREE, 'no column "Cots" in sheet "Products"; did you mean "Cost"?', 13, 19],
    ['=SUMM([Price])', P, 'no function SUMM; did you mean SUM?', 1, 5],
    ['=[Price] * [Cost]', P, 'cannot multiply currency by currency', 1, 17],
    ['=[Launch] + [Launch]', P, 'cannot add two dates', 1, 20],
    ['=[Launch] * 2', P, 'cannot multiply date by integer', 1, 13],
    ['=[Price] > [SKU]', P, 'cannot compare currency and text', 1, 16],
    ['=[Launch] > "soon"', P, 'cannot compare date and text', 1, 18],
    ['=IF([Active], [Launch], 0)', P, 'IF’s two results must agree: date and integer', 24, 25],
    ['=IF([SKU], 1, 2)', P, 'IF needs a condition (TRUE or FALSE, or a number) as its first argument (condition), not text', 4, 9],
    ['=ROUND([SKU], 2)', P, 'ROUND needs a number as its first argument (number), not text', 7, 12],
    ['=ROUND([Price])', P, 'ROUND takes 2 arguments, not 1', 1, 15],
    ['=SUM()', P, 'SUM takes at least 1 argument, not 0', 1, 6],
    ['=SUM(1,,2)', P, 'an argument is missing: SUM needs its second argument (values)', 7, 8],
    ['=YEAR([Price])', P, 'YEAR needs a date as its first argument (date), not currency', 6, 13],
    ['=SUM([Category])', P, 'SUM needs numbers as its first argument (values), not text', 5, 15],
    ['=Products[Cost]', FREE, 'the formula gives a whole column', 1, 15],
    ['=Products[Cost] * 2', FREE, 'this is a whole column', 1, 15],
    ['=ROUND(Products[Cost], 2)', FREE, 'ROUND needs a single value as its first argument (number); this is a whole column', 7, 21],
    ['=[Price] + 1', FREE, 'this formula has no row', 1, 8],
    ['=[SKU].[Cost]', P, '[SKU] is not a reference column', 1, 6],
    ['=[Product].[Colour]', I, 'no column "Colour" in sheet "Products"', 11, 19],
    ['=[Margin] + 1', { sheetId: ids.products, colId: 'margin' }, 'a formula cannot use its own column [Margin] in the same row', 1, 9],
    ['=Price * 2', P, '"Price" is a column; write it in brackets: [Price]', 1, 6],
    ['=Products + 1', FREE, '"Products" is a sheet; write Sheet[Column]', 1, 9],
    ['=hello', FREE, 'unknown name "hello"; text needs quotes ("hello")', 1, 6],
    ['=VLOOKUP("x", Products, [Cost], FALSE)', P, 'VLOOKUP needs the column number written as a number', 24, 30],
    ['=VLOOKUP("x", Products, 12, FALSE)', P, 'the sheet has 7 columns', 24, 26],
    ['=1 +', P, 'the formula ends too early', 4, 4],
    ['Price', P, 'a formula starts with "="', 0, 0],
  ])('%s: %s', (text, place, message, from, to) => {
    const r = engine.check(text, place);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    expect([r.from, r.to]).toEqual([from, to]);
  });
});

describe('checker: names in any language', () => {
  it('matches the workbook language’s labels, the other language’s and the plain name alike', () => {
    for (const text of ['=SUM(商品[成本])', '=SUM(Products[Cost])', '=SUM(products[成本])']) {
      expect(engine.check(text, FREE)).toMatchObject({ ok: true, stored: '=SUM(#products[#cost])' });
    }
  });

  it('shows stored formulas in the workbook’s language', () => {
    const zh = new FormulaEngine(buildFixture('zh-CN').wb);
    expect(zh.display('=SUM(#products[#cost]) + [#price]', ids.products)).toBe('=SUM(商品[成本]) + [售价]');
    expect(engine.display('=SUM(#products[#cost]) + [#price]', ids.products)).toBe('=SUM(Products[Cost]) + [Price]');
    expect(engine.display('=SUM(#campaigns[#budget])')).toBe("=SUM('Campaign calendar'[Budget])");
    expect(engine.display('=[#prod].[#cost] * [#onhand]', ids.inventory)).toBe('=[Product].[Cost] * [On hand]');
  });
});
