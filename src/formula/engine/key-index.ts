/**
 * Value → rows of one column, for exact lookups (XLOOKUP, followed references): answered in
 * constant time and updated per edit. A reader depends on the key column whole (another row may take
 * its key), and on the one returned cell.
 */
import { cellKey } from '../criteria.ts';
import type { Scalar } from '../values.ts';

/** Rows of one column by value, with the readers of each value. */
export class KeyIndex {
  private readonly rows = new Map<string, number[]>();
  /** Key → instances that looked it up. */
  readonly watchers = new Map<string, Set<number>>();
  /** True while every watcher is marked dirty (cleared when one registers anew). */
  allMarked = false;

  /** Adds a slot under its value. */
  add(slot: number, v: Scalar): void {
    const k = cellKey(v);
    const list = this.rows.get(k);
    if (list) list.push(slot);
    else this.rows.set(k, [slot]);
  }

  /** Removes a slot from under its (old) value. */
  remove(slot: number, v: Scalar): void {
    const k = cellKey(v);
    const list = this.rows.get(k);
    if (!list) return;
    const at = list.indexOf(slot);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.rows.delete(k);
  }

  /** The slot of the first row (by `position`) holding key `k`, or -1. */
  first(k: string, position: (slot: number) => number): number {
    const list = this.rows.get(k);
    if (!list || list.length === 0) return -1;
    if (list.length === 1) return list[0] ?? -1;
    let best = -1;
    let bestPos = Infinity;
    for (const s of list) {
      const p = position(s);
      if (p >= 0 && p < bestPos) {
        bestPos = p;
        best = s;
      }
    }
    return best;
  }

  /** How many rows hold key `k`. */
  count(k: string): number {
    return this.rows.get(k)?.length ?? 0;
  }

  /** Records that `instance` looked up `k`. */
  watch(k: string, instance: number): void {
    let w = this.watchers.get(k);
    if (!w) {
      w = new Set();
      this.watchers.set(k, w);
    }
    w.add(instance);
  }
}
