/** A small example workbook built through the model (shown until the app opens real workbooks). */
import { Workbook } from '../model/index.ts';

/** Builds a three-product example with a few typed columns. */
export const exampleWorkbook = (): Workbook => {
  const wb = Workbook.create({ name: 'Example shop plan', currency: 'CNY', locale: 'en' });
  const sheet = wb.addSheet({
    name: 'Products',
    kind: 'products',
    columns: [
      { name: 'SKU', type: 'text', options: { key: true } },
      { name: 'Name', type: 'text' },
      { name: 'Status', type: 'choice', options: { choices: ['active', 'new', 'discontinued'] } },
      { name: 'Launch date', type: 'date' },
      { name: 'Cost', type: 'currency' },
      { name: 'List price', type: 'currency' },
    ],
  });
  const ids = wb.columns(sheet).map((c) => c.id);
  wb.appendRows(sheet, ids, [
    ['SKU-1001', 'Ceramic mug 350 ml', 'active', '2026-03-02', 11.5, 39],
    ['SKU-1002', 'Bamboo cutting board', 'new', '2026-11-15', 24, 69],
    ['SKU-1003', 'Linen apron', 'active', '2026-05-20', 31, 89],
  ]);
  wb.clearHistory();
  return wb;
};
