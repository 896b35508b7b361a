/**
 * The demo workbook the relay creates on first start. Placeholder: the templates (issue 4) replace
 * this body with the real demo; the signature stays.
 */
import { Workbook } from '../src/model/index.ts';

/** Builds the demo workbook: a small Products sheet, with no undo history. */
export const createDemoWorkbook = (): Workbook => {
  const wb = Workbook.create({ name: 'Demo shop plan', currency: 'CNY', locale: 'en' });
  const sheet = wb.addSheet({
    name: 'Products',
    kind: 'products',
    columns: [
      { name: 'SKU', type: 'text', options: { key: true } },
      { name: 'Name', type: 'text' },
      { name: 'Cost', type: 'currency' },
      { name: 'List price', type: 'currency' },
      { name: 'On hand', type: 'integer' },
    ],
  });
  wb.appendRows(
    sheet,
    wb.columns(sheet).map((c) => c.id),
    [
      ['SKU-1001', 'Ceramic mug 350 ml', 11.5, 39, 240],
      ['SKU-1002', 'Bamboo cutting board', 24, 69, 85],
      ['SKU-1003', 'Linen apron', 31, 89, 40],
      ['SKU-1004', 'Glass storage jar 1 l', 8.2, 29, 310],
    ],
  );
  wb.clearHistory();
  return wb;
};
