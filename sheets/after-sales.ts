/** After-sales (客户服务 / 售后): tickets with type, dates, resolution time, SLA breaches and refunds. */
import type { SheetTemplate } from './template.ts';

/** After-sales ticket types. */
export const TICKET_TYPES = ['return', 'refund', 'exchange', 'complaint', 'inquiry'];
/** Common reasons. */
export const TICKET_REASONS = ['Damaged in transit', 'Not as described', 'Wrong size', 'Late delivery', 'Changed mind', 'Quality issue', 'Question'];

export const afterSales: SheetTemplate = {
  kind: 'aftersales',
  en: 'After-sales',
  zh: '售后',
  about: {
    en: 'Returns, refunds, exchanges, complaints and inquiries: resolution time against the SLA, refunds and reasons.',
    zh: '退货、退款、换货、投诉与咨询：处理时长与时效、退款金额与原因。',
  },
  columns: [
    { key: 'ticket', en: 'Ticket', zh: '工单号', type: 'text', options: { key: true, width: 110, pinned: true } },
    { key: 'type', en: 'Type', zh: '类型', type: 'choice', options: { choices: TICKET_TYPES } },
    { key: 'sku', en: 'SKU', zh: '货号', type: 'reference', refKind: 'products', options: { width: 110 } },
    { key: 'opened', en: 'Opened', zh: '创建日期', type: 'date' },
    { key: 'resolved', en: 'Resolved', zh: '解决日期', type: 'date' },
    { key: 'sla', en: 'SLA (days)', zh: '时效(天)', type: 'integer' },
    { key: 'refund', en: 'Refund amount', zh: '退款金额', type: 'currency', options: { precision: 2 } },
    { key: 'reason', en: 'Reason', zh: '原因', type: 'choice', options: { choices: TICKET_REASONS } },
    {
      key: 'days',
      en: 'Resolution days',
      zh: '处理天数',
      type: 'integer',
      formula: '=IF(ISBLANK([Resolved]), TODAY() - [Opened], [Resolved] - [Opened])',
      doc: 'days from opened to resolved (to today while open)',
    },
    { key: 'breached', en: 'SLA breached', zh: '超时', type: 'boolean', formula: '=[Resolution days] > [SLA (days)]' },
    { key: 'state', en: 'State', zh: '状态', type: 'text', formula: '=IF(ISBLANK([Resolved]), "Open", "Resolved")' },
  ],
  rules: [
    {
      key: 'breach',
      en: 'SLA breached',
      zh: '超出时效',
      when: '=[SLA breached]',
      level: 'warning',
      message: { en: 'Resolution took longer than the SLA.', zh: '处理时长超过时效。' },
      columns: ['days', 'sla'],
    },
    {
      key: 'refundNoAmount',
      en: 'Refund without amount',
      zh: '退款无金额',
      when: '=AND([Type] = "refund", ISBLANK([Refund amount]))',
      level: 'warning',
      message: { en: 'A refund ticket has no refund amount.', zh: '退款工单没有退款金额。' },
      columns: ['refund'],
    },
  ],
  charts: [
    {
      key: 'ticketsByType',
      en: 'Tickets by type',
      zh: '各类型工单数',
      kind: 'bar',
      x: 'type',
      series: [{ column: 'ticket', aggregate: 'count' }],
    },
  ],
};
