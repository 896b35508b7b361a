/**
 * Dates as serial day numbers, Excel's 1900 system: serial 1 is 1900-01-01 and 45658 is 2025-01-01.
 * Excel counts a 29 February 1900 that never was; serials from 61 (1900-03-01) on match Excel exactly,
 * and that is the range a shop's plan lives in. The calendar itself is src/schema/calendar-day.ts.
 */
import { dayFromIso, dayFromParts, daysInMonth, isoFromDay, partsFromDay, weekdayOfDay } from '../schema/calendar-day.ts';

export { daysInMonth };

/** Serial 0 (1899-12-30) as a day number: serials are day numbers moved by this many days. */
const SERIAL_OFFSET = 25_569;

/** Serial of a calendar date; month and day may overflow as in DATE(2024, 13, 0). */
export const serialFromParts = (year: number, month: number, day: number): number => dayFromParts(year, month, day) + SERIAL_OFFSET;

/** Year, month (1–12) and day of a serial. */
export const partsFromSerial = (serial: number): { year: number; month: number; day: number } => partsFromDay(serial - SERIAL_OFFSET);

/** Day of the week of a serial: 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (serial: number): number => weekdayOfDay(serial - SERIAL_OFFSET);

/** Serial of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export const serialFromIso = (iso: string): number | undefined => {
  const day = dayFromIso(iso);
  return day === undefined ? undefined : day + SERIAL_OFFSET;
};

/** `YYYY-MM-DD` of a serial (the fraction of a day is dropped). */
export const isoFromSerial = (serial: number): string => isoFromDay(Math.floor(serial) - SERIAL_OFFSET);

/** Serial of a local calendar day (TODAY()). */
export const serialOfLocalDay = (d: Date): number => serialFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** Serial of a local date and time, the time of day as the fraction (NOW()). */
export const serialOfLocalTime = (d: Date): number =>
  serialOfLocalDay(d) + (d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds()) / 86400;
