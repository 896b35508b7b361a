/**
 * Typed values as text, for a column type: raw (ISO dates, plain numbers, true/false) or as
 * displayed (digit grouping, currency symbols, percentages, local dates, Yes/No or 是/否).
 * Pure and fast (no Intl), so that the app, the CLI and every ICU version write the same text.
 */
import type { CellFormula, Column, CurrencyCode, Locale } from '../schema/types.ts';
import { isErrorValue, type ExportValue } from './export-source.ts';

/** Raw: what a program reads back exactly. Display: what a person reads in the grid. */
export type FormatMode = 'raw' | 'display';

/** How values are written. `currency` is the workbook's (a column may override it). */
export interface FormatContext {
  mode: FormatMode;
  locale: Locale;
  currency: CurrencyCode;
}

/** The symbol shown before an amount of each currency. */
export const CURRENCY_SYMBOLS: Record<CurrencyCode, string> = { CNY: '¥', USD: '$', EUR: '€' };

/** Words shown for true and false in each language. */
export const BOOLEAN_WORDS: Record<Locale, readonly [string, string]> = { en: ['Yes', 'No'], 'zh-CN': ['是', '否'] };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Inserts thousands separators into plain decimal text without a sign ("1234.5" → "1,234.5"). */
const groupDigits = (s: string): string => {
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  if (int.length <= 3) return s;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return dot < 0 ? out : out + s.slice(dot);
};

/** A number as shown: grouped, with `digits` decimals, or like Excel's General (10 significant digits). */
const showNumber = (n: number, digits: number | undefined): string => {
  const abs = Math.abs(n);
  const s = digits === undefined ? String(Number(abs.toPrecision(10))) : abs.toFixed(digits);
  if (s.includes('e')) return n < 0 ? `-${s}` : s;
  // A value that rounds to zero is shown without a sign.
  const sign = n < 0 && Number(s) !== 0 ? '-' : '';
  return sign + groupDigits(s);
};

/** A `YYYY-MM-DD` date as shown in `locale`; other text is left as it is. */
export const showDate = (iso: string, locale: Locale): string => {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return iso;
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(m >= 1 && m <= 12 && d >= 1)) return iso;
  return locale === 'zh-CN' ? `${y}/${m}/${d}` : `${MONTHS[m - 1] ?? ''} ${d}, ${y}`;
};

/** 0.125 → 12.5, without the float noise of a plain multiplication. */
const toPercentPoints = (v: number): number => Number((v * 100).toPrecision(15));

/** A value to show: a typed value, an error value, or a cell formula nothing has computed yet. */
export type ShownValue = ExportValue | CellFormula;

/**
 * The raw text of any value; also the fallback for a value whose JS type does not fit the column
 * (a concurrent retype can leave one). An uncomputed cell formula shows its formula text.
 */
const rawText = (v: ShownValue): string => {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return isErrorValue(v) ? v.error : v.f;
};

/**
 * A formatter for one column: value → text (empty text for an empty cell). Build it once per
 * column and call it per cell.
 *
 * @example
 *   valueFormatter({ type: 'currency', options: {} }, { mode: 'display', locale: 'en', currency: 'CNY' })(-1234.5)
 *   // → "-¥1,234.50"
 */
export const valueFormatter = (
  column: Pick<Column, 'type' | 'options'>,
  ctx: FormatContext,
): ((value: ShownValue) => string) => {
  if (ctx.mode === 'raw') {
    return (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : rawText(v));
  }
  const digits = column.options.precision;
  switch (column.type) {
    case 'number':
      return (v) => (typeof v === 'number' ? showNumber(v, digits) : rawText(v));
    case 'integer':
      return (v) => (typeof v === 'number' ? showNumber(v, digits ?? 0) : rawText(v));
    case 'currency': {
      const symbol = CURRENCY_SYMBOLS[column.options.currency ?? ctx.currency];
      return (v) => {
        if (typeof v !== 'number') return rawText(v);
        const s = showNumber(v, digits ?? 2);
        return s.charCodeAt(0) === 45 ? `-${symbol}${s.slice(1)}` : symbol + s;
      };
    }
    case 'percent':
      return (v) => (typeof v === 'number' ? `${showNumber(toPercentPoints(v), digits)}%` : rawText(v));
    case 'date':
      return (v) => (typeof v === 'string' ? showDate(v, ctx.locale) : rawText(v));
    case 'boolean': {
      const [yes, no] = BOOLEAN_WORDS[ctx.locale];
      return (v) => (v === true ? yes : v === false ? no : rawText(v));
    }
    case 'text':
    case 'choice':
    case 'reference':
      return (v) => (typeof v === 'string' ? v : rawText(v));
  }
};

/** One value as text (builds a formatter each call: use `valueFormatter` in loops). */
export const formatValue = (
  value: ShownValue,
  column: Pick<Column, 'type' | 'options'>,
  ctx: FormatContext,
): string => valueFormatter(column, ctx)(value);
