/**
 * Numbers as people and spreadsheets write them: `1234.5`, `1,234.50`, `-¥1,234.50`, `¥-5`,
 * `(1,234.50)`, `US$ 12`, `12.5%`, `30元`, `1e-7`. Grouping must be by thousands, so `1,2` is not a
 * number (it may be a European decimal, which we do not guess).
 */
import type { CurrencyCode } from '../model/types.ts';

/** A number read from text, with what the text said about it. */
export interface NumberText {
  value: number;
  /** The currency named by a symbol or code, or null. */
  currency: CurrencyCode | null;
  /** Written with a % sign (the value is already divided by 100). */
  percent: boolean;
  /** No decimals and no exponent. */
  integer: boolean;
  /** Digits before the decimal point, as written (without grouping). */
  intDigits: string;
}

const SYMBOLS: Record<string, CurrencyCode> = {
  '¥': 'CNY', '￥': 'CNY', 'cn¥': 'CNY', rmb: 'CNY', cny: 'CNY', 元: 'CNY',
  $: 'USD', us$: 'USD', usd: 'USD',
  '€': 'EUR', eur: 'EUR',
};

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const FULL =
  /^([-+−])?\s*(cn¥|us\$|rmb|cny|usd|eur|[¥￥$€])?\s*([-+−])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?)\s*([%％])?\s*(元|rmb|cny|usd|eur|€)?$/i;

/** Moves the decimal point two places left in plain decimal text: "12.5" → "0.125", exactly. */
const hundredth = (digits: string): number => {
  if (/e/i.test(digits)) return Number(digits) / 100;
  const dot = digits.indexOf('.');
  const int = (dot < 0 ? digits : digits.slice(0, dot)).padStart(3, '0');
  const frac = dot < 0 ? '' : digits.slice(dot + 1);
  return Number(`${int.slice(0, -2)}.${int.slice(-2)}${frac}`);
};

/** Spaces people put around values, including no-break and ideographic spaces. */
export const trimSpaces = (s: string): string => {
  // Most fields have no spaces around them: two character tests instead of a regex.
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  if (a > 32 && a !== 160 && a !== 0x3000 && z > 32 && z !== 160 && z !== 0x3000) return s;
  return s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
};

/** The number written in `text`, or null when it is not a number. */
export const parseNumberText = (text: string): NumberText | null => {
  const s = trimSpaces(text);
  if (PLAIN.test(s)) {
    const dot = s.indexOf('.');
    const neg = s.charCodeAt(0) === 45;
    const intDigits = s.slice(neg ? 1 : 0, dot < 0 ? s.length : dot);
    return { value: Number(s), currency: null, percent: false, integer: dot < 0, intDigits };
  }
  let body = s;
  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = trimSpaces(body.slice(1, -1));
  }
  const m = FULL.exec(body);
  if (!m) return null;
  const [, sign1, prefix, sign2, digitsRaw = '', pct, suffix] = m;
  if ((sign1 && sign2) || (prefix && suffix) || (negative && (sign1 || sign2))) return null;
  const sign = sign1 ?? sign2;
  if (sign && sign !== '+') negative = true;
  const unit = prefix ?? suffix;
  const currency = unit ? (SYMBOLS[unit.toLowerCase()] ?? null) : null;
  if (currency && pct) return null;
  const digits = digitsRaw.replace(/,/g, '');
  const magnitude = pct ? hundredth(digits) : Number(digits);
  if (!Number.isFinite(magnitude)) return null;
  const dot = digits.indexOf('.');
  const exp = /e/i.test(digits);
  return {
    value: negative ? -magnitude : magnitude,
    currency,
    percent: pct !== undefined,
    integer: dot < 0 && !exp && !pct,
    intDigits: digits.slice(0, dot < 0 ? (exp ? digits.search(/e/i) : digits.length) : dot),
  };
};
