/** The workbook's currency relabels amounts (never converts them): what a change touches, and the change as one undo step. */
import { expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { currencyChange, relabelCurrency } from '../../../src/app/currency-change.ts';

test('currency change: counts the amount columns that follow the workbook currency (typed or computed), by sheet; relabels as one undo step', () => {
  const wb = Workbook.create({ name: 'Shop', currency: 'CNY' });
  const products = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'Cost', type: 'currency' },
      { name: 'US price', type: 'currency', options: { currency: 'USD' } },
      { name: 'Stock', type: 'integer' },
      { name: 'Double', type: 'number', formula: '=[Cost] * 2' },
    ],
  });
  wb.addSheet({ name: 'Notes', columns: [{ name: 'Text', type: 'text' }] });
  const [row = ''] = wb.appendRows(products, [wb.columnByName(products, 'Cost')?.id ?? ''], [[1200]]);
  const computed = (_s: string, colId: string) => (colId === wb.columnByName(products, 'Double')?.id ? 'currency' : undefined);
  expect(currencyChange(wb, 'USD', computed)).toEqual({ from: 'CNY', to: 'USD', columns: 2, sheetIds: [products] });
  relabelCurrency(wb, 'USD');
  expect(wb.settings.currency).toBe('USD');
  // The amount itself is untouched: relabelled, not converted.
  expect(wb.cell(products, row, wb.columnByName(products, 'Cost')?.id ?? '')).toBe(1200);
  wb.undo();
  expect(wb.settings.currency).toBe('CNY');
});
