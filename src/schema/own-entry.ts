/**
 * Looking a key up in a table of our own (texts by language, symbols by currency …) by own entries
 * only: a key that came from outside, like `__proto__` or `constructor`, finds nothing instead of
 * what every object inherits.
 */

/** The table's own entry for `key`, or `fallback`. */
export const ownEntry = <T,>(table: Readonly<Record<string, T>>, key: string, fallback: T): T =>
  Object.hasOwn(table, key) ? (table[key] as T) : fallback;
