/** Every alert of every template fires on a row built to trigger it and stays silent on a normal row. */
import { describe, expect, test } from 'vitest';
import type { CellValue } from '../../../src/schema/index.ts';
import { OPS_TEMPLATES } from '../../../sheets/index.ts';
import { opsHarness } from '../../support/ops-harness.ts';

type Row = Record<string, CellValue>;

/** Per sheet: a normal row, and for each rule a row that should trigger exactly that rule. */
const CASES: Record<string, { normal: Row; triggers: Record<string, Row> }> = {
  products: {
    normal: { sku: 'N-1', category: 'Kitchen', cost: 40, list: 100, promo: 80, member: 95 },
    triggers: {
      belowCost: { sku: 'B-1', category: 'Kitchen', cost: 40, list: 35 },
      promoNegative: { sku: 'B-2', category: 'Kitchen', cost: 40, list: 100, promo: 38 },
      missingCost: { sku: 'B-3', category: 'Kitchen', list: 100 },
      duplicateSku: { sku: 'N-1', category: 'Kitchen', cost: 40, list: 100 },
    },
  },
  inventory: {
    normal: { sku: 'N-1', onHand: 300, inTransit: 0, avgDaily: 20, sdDaily: 5, lead: 9, sdLead: 2, service: 0.95 },
    triggers: {
      stockout: { sku: 'N-1', onHand: 100, inTransit: 0, avgDaily: 20, sdDaily: 5, lead: 9, sdLead: 2, service: 0.95 },
      reorder: { sku: 'N-1', onHand: 200, inTransit: 0, avgDaily: 20, sdDaily: 5, lead: 9, sdLead: 2, service: 0.95 },
      overstock: { sku: 'N-1', onHand: 2000, inTransit: 0, avgDaily: 20, sdDaily: 5, lead: 9, sdLead: 2, service: 0.95 },
    },
  },
  campaigns: {
    normal: { name: 'N', channel: 'App', category: 'Kitchen', start: '2026-12-01', end: '2026-12-03', discount: 0.1 },
    triggers: {
      // Overlaps the normal one on the same channel; it flags itself (and the normal row, checked below).
      overlap: { name: 'O', channel: 'App', category: 'Bath', start: '2026-12-03', end: '2026-12-04', discount: 0.1 },
      belowCost: { name: 'C', channel: 'Web', category: 'Kitchen', start: '2027-01-10', end: '2027-01-12', discount: 0.7 },
    },
  },
  competitors: {
    normal: { competitor: 'JD', sku: 'N-1', theirs: 98, checked: '2026-11-25' },
    triggers: {
      dearer: { competitor: 'JD', sku: 'N-1', theirs: 80, checked: '2026-11-25' },
      stale: { competitor: 'JD', sku: 'N-1', theirs: 100, checked: '2026-09-01' },
    },
  },
  swot: {
    normal: { quadrant: 'Threat', item: 'x', impact: 'High', owner: 'Lin' },
    triggers: { noOwner: { quadrant: 'Threat', item: 'y', impact: 'High' } },
  },
  abtests: {
    normal: { test: 'N', nA: 20000, xA: 2000, nB: 20000, xB: 2300, alpha: 0.05, mde: 0.1, start: '2026-11-01', end: '2026-11-20' },
    triggers: {
      smallCounts: { test: 'S', nA: 100, xA: 4, nB: 100, xB: 12, alpha: 0.05, mde: 0.1, start: '2026-11-25', end: '2026-12-20' },
      underpowered: { test: 'U', nA: 500, xA: 50, nB: 500, xB: 55, alpha: 0.05, mde: 0.1, start: '2026-11-01', end: '2026-11-20' },
    },
  },
  segments: {
    normal: { segment: 'N', users: 100, orders: 300, revenue: 9000, repeaters: 40 },
    triggers: { repeatsAboveUsers: { segment: 'R', users: 100, orders: 300, revenue: 9000, repeaters: 140 } },
  },
  aftersales: {
    normal: { ticket: 'N', type: 'refund', opened: '2026-11-20', resolved: '2026-11-21', sla: 3, refund: 10 },
    triggers: {
      breach: { ticket: 'B', type: 'return', opened: '2026-11-01', resolved: '2026-11-20', sla: 5, refund: 10 },
      refundNoAmount: { ticket: 'R', type: 'refund', opened: '2026-11-20', resolved: '2026-11-21', sla: 3 },
    },
  },
  kpis: {
    normal: { metric: 'N', value: 10, target: 5, direction: 'Higher is better' },
    triggers: { behind: { metric: 'B', value: 10, target: 5, direction: 'Lower is better' } },
  },
};

describe.each(OPS_TEMPLATES.map((t) => [t.kind, t] as const))('alerts of %s', (kind, t) => {
  const cases = CASES[kind];
  test('every rule of the template has a case here', () => {
    expect(Object.keys(cases?.triggers ?? {}).sort()).toEqual(t.rules.map((r) => r.key).sort());
  });
  for (const rule of t.rules) {
    test(`"${rule.en}" fires on a row built to trigger it, and the normal row stays silent`, () => {
      const h = opsHarness('2026-11-29');
      if (kind !== 'products') h.add('products', [{ sku: 'N-1', name: 'Lamp', category: 'Kitchen', cost: 40, list: 100 }]);
      const [normal] = h.add(kind, [cases?.normal ?? {}]) as [string];
      expect(h.alerts(kind, normal)).toEqual([]);
      const [bad] = h.add(kind, [cases?.triggers[rule.key] ?? {}]) as [string];
      expect(h.alerts(kind, bad)).toEqual([rule.key]);
      // An overlap and a duplicate SKU take two rows: the normal row is the other one.
      const pairs = (kind === 'campaigns' && rule.key === 'overlap') || (kind === 'products' && rule.key === 'duplicateSku');
      expect(h.alerts(kind, normal)).toEqual(pairs ? [rule.key] : []);
    });
  }
});
