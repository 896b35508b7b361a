/** Number behaviour people notice: 15 significant digits, Excel's rounding and modulo, exact sums. */

/** Rounds to 15 significant digits, as Excel compares and shows numbers (0.1 + 0.2 becomes 0.3). */
export const round15 = (x: number): number => {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(15));
};

/** Equality at 15 significant digits. */
export const equal15 = (a: number, b: number): boolean => a === b || round15(a) === round15(b);

/** Compares at 15 significant digits: negative, zero or positive. */
export const compare15 = (a: number, b: number): number => {
  if (a === b) return 0;
  // Numbers further apart than 1e-13 relative differ at 15 digits too: no rounding needed.
  const d = a - b;
  if (Math.abs(d) > Math.max(Math.abs(a), Math.abs(b)) * 1e-13) return d < 0 ? -1 : 1;
  const x = round15(a);
  const y = round15(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Rounds to `digits` decimals, halves away from zero (ROUND(2.5) = 3, ROUND(-2.5) = -3, ROUND(1.005, 2) = 1.01). */
export const roundHalfAway = (x: number, digits: number): number => {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  // Working on the 15-digit decimal form first keeps 1.005 from being seen as 1.00499999….
  const shifted = Number(`${round15(a)}e${d}`);
  const r = Math.floor(shifted + 0.5);
  return sign * Number(`${r}e${-d}`);
};

/** Rounds toward or away from zero at `digits` decimals (ROUNDUP / ROUNDDOWN). */
export const roundDirected = (x: number, digits: number, away: boolean): number => {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const shifted = round15(Number(`${Math.abs(x)}e${d}`));
  const r = away ? Math.ceil(shifted) : Math.floor(shifted);
  return sign * Number(`${r}e${-d}`);
};

/** Excel's MOD: the result takes the divisor's sign (MOD(-3, 2) = 1). */
export const excelMod = (n: number, d: number): number => {
  const r = n - d * Math.floor(n / d);
  return round15(r) === round15(d) ? 0 : r;
};

/**
 * A sum that is exact until it is read (Shewchuk's partials): adding and later removing values gives
 * exactly what summing the remaining values afresh would, so incremental aggregates never drift.
 */
export class ExactSum {
  private partials: number[] = [];

  /** Adds x (removing is adding −x). */
  add(x: number): void {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j] ?? 0;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    // The common case keeps the length (setting it each time is measurably slow over 100k values).
    p[i] = x;
    if (p.length !== i + 1) p.length = i + 1;
  }

  /** The correctly rounded value of the exact sum. */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n] ?? 0;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n] ?? 0;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half-even across the remaining partials, as an exact sum demands.
    if (n > 0 && ((lo < 0 && (p[n - 1] ?? 0) < 0) || (lo > 0 && (p[n - 1] ?? 0) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

/** Sums a list of numbers exactly (same result as an ExactSum fed the same values in any order). */
export const exactSum = (xs: Iterable<number>): number => {
  const s = new ExactSum();
  for (const x of xs) s.add(x);
  return s.value();
};
