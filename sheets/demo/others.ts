/** Demo rows for the smaller sheets: competitors, SWOT, A/B tests, user segments and after-sales. */
import { COMPETITORS } from '../competitors.ts';
import { SEGMENTS } from '../segments.ts';
import { TICKET_REASONS, TICKET_TYPES } from '../after-sales.ts';
import type { DemoProduct } from './products.ts';
import { addDays } from '../../src/schema/calendar-day.ts';
import { shopPrice, type DemoRandom } from './random.ts';

type Row = Record<string, string | number | boolean | null>;

/** Competitor prices for 50 SKUs: mostly near ours, three where we are more than 10% dearer, two checks gone stale. */
export const demoCompetitors = (rnd: DemoRandom, products: readonly DemoProduct[], today: string): Row[] =>
  Array.from({ length: 50 }, (_x, i) => {
    const p = products[(i * 4 + 1) % products.length] as DemoProduct;
    const factor = i % 17 === 5 ? 0.8 : 0.9 + rnd.next() * 0.2;
    return {
      competitor: COMPETITORS[i % COMPETITORS.length] ?? 'JD',
      sku: p.sku,
      theirs: shopPrice(p.list * factor),
      checked: addDays(today, i % 23 === 9 ? -45 : -rnd.int(0, 20)),
      promo: rnd.chance(0.25) ? rnd.pick(['满199减30', 'Member price', 'Coupon ¥10', 'Free shipping']) : null,
      notes: null,
    };
  });

/** A short SWOT of the demo shop. */
export const demoSwot = (): Row[] => [
  { quadrant: 'Strength', item: 'Own brands with 45–60% margins in Kitchen and Tableware', impact: 'High', owner: 'Lin' },
  { quadrant: 'Strength', item: 'Repeat buyers spend 2.4× more per year than one-off buyers', impact: 'Medium', owner: 'Sara' },
  { quadrant: 'Weakness', item: 'Lighting suppliers have 20–30 day lead times', impact: 'High', owner: 'Chen' },
  { quadrant: 'Weakness', item: 'Slow after-sales replies on weekends', impact: 'Medium', owner: null },
  { quadrant: 'Opportunity', item: 'Livestream sales grew 3× this quarter', impact: 'High', owner: 'Sara' },
  { quadrant: 'Opportunity', item: 'Mini program coupons redeem at twice the app rate', impact: 'Medium', owner: 'Wang' },
  { quadrant: 'Threat', item: 'Pinduoduo undercuts our storage range by 15%', impact: 'High', owner: null },
  { quadrant: 'Threat', item: 'Freight costs up 8% since October', impact: 'Low', owner: 'Chen' },
];

/** Six A/B tests: two significant (one win, one loss), two flat, one under-powered, one with tiny counts. */
export const demoAbTests = (today: string): Row[] => [
  { test: 'Free-shipping banner', hypothesis: 'Showing the free-shipping threshold on product pages lifts conversion', metric: 'Conversion rate', start: addDays(today, -40), end: addDays(today, -19), nA: 12000, xA: 384, nB: 12000, xB: 456, alpha: 0.05, mde: 0.15 },
  { test: 'One-page checkout', hypothesis: 'Merging the checkout steps lifts conversion', metric: 'Conversion rate', start: addDays(today, -35), end: addDays(today, -7), nA: 48000, xA: 1680, nB: 48000, xB: 1714, alpha: 0.05, mde: 0.1 },
  { test: 'Bundle suggestions', hypothesis: 'Suggesting a bundle in the cart raises add-to-cart', metric: 'Add-to-cart rate', start: addDays(today, -30), end: addDays(today, -9), nA: 15000, xA: 1350, nB: 15000, xB: 1185, alpha: 0.05, mde: 0.1 },
  { test: 'Gift-wrap option', hypothesis: 'Offering gift wrap lifts conversion before the holidays', metric: 'Conversion rate', start: addDays(today, -21), end: addDays(today, -3), nA: 900, xA: 27, nB: 910, xB: 35, alpha: 0.05, mde: 0.2 },
  { test: 'Member price badge', hypothesis: 'A member-price badge on listings raises click-through', metric: 'Click-through rate', start: addDays(today, -6), end: addDays(today, 8), nA: 5200, xA: 260, nB: 5150, xB: 283, alpha: 0.05, mde: 0.1 },
  { test: 'Coupon pop-up', hypothesis: 'An exit pop-up with a ¥10 coupon recovers leaving visitors', metric: 'Coupon redemption', start: addDays(today, -2), end: addDays(today, 12), nA: 120, xA: 6, nB: 118, xB: 9, alpha: 0.05, mde: 0.3 },
];

/** RFM segments of ~28k buyers. */
export const demoSegments = (): Row[] => {
  const rows: [number, number, number, number, number, number, number][] = [
    [5, 5, 5, 1200, 5400, 972000, 1150],
    [4, 4, 4, 2600, 6100, 610000, 2050],
    [5, 2, 3, 3100, 3900, 351000, 780],
    [5, 1, 2, 4200, 4200, 294000, 0],
    [2, 4, 4, 1800, 2300, 253000, 1300],
    [2, 2, 2, 5600, 6000, 360000, 380],
    [1, 1, 1, 9800, 9900, 495000, 90],
  ];
  return rows.map(([r, f, m, users, orders, revenue, repeaters], i) => ({ segment: SEGMENTS[i] ?? `Segment ${i}`, r, f, m, users, orders, revenue, repeaters }));
};

const SLA: Record<string, number> = { return: 5, refund: 3, exchange: 5, complaint: 2, inquiry: 1 };
const REASONS: Record<string, string[]> = {
  return: ['Not as described', 'Wrong size', 'Changed mind'],
  refund: ['Damaged in transit', 'Late delivery', 'Quality issue'],
  exchange: ['Wrong size', 'Damaged in transit'],
  complaint: ['Late delivery', 'Quality issue'],
  inquiry: ['Question'],
};

/** 60 tickets over the last six weeks; some open, some past their SLA. */
export const demoAfterSales = (rnd: DemoRandom, products: readonly DemoProduct[], today: string): Row[] =>
  Array.from({ length: 60 }, (_x, i) => {
    const type = TICKET_TYPES[[0, 1, 0, 2, 4, 1, 3, 4, 0, 1][i % 10] ?? 0] ?? 'return';
    const p = products[rnd.int(0, products.length - 1)] as DemoProduct;
    const openedAgo = rnd.int(0, 42);
    const sla = SLA[type] ?? 3;
    const took = rnd.chance(0.15) ? sla + rnd.int(1, 4) : rnd.int(0, sla);
    const open = openedAgo < took || (openedAgo < 4 && rnd.chance(0.4));
    return {
      ticket: `T-${String(24001 + i)}`,
      type,
      sku: p.sku,
      opened: addDays(today, -openedAgo),
      resolved: open ? null : addDays(today, -openedAgo + took),
      sla,
      refund: type === 'refund' || type === 'return' ? p.list : null,
      reason: rnd.pick(REASONS[type] ?? TICKET_REASONS),
    };
  });
