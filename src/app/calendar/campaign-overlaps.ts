/**
 * Campaign conflicts, as DOMAIN.md defines them: two campaigns overlap when startᵢ ≤ endⱼ and
 * startⱼ ≤ endᵢ; overlapping on the same channel or the same category is a conflict (discounts
 * may stack). Pure; a sweep over campaigns sorted by start.
 */

/** A campaign as the calendar reads it from its row. */
export interface Campaign {
  rowId: string;
  name: string;
  type: string;
  channel: string;
  category: string;
  /** ISO dates, inclusive; end ≥ start. */
  start: string;
  end: string;
}

/** Why two campaigns conflict. */
export type OverlapReason = 'channel' | 'category';

/** One conflict of a campaign with another: what they share and the days both run. */
export interface Overlap {
  other: string;
  reasons: OverlapReason[];
  from: string;
  to: string;
}

/** Each conflicting campaign's conflicts (row id → overlaps, in the other campaign's start order). */
export const findOverlaps = (campaigns: readonly Campaign[]): Map<string, Overlap[]> => {
  const sorted = [...campaigns].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.rowId < b.rowId ? -1 : 1));
  const out = new Map<string, Overlap[]>();
  const add = (id: string, o: Overlap) => {
    const list = out.get(id);
    if (list) list.push(o);
    else out.set(id, [o]);
  };
  let active: Campaign[] = [];
  for (const c of sorted) {
    // Campaigns that ended before this one starts can overlap nothing from here on.
    active = active.filter((a) => a.end >= c.start);
    for (const a of active) {
      const reasons: OverlapReason[] = [];
      if (a.channel !== '' && a.channel === c.channel) reasons.push('channel');
      if (a.category !== '' && a.category === c.category) reasons.push('category');
      if (reasons.length === 0) continue;
      const from = c.start;
      const to = a.end < c.end ? a.end : c.end;
      add(a.rowId, { other: c.rowId, reasons, from, to });
      add(c.rowId, { other: a.rowId, reasons, from, to });
    }
    active.push(c);
  }
  return out;
};
