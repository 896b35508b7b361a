/**
 * Confidence interval of a proportion (a conversion rate) by the normal approximation, the one the
 * A/B sheet and the public calculators use: p̂ ± z·√(p̂(1 − p̂)/n). Pure.
 */

/** Two-sided normal quantiles z₁₋α/₂ of the confidence levels a chart may draw (CONFIDENCE_LEVELS). */
const Z: ReadonlyMap<number, number> = new Map([
  [0.8, 1.2815515655446004],
  [0.9, 1.6448536269514722],
  [0.95, 1.959963984540054],
  [0.98, 2.3263478740408408],
  [0.99, 2.5758293035489004],
]);

/** z for a confidence level, or undefined when the level is not one of the known ones. */
export const zFor = (confidence: number): number | undefined => Z.get(confidence);

/**
 * The interval of `successes` out of `trials` at `confidence`, clamped to [0, 1]; null when it
 * cannot be computed (no trials, more successes than trials, an unknown level).
 */
export const proportionInterval = (
  successes: number,
  trials: number,
  confidence: number,
): { low: number; high: number } | null => {
  const z = zFor(confidence);
  if (z === undefined || !(trials > 0) || successes < 0 || successes > trials) return null;
  const p = successes / trials;
  const half = z * Math.sqrt((p * (1 - p)) / trials);
  return { low: Math.max(0, p - half), high: Math.min(1, p + half) };
};
