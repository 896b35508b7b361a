/** Demo products: ~200 SKUs over 8 categories, a few of them with deliberate price problems. */
import { CATEGORIES } from '../categories.ts';
import { addDays } from '../../src/schema/calendar-day.ts';
import { cents, shopPrice, type DemoRandom } from './random.ts';

const ITEMS: Record<string, string[]> = {
  Kitchen: ['chef knife', 'cutting board', 'saucepan', 'frying pan', 'measuring cups', 'spatula set', 'salad spinner', 'kettle'],
  'Home textiles': ['linen duvet cover', 'cotton throw', 'cushion cover', 'bath towel set', 'bed sheet', 'blackout curtain'],
  Storage: ['storage box', 'drawer organiser', 'laundry basket', 'shoe rack', 'vacuum bag set', 'wall shelf'],
  Lighting: ['desk lamp', 'floor lamp', 'LED strip', 'pendant light', 'night light', 'solar lantern'],
  Tableware: ['ceramic mug', 'dinner plate set', 'glass tumbler', 'bamboo tray', 'teapot', 'rice bowl set'],
  Bath: ['bath mat', 'soap dispenser', 'shower caddy', 'toothbrush holder', 'waffle robe', 'mirror'],
  Outdoor: ['folding chair', 'picnic blanket', 'plant pot', 'garden hose', 'hammock', 'cooler bag'],
  Stationery: ['notebook', 'gel pen set', 'desk organiser', 'planner 2027', 'sticky notes', 'washi tape set'],
};
const ADJ = ['Nordic', 'Classic', 'Mini', 'Large', 'Eco', 'Premium', 'Soft', 'Matte', 'Slim', 'Warm'];
const COST_RANGE: Record<string, [number, number]> = {
  Kitchen: [12, 180],
  'Home textiles': [25, 220],
  Storage: [8, 90],
  Lighting: [15, 260],
  Tableware: [6, 120],
  Bath: [6, 90],
  Outdoor: [12, 300],
  Stationery: [2, 40],
};
const BRANDS = ['Hearth & Co', 'Lumo', 'Mori Home', '简居', 'Tidy', 'Fieldday'];
const SUPPLIERS = ['Ningbo Homeware', 'Yiwu Trading', 'Foshan Lighting', 'Dongguan Plastics', 'Hangzhou Textiles', 'Xiamen Ceramics', 'Shenzhen Outdoor', 'Wenzhou Paper'];

/** One demo product, by template column key. */
export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  brand: string;
  supplier: string;
  status: string;
  launch: string;
  cost: number | null;
  list: number;
  promo: number | null;
  member: number | null;
}

/** SKUs of the products deliberately given a problem (for the story the demo tells). */
export const PROBLEM_SKUS = { promoBelowCost: ['KIT-1003', 'LIG-1302'], missingCost: 'STA-1707' };

/** ~200 products (25 per category), deterministic for a seed and a date. */
export const demoProducts = (rnd: DemoRandom, today: string): DemoProduct[] => {
  const out: DemoProduct[] = [];
  CATEGORIES.forEach((category, ci) => {
    const items = ITEMS[category] ?? [];
    const [lo, hi] = COST_RANGE[category] ?? [5, 100];
    for (let i = 0; i < 25; i++) {
      const sku = `${category.slice(0, 3).toUpperCase()}-${1000 + ci * 100 + i + 1}`;
      const cost = cents(lo + (hi - lo) * rnd.next() ** 1.6);
      const list = shopPrice(cost * (1.45 + rnd.next() * 1.1));
      const isNew = i >= 22;
      const status = isNew ? 'new' : i === 21 ? 'discontinued' : 'active';
      const launch = isNew ? addDays(today, -rnd.int(3, 28)) : addDays(today, -rnd.int(60, 900));
      const promo = rnd.chance(0.3) ? shopPrice(list * (0.72 + rnd.next() * 0.15)) : null;
      out.push({
        sku,
        name: `${rnd.pick(ADJ)} ${items[i % items.length] ?? 'item'}`,
        category,
        brand: rnd.pick(BRANDS),
        supplier: SUPPLIERS[ci] ?? 'Yiwu Trading',
        status,
        launch,
        cost,
        list,
        promo,
        member: rnd.chance(0.5) ? cents(list * 0.95) : null,
      });
    }
  });
  for (const p of out) {
    if (PROBLEM_SKUS.promoBelowCost.includes(p.sku) && p.cost !== null) p.promo = shopPrice(p.cost * 0.9);
    if (p.sku === PROBLEM_SKUS.missingCost) p.cost = null;
  }
  return out;
};
