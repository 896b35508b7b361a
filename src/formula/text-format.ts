/** TEXT(value, format): the number and date format codes ops people use ("0.00", "#,##0", "0%", "yyyy-mm-dd" …). */
import { partsFromSerial, weekdayOf } from './dates.ts';
import { roundHalfAway } from './numbers.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const formatDate = (serial: number, fmt: string): string => {
  const { year, month, day } = partsFromSerial(serial);
  const wd = weekdayOf(serial);
  return fmt.replace(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d/gi, (tok) => {
    switch (tok.toLowerCase()) {
      case 'yyyy': return String(year);
      case 'yy': return String(year % 100).padStart(2, '0');
      case 'mmmm': return MONTHS[month - 1] ?? '';
      case 'mmm': return (MONTHS[month - 1] ?? '').slice(0, 3);
      case 'mm': return String(month).padStart(2, '0');
      case 'm': return String(month);
      case 'dddd': return DAYS[wd] ?? '';
      case 'ddd': return (DAYS[wd] ?? '').slice(0, 3);
      case 'dd': return String(day).padStart(2, '0');
      default: return String(day);
    }
  });
};

const formatNumber = (x: number, fmt: string): string => {
  const m = /^([^0#,.%]*)([0#,]*)(?:\.([0#]+))?(%?)(.*)$/.exec(fmt);
  if (!m) return String(x);
  const [, prefix = '', intPart = '', frac = '', pct = '', suffix = ''] = m;
  const v = pct ? x * 100 : x;
  const decimals = frac.length;
  const r = roundHalfAway(Math.abs(v), decimals);
  let [i = '0', f = ''] = r.toFixed(decimals).split('.');
  const minInt = (intPart.replace(/[#,]/g, '').length);
  if (i === '0' && minInt === 0) i = '';
  i = i.padStart(minInt, '0');
  if (intPart.includes(',')) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Trailing # in the fraction drop trailing zeros.
  const optional = (frac.match(/#+$/)?.[0].length ?? 0);
  for (let k = 0; k < optional && f.endsWith('0'); k++) f = f.slice(0, -1);
  const sign = v < 0 && r !== 0 ? '-' : '';
  return `${sign}${prefix}${i}${f ? `.${f}` : ''}${pct}${suffix}`;
};

/** Formats a number (a date when the format has date codes) with an Excel-style format code. */
export const formatText = (x: number, fmt: string): string =>
  /[yd]/i.test(fmt) || /^m+$/i.test(fmt.trim()) ? formatDate(x, fmt) : formatNumber(x, fmt);
