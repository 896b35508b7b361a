/** Stable random ids for sheets, columns and rows. */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A source of random bytes; tests pass a seeded one to make ids deterministic. */
export type RandomBytes = (n: number) => Uint8Array;

const cryptoBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** `count` ids of `length` base-62 characters (10 characters ≈ 59 bits: no collision in a workbook's lifetime). */
export const newIds = (count: number, length = 10, random: RandomBytes = cryptoBytes): string[] => {
  const out: string[] = new Array(count);
  const chunk = 65536 - (65536 % length);
  let bytes = random(Math.min(chunk, count * length));
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + length > bytes.length) {
      bytes = random(Math.min(chunk, (count - i) * length));
      at = 0;
    }
    let id = '';
    // 248 = 62 * 4: rejecting bytes above it keeps the distribution uniform.
    for (let j = 0; j < length; j++) {
      let b = bytes[at++] ?? 0;
      while (b >= 248) b = random(1)[0] ?? 0;
      id += ALPHABET[b % 62];
    }
    out[i] = id;
  }
  return out;
};

/** One new id. */
export const newId = (random?: RandomBytes): string => newIds(1, 10, random)[0] ?? '';
