/**
 * The form of a fractional order key (the `fractional-indexing` package's): a head letter that
 * gives the length of the integer part, base-62 digits, and a fraction that does not end in 0.
 * A key in another form sorts, but no key can be made next to it, so it is read as damaged.
 */
const DIGITS = /^[0-9A-Za-z]+$/;

/** The smallest integer part, which the package refuses as a key. */
const SMALLEST = `A${'0'.repeat(26)}`;

/** Longest key kept (keys grow by about one character per insert at the same place). */
export const MAX_ORDER_KEY = 1000;

/** True when `key` is an order key that keys can be made before, after and between. */
export const isOrderKey = (key: unknown): key is string => {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_ORDER_KEY || !DIGITS.test(key)) return false;
  const head = key.charCodeAt(0);
  const intLength = head >= 97 && head <= 122 ? head - 95 : head >= 65 && head <= 90 ? 92 - head : 0;
  if (intLength === 0 || key.length < intLength) return false;
  if (key === SMALLEST) return false;
  return !key.slice(intLength).endsWith('0');
};
