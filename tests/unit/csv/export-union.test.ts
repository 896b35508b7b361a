/**
 * CSV export of a "number or text" formula column (IFERROR(x, "-"), a price or "no promo"): numbers
 * are written as the column's type, raw or as displayed, and the text entries as text (protected
 * like any text). The app and the command line write the same bytes (see the CLI export test).
 */
import { describe, expect, test } from 'vitest';
import { exportSheetCsv } from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { calcExportSource } from '../../../src/app/calc-export-source.ts';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { records } from './shop.ts';

const plan = () => {
  const wb = Workbook.create({ name: 'Offers', currency: 'CNY', locale: 'en' });
  const s = wb.addSheet({
    name: 'Products',
    columns: [
      { id: 'sku', name: 'SKU', type: 'text' },
      { id: 'list', name: 'List price', type: 'currency' },
      { id: 'promo', name: 'Promo price', type: 'currency' },
      { id: 'offer', name: 'Offer', type: 'currency', formula: '=IF([#promo] > 0, [#promo], "no promo")' },
      { id: 'cut', name: 'Cut', type: 'percent', formula: '=IFERROR([#promo] / [#list], "-")' },
    ],
  });
  wb.appendRows(s, ['sku', 'list', 'promo'], [
    ['P-1', 100, 80],
    ['P-2', 0, 1234.5],
    ['P-3', 50, null],
  ]);
  return { wb, s };
};

describe('export: "number or text" columns', () => {
  test('raw: numbers plain, text as written (protected where a spreadsheet would run it)', () => {
    const { wb, s } = plan();
    const calc = engineCalc(wb, () => 'en', { today: '2026-11-29' });
    const rows = records(exportSheetCsv(calcExportSource(wb, calc), s, { values: calc }));
    calc.dispose();
    expect(rows.map((r) => [r[3], r[4]])).toEqual([
      ['Offer', 'Cut'],
      ['80', '0.8'],
      ['1234.5', "'-"],
      ['no promo', '0'],
    ]);
  });

  test('as displayed: numbers in the column’s format, text as written', () => {
    const { wb, s } = plan();
    const calc = engineCalc(wb, () => 'en', { today: '2026-11-29' });
    const rows = records(exportSheetCsv(calcExportSource(wb, calc), s, { values: calc, mode: 'display' }));
    calc.dispose();
    expect(rows.map((r) => [r[3], r[4]])).toEqual([
      ['Offer', 'Cut'],
      ['¥80.00', '80.0%'],
      ['¥1,234.50', "'-"],
      ['no promo', '0.0%'],
    ]);
  });
});
