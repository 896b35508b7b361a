/** The demo's deterministic random numbers (mulberry32): the same seed gives the same shop. */
export interface DemoRandom {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** The mulberry32 generator: floats in [0, 1), the same sequence for the same seed (also used by the tests). */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A seeded generator. */
export const demoRandom = (seed: number): DemoRandom => {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p) => next() < p,
  };
};

/** Rounds a price to end in .9 (or .0 for small ones), as shops do. */
export const shopPrice = (x: number): number => (x < 10 ? Math.round(x * 10) / 10 : Math.floor(x) + 0.9);

/** Rounds to cents. */
export const cents = (x: number): number => Math.round(x * 100) / 100;
