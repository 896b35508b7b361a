/** Inventory (库存管理): stock on hand, demand, lead times; safety stock, reorder point and status. */
import type { SheetTemplate } from './template.ts';

/** Days of cover above which stock counts as overstock (积压). */
export const OVERSTOCK_DAYS = 90;

export const inventory: SheetTemplate = {
  kind: 'inventory',
  en: 'Inventory',
  zh: '库存',
  about: {
    en: 'Stock, demand and lead times per SKU; safety stock, reorder point, days of cover and what to reorder now.',
    zh: '每个 SKU 的库存、需求与交期；安全库存、补货点、可售天数，以及现在该补什么货。',
  },
  columns: [
    { key: 'sku', en: 'SKU', zh: '货号', type: 'reference', refKind: 'products', options: { width: 110, pinned: true } },
    { key: 'product', en: 'Product', zh: '商品', type: 'text', formula: '=[SKU].[Name]', options: { width: 180 } },
    { key: 'category', en: 'Category', zh: '品类', type: 'text', formula: '=[SKU].[Category]' },
    { key: 'onHand', en: 'On hand', zh: '现有库存', type: 'integer' },
    { key: 'inTransit', en: 'In transit', zh: '在途库存', type: 'integer' },
    { key: 'avgDaily', en: 'Avg daily sales', zh: '日均销量', type: 'number', options: { precision: 1 }, doc: 'units sold / in-stock days' },
    { key: 'sdDaily', en: 'Demand SD', zh: '需求标准差', type: 'number', options: { precision: 1 } },
    { key: 'lead', en: 'Lead time (days)', zh: '交期(天)', type: 'number', options: { precision: 0 } },
    { key: 'sdLead', en: 'Lead time SD', zh: '交期标准差', type: 'number', options: { precision: 1 } },
    { key: 'service', en: 'Service level', zh: '服务水平', type: 'percent', options: { precision: 1 } },
    {
      key: 'z',
      en: 'Z',
      zh: 'Z 值',
      type: 'number',
      options: { precision: 3 },
      formula: '=NORM.S.INV([Service level])',
      doc: 'z from the service level: 95% → 1.645',
    },
    {
      key: 'safety',
      en: 'Safety stock',
      zh: '安全库存',
      type: 'number',
      options: { precision: 0 },
      formula: '=SAFETYSTOCK([Z], [Demand SD], [Lead time (days)], [Avg daily sales], [Lead time SD])',
      doc: 'z · √(L·σd² + d̄²·σL²)',
    },
    {
      key: 'rop',
      en: 'Reorder point',
      zh: '补货点',
      type: 'number',
      options: { precision: 0 },
      formula: '=REORDERPOINT([Avg daily sales], [Lead time (days)], [Safety stock])',
      doc: 'd̄ · L + safety stock',
    },
    {
      key: 'cover',
      en: 'Days of cover',
      zh: '可售天数',
      type: 'number',
      options: { precision: 0 },
      formula: '=IF([Avg daily sales] > 0, [On hand] / [Avg daily sales], "")',
      doc: 'on hand / average daily sales',
    },
    {
      key: 'value',
      en: 'Stock value',
      zh: '库存金额',
      type: 'currency',
      options: { precision: 0 },
      formula: '=[On hand] * [SKU].[Cost]',
      doc: 'on hand × unit cost from Products',
    },
    {
      key: 'status',
      en: 'Status',
      zh: '状态',
      type: 'text',
      formula:
        '=IFS([On hand] < [Avg daily sales] * [Lead time (days)], "Stock-out risk", ' +
        '[On hand] + [In transit] <= [Reorder point], "Reorder", ' +
        `[Days of cover] > ${OVERSTOCK_DAYS}, "Overstock", TRUE, "OK")`,
      doc: 'stock-out risk: less than lead-time demand on hand; reorder: on hand + in transit ≤ reorder point',
    },
  ],
  rules: [
    {
      key: 'stockout',
      en: 'Stock-out risk',
      zh: '缺货风险',
      when: '=[Status] = "Stock-out risk"',
      level: 'error',
      message: { en: 'On hand is less than the demand over the lead time: order now and expedite.', zh: '现有库存不足以覆盖交期内的需求：立即补货并加急。' },
      columns: ['onHand', 'status'],
    },
    {
      key: 'reorder',
      en: 'Reorder',
      zh: '需补货',
      when: '=[Status] = "Reorder"',
      level: 'warning',
      message: { en: 'On hand plus in transit is at or below the reorder point.', zh: '现有加在途库存已到补货点。' },
      columns: ['onHand', 'inTransit', 'rop', 'status'],
    },
    {
      key: 'overstock',
      en: 'Overstock',
      zh: '积压',
      when: '=[Status] = "Overstock"',
      level: 'warning',
      message: { en: `More than ${OVERSTOCK_DAYS} days of cover: stock is tied up.`, zh: `可售天数超过 ${OVERSTOCK_DAYS} 天，资金被占用。` },
      columns: ['cover', 'status'],
    },
  ],
  charts: [
    {
      key: 'valueByCategory',
      en: 'Stock value and days of cover by category',
      zh: '各品类库存金额与可售天数',
      kind: 'combo',
      x: 'category',
      series: [
        { column: 'value', aggregate: 'sum', as: 'bar' },
        { column: 'cover', aggregate: 'average', as: 'line' },
      ],
      // The line is on the days-of-cover axis (series 1): above it, stock is tied up.
      threshold: { value: OVERSTOCK_DAYS, series: 1, en: 'Overstock threshold', zh: '积压阈值' },
      pin: { w: 2, h: 1 },
    },
  ],
};
