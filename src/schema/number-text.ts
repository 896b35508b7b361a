/**
 * The one number reader: numbers as people type, paste and export them, for cells, files and the
 * CLI alike. `1234.5`, `1,234.50` (groups of three only, so `1,2` is no number: it may be a
 * European decimal, which is not guessed), `-¥1,234.50`, `¥-5`, `(1,234.50)`, `US$ 12`, `30元`,
 * `1.2万`, `2亿`, `１２３．５` (full-width, from a Chinese input method), `−7`, `1e-7`, and a
 * trailing `%`: "12%" is 0.12 everywhere. What a column makes of it (percent points, a currency
 * that must match) is the caller's rule (parse-input.ts, src/csv/parse-cell-text.ts).
 *
 * @example
 *   parseNumberText('¥1,200')  // { value: 1200, currency: 'CNY', percent: false, integer: true, intDigits: '1200' }
 *   parseNumberText('12%')?.value // 0.12
 */
import type { CurrencyCode } from './types.ts';

/** A number read from text, with what the text said about it. */
export interface NumberText {
  /** The number meant: "12%" is 0.12, "1.2万" is 12000. */
  value: number;
  /** The currency named by a symbol or code, or null. */
  currency: CurrencyCode | null;
  /** Written with a % sign (the value is already divided by 100). */
  percent: boolean;
  /** A whole number as written: no decimals, no exponent, no % (1.5万 is whole: 15000). */
  integer: boolean;
  /** Digits before the decimal point, as written (without grouping): `007` keeps its zeros. */
  intDigits: string;
}

const SYMBOLS: Record<string, CurrencyCode> = {
  '¥': 'CNY', '￥': 'CNY', 'cn¥': 'CNY', rmb: 'CNY', cny: 'CNY', 元: 'CNY', 人民币: 'CNY',
  $: 'USD', us$: 'USD', usd: 'USD', 美元: 'USD',
  '€': 'EUR', eur: 'EUR', 欧元: 'EUR',
};

const UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const FULL =
  /^([-+−])?\s*(cn¥|us\$|rmb|cny|usd|eur|人民币|[¥￥$€])?\s*([-+−])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?)\s*([万亿])?\s*(%)?\s*(元|rmb|cny|usd|eur|美元|欧元|人民币|€)?$/i;

/** Full-width ASCII (what a Chinese input method types: １２３，．％) and the ideographic space and full stop to ASCII. */
export const toHalfWidth = (s: string): string =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u3002/g, '.');

/** Spaces people put around values, including no-break and ideographic spaces. */
export const trimSpaces = (s: string): string => {
  // Most fields have no spaces around them: two character tests instead of a regex.
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  if (a > 32 && a !== 160 && a !== 0x3000 && z > 32 && z !== 160 && z !== 0x3000) return s;
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
};

/** Moves the decimal point two places left in plain decimal text: "12.5" → "0.125", exactly. */
const hundredth = (digits: string): number => {
  if (/e/i.test(digits)) return Number(digits) / 100;
  const dot = digits.indexOf('.');
  const int = (dot < 0 ? digits : digits.slice(0, dot)).padStart(3, '0');
  const frac = dot < 0 ? '' : digits.slice(dot + 1);
  return Number(`${int.slice(0, -2)}.${int.slice(-2)}${frac}`);
};

/** True when the text has full-width characters to fold (rare: most text skips the replace). */
const hasWide = (s: string): boolean => /[\uFF01-\uFF5E\u3000\u3002]/.test(s);

/** The number written in `text`, or null when it is not a number. */
export const parseNumberText = (text: string): NumberText | null => {
  let s = trimSpaces(text);
  if (PLAIN.test(s)) {
    const dot = s.indexOf('.');
    const neg = s.charCodeAt(0) === 45;
    const intDigits = s.slice(neg ? 1 : 0, dot < 0 ? s.length : dot);
    return { value: Number(s), currency: null, percent: false, integer: dot < 0, intDigits };
  }
  if (hasWide(s)) s = trimSpaces(toHalfWidth(s));
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = trimSpaces(s.slice(1, -1));
  }
  const m = FULL.exec(s);
  if (!m) return null;
  const [, sign1, prefix, sign2, digitsRaw = '', unitMark, pct, suffix] = m;
  if ((sign1 && sign2) || (prefix && suffix) || (negative && (sign1 || sign2))) return null;
  const sign = sign1 ?? sign2;
  if (sign && sign !== '+') negative = true;
  const mark = prefix ?? suffix;
  const currency = mark ? (SYMBOLS[mark.toLowerCase()] ?? null) : null;
  if ((currency && pct) || (unitMark && pct)) return null;
  const digits = digitsRaw.replace(/,/g, '');
  const scale = unitMark ? (UNITS[unitMark] ?? 1) : 1;
  let magnitude = pct ? hundredth(digits) : Number(digits) * scale;
  // 1.2 × 10⁴ is 12000.000000000002 in binary: keep the 15 digits a person wrote.
  if (scale !== 1) magnitude = Number(magnitude.toPrecision(15));
  if (!Number.isFinite(magnitude)) return null;
  const dot = digits.indexOf('.');
  const exp = /e/i.test(digits);
  return {
    value: negative ? -magnitude : magnitude,
    currency,
    percent: pct !== undefined,
    integer: scale !== 1 ? Number.isInteger(magnitude) : dot < 0 && !exp && !pct,
    intDigits: digits.slice(0, dot < 0 ? (exp ? digits.search(/e/i) : digits.length) : dot),
  };
};
