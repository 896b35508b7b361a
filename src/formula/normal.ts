/**
 * The standard normal distribution: density, cumulative distribution and its inverse, to double
 * precision. Written here rather than taken from a statistics package because the packages at hand
 * approximate the inverse to ~1e-7 or ~1e-9, while Excel's NORM.S.INV is exact to ~1e-15, and the
 * routines are short: Marsaglia's series for the CDF near 0, a continued fraction in the tails, and
 * Wichura's AS 241 rational approximations for the inverse.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Density φ(x). */
export const normalPdf = (x: number): number => Math.exp(-0.5 * x * x) / SQRT_2PI;

/** Upper tail Q(x) = 1 − Φ(x) for x > 0 by Lentz's continued fraction (accurate where 1 − Φ would cancel). */
const upperTail = (x: number): number => {
  // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + k / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(x) / f;
};

/** Cumulative distribution Φ(x). */
export const normalCdf = (x: number): number => {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 40) return 1;
  if (x < -40) return 0;
  if (Math.abs(x) < 3) {
    // Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …): all terms of one sign, no cancellation.
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 3; k < 200; k += 2) {
      term *= x2 / k;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 + normalPdf(x) * sum;
  }
  return x > 0 ? 1 - upperTail(x) : upperTail(-x);
};

const poly = (coefs: readonly number[], x: number): number => {
  let r = 0;
  for (let i = coefs.length - 1; i >= 0; i--) r = r * x + (coefs[i] ?? 0);
  return r;
};

// Wichura (1988), Algorithm AS 241, PPND16: coefficients in increasing powers.
const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

/** Inverse Φ⁻¹(p) for 0 < p < 1 (NaN outside). */
export const normalInv = (p: number): number => {
  if (!(p > 0 && p < 1)) return Number.NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  const x = r <= 5 ? poly(C, r - 1.6) / poly(D, r - 1.6) : poly(E, r - 5) / poly(F, r - 5);
  return q < 0 ? -x : x;
};
