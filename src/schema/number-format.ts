/**
 * Numbers as text, without Intl: each runtime's ICU data differs (Node 20 writes CNY as `CN¥1,234.50`,
 * a browser as `¥1,234.50`), and the grid, CSV files, KPI cards and the CLI must write the same
 * characters. Rounding works on the shortest decimal form of the number, half away from zero, as
 * ICU does (1.005 → 1.01 with two decimals), and a value that rounds to zero has no sign.
 *
 * @example
 *   decimalText(1234.5678912, { max: 6 })          // '1,234.567891'
 *   decimalText(0.125, { min: 1, max: 1, shift: 2 }) // '12.5'  (a percentage's points)
 *   generalText(1 / 3)                               // '0.3333333333'
 */
import { ownEntry } from './own-entry.ts';
import type { CurrencyCode } from './types.ts';

/** How many decimals, and how digits are grouped. */
export interface DecimalStyle {
  /** Fewest decimals shown (trailing zeros kept up to here). */
  min?: number;
  /** Most decimals shown (rounded there). */
  max: number;
  /** Moves the decimal point right (2: a fraction as percentage points), exactly. */
  shift?: number;
  /** `always` groups thousands (1,234); `min2` only from five digits on (1234, 12,345); `never`. */
  grouping?: 'always' | 'min2' | 'never';
}

/** The symbol shown before an amount of each currency (narrow symbols: what people write). */
export const CURRENCY_SYMBOLS: Record<CurrencyCode, string> = { CNY: '¥', USD: '$', EUR: '€' };

/** Digits of |n| and where the decimal point goes: 1234.5 → { digits: '12345', point: 4 }. */
const decimalDigits = (abs: number): { digits: string; point: number } => {
  const s = String(abs);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  return { digits, point: (dot < 0 ? mantissa.length : dot) + exp };
};

/** Adds one to a string of digits ("199" → "200", "99" → "100"). */
const increment = (digits: string): string => {
  const a = digits.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== '9') {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
    a[i] = '0';
  }
  return `1${a.join('')}`;
};

const group = (int: string, grouping: DecimalStyle['grouping']): string => {
  if (grouping === 'never' || int.length <= 3 || (grouping === 'min2' && int.length < 5)) return int;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
};

/** Integer and fraction digits of |n| × 10^shift rounded half up to `max` decimals. */
const rounded = (n: number, max: number, shift: number): { int: string; frac: string } => {
  const { digits, point } = decimalDigits(Math.abs(n));
  const keep = point + shift + max;
  // `kept` is the rounded value × 10^max, as an integer's digits.
  let kept = keep < 0 ? '0' : digits.slice(0, keep).padEnd(keep, '0') || '0';
  if (keep >= 0 && (digits.charCodeAt(keep) || 0) >= 53) kept = increment(kept);
  const padded = kept.padStart(max + 1, '0');
  return { int: padded.slice(0, padded.length - max).replace(/^0+(?=\d)/, ''), frac: padded.slice(padded.length - max) };
};

/** |n| or n as grouped decimal text; a value that rounds to zero is written without a sign. */
export const decimalText = (n: number, style: DecimalStyle): string => {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n < 0 ? '-∞' : '∞';
  const min = style.min ?? 0;
  if (!style.shift) {
    // Most values need no rounding (an amount in cents shown with two decimals): no digit work.
    const s = String(n < 0 ? -n : n);
    const dot = s.indexOf('.');
    if ((dot < 0 || s.length - dot - 1 <= style.max) && !s.includes('e')) {
      const frac = dot < 0 ? '' : s.slice(dot + 1);
      const body = group(dot < 0 ? s : s.slice(0, dot), style.grouping ?? 'always') + (frac || min ? `.${frac.padEnd(min, '0')}` : '');
      return n < 0 ? `-${body}` : body;
    }
  }
  const { int, frac: f } = rounded(n, style.max, style.shift ?? 0);
  let frac = f;
  while (frac.length > min && frac.endsWith('0')) frac = frac.slice(0, -1);
  const zero = /^0*$/.test(int) && /^0*$/.test(f);
  const body = group(int, style.grouping ?? 'always') + (frac ? `.${frac}` : '');
  return n < 0 && !zero ? `-${body}` : body;
};

/**
 * A number as Excel's General format shows it: ten significant digits, grouped, and an exponent
 * only where Number writes one (1e+21, 1e-7). What a number column without a precision shows.
 */
export const generalText = (n: number): string => {
  if (!Number.isFinite(n)) return decimalText(n, { max: 0 });
  const s = String(Number(Math.abs(n).toPrecision(10)));
  const sign = n < 0 && Number(s) !== 0 ? '-' : '';
  if (s.includes('e')) return sign + s;
  const dot = s.indexOf('.');
  return sign + group(dot < 0 ? s : s.slice(0, dot), 'always') + (dot < 0 ? '' : s.slice(dot));
};

/** An amount with its currency's symbol before it: `-¥1,234.50`. */
export const currencyText = (n: number, currency: CurrencyCode, style: DecimalStyle): string => {
  const s = decimalText(n, style);
  const symbol = ownEntry<string>(CURRENCY_SYMBOLS, currency, '');
  return s.charCodeAt(0) === 45 ? `-${symbol}${s.slice(1)}` : symbol + s;
};
