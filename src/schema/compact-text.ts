/**
 * Big numbers in short form (3.2M, 320万), as KPI cards and chart axes write them; a file of its
 * own so the grid's first load does not carry it.
 *
 * @example compactText(3_200_000, 'zh-CN', { max: 2 }) // '320万'
 */
import { ownEntry } from './own-entry.ts';
import { decimalText, type DecimalStyle } from './number-format.ts';
import type { Locale } from './types.ts';

/** Units of the short form of big numbers, largest first: thousands in English, 万 and 亿 in Chinese. */
const COMPACT: Record<Locale, readonly (readonly [number, string])[]> = {
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
  'zh-CN': [
    [1e12, '万亿'],
    [1e8, '亿'],
    [1e4, '万'],
  ],
};

/** A big number in short form (3.2M, 320万), rounded to `style` decimals of its unit. */
export const compactText = (n: number, locale: Locale, style: DecimalStyle): string => {
  const units = ownEntry(COMPACT, locale, COMPACT.en);
  const abs = Math.abs(n);
  for (let i = 0; i < units.length; i++) {
    const [size, unit] = units[i] ?? [1, ''];
    if (abs < size) continue;
    const text = decimalText(n / size, { ...style, grouping: 'min2' });
    // 999,999 rounds to 1000K: that is the next unit's 1M.
    const bigger = units[i - 1];
    if (bigger && Math.abs(Number(text.replace(/,/g, ''))) * size >= bigger[0]) return compactText(Math.sign(n) * bigger[0], locale, style);
    return text + unit;
  }
  return decimalText(n, { ...style, grouping: 'min2' });
};
