/** Running aggregates of one series in one group: sum, count, least, greatest. Pure. */
import type { Aggregation } from '../../schema/chart-types.ts';

/** What has been added to a group so far. */
export interface GroupAccumulator {
  sum: number;
  /** Numbers added. */
  numbers: number;
  /** Non-empty values added (what `count` counts: any type). */
  filled: number;
  min: number;
  max: number;
}

/** An empty accumulator. */
export const emptyAccumulator = (): GroupAccumulator => ({ sum: 0, numbers: 0, filled: 0, min: Infinity, max: -Infinity });

/** Adds a number. */
export const addNumber = (a: GroupAccumulator, n: number): void => {
  a.sum += n;
  a.numbers++;
  a.filled++;
  if (n < a.min) a.min = n;
  if (n > a.max) a.max = n;
};

/**
 * The group's value: null when there is nothing to combine (a gap in the chart, not a zero bar),
 * except that a count of nothing is 0.
 */
export const aggregateOf = (a: GroupAccumulator, how: Aggregation): number | null => {
  if (how === 'count') return a.filled;
  if (a.numbers === 0) return null;
  switch (how) {
    case 'sum':
      return a.sum;
    case 'average':
      return a.sum / a.numbers;
    case 'min':
      return a.min;
    case 'max':
      return a.max;
  }
};
