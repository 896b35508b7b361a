/** Calendar day arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no time zone shifts a day. Pure. */

const DAY = 86_400_000;

const ms = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The date `n` days after `date` (before, for negative `n`). */
export const addDays = (date: string, n: number): string => iso(ms(date) + n * DAY);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((ms(b) - ms(a)) / DAY);

/** The Monday of the week `date` is in (weeks start on Monday, as in China and ISO 8601). */
export const weekStart = (date: string): string => addDays(date, -((new Date(ms(date)).getUTCDay() + 6) % 7));

/** The first day of the month `date` is in. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** The first day of the month `n` months after the one `date` is in. */
export const addMonths = (date: string, n: number): string => {
  const d = new Date(ms(monthStart(date)));
  d.setUTCMonth(d.getUTCMonth() + n);
  return iso(d.getTime());
};

/** The weeks (Monday first, seven dates each) that show the month `date` is in: four to six of them. */
export const monthWeeks = (date: string): string[][] => {
  const first = monthStart(date);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let start = weekStart(first); start < next; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_x, i) => addDays(start, i)));
  }
  return weeks;
};

/** The seven dates of the week `date` is in. */
export const weekDates = (date: string): string[] => {
  const start = weekStart(date);
  return Array.from({ length: 7 }, (_x, i) => addDays(start, i));
};

/** Today in this browser's time zone, as an ISO date. */
export const todayIso = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
