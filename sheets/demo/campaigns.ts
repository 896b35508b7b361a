/**
 * Demo campaigns: 20 over two months in four channel lanes, laid out so that campaigns running at
 * the same time differ in channel and category, except two deliberate overlaps (one on a channel,
 * one on a category), plus one clearance sale discounted below cost.
 */
import { CAMPAIGN_TYPES } from '../campaigns.ts';
import { CATEGORIES, CHANNELS } from '../categories.ts';
import { addDays } from '../../src/schema/calendar-day.ts';
import type { DemoRandom } from './random.ts';

/** One campaign by template column key. */
export interface DemoCampaign {
  name: string;
  type: string;
  channel: string;
  category: string;
  start: string;
  end: string;
  discount: number;
  budget: number;
  target: number;
  gmv: number | null;
  spend: number | null;
}

const TYPE_NAMES: Record<string, string> = {
  'Flash sale': 'flash sale',
  'Spend-X-save-Y': 'spend ¥199 save ¥30',
  'Member discount': 'member week',
  Coupon: 'coupon drop',
  Bundle: 'bundle deal',
  'Free shipping': 'free shipping days',
};

/** The two overlaps the demo is built to show: [lane, slot] pairs (lane = channel index, slot 0–4). */
export const DEMO_OVERLAPS = { channel: [[0, 2], [0, 3]], category: [[2, 4], [1, 4]] } as const;

/** 20 campaigns, 5 slots of 12 days from two weeks ago, one campaign per channel per slot. */
export const demoCampaigns = (rnd: DemoRandom, today: string): DemoCampaign[] => {
  const out: DemoCampaign[] = [];
  for (let slot = 0; slot < 5; slot++) {
    CHANNELS.forEach((channel, lane) => {
      const windowStart = -14 + slot * 12;
      const startOffset = windowStart + rnd.int(0, 2);
      const days = rnd.int(4, 8);
      const type = CAMPAIGN_TYPES[(lane + slot * 2) % CAMPAIGN_TYPES.length] ?? 'Coupon';
      const category = CATEGORIES[(2 * lane + slot) % CATEGORIES.length] ?? 'Kitchen';
      const endOffset = startOffset + days - 1;
      const budget = 1000 * rnd.int(8, 40);
      const target = budget * rnd.int(6, 12);
      const running = startOffset <= 0;
      const done = endOffset < 0;
      const progress = done ? 1 : running ? (1 - startOffset) / days : 0;
      out.push({
        name: `${category} ${TYPE_NAMES[type] ?? type} · ${channel}`,
        type,
        channel,
        category,
        start: addDays(today, startOffset),
        end: addDays(today, endOffset),
        discount: rnd.pick([0.1, 0.15, 0.2, 0.25]),
        budget,
        target,
        gmv: running ? Math.round(target * progress * (0.7 + rnd.next() * 0.6)) : null,
        spend: running ? Math.round(budget * progress * (0.8 + rnd.next() * 0.3)) : null,
      });
    });
  }
  const at = ([lane, slot]: readonly [number, number]) => out[slot * CHANNELS.length + lane];
  // Overlap 1: the App campaign of slot 3 runs on into slot 4 (same channel).
  const [a3, a4] = [at(DEMO_OVERLAPS.channel[0]), at(DEMO_OVERLAPS.channel[1])];
  if (a3 && a4) a3.end = addDays(a4.start, 2);
  // Overlap 2: in slot 5, the Mini program campaign promotes the Web campaign's category.
  const [m5, w5] = [at(DEMO_OVERLAPS.category[0]), at(DEMO_OVERLAPS.category[1])];
  if (m5 && w5) {
    m5.category = w5.category;
    m5.name = `${m5.category} ${TYPE_NAMES[m5.type] ?? m5.type} · ${m5.channel}`;
  }
  // A clearance sale deep enough to sell some of its category below cost.
  const clearance = at([3, 4]);
  if (clearance) {
    clearance.type = 'Flash sale';
    clearance.name = `${clearance.category} clearance flash sale · ${clearance.channel}`;
    clearance.discount = 0.45;
  }
  return out;
};
