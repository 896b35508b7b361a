/** Seeded pseudo-random numbers for property and fuzz tests (mulberry32): the same seed, the same run. */
import { mulberry32 } from '../../sheets/demo/random.ts';

export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(xs: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** `n` random bytes (for seeded ids). */
  bytes(n: number): Uint8Array;
}

export const seededRandom = (seed: number): Random => {
  const next = mulberry32(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    pick: <T,>(xs: readonly T[]): T => {
      const x = xs[int(xs.length)];
      if (x === undefined) throw new Error('pick from an empty list');
      return x;
    },
    chance: (p: number) => next() < p,
    bytes: (n: number) => {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = int(256);
      return b;
    },
  };
};
