/**
 * Each sheet's formulas against rows computed by hand (or by the public calculators they follow),
 * on a fixed day: 2026-11-29.
 */
import { describe, expect, test } from 'vitest';
import { opsHarness } from '../../support/ops-harness.ts';

const near = (v: unknown, expected: number, digits = 6) => {
  expect(typeof v).toBe('number');
  expect(v as number).toBeCloseTo(expected, digits);
};

describe('products: margins', () => {
  const h = opsHarness();
  const [full, noPromo, noCost] = h.add('products', [
    { sku: 'P-1', name: 'Mug', category: 'Kitchen', cost: 40, list: 100, promo: 80, member: 95 },
    { sku: 'P-2', name: 'Plate', category: 'Kitchen', cost: 30, list: 50 },
    { sku: 'P-3', name: 'Bowl', category: 'Tableware', list: 20 },
  ]) as [string, string, string];

  test.each([
    ['margin % = (price − cost) / price', full, 'margin', 0.6],
    ['markup % = (price − cost) / cost', full, 'markup', 1.5],
    ['promo margin % at the promo price', full, 'promoMargin', 0.5],
    ['margin of a second product', noPromo, 'margin', 0.4],
    ['markup of a second product', noPromo, 'markup', 20 / 30],
  ])('%s', (_what, row, key, expected) => near(h.get('products', row, key), expected));

  test('no promo price: promo margin is empty, not an error', () => {
    expect(h.get('products', noPromo, 'promoMargin')).toBeNull();
  });

  test('a missing cost leaves markup blank, not #DIV/0! (and margin is 100%)', () => {
    expect(h.get('products', noCost, 'markup')).toBeNull();
    near(h.get('products', noCost, 'margin'), 1);
  });
});

describe('inventory: safety stock, reorder point, cover, value and status', () => {
  const h = opsHarness();
  h.add('products', [{ sku: 'SKU-1', name: 'Lamp', category: 'Lighting', cost: 12.5, list: 39.9 }]);
  // d̄ = 20/day, σd = 5, L = 9 days, σL = 2 days, 95% service.
  const base = { sku: 'SKU-1', avgDaily: 20, sdDaily: 5, lead: 9, sdLead: 2, service: 0.95, inTransit: 0 };
  const [ok, reorder, risk, over] = h.add('inventory', [
    { ...base, onHand: 300 },
    { ...base, onHand: 200 },
    { ...base, onHand: 100 },
    { ...base, onHand: 2000 },
  ]) as [string, string, string, string];
  // z = NORM.S.INV(0.95) = 1.6448536; SS = z · √(L·σd² + d̄²·σL²) = z · √(225 + 1600) = 70.2705
  const z = 1.6448536269514722;
  const ss = z * Math.sqrt(9 * 25 + 400 * 4);

  test('z from the service level: 95% → 1.645', () => near(h.get('inventory', ok, 'z'), z, 6));
  test('safety stock when demand and lead time vary: z · √(L·σd² + d̄²·σL²) = 70.27', () => near(h.get('inventory', ok, 'safety'), ss, 6));
  test('reorder point adds safety stock to lead-time demand: 20 · 9 + 70.27 = 250.27', () => near(h.get('inventory', ok, 'rop'), 180 + ss, 6));
  test('days of cover = on hand / daily sales', () => near(h.get('inventory', ok, 'cover'), 15));
  test('stock value = on hand × the product’s cost from Products', () => near(h.get('inventory', ok, 'value'), 300 * 12.5));
  test('the product name is looked up through the SKU', () => expect(h.get('inventory', ok, 'product')).toBe('Lamp'));
  test('textbook case, demand varies only: SAFETYSTOCK(1.65, 5, 9) = 1.65 · 5 · √9 = 24.75', () => near(h.evaluate('=SAFETYSTOCK(1.65, 5, 9)'), 24.75));
  test.each([
    ['above the reorder point', 'ok', 'OK'],
    ['at or below the reorder point', 'reorder', 'Reorder'],
    ['below lead-time demand', 'risk', 'Stock-out risk'],
    ['more than 90 days of cover', 'over', 'Overstock'],
  ])('status: %s → %s', (_what, which, status) => {
    const row = { ok, reorder, risk, over }[which] ?? '';
    expect(h.get('inventory', row, 'status')).toBe(status);
  });
  test('in-transit stock counts towards the reorder decision', () => {
    h.wb.setCell(h.sheetOf('inventory').id, reorder, h.sheetOf('inventory').col('inTransit'), 100);
    expect(h.get('inventory', reorder, 'status')).toBe('OK');
  });
});

