/**
 * Running totals of one conditional aggregate for one reader, for criteria an index cannot key
 * (">0", "<>Home", wildcards): built by one scan, then kept current by each edit of its columns
 * (subtract the row's old contribution, add the new), so re-reading it costs nothing.
 */
import type { Criterion } from '../criteria.ts';
import { isError } from '../errors.ts';
import { ExactSum } from '../numbers.ts';
import type { Scalar } from '../values.ts';
import type { ColumnState } from './column-state.ts';

/** What SUMIFS, COUNTIFS and AVERAGEIFS read: sum and count of numbers, matching rows, errors. */
export interface Totals {
  readonly sum: ExactSum;
  readonly numbers: number;
  readonly rows: number;
  readonly errors: number;
}

/** One criterion on one column. */
export interface ColumnTest {
  col: ColumnState;
  crit: Criterion;
}

export class Accumulator implements Totals {
  sum = new ExactSum();
  numbers = 0;
  rows = 0;
  errors = 0;

  constructor(
    readonly tests: readonly ColumnTest[],
    readonly value: ColumnState | null,
    /** The criteria values it was built for. */
    readonly signature: string,
  ) {}

  /** Adds (1) or removes (−1) a row's contribution, with `col` read as `v`; true when the row counts. */
  apply(slot: number, sign: 1 | -1, col?: ColumnState, v?: Scalar): boolean {
    for (const t of this.tests) {
      const x = t.col === col ? (v ?? null) : (t.col.values[slot] ?? null);
      if (!t.crit.test(x)) return false;
    }
    const x = this.value ? (this.value === col ? (v ?? null) : (this.value.values[slot] ?? null)) : null;
    this.rows += sign;
    if (typeof x === 'number') {
      this.sum.add(sign * x);
      this.numbers += sign;
    } else if (isError(x)) this.errors += sign;
    return true;
  }

  /** Every column it reads. */
  columns(): ColumnState[] {
    return [...new Set([...this.tests.map((t) => t.col), ...(this.value ? [this.value] : [])])];
  }

  /** Stops following edits. */
  detach(): void {
    for (const c of this.columns()) c.accumulators.delete(this);
  }
}
