/** Competitors (竞争分析): their prices for our SKUs, the gap and a price index per SKU. */
import type { SheetTemplate } from './template.ts';

/** Competitor shops of the demo (any text works). */
export const COMPETITORS = ['JD', 'Tmall', 'Pinduoduo', 'Vipshop'];

export const competitors: SheetTemplate = {
  kind: 'competitors',
  en: 'Competitors',
  zh: '竞品价格',
  about: {
    en: 'Competitor prices for our SKUs with the price gap and price index (above 100: we are dearer).',
    zh: '竞品对我方 SKU 的售价，价差与价格指数（高于 100 表示我们更贵）。',
  },
  columns: [
    { key: 'competitor', en: 'Competitor', zh: '竞争对手', type: 'choice', options: { choices: COMPETITORS } },
    { key: 'sku', en: 'SKU', zh: '货号', type: 'reference', refKind: 'products', options: { width: 110 } },
    { key: 'product', en: 'Product', zh: '商品', type: 'text', formula: '=[SKU].[Name]', options: { width: 180 } },
    { key: 'theirs', en: 'Their price', zh: '对手价格', type: 'currency', options: { precision: 2 } },
    { key: 'ours', en: 'Our price', zh: '我方价格', type: 'currency', options: { precision: 2 }, formula: '=[SKU].[List price]' },
    {
      key: 'gap',
      en: 'Price gap %',
      zh: '价差',
      type: 'percent',
      options: { precision: 1 },
      formula: '=([Our price] - [Their price]) / [Their price]',
      doc: '(ours − theirs) / theirs',
    },
    {
      key: 'index',
      en: 'Price index',
      zh: '价格指数',
      type: 'number',
      options: { precision: 0 },
      formula: '=[Our price] / [Their price] * 100',
      doc: 'ours / theirs × 100',
    },
    { key: 'checked', en: 'Checked on', zh: '核价日期', type: 'date' },
    { key: 'promo', en: 'Promotion seen', zh: '对手促销', type: 'text' },
    { key: 'notes', en: 'Notes', zh: '备注', type: 'text', options: { width: 200 } },
  ],
  rules: [
    {
      key: 'dearer',
      en: 'We are 10% dearer',
      zh: '我方贵 10% 以上',
      when: '=[Price index] > 110',
      level: 'warning',
      message: { en: 'Our price is more than 10% above this competitor’s.', zh: '我方价格比该对手高 10% 以上。' },
      columns: ['index', 'gap'],
    },
    {
      key: 'stale',
      en: 'Price check is old',
      zh: '核价过期',
      when: '=TODAY() - [Checked on] > 30',
      level: 'warning',
      message: { en: 'Checked more than 30 days ago: check again.', zh: '超过 30 天未核价，请重新核价。' },
      columns: ['checked'],
    },
  ],
  charts: [
    {
      key: 'indexByCompetitor',
      en: 'Price index by competitor',
      zh: '各竞争对手价格指数',
      kind: 'bar',
      x: 'competitor',
      series: [{ column: 'index', aggregate: 'average' }],
      threshold: { value: 100, en: 'Parity', zh: '持平' },
    },
  ],
};
