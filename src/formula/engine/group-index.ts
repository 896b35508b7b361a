/**
 * Running sums and counts of one value column grouped by the values of criteria columns: SUMIFS,
 * COUNTIFS, AVERAGEIFS (and SUM / COUNT / AVERAGE of a whole column, with no criteria) answer an
 * equality query from it in constant time, and an edit moves one row between groups instead of
 * rescanning the column. Sums are exact, so the result equals a fresh scan. A reader depends on the
 * criteria columns whole (any row may move into its group) and on the value cells of its group only.
 */
import { cellKey } from '../criteria.ts';
import { isError } from '../errors.ts';
import { ExactSum } from '../numbers.ts';
import type { Scalar } from '../values.ts';
import type { ColumnState } from './column-state.ts';

/** One group of rows sharing criteria values. */
export interface Group {
  sum: ExactSum;
  /** Rows whose value is a number. */
  numbers: number;
  /** Rows in the group. */
  rows: number;
  /** Rows whose value is an error (then a query falls back to a scan to report it). */
  errors: number;
  /** The slots of the rows in the group. */
  readonly slots: Set<number>;
  readonly watchers: Set<number>;
}

const SEP = '\u0001';

/** Groups of one value column by the values of its criteria columns. */
export class GroupIndex {
  readonly groups = new Map<string, Group>();
  /** True while every watcher of every group is marked dirty (cleared when one registers anew). */
  allMarked = false;

  constructor(
    readonly criteria: readonly ColumnState[],
    readonly value: ColumnState | null,
  ) {}

  /** Key of a slot, with `col` read as `v` (its value before or after an edit). */
  keyOf(slot: number, col?: ColumnState, v?: Scalar): string {
    let k = '';
    for (const c of this.criteria) k += (c === col ? cellKey(v ?? null) : cellKey(c.values[slot] ?? null)) + SEP;
    return k;
  }

  /** The group of a key (created empty). */
  group(key: string): Group {
    let g = this.groups.get(key);
    if (!g) {
      g = { sum: new ExactSum(), numbers: 0, rows: 0, errors: 0, slots: new Set(), watchers: new Set() };
      this.groups.set(key, g);
    }
    return g;
  }

  /** Adds (sign 1) or removes (sign −1) a slot's contribution; returns its group. */
  apply(slot: number, sign: 1 | -1, col?: ColumnState, v?: Scalar): Group {
    const g = this.group(this.keyOf(slot, col, v));
    const x = this.value ? (this.value === col ? (v ?? null) : (this.value.values[slot] ?? null)) : null;
    g.rows += sign;
    if (sign > 0) g.slots.add(slot);
    else g.slots.delete(slot);
    if (typeof x === 'number') {
      g.sum.add(sign * x);
      g.numbers += sign;
    } else if (isError(x)) g.errors += sign;
    return g;
  }

  /** Every column this index reads. */
  columns(): ColumnState[] {
    return this.value ? [...this.criteria, this.value] : [...this.criteria];
  }
}
