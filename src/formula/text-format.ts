/**
 * TEXT(value, format): the number, date and time format codes ops people use ("0.00", "#,##0",
 * "#,##0," for thousands, "0%", "yyyy-mm-dd", "hh:mm"). Text in quotes is shown as written.
 */
import { partsFromSerial, weekdayOf } from './dates.ts';
import { roundHalfAway } from './numbers.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Quoted text ("days") and backslash-escaped characters of a format, which are shown as written. */
const LITERAL = /"([^"]*)"|\\(.)/g;

/** Date and time codes, longest first; `m` is months unless it follows an hour or precedes seconds. */
const DATE_TOKEN = /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p/gi;

const two = (n: number): string => String(n).padStart(2, '0');

const formatDate = (serial: number, fmt: string): string => {
  // Times are shown to the nearest second, as Excel shows them.
  const seconds = Math.round((serial - Math.floor(serial)) * 86400);
  const day = Math.floor(serial) + Math.floor(seconds / 86400);
  const secs = seconds % 86400;
  const { year, month, day: dom } = partsFromSerial(day);
  const wd = weekdayOf(day);
  const hour = Math.floor(secs / 3600);
  const minute = Math.floor(secs / 60) % 60;
  const second = secs % 60;
  const tokens = fmt.match(DATE_TOKEN) ?? [];
  const twelve = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const h = twelve ? hour % 12 || 12 : hour;
  let i = 0;
  return fmt.replace(DATE_TOKEN, (tok) => {
    const at = i++;
    const lower = tok.toLowerCase();
    if (tok.startsWith('"')) return tok.slice(1, -1);
    if (tok.startsWith('\\')) return tok.slice(1);
    if (lower === 'm' || lower === 'mm') {
      const prev = tokens.slice(0, at).reverse().find((t) => !t.startsWith('"') && !t.startsWith('\\'));
      const next = tokens.slice(at + 1).find((t) => !t.startsWith('"') && !t.startsWith('\\'));
      if ((prev && /^h/i.test(prev)) || (next && /^s/i.test(next))) return lower === 'mm' ? two(minute) : String(minute);
    }
    switch (lower) {
      case 'yyyy': return String(year);
      case 'yy': return two(year % 100);
      case 'mmmm': return MONTHS[month - 1] ?? '';
      case 'mmm': return (MONTHS[month - 1] ?? '').slice(0, 3);
      case 'mm': return two(month);
      case 'm': return String(month);
      case 'dddd': return DAYS[wd] ?? '';
      case 'ddd': return (DAYS[wd] ?? '').slice(0, 3);
      case 'dd': return two(dom);
      case 'd': return String(dom);
      case 'hh': return two(h);
      case 'h': return String(h);
      case 'ss': return two(second);
      case 's': return String(second);
      case 'a/p': return hour < 12 ? (tok[0] === 'A' ? 'A' : 'a') : tok[0] === 'A' ? 'P' : 'p';
      default: return hour < 12 ? 'AM' : 'PM';
    }
  });
};

const unquote = (s: string): string => s.replace(LITERAL, (_m, q: string | undefined, c: string | undefined) => q ?? c ?? '');

const formatNumber = (x: number, fmt: string): string => {
  // prefix, integer digits, decimals, scaling commas, percent, suffix
  const m = /^((?:"[^"]*"|\\.|[^0#,.%"\\])*)([0#,]*)(?:\.([0#]*))?(,*)(%?)(.*)$/.exec(fmt);
  if (!m) return String(x);
  const [, prefix = '', intRaw = '', frac = '', fracCommas = '', pct = '', suffix = ''] = m;
  // Commas after the last digit (before the point or at the end) divide by 1,000 each: "#,##0," shows thousands.
  const intCommas = /,*$/.exec(intRaw)?.[0].length ?? 0;
  const intPart = intRaw.slice(0, intRaw.length - intCommas);
  const scale = 1000 ** ((frac === '' && fracCommas === '' ? intCommas : 0) + fracCommas.length);
  const v = (pct ? x * 100 : x) / scale;
  const decimals = frac.length;
  const r = roundHalfAway(Math.abs(v), decimals);
  let [i = '0', f = ''] = r.toFixed(decimals).split('.');
  const minInt = intPart.replace(/[#,]/g, '').length;
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (intPart.includes(',')) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Trailing # in the fraction drop trailing zeros.
  const optional = frac.match(/#+$/)?.[0].length ?? 0;
  for (let k = 0; k < optional && f.endsWith('0'); k++) f = f.slice(0, -1);
  const sign = v < 0 && r !== 0 ? '-' : '';
  return `${sign}${unquote(prefix)}${i}${f ? `.${f}` : ''}${pct}${unquote(suffix)}`;
};

/**
 * Formats a number with an Excel-style format code: a date or time when the code has date or time
 * letters and no digit placeholders ("yyyy-mm-dd", "hh:mm"), else a number ("#,##0.0", "0 pcs").
 */
export const formatText = (x: number, fmt: string): string => {
  const codes = fmt.replace(LITERAL, '');
  return !/[0#]/.test(codes) && /[ydhsm]/i.test(codes) ? formatDate(x, fmt) : formatNumber(x, fmt);
};
