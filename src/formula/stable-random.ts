/**
 * RAND() that every teammate sees alike: a number in [0, 1) hashed from a key (the cell, the formula
 * and the call's place in it) instead of drawn from a clock-seeded generator, so every replica, the
 * CLI and an export compute the same value, and it stays put until the formula is rewritten.
 */

/** Mixes the bits of a 32-bit integer (the finaliser of MurmurHash3). */
const mix = (h: number): number => {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** A uniform number in [0, 1) determined by `key` alone (53 bits from two independent 32-bit lanes). */
export const stableRandom = (key: string): number => {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x165667b1) ^ (b >>> 15);
  }
  const hi = mix(a ^ Math.imul(key.length, 0x9e3779b9)) >>> 11; // 21 bits
  const lo = mix(b + hi);
  return (hi * 2 ** 32 + lo) / 2 ** 53;
};
