/**
 * Reads dates as people type and paste them, to the stored `YYYY-MM-DD`: ISO (a time part is
 * dropped), 2026/11/29, 2026.11.29, 2026年11月29日 in every locale; 11/29/2026 and month names
 * ("Nov 29, 2026", "29 November 2026") in English; a date without a year takes the current year.
 * Pure: no DOM, no Yjs.
 */
import { toHalfWidth } from './parse-number.ts';
import type { Locale } from './types.ts';
import { isIsoDate } from './values.ts';

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

const pad = (n: number): string => String(n).padStart(2, '0');

/** Two-digit years as spreadsheets read them: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (y: string): number => {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
};

const iso = (y: number, m: number, d: number): string | undefined => {
  const s = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(s) ? s : undefined;
};

const monthOf = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? undefined : i + 1;
};

/**
 * Parses date text to `YYYY-MM-DD`, or undefined. `currentYear` fills in a missing year.
 */
export const parseDateText = (input: string, locale: Locale, currentYear: number): string | undefined => {
  const s = toHalfWidth(input).trim();
  if (s === '') return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(s);
  if (m) return iso(m[1] ? Number(m[1]) : currentYear, Number(m[2]), Number(m[3]));
  if (locale === 'en') {
    m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(s);
    if (m) return iso(m[3] ? fullYear(m[3]) : currentYear, Number(m[1]), Number(m[2]));
    // "Nov 29, 2026", "November 29 2026", "Nov 29"
    m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/.exec(s);
    if (m) {
      const mo = monthOf(m[1] ?? '');
      return mo ? iso(m[3] ? Number(m[3]) : currentYear, mo, Number(m[2])) : undefined;
    }
    // "29 Nov 2026", "29 November"
    m = /^(\d{1,2})\s+([A-Za-z]+\.?)(?:,?\s+(\d{4}))?$/.exec(s);
    if (m) {
      const mo = monthOf(m[2] ?? '');
      return mo ? iso(m[3] ? Number(m[3]) : currentYear, mo, Number(m[1])) : undefined;
    }
  } else {
    m = /^(\d{1,2})[/-](\d{1,2})$/.exec(s);
    if (m) return iso(currentYear, Number(m[1]), Number(m[2]));
  }
  return undefined;
};

/** How dates may be written in a locale, for messages. */
export const DATE_HINT: Record<Locale, string> = {
  en: '2026-11-29, 11/29/2026 or Nov 29, 2026',
  'zh-CN': '2026-11-29、2026/11/29 或 2026年11月29日',
};
