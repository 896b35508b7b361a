/**
 * Dates as people and spreadsheets write them, read as `YYYY-MM-DD`: ISO (with or without a time,
 * which is dropped), `2026/1/5`, `2026年1月5日`, `Jan 5, 2026`, `5 Jan 2026`, `5-Jan-2026`, and
 * `1/5/2026` or `05.01.2026`, whose day/month order is the caller's choice.
 */
import { isIsoDate } from '../model/values.ts';
import { trimSpaces } from './parse-number-text.ts';

/** Which part comes first in dates like `01/05/2026`: month (US) or day (most of the world). */
export type DateOrder = 'MDY' | 'DMY';

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]m|Z|[+-]\d{2}:?\d{2})?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;
const XXY = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`, 'i');
const MDY_NAMED = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DMY_NAMED = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const monthOf = (name: string): number => {
  const n = name.toLowerCase();
  if (n === 'sept') return 9;
  const i = n.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(n)) : -1;
  return i + 1;
};

const iso = (y: string | number, m: string | number, d: string | number): string | null => {
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
};

/** The date written in `text` as `YYYY-MM-DD`, or null when it is not a date. */
export const parseDateText = (text: string, order: DateOrder): string | null => {
  const s = trimSpaces(text);
  if (s.length < 6 || s.length > 40) return null;
  let m = YMD.exec(s) ?? ZH.exec(s);
  if (m) return iso(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  m = XXY.exec(s);
  if (m) return order === 'MDY' ? iso(m[3] ?? '', m[1] ?? '', m[2] ?? '') : iso(m[3] ?? '', m[2] ?? '', m[1] ?? '');
  m = MDY_NAMED.exec(s);
  if (m) return iso(m[3] ?? '', monthOf(m[1] ?? ''), m[2] ?? '');
  m = DMY_NAMED.exec(s);
  if (m) return iso(m[3] ?? '', monthOf(m[2] ?? ''), m[1] ?? '');
  return null;
};

/** True when the text's reading depends on the day/month order (`01/05/2026`, not `13/05/2026`). */
export const isOrderDependent = (text: string): boolean => {
  const a = parseDateText(text, 'MDY');
  return a !== null && a !== parseDateText(text, 'DMY');
};