describe('campaigns: duration, phase, ROI, overlaps', () => {
  const h = opsHarness('2026-11-29');
  h.add('products', [
    { sku: 'K-1', category: 'Kitchen', cost: 60, list: 100 },
    { sku: 'K-2', category: 'Kitchen', cost: 40, list: 100 },
  ]);
  const [planned, live, done, sameChannel, otherBoth, sameCategoryLater] = h.add('campaigns', [
    { name: 'A', channel: 'App', category: 'Kitchen', start: '2026-12-01', end: '2026-12-07', discount: 0.1 },
    { name: 'B', channel: 'Web', category: 'Bath', start: '2026-11-25', end: '2026-12-02', gmv: 100000, spend: 10000, discount: 0.1 },
    { name: 'C', channel: 'Web', category: 'Kitchen', start: '2026-11-01', end: '2026-11-10', gmv: 50000, spend: 20000, discount: 0.5 },
    { name: 'D', channel: 'App', category: 'Outdoor', start: '2026-12-05', end: '2026-12-10' },
    { name: 'E', channel: 'Livestream', category: 'Storage', start: '2026-12-01', end: '2026-12-31' },
    { name: 'F', channel: 'Livestream', category: 'Kitchen', start: '2027-01-01', end: '2027-01-03' },
  ]) as string[] as [string, string, string, string, string, string];

  test('duration counts both ends: 1–7 December is 7 days', () => expect(h.get('campaigns', planned, 'days')).toBe(7));
  test.each([
    ['starts after today', 'planned', 'Planned'],
    ['runs today', 'live', 'Live'],
    ['ended before today', 'done', 'Done'],
  ])('phase: %s → %s', (_w, which, phase) => {
    const row = { planned, live, done }[which] ?? '';
    expect(h.get('campaigns', row, 'phase')).toBe(phase);
  });
  test('category margin is the average list-price margin of the category: (0.4 + 0.6) / 2', () =>
    near(h.get('campaigns', done, 'catMargin'), 0.5));
  test('ROI = (GMV × margin − cost) / cost: (50000 × 0.5 − 20000) / 20000 = 25%', () => near(h.get('campaigns', done, 'roi'), 0.25));
  test('no cost yet: ROI is empty', () => expect(h.get('campaigns', planned, 'roi')).toBeNull());
  test.each([
    ['same channel, overlapping dates', 'planned', 1],
    ['its partner', 'sameChannel', 1],
    ['other channel and category at the same time', 'otherBoth', 0],
    ['same category, but later', 'sameCategoryLater', 0],
    ['same category, but earlier', 'done', 0],
  ])('overlaps: %s → %i', (_w, which, n) => {
    const row = { planned, sameChannel, otherBoth, sameCategoryLater, done }[which] ?? '';
    expect(h.get('campaigns', row, 'overlaps')).toBe(n);
  });
  test('lowest margin in the category drives the below-cost check: 40%', () => near(h.get('campaigns', done, 'minMargin'), 0.4));
});

describe('competitors: gap and index', () => {
  const h = opsHarness();
  h.add('products', [{ sku: 'S-1', name: 'Lamp', list: 100, cost: 50 }]);
  const [dearer, parity] = h.add('competitors', [
    { competitor: 'JD', sku: 'S-1', theirs: 80, checked: '2026-11-20' },
    { competitor: 'Tmall', sku: 'S-1', theirs: 100, checked: '2026-11-28' },
  ]) as [string, string];
  test('our price is looked up from Products', () => expect(h.get('competitors', dearer, 'ours')).toBe(100));
  test('price gap % = (ours − theirs) / theirs = 25%', () => near(h.get('competitors', dearer, 'gap'), 0.25));
  test('price index = ours / theirs × 100 = 125', () => near(h.get('competitors', dearer, 'index'), 125));
  test('parity is 100', () => near(h.get('competitors', parity, 'index'), 100));
});

