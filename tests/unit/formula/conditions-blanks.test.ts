/**
 * Numbers as conditions (non-zero is TRUE, as in Excel; text stays refused), and blank inputs: where
 * Excel errs only because an input is blank (a blank divisor, a blank lookup key) the result is
 * blank, elsewhere a blank acts as in Excel, and aggregates skip blank results — so a half-entered
 * row does not put errors in every sheet that reads it.
 */
import { describe, expect, it, test } from 'vitest';
import { evaluateInWorkbook, FormulaEngine, type FormulaPlace } from '../../../src/formula/index.ts';
import { opsHarness } from '../../support/ops-harness.ts';
import { table } from './excel-table.ts';
import { buildFixture, ids } from './fixture.ts';

const fx = buildFixture();
const check = table(fx.wb);
const P: FormulaPlace = { sheetId: ids.products, colId: 'new' };

check('a number is a condition: anything but 0 is TRUE', [
  ['=IF(COUNTIF(Products[Category], "Kitchen"), "on promo", "")', 'on promo', 'text'],
  ['=IF(COUNTIF(Products[Category], "Toys"), "on promo", "")', null, 'text'],
  ['=AND(1)', true, 'boolean'], ['=AND(1, 0)', false], ['=OR(0, 2)', true], ['=NOT(0)', true], ['=XOR(1, 1)', false],
  ['=IFS(0, "a", 1, "b")', 'b'], ['=IF(0.5, "yes", "no")', 'yes'], ['=IF(-1, "yes", "no")', 'yes'], ['=IF(SUM(Products[Cost]), 1, 2)', 1],
  ['=IF("yes", 1, 2)', '#TYPE!'], ['=AND("TRUE")', '#TYPE!'], ['=IF(DATE(2026, 1, 1), 1, 2)', '#TYPE!'],
]);

check('blank inputs give blank where Excel errs only because they are blank', [
  ['=5 / INDEX(Data[B], 8)', null], ['=INDEX(Data[B], 8) / INDEX(Data[B], 9)', null], ['=5 / 0', '#DIV/0!'], ['=INDEX(Data[B], 8) / 0', '#DIV/0!'],
  ['=INDEX(Data[B], 8) / 5', 0], ['=INDEX(Data[B], 8) + 1', 1], ['=MOD(5, INDEX(Data[B], 8))', null], ['=MOD(5, 0)', '#DIV/0!'],
  ['=XLOOKUP(INDEX(Data[T], 9), Products[SKU], Products[Price])', null], ['=MATCH(INDEX(Data[T], 9), Products[SKU], 0)', null],
  ['=VLOOKUP(INDEX(Data[T], 9), Products, 4, FALSE)', null], ['=XMATCH(INDEX(Data[T], 9), Products[SKU])', null],
  ['=LOOKUP(INDEX(Data[B], 9), Data[E])', null],
  // Aggregates skip blanks; an average of rows that are all blank is blank, of no rows at all #DIV/0!.
  ['=AVERAGEIF(Data[T], "", Data[N])', null], ['=AVERAGEIF(Data[T], "pears", Data[N])', '#DIV/0!'], ['=AVERAGEIFS(Data[B], Data[T], "")', 6],
  ['=SUMIF(Data[T], "", Data[B])', 6], ['=MINIFS(Data[N], Data[T], "apples")', 32], ['=MEDIAN(Data[B])', 4],
]);

describe('blank inputs in a workbook', () => {
  it('a blank divisor in a column formula is blank, a zero one #DIV/0!', () => {
    const { wb, inventory } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    wb.setCell(ids.inventory, inventory[1] ?? '', 'daily', null);
    expect(engine.value(ids.inventory, inventory[1] ?? '', 'cover')).toBeNull();
    wb.setCell(ids.inventory, inventory[1] ?? '', 'daily', 0);
    expect(engine.value(ids.inventory, inventory[1] ?? '', 'cover')).toMatchObject({ code: '#DIV/0!' });
  });

  it('IF without a value_if_false gives FALSE, as in Excel; "" leaves the cell blank', () => {
    expect(evaluateInWorkbook(fx.wb, ['=IF(FALSE, 1)', '=IF(FALSE, 1, "")', '=ISBLANK(IF(FALSE, 1, ""))'])).toEqual([
      { value: false, type: 'integer' },
      { value: null, type: 'integer' },
      { value: true, type: 'boolean' },
    ]);
  });

  it('refuses text as a condition with the reason', () => {
    const engine = new FormulaEngine(fx.wb);
    expect(engine.check('=IF([SKU], 1, 2)', P)).toMatchObject({ ok: false, message: expect.stringContaining('a condition (TRUE or FALSE, or a number)') });
  });
});

describe('a half-entered product does not poison the sheets that read it', () => {
  // Three pasted product rows with a category but no list price (and no cost yet).
  const h = opsHarness();
  h.add('products', [
    { sku: 'P-1', name: 'Mug', category: 'Kitchen', cost: 40, list: 100 },
    { sku: 'P-2', name: 'Plate', category: 'Kitchen', cost: 30, list: 50 },
  ]);
  const pasted = h.add('products', [
    { sku: 'N-1', category: 'Kitchen' },
    { sku: 'N-2', category: 'Kitchen', cost: 12 },
    { sku: 'N-3', category: 'Outdoor' },
  ]);
  const [kitchen, garden] = h.add('campaigns', [
    { name: 'Kitchen week', category: 'Kitchen', start: '2026-12-01', end: '2026-12-07', gmv: 50000, spend: 20000 },
    { name: 'Outdoor days', category: 'Outdoor', start: '2026-12-01', end: '2026-12-07', gmv: 1000, spend: 500 },
  ]) as [string, string];

  test('the new rows’ margin is blank, not #DIV/0!; markup too where the cost is missing', () => {
    for (const row of pasted) expect(h.get('products', row, 'margin')).toBeNull();
    expect(h.get('products', pasted[0] ?? '', 'markup')).toBeNull();
    // With a cost but no price yet, markup is Excel's (0 − 12) / 12: the blank is only a divisor's problem.
    expect(h.get('products', pasted[1] ?? '', 'markup')).toBe(-1);
  });

  test('Campaigns: category margin, ROI and lowest margin skip them', () => {
    expect(h.get('campaigns', kitchen, 'catMargin')).toBeCloseTo(0.5, 9);
    expect(h.get('campaigns', kitchen, 'roi')).toBeCloseTo(0.25, 9);
    expect(h.get('campaigns', kitchen, 'minMargin')).toBeCloseTo(0.4, 9);
    // A category with only the pasted row: no margin yet, so blank (and ROI counts it as 0).
    expect(h.get('campaigns', garden, 'catMargin')).toBeNull();
    expect(h.get('campaigns', garden, 'roi')).toBe(-1);
  });

  test('no sheet shows an error value because of them', () => {
    const errors: string[] = [];
    for (const kind of ['products', 'campaigns']) {
      const s = h.sheetOf(kind);
      for (const c of h.wb.columns(s.id)) {
        h.engine.column(s.id, c.id).values.forEach((v, i) => {
          if (v !== null && typeof v === 'object') errors.push(`${kind}[${c.name}] row ${i + 1}: ${v.code} ${v.message}`);
        });
      }
    }
    expect(errors).toEqual([]);
  });
});
