/**
 * Fractional order keys (the `fractional-indexing` package: short, well-tested, used by Figma-style
 * editors): placing an item between two others writes only that item's key, so a move never deletes
 * and re-inserts, and concurrent moves of one item converge to one position (last writer wins).
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { isOrderKey } from '../schema/stored/order-key.ts';

/** An item with its order key; lists are sorted by (key, id) so equal keys from concurrent inserts still order. */
export interface Keyed {
  id: string;
  key: string;
}

/** Sort order of keyed items: by key, then by id. */
export const compareKeyed = (a: Keyed, b: Keyed): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * `n` keys between two neighbours' keys. A neighbour whose stored key is not an order key (written
 * by a peer) cannot be placed next to: the new keys go after the lower valid one (or first).
 */
const keysBetween = (lower: string | null, upper: string | null, n: number): string[] => {
  const lo = lower !== null && isOrderKey(lower) ? lower : null;
  const hi = upper !== null && isOrderKey(upper) && (lo === null || upper > lo) ? upper : null;
  return generateNKeysBetween(lo, hi, n);
};

/**
 * Keys for `count` new items placed at `index` in `sorted` (which must not contain them).
 * Concurrent inserts can leave neighbours with equal keys; then the items after the gap that
 * share the lower key are re-keyed after the new ones (returned in `moved`) so the order holds.
 */
export const planKeys = (
  sorted: readonly Keyed[],
  index: number,
  count: number,
): { keys: string[]; moved: Keyed[] } => {
  const lower = index > 0 ? (sorted[index - 1]?.key ?? null) : null;
  let j = index;
  const moved: Keyed[] = [];
  while (lower !== null && j < sorted.length && (sorted[j]?.key ?? '') <= lower) {
    const item = sorted[j];
    if (item) moved.push(item);
    j++;
  }
  const upper = j < sorted.length ? (sorted[j]?.key ?? null) : null;
  const all = keysBetween(lower, upper, count + moved.length);
  return {
    keys: all.slice(0, count),
    moved: moved.map((m, i) => ({ id: m.id, key: all[count + i] ?? m.key })),
  };
};
