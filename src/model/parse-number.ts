/**
 * Reads numbers as people type and paste them: grouping separators, currency symbols, a trailing
 * percent sign, accounting negatives "(1,234.00)", full-width digits from Chinese input methods and
 * the Chinese units 万 (10⁴) and 亿 (10⁸). Pure: no DOM, no Yjs.
 */
import type { Locale } from './types.ts';

/** What a number text said, before the column decides what to do with it. */
export interface NumberText {
  value: number;
  /** A trailing % was typed (the value is still the number before the %, e.g. 12 for "12%"). */
  percent: boolean;
  /** A currency symbol or code was typed. */
  currency: boolean;
}

const CURRENCY_MARKS = ['US$', 'CN¥', 'RMB', 'CNY', 'USD', 'EUR', '美元', '欧元', '人民币', '元', '¥', '￥', '$', '€'];
const UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Full-width ASCII (what a Chinese IME types: １２３，．％) and ideographic punctuation to ASCII. */
export const toHalfWidth = (s: string): string =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u3002/g, '.');

const separators = new Map<Locale, { group: string; decimal: string }>();

/** The grouping and decimal separators of a locale, as Intl writes them. */
export const numberSeparators = (locale: Locale): { group: string; decimal: string } => {
  let s = separators.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    s = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separators.set(locale, s);
  }
  return s;
};

const stripCurrency = (s: string): { rest: string; found: boolean } => {
  let rest = s;
  let found = false;
  for (const mark of CURRENCY_MARKS) {
    if (rest.startsWith(mark)) {
      rest = rest.slice(mark.length).trim();
      found = true;
    } else if (rest.endsWith(mark)) {
      rest = rest.slice(0, -mark.length).trim();
      found = true;
    }
    if (found) break;
  }
  return { rest, found };
};

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/** Groups must be 1–3 digits then groups of exactly 3, so "1,2,3" is not read as 123. */
const validGrouping = (intPart: string, group: string): boolean => {
  if (!intPart.includes(group)) return true;
  const groups = intPart.split(group);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
};

/** Parses number text in a locale; undefined when it is not a number. */
export const parseNumberText = (input: string, locale: Locale): NumberText | undefined => {
  let s = toHalfWidth(input).trim().replace(/\s+/g, '');
  if (s === '') return undefined;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const cur = stripCurrency(s);
  s = cur.rest;
  // A sign may also come after the symbol: "¥-12".
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let scale = 1;
  const unit = UNITS[s.slice(-1)];
  if (unit !== undefined) {
    scale = unit;
    s = s.slice(0, -1);
  }
  const { group, decimal } = numberSeparators(locale);
  const m = new RegExp(`^([\\d${escape(group)}${escape(decimal)}]+)(?:e([-+]?\\d+))?$`, 'i').exec(s);
  const body = m?.[1];
  if (!m || !body || !/\d/.test(body)) return undefined;
  const at = body.lastIndexOf(decimal);
  const intPart = at < 0 ? body : body.slice(0, at);
  const fracPart = at < 0 ? '' : body.slice(at + 1);
  if (!/^\d*$/.test(fracPart)) return undefined;
  if (!validGrouping(intPart, group)) return undefined;
  const digits = intPart.split(group).join('');
  if (!/^\d*$/.test(digits) || (digits === '' && fracPart === '')) return undefined;
  const text = `${digits || '0'}.${fracPart || '0'}${m[2] !== undefined ? `e${m[2]}` : ''}`;
  let value = Number(text) * scale;
  if (!Number.isFinite(value)) return undefined;
  if (scale !== 1) value = Number(value.toPrecision(15));
  return { value: negative ? -value : value, percent, currency: cur.found };
};
