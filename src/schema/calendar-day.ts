/**
 * Calendar days: the one module that does day arithmetic. A day is an ISO date (`YYYY-MM-DD`, how
 * cells store dates) or a day number (whole days since 1970-01-01), both in UTC so no time zone
 * can shift a day. Formulas count Excel serials on top of it (src/formula/dates.ts), the calendar
 * lays out weeks with it, charts put days on a time axis with it.
 *
 * @example
 *   addDays('2027-01-10', 30)       // '2027-02-09'
 *   daysBetween('2027-01-01', '2027-03-01') // 59
 */

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (1–12) of a year. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True for a real calendar date written `YYYY-MM-DD`. */
export const isIsoDate = (s: string): boolean => {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(Number(m[1]), mo);
};

/** Day number of a year, month and day; month and day may overflow, as in DATE(2024, 13, 0). */
export const dayFromParts = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / MS_PER_DAY;

/** Year, month (1–12) and day of a day number (a fraction of a day is dropped). */
export const partsFromDay = (day: number): { year: number; month: number; day: number } => {
  const d = new Date(Math.floor(day) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** `YYYY-MM-DD` of a year, month and day, without checking them (a year below 0 gets a sign). */
export const isoFromParts = (year: number, month: number, day: number): string => {
  const y = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Day number of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export const dayFromIso = (iso: string): number | undefined =>
  isIsoDate(iso) ? dayFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) : undefined;

/** `YYYY-MM-DD` of a day number. */
export const isoFromDay = (day: number): string => {
  const p = partsFromDay(day);
  return isoFromParts(p.year, p.month, p.day);
};

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfDay = (day: number): number => (((Math.floor(day) + 4) % 7) + 7) % 7;

/** Day number of a date given as ISO text (callers pass stored, valid dates). */
const dayOf = (iso: string): number => dayFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** The date `n` days after `date` (before, for negative `n`). */
export const addDays = (date: string, n: number): string => isoFromDay(dayOf(date) + n);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string): number => dayOf(b) - dayOf(a);

/** The Monday of the week `date` is in (weeks start on Monday, as in China and ISO 8601). */
export const weekStart = (date: string): string => addDays(date, -((weekdayOfDay(dayOf(date)) + 6) % 7));

/** The first day of the month `date` is in. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** The first day of the month `n` months after the one `date` is in. */
export const addMonths = (date: string, n: number): string =>
  isoFromDay(dayFromParts(Number(date.slice(0, 4)), Number(date.slice(5, 7)) + n, 1));

/** The local calendar day of a moment, as an ISO date (what TODAY() is where the person is). */
export const localIsoDay = (now: Date = new Date()): string => isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
