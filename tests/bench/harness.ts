/** The benchmark harness: named benchmarks, each run in its own Node process, results as rows of a table. */

/** One measured figure. */
export interface Figure {
  /** What was measured, e.g. "load 100k × 10 from update". */
  what: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'rows/s' | 'x' | '' | 'fps' | '%';
  /** The budget as written in DESIGN.md, e.g. "≤ 1.0 s". */
  budget?: string;
  /** Whether the budget is met (undefined when there is no budget). */
  ok?: boolean;
  note?: string;
}

/** A named benchmark group (one section in BENCHMARKS.md). */
export interface Bench {
  name: string;
  title: string;
  /** Runs the measurements and returns the figures. */
  run: () => Promise<Figure[]>;
}

/** Milliseconds since `t0` (from performance.now()). */
export const since = (t0: number): number => performance.now() - t0;

/** Median of a list of numbers. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** The p-th percentile (0–100) of a list of numbers. */
export const percentile = (xs: number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

/** Heap used after a full GC, in MB (needs --expose-gc, which the runner passes). */
export const heapMB = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1048576;
};

/** Rounds for display: 3 significant digits. */
export const fmt = (v: number): string =>
  !Number.isFinite(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toPrecision(3);
