/**
 * The one date reader, to the stored `YYYY-MM-DD`, for cells, files and the CLI alike: ISO (a time
 * part is dropped), `2027/1/10`, `2027.1.10`, `2027年1月10日`, `Jan 10, 2027`, `10 Jan 2027`,
 * `10-Jan-2027`, and `1/10/2027` or `10.01.2027`, whose day/month order is the caller's (a dotted
 * date is day first, as Europe writes it). When a person types (`currentYear` given), a date may
 * leave out its year (`1/10`, `1月10日`) and a two-digit year is read as spreadsheets read it; a
 * file must say its years.
 *
 * @example
 *   parseDateText('2027/1/10', { order: 'MDY' })              // '2027-01-10'
 *   parseDateText('1/10', { order: 'MDY', currentYear: 2027 }) // '2027-01-10'
 */
import { isIsoDate } from './calendar-day.ts';
import { toHalfWidth, trimSpaces } from './number-text.ts';

/** Which part comes first in dates like `01/05/2026`: month (US) or day (most of the world). */
export type DateOrder = 'MDY' | 'DMY';

/** How to read a date. */
export interface DateReading {
  /** Order of dates like `01/05/2026`; null refuses them (nobody in that language writes them). */
  order: DateOrder | null;
  /** Set when a person typed the text: a missing year is this one, `26` is 2026. */
  currentYear?: number;
}

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]m|Z|[+-]\d{2}:?\d{2})?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const ZH = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const XXY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');
const XX = /^(\d{1,2})[/-](\d{1,2})$/;
const MDY_NAMED = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const DMY_NAMED = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?(?:,?[\s-]+(\d{4}))?$/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const monthOf = (name: string): number => {
  const n = name.toLowerCase();
  if (n === 'sept') return 9;
  const i = n.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(n)) : -1;
  return i + 1;
};

const iso = (y: string | number, m: string | number, d: string | number): string | null => {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
};

/** Two-digit years as spreadsheets read them: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (y: string): number => {
  const n = Number(y);
  return y.length > 2 ? n : n < 30 ? 2000 + n : 1900 + n;
};

/** The date written in `text` as `YYYY-MM-DD`, or null when it is not a date. */
export const parseDateText = (text: string, how: DateReading): string | null => {
  let s = trimSpaces(text);
  if (s.length > 40) return null;
  if (/[\uFF01-\uFF5E\u3000\u3002]/.test(s)) s = trimSpaces(toHalfWidth(s));
  const year = how.currentYear;
  let m = YMD.exec(s);
  if (m) return iso(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  m = ZH.exec(s);
  if (m) return m[1] === undefined && year === undefined ? null : iso(m[1] ?? year ?? '', m[2] ?? '', m[3] ?? '');
  m = XXY.exec(s);
  if (m) {
    const [, a = '', sep, b = '', y = ''] = m;
    if (y.length === 2 && year === undefined) return null;
    // Dots are how Europe writes dates: day first, whatever the order for slashes.
    const order = sep === '.' ? (how.order === 'DMY' ? 'DMY' : null) : how.order;
    if (order === null) return null;
    return order === 'MDY' ? iso(fullYear(y), a, b) : iso(fullYear(y), b, a);
  }
  if (year !== undefined && (m = XX.exec(s))) {
    // Without a year, month first in English and in Chinese alike (1/10 is 10 January).
    return how.order === 'DMY' ? iso(year, m[2] ?? '', m[1] ?? '') : iso(year, m[1] ?? '', m[2] ?? '');
  }
  m = MDY_NAMED.exec(s);
  if (m && (m[3] !== undefined || year !== undefined)) return iso(m[3] ?? year ?? '', monthOf(m[1] ?? ''), m[2] ?? '');
  m = DMY_NAMED.exec(s);
  if (m && (m[3] !== undefined || year !== undefined)) return iso(m[3] ?? year ?? '', monthOf(m[2] ?? ''), m[1] ?? '');
  return null;
};

/**
 * The order of dates like `10/01/2027` in a locale (a BCP 47 tag, or a workbook's language): year
 * first (null: `10/01/2027` is not read) in Chinese, Japanese and Korean, month first in the US
 * (and in plain `en`), day first everywhere else.
 */
export const dateOrderOf = (locale: string): DateOrder | null =>
  /^(zh|ja|ko)\b/i.test(locale) ? null : /^en(-US)?$/i.test(locale) ? 'MDY' : 'DMY';

/** The regional formats of a workbook's settings: its own, else its language's (en → en-US). */
export const regionOf = (settings: { locale: string; region?: string }): string =>
  settings.region ?? (settings.locale === 'en' ? 'en-US' : settings.locale);

/**
 * The other reading of an ambiguous date (`10/01/2027` read day first, when `how` reads it month
 * first), or null when there is none: the day and month differ and both are at most 12.
 *
 * @example otherDateReading('10/01/2027', { order: 'MDY' }) // '2027-01-10'
 */
export const otherDateReading = (text: string, how: DateReading): string | null => {
  if (how.order === null) return null;
  const taken = parseDateText(text, how);
  const other = parseDateText(text, { ...how, order: how.order === 'MDY' ? 'DMY' : 'MDY' });
  return taken !== null && other !== null && other !== taken ? other : null;
};

/** True when the text's reading depends on the day/month order (`01/05/2026`, not `13/05/2026`). */
export const isOrderDependent = (text: string): boolean => {
  const a = parseDateText(text, { order: 'MDY' });
  return a !== null && a !== parseDateText(text, { order: 'DMY' });
};

/** How dates may be written in each language, for messages. */
export const DATE_HINT = {
  en: '2026-11-29, 11/29/2026 or Nov 29, 2026',
  'zh-CN': '2026-11-29、2026/11/29 或 2026年11月29日',
} as const;
