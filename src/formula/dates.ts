/**
 * Dates as serial day numbers, Excel's 1900 system: serial 1 is 1900-01-01 and 45658 is 2025-01-01.
 * Excel counts a 29 February 1900 that never was; serials from 61 (1900-03-01) on match Excel exactly,
 * and that is the range a shop's plan lives in.
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 as a UTC day count: serial 0 in the modern range. */
const EPOCH_DAYS = Date.UTC(1899, 11, 30) / MS_PER_DAY;

/** Serial of a calendar date; month and day may overflow as in DATE(2024, 13, 0). */
export const serialFromParts = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / MS_PER_DAY - EPOCH_DAYS;

/** Year, month (1–12) and day of a serial. */
export const partsFromSerial = (serial: number): { year: number; month: number; day: number } => {
  const d = new Date((Math.floor(serial) + EPOCH_DAYS) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** Day of the week of a serial: 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (serial: number): number => {
  const d = (Math.floor(serial) + EPOCH_DAYS) % 7;
  // 1970-01-01 (day 0 of the UTC count) was a Thursday.
  return (((d + 4) % 7) + 7) % 7;
};

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Serial of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export const serialFromIso = (iso: string): number | undefined => {
  const m = ISO_RE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return serialFromParts(y, mo, d);
};

/** `YYYY-MM-DD` of a serial (the fraction of a day is dropped). */
export const isoFromSerial = (serial: number): string => {
  const { year, month, day } = partsFromSerial(serial);
  const y = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Days in a month (month 1–12). */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Serial of a local calendar day (TODAY()). */
export const serialOfLocalDay = (d: Date): number => serialFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** Serial of a local date and time, the time of day as the fraction (NOW()). */
export const serialOfLocalTime = (d: Date): number =>
  serialOfLocalDay(d) + (d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds()) / 86400;
