/**
 * A small example workbook built through the model (shown until the app opens real workbooks).
 * Sheet and column ids are fixed so a person's sort and filters survive a reload; names come in
 * both UI languages, as template sheets do.
 */
import { Workbook } from '../model/workbook.ts';

/** Builds the example: products and their inventory, covering every column type. */
export const exampleWorkbook = (): Workbook => {
  const wb = Workbook.create({ name: 'Example shop plan', currency: 'CNY', locale: 'en' });
  const products = wb.addSheet({
    id: 'products',
    name: 'Products',
    kind: 'products',
    labels: { en: 'Products', 'zh-CN': '商品' },
    columns: [
      { id: 'sku', name: 'SKU', type: 'text', options: { key: true }, labels: { en: 'SKU', 'zh-CN': 'SKU' } },
      { id: 'name', name: 'Name', type: 'text', labels: { en: 'Name', 'zh-CN': '名称' } },
      {
        id: 'status',
        name: 'Status',
        type: 'choice',
        options: { choices: ['active', 'new', 'discontinued'] },
        labels: { en: 'Status', 'zh-CN': '状态' },
      },
      { id: 'launch', name: 'Launch date', type: 'date', labels: { en: 'Launch date', 'zh-CN': '上新日期' } },
      { id: 'cost', name: 'Cost', type: 'currency', labels: { en: 'Cost', 'zh-CN': '成本' } },
      { id: 'price', name: 'List price', type: 'currency', labels: { en: 'List price', 'zh-CN': '标价' } },
      { id: 'member', name: 'Member discount', type: 'percent', labels: { en: 'Member discount', 'zh-CN': '会员折扣' } },
      { id: 'featured', name: 'Featured', type: 'boolean', labels: { en: 'Featured', 'zh-CN': '主推' } },
    ],
  });
  wb.appendRows(products, wb.columns(products).map((c) => c.id), [
    ['SKU-1001', 'Ceramic mug 350 ml', 'active', '2026-03-02', 11.5, 39, 0.1, true],
    ['SKU-1002', 'Bamboo cutting board', 'new', '2026-11-15', 24, 69, 0.05, false],
    ['SKU-1003', 'Linen apron', 'active', '2026-05-20', 31, 89, 0.1, false],
    ['SKU-1004', 'Glass storage jar 1 L', 'active', '2026-02-11', 8.2, 29, 0, true],
    ['SKU-1005', 'Cast iron skillet 26 cm', 'active', '2026-06-30', 96, 259, 0.08, false],
    ['SKU-1006', 'Cotton tea towel set', 'discontinued', '2025-09-01', 12, 35, 0.15, false],
  ]);
  const inventory = wb.addSheet({
    id: 'inventory',
    name: 'Inventory',
    kind: 'inventory',
    labels: { en: 'Inventory', 'zh-CN': '库存' },
    columns: [
      { id: 'isku', name: 'SKU', type: 'reference', options: { refSheet: products }, labels: { en: 'SKU', 'zh-CN': 'SKU' } },
      { id: 'onhand', name: 'On hand', type: 'integer', labels: { en: 'On hand', 'zh-CN': '现有库存' } },
      { id: 'transit', name: 'In transit', type: 'integer', labels: { en: 'In transit', 'zh-CN': '在途' } },
      { id: 'daily', name: 'Avg daily sales', type: 'number', options: { precision: 1 }, labels: { en: 'Avg daily sales', 'zh-CN': '日均销量' } },
      { id: 'lead', name: 'Lead time (days)', type: 'integer', labels: { en: 'Lead time (days)', 'zh-CN': '采购周期（天）' } },
      { id: 'service', name: 'Service level', type: 'percent', labels: { en: 'Service level', 'zh-CN': '服务水平' } },
      { id: 'reorder', name: 'Reorder', type: 'boolean', labels: { en: 'Reorder', 'zh-CN': '需补货' } },
    ],
  });
  wb.appendRows(inventory, wb.columns(inventory).map((c) => c.id), [
    ['SKU-1001', 420, 0, 18.5, 12, 0.95, false],
    ['SKU-1002', 35, 120, 9.2, 20, 0.95, true],
    ['SKU-1003', 160, 0, 4.1, 15, 0.9, false],
    ['SKU-1004', 12, 0, 6.8, 7, 0.95, true],
    ['SKU-1005', 58, 40, 2.3, 30, 0.98, false],
  ]);
  wb.clearHistory();
  return wb;
};
