/** Demo inventory: one row per product; most OK, several to reorder, a few at stock-out risk or overstocked. */
import type { DemoProduct } from './products.ts';
import type { DemoRandom } from './random.ts';

/** One inventory row by template column key. */
export interface DemoStock {
  sku: string;
  onHand: number;
  inTransit: number;
  avgDaily: number;
  sdDaily: number;
  lead: number;
  sdLead: number;
  service: number;
}

const Z: Record<string, number> = { '0.9': 1.2816, '0.95': 1.6449, '0.98': 2.0537 };

/** What the demo wants each row to show; the numbers are chosen to produce it. */
type Story = 'stockout' | 'reorder' | 'overstock' | 'ok';

/** Inventory for every product: 4 at stock-out risk, 14 to reorder, 10 overstocked, the rest OK. */
export const demoInventory = (rnd: DemoRandom, products: readonly DemoProduct[]): DemoStock[] => {
  const stories: Story[] = products.map((_p, i) => (i % 50 === 7 ? 'stockout' : i % 14 === 3 ? 'reorder' : i % 20 === 11 ? 'overstock' : 'ok'));
  return products.map((p, i) => {
    const avgDaily = Math.round((0.5 + rnd.next() ** 2 * 30) * 10) / 10;
    const sdDaily = Math.round(avgDaily * (0.2 + rnd.next() * 0.3) * 10) / 10;
    const lead = rnd.int(5, 30);
    const sdLead = Math.round((1 + rnd.next() * 4) * 10) / 10;
    const service = rnd.pick([0.9, 0.95, 0.95, 0.98]);
    const z = Z[String(service)] ?? 1.6449;
    const safety = z * Math.sqrt(lead * sdDaily ** 2 + avgDaily ** 2 * sdLead ** 2);
    const rop = avgDaily * lead + safety;
    const leadDemand = avgDaily * lead;
    let onHand: number;
    let inTransit = 0;
    switch (stories[i]) {
      case 'stockout':
        onHand = Math.floor(leadDemand * (0.2 + rnd.next() * 0.5));
        break;
      case 'reorder':
        onHand = Math.ceil(leadDemand + (rop - leadDemand) * rnd.next() * 0.8);
        break;
      case 'overstock':
        onHand = Math.ceil(avgDaily * (110 + rnd.int(0, 120)));
        break;
      default:
        onHand = Math.ceil(Math.max(rop * (1.15 + rnd.next() * 0.6), avgDaily * 20));
        if (onHand / avgDaily > 85) onHand = Math.floor(avgDaily * 85);
        if (rnd.chance(0.25)) inTransit = Math.ceil(avgDaily * rnd.int(5, 20));
    }
    return { sku: p.sku, onHand, inTransit, avgDaily, sdDaily, lead, sdLead, service };
  });
};