describe('A/B tests: the two-proportion z-test', () => {
  const h = opsHarness();
  // 10% vs 13% on 1,000 visitors each.
  const [row, small] = h.add('abtests', [
    { test: 'T1', nA: 1000, xA: 100, nB: 1000, xB: 130, alpha: 0.05, mde: 0.2, start: '2026-11-01', end: '2026-11-20' },
    { test: 'T2', nA: 100, xA: 4, nB: 100, xB: 9, alpha: 0.05, mde: 0.2, start: '2026-11-20', end: '2026-12-20' },
  ]) as [string, string];
  const pooled = 230 / 2000;
  const z = 0.03 / Math.sqrt(pooled * (1 - pooled) * (2 / 1000));
  const se = Math.sqrt((0.1 * 0.9) / 1000 + (0.13 * 0.87) / 1000);
  test('conversion rates and relative uplift', () => {
    near(h.get('abtests', row, 'rateA'), 0.1);
    near(h.get('abtests', row, 'rateB'), 0.13);
    near(h.get('abtests', row, 'uplift'), 0.3);
  });
  test('z uses the pooled proportion: 2.1027', () => near(h.get('abtests', row, 'z'), z, 6));
  test('two-sided p-value 2(1 − Φ(|z|)) = 0.0355, significant at 5%', () => {
    near(h.get('abtests', row, 'p'), 0.035491, 4);
    expect(h.get('abtests', row, 'significant')).toBe(true);
  });
  test('95% interval of the difference uses the unpooled error: 0.03 ± 1.96 · 0.01425', () => {
    near(h.get('abtests', row, 'ciLow'), 0.03 - 1.959963984540054 * se, 6);
    near(h.get('abtests', row, 'ciHigh'), 0.03 + 1.959963984540054 * se, 6);
  });
  test('sample size per variant for 10% baseline and 20% relative MDE: 3,623 (Evan Miller’s calculator)', () =>
    expect(h.get('abtests', row, 'sample')).toBe(3623));
  test('progress towards the sample size and the decision', () => {
    near(h.get('abtests', row, 'progress'), 1000 / 3623);
    expect(h.get('abtests', row, 'decision')).toBe('Ship B');
  });
  test('under 10 conversions: the statistics say the test needs more data (a state, not #NUM!), and the decision says so', () => {
    for (const key of ['z', 'p', 'ciLow', 'ciHigh', 'significant']) expect(h.get('abtests', small, key)).toBe('needs ≥ 10 conversions');
    expect(h.get('abtests', small, 'decision')).toBe('Too little data');
  });
});

describe('user segments, after-sales and KPIs', () => {
  const h = opsHarness('2026-11-29');
  const [champions, lost] = h.add('segments', [
    { segment: 'Champions', users: 100, orders: 400, revenue: 60000, repeaters: 80 },
    { segment: 'Lost', users: 300, orders: 300, revenue: 20000, repeaters: 10 },
  ]) as [string, string];
  test('AOV = revenue / orders, repeat rate = repeat buyers / users, share of revenue', () => {
    near(h.get('segments', champions, 'aov'), 150);
    near(h.get('segments', champions, 'perUser'), 4);
    near(h.get('segments', champions, 'repeat'), 0.8);
    near(h.get('segments', lost, 'share'), 0.25);
  });
  const [closed, open] = h.add('aftersales', [
    { ticket: 'T-1', type: 'refund', opened: '2026-11-20', resolved: '2026-11-25', sla: 3, refund: 59 },
    { ticket: 'T-2', type: 'inquiry', opened: '2026-11-27', sla: 1 },
  ]) as [string, string];
  test('resolution days, SLA breach and state of a resolved ticket', () => {
    expect(h.get('aftersales', closed, 'days')).toBe(5);
    expect(h.get('aftersales', closed, 'breached')).toBe(true);
    expect(h.get('aftersales', closed, 'state')).toBe('Resolved');
  });
  test('an open ticket counts its days until today', () => {
    expect(h.get('aftersales', open, 'days')).toBe(2);
    expect(h.get('aftersales', open, 'state')).toBe('Open');
  });
  test('a KPI row computes its own cell formula over the other sheets, and its status against the target', () => {
    const k = h.sheetOf('kpis');
    const [gmv, refunds] = h.add('kpis', [
      { metric: 'GMV', target: 70000, direction: 'Higher is better' },
      { metric: 'Refunds', target: 50, direction: 'Lower is better' },
    ]) as [string, string];
    h.wb.setCell(k.id, gmv, k.col('value'), h.formula('kpis', "=SUM('User segments'[Revenue])"));
    h.wb.setCell(k.id, refunds, k.col('value'), h.formula('kpis', "=SUM('After-sales'[Refund amount])"));
    near(h.get('kpis', gmv, 'value'), 80000);
    expect(h.get('kpis', gmv, 'status')).toBe('On track');
    near(h.get('kpis', refunds, 'value'), 59);
    expect(h.get('kpis', refunds, 'status')).toBe('Behind');
  });
});
