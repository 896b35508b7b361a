/**
 * How long updates stay in the relay, from arrival to being relayed (the commit included), counted
 * in fixed buckets. Counts only grow, so a monitor (or the benchmark) can subtract two readings of
 * /healthz to get the delays of the updates in between.
 */

/** Upper bounds of the buckets, in milliseconds. */
export const DELAY_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, Number.POSITIVE_INFINITY] as const;

/** Bucket label → count, e.g. `{ "≤1": 120, "≤2": 3, …, ">500": 0 }`. */
export type DelayCounts = Record<string, number>;

/** The label of each bucket. */
export const delayLabels = (): string[] => DELAY_BOUNDS_MS.map((b, i) => (Number.isFinite(b) ? `≤${b}` : `>${DELAY_BOUNDS_MS[i - 1]}`));

/** Counts of relay delays. */
export class DelayHistogram {
  private readonly counts: number[] = DELAY_BOUNDS_MS.map(() => 0);

  record(ms: number): void {
    const i = DELAY_BOUNDS_MS.findIndex((b) => ms <= b);
    this.counts[i] = (this.counts[i] ?? 0) + 1;
  }

  toJSON(): DelayCounts {
    const labels = delayLabels();
    return Object.fromEntries(this.counts.map((c, i) => [labels[i] ?? '', c]));
  }
}

/** The bucket bound under which `p` percent of the counted delays fall (from the difference of two readings). */
export const delayPercentile = (before: DelayCounts, after: DelayCounts, p: number): number => {
  const labels = delayLabels();
  const diff = labels.map((l) => (after[l] ?? 0) - (before[l] ?? 0));
  const total = diff.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < diff.length; i++) {
    seen += diff[i] ?? 0;
    if (seen >= (p / 100) * total) return DELAY_BOUNDS_MS[i] ?? Number.POSITIVE_INFINITY;
  }
  return Number.NaN;
};

/** The bound of the highest bucket that gained a count between two readings (0 when none did). */
export const delayMax = (before: DelayCounts, after: DelayCounts): number => {
  const labels = delayLabels();
  for (let i = labels.length - 1; i >= 0; i--) {
    const l = labels[i] ?? '';
    if ((after[l] ?? 0) > (before[l] ?? 0)) return DELAY_BOUNDS_MS[i] ?? Number.POSITIVE_INFINITY;
  }
  return 0;
};
