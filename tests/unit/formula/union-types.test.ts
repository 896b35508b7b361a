/**
 * Union result types: a fallback of another type (IFERROR(x, "-")) makes "number or text". The cell
 * holds the number or the text; aggregates over such a column skip its text, as Excel's SUM skips
 * text in a range; using it where a number is required is refused when typed, with a way out.
 */
import { describe, expect, it } from 'vitest';
import { evaluateInWorkbook, FormulaEngine, type FormulaPlace } from '../../../src/formula/index.ts';
import { buildFixture, ids } from './fixture.ts';

const P: FormulaPlace = { sheetId: ids.products, colId: 'new' };
const I: FormulaPlace = { sheetId: ids.inventory, colId: 'new' };

/** The fixture with a union column in Inventory: cover, or "no sales" where the daily sales are 0. */
const withUnion = () => {
  const f = buildFixture();
  f.wb.addColumn(ids.inventory, { id: 'coverOr', name: 'Cover or note', type: 'number', formula: '=IFERROR([#onhand] / [#daily], "no sales")' });
  f.wb.addColumn(ids.inventory, { id: 'priceOr', name: 'Price or none', type: 'currency', formula: '=XLOOKUP([#prod], #products[#sku], #products[#price], "none")' });
  const engine = FormulaEngine.attach(f.wb);
  return { ...f, engine };
};

describe('union types: accepted when typed, with their type', () => {
  const { engine } = withUnion();
  it.each<[string, FormulaPlace, string]>([
    ['=IFERROR([On hand] / [Daily sales], "-")', I, 'number'],
    ['=IFNA(XLOOKUP([Product], Products[SKU], Products[Price]), "not found")', I, 'currency'],
    ['=XLOOKUP([Product], Products[SKU], Products[Price], "none")', I, 'currency'],
    ['=IF([On hand] = 0, "out", [On hand])', I, 'integer'],
    ['=IF([Active], [Launch], "not launched")', P, 'date'],
    ['=SWITCH([Category], "Kitchen", [Price], "n/a")', P, 'currency'],
    ['=CHOOSE(2, [Price], "-")', P, 'currency'],
    ['=IFERROR(IF([Active], [Price], "off"), 0)', P, 'currency'],
  ])('%s is "%s or text"', (text, place, type) => {
    expect(engine.check(text, place)).toMatchObject({ ok: true, type, orText: true });
  });

  it('an empty text "" as a result is a blank cell, so the type stays plain', () => {
    const r = engine.check('=IF([Price] > 0, ([Price] - [Cost]) / [Price], "")', P);
    expect(r).toMatchObject({ ok: true, type: 'number' });
    expect(r).not.toHaveProperty('orText');
    expect(engine.check('=IF([Active], "on", "")', P)).toMatchObject({ ok: true, type: 'text' });
  });

  it('a date and a number still do not mix', () => {
    expect(engine.check('=IF([Active], [Launch], 0)', P)).toMatchObject({ ok: false, message: expect.stringContaining('must agree: date and integer') });
  });
});

describe('union types: refused where a number is required, with a way to keep a number', () => {
  const { engine } = withUnion();
  it.each<[string, FormulaPlace, string, number, number]>([
    ['=IFERROR([On hand] / [Daily sales], "-") * 2', I, 'use IFERROR(…, 0) to keep a number', 1, 40],
    ['=-IFNA(XLOOKUP([Product], Products[SKU], Products[Price]), "-")', I, 'use IFNA(…, 0) to keep a number', 2, 63],
    ['=XLOOKUP([Product], Products[SKU], Products[Price], "none") + 1', I, 'give XLOOKUP a number as if_not_found', 1, 59],
    ['=ROUND(IF([On hand] = 0, "out", [On hand]), 0)', I, 'give IF a number in both results', 7, 42],
    ['=[Cover or note] + 1', I, '[Cover or note] can hold text; N([Cover or note]) reads text as 0', 1, 16],
    ['=IF(IFERROR([On hand] / [Daily sales], "-"), 1, 2)', I, 'the first argument of IF (condition) is number or text', 4, 43],
    ['=YEAR(IF([Active], [Launch], "-"))', P, 'the first argument of YEAR (date) is date or text', 6, 33],
    ['=SUM(IFERROR([On hand] / [Daily sales], "-"), 1)', I, 'the first argument of SUM (values) is number or text', 5, 44],
  ])('%s: %s', (text, place, message, from, to) => {
    const r = engine.check(text, place);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    expect([r.from, r.to]).toEqual([from, to]);
  });

  it('N() keeps the number and reads text as 0; comparing and joining need nothing', () => {
    expect(engine.check('=N([Cover or note]) * 2', I)).toMatchObject({ ok: true, type: 'number' });
    expect(engine.check('=[Cover or note] = "no sales"', I)).toMatchObject({ ok: true, type: 'boolean' });
    expect(engine.check('=[Cover or note] > 10', I)).toMatchObject({ ok: true, type: 'boolean' });
    expect(engine.check('=[Cover or note] & " days"', I)).toMatchObject({ ok: true, type: 'text' });
    expect(engine.check('=ISNUMBER([Cover or note])', I)).toMatchObject({ ok: true, type: 'boolean' });
    expect(engine.check('=SUM(库存[Cover or note])', I)).toMatchObject({ ok: true, type: 'number' });
  });
});

