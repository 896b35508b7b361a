/** User segments (用户运营): RFM segments with their size, orders, revenue, AOV, repeat rate and share. */
import type { SheetTemplate } from './template.ts';

/** The usual RFM segment names. */
export const SEGMENTS = ['Champions', 'Loyal', 'Potential loyalists', 'New customers', 'At risk', 'Hibernating', 'Lost'];

export const segments: SheetTemplate = {
  kind: 'segments',
  en: 'User segments',
  zh: '用户分层',
  about: {
    en: 'RFM segments: how many users, how often and how much they buy, and each segment’s share of revenue.',
    zh: 'RFM 用户分层：人数、购买频次与金额，以及各层贡献的收入占比。',
  },
  columns: [
    { key: 'segment', en: 'Segment', zh: '分层', type: 'text', options: { key: true, width: 160, pinned: true } },
    { key: 'r', en: 'R score', zh: 'R 分', type: 'integer', doc: 'recency 1–5' },
    { key: 'f', en: 'F score', zh: 'F 分', type: 'integer', doc: 'frequency 1–5' },
    { key: 'm', en: 'M score', zh: 'M 分', type: 'integer', doc: 'monetary 1–5' },
    { key: 'users', en: 'Users', zh: '用户数', type: 'integer' },
    { key: 'orders', en: 'Orders', zh: '订单数', type: 'integer' },
    { key: 'revenue', en: 'Revenue', zh: '收入', type: 'currency', options: { precision: 0 } },
    { key: 'repeaters', en: 'Repeat buyers', zh: '复购用户', type: 'integer' },
    { key: 'aov', en: 'AOV', zh: '客单价', type: 'currency', options: { precision: 2 }, formula: '=[Revenue] / [Orders]', doc: 'revenue / orders' },
    { key: 'perUser', en: 'Orders per user', zh: '人均订单', type: 'number', options: { precision: 2 }, formula: '=[Orders] / [Users]' },
    { key: 'repeat', en: 'Repeat rate', zh: '复购率', type: 'percent', options: { precision: 1 }, formula: '=[Repeat buyers] / [Users]' },
    {
      key: 'share',
      en: 'Revenue share',
      zh: '收入占比',
      type: 'percent',
      options: { precision: 1 },
      formula: "=[Revenue] / SUM('User segments'[Revenue])",
    },
  ],
  rules: [
    {
      key: 'repeatsAboveUsers',
      en: 'More repeat buyers than users',
      zh: '复购用户多于用户数',
      when: '=[Repeat buyers] > [Users]',
      level: 'error',
      message: { en: 'Repeat buyers cannot outnumber the segment’s users.', zh: '复购用户不可能多于该分层用户数。' },
      columns: ['repeaters', 'users'],
    },
  ],
  charts: [
    {
      key: 'revenueBySegment',
      en: 'Revenue by segment',
      zh: '各分层收入',
      kind: 'doughnut',
      x: 'segment',
      series: [{ column: 'revenue', aggregate: 'sum' }],
    },
  ],
};