describe('union types: computed, shown and aggregated', () => {
  it('each cell holds its number or its text, and the column keeps the union', () => {
    const { engine, inventory } = withUnion();
    expect(engine.column(ids.inventory, 'coverOr').values).toEqual([25, 'no sales', 5]);
    expect(engine.cell(ids.inventory, inventory[1] ?? '', 'coverOr')).toEqual({ value: 'no sales', type: 'number', orText: true });
    expect(engine.cell(ids.inventory, inventory[0] ?? '', 'coverOr')).toEqual({ value: 25, type: 'number', orText: true });
    expect(engine.column(ids.inventory, 'priceOr').values).toEqual([10, 4, 'none']);
    expect(engine.columnType(ids.inventory, 'priceOr')).toBe('currency');
  });

  it('aggregates over the column skip the text entries, scanned or from an index', () => {
    const { wb, engine } = withUnion();
    const ev = (f: string) => evaluateInWorkbook(wb, f);
    expect(ev('=SUM(库存[Cover or note])')).toEqual({ value: 30, type: 'number' });
    expect(ev('=AVERAGE(库存[Price or none])')).toEqual({ value: 7, type: 'currency' });
    expect(ev('=COUNT(库存[Cover or note])')).toEqual({ value: 2, type: 'integer' });
    expect(ev('=COUNTA(库存[Cover or note])')).toEqual({ value: 3, type: 'integer' });
    expect(ev('=MAX(库存[Price or none])')).toEqual({ value: 10, type: 'currency' });
    expect(ev('=SUMIF(库存[Lead time], ">5", 库存[Price or none])')).toEqual({ value: 14, type: 'currency' });
    expect(ev('=COUNTIF(库存[Cover or note], "no sales")')).toEqual({ value: 1, type: 'integer' });
    expect(ev('=INDEX(库存[Cover or note], 2)')).toEqual({ value: 'no sales', type: 'number|text' });
    // From a cell, the same sums come from the engine's running indexes.
    const s = wb.addSheet({
      name: 'Totals',
      columns: [
        { id: 'sum', name: 'Sum', type: 'number', formula: '=SUM(#inventory[#coverOr])' },
        { id: 'avg', name: 'Avg', type: 'currency', formula: '=AVERAGEIFS(#inventory[#priceOr], #inventory[#lead], ">5")' },
      ],
    });
    const [row = ''] = wb.insertRows(s, { count: 1 });
    expect(engine.value(s, row, 'sum')).toBe(30);
    expect(engine.value(s, row, 'avg')).toBe(7);
  });

  it('an edit that turns a number into the text fallback takes it out of the sum', () => {
    const { wb, engine, inventory } = withUnion();
    const s = wb.addSheet({ name: 'Totals', columns: [{ id: 'sum', name: 'Sum', type: 'number', formula: '=SUM(#inventory[#coverOr])' }] });
    const [row = ''] = wb.insertRows(s, { count: 1 });
    expect(engine.value(s, row, 'sum')).toBe(30);
    wb.setCell(ids.inventory, inventory[0] ?? '', 'daily', 0);
    expect(engine.value(ids.inventory, inventory[0] ?? '', 'coverOr')).toBe('no sales');
    expect(engine.value(s, row, 'sum')).toBe(5);
    wb.setCell(ids.inventory, inventory[0] ?? '', 'daily', 10);
    expect(engine.value(s, row, 'sum')).toBe(15);
  });

  it('the command line prints the union as "type|text", whichever the value is', () => {
    const { wb } = withUnion();
    expect(evaluateInWorkbook(wb, ['=IFERROR(1/0, "-")', '=IFERROR(1/4, "-")', '=XLOOKUP("SKU-404", Products[SKU], Products[Price], "none")'])).toEqual([
      { value: '-', type: 'number|text' },
      { value: 0.25, type: 'number|text' },
      { value: 'none', type: 'currency|text' },
    ]);
  });
});
