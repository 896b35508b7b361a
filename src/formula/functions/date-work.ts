/**
 * Working days: NETWORKDAYS and WORKDAY with Saturday and Sunday off, and their .INTL forms with any
 * weekend (a code 1–7 or 11–17, or a mask such as "0000011", Monday first), minus holidays.
 */
import { weekdayOf } from '../dates.ts';
import { badNumber, badValue, isError, type FormulaError } from '../errors.ts';
import type { Scalar, Value } from '../values.ts';
import { numbersOf, scalarOf, toNumber } from '../values.ts';
import { defineFunctions, type FunctionDef } from './registry.ts';

/** Off days by weekday (index 0 = Sunday … 6 = Saturday). */
type Weekend = readonly boolean[];

const SAT_SUN: Weekend = [true, false, false, false, false, false, true];
/** The last serial Excel knows (9999-12-31). */
const LAST_SERIAL = 2958465;

/** A weekend from WORKDAY.INTL's argument: 1–7 two days (1 Sat+Sun … 7 Fri+Sat), 11–17 one day (11 Sun … 17 Sat), or a mask Monday first. */
const weekendOf = (v: Scalar | undefined): Weekend | FormulaError => {
  if (v === undefined || v === null) return SAT_SUN;
  if (typeof v === 'string') {
    if (!/^[01]{7}$/.test(v) || v === '1111111') return badValue('date.weekendMask');
    // The mask starts on Monday; weekday 0 is Sunday.
    return Array.from({ length: 7 }, (_, d) => v[(d + 6) % 7] === '1');
  }
  const n = toNumber(v);
  if (isError(n)) return n;
  const off = new Array<boolean>(7).fill(false);
  if (n >= 1 && n <= 7 && Number.isInteger(n)) {
    // Code 1 is Saturday and Sunday, 2 Sunday and Monday … 7 Friday and Saturday.
    off[(n + 5) % 7] = true;
    off[(n + 6) % 7] = true;
    return off;
  }
  if (n >= 11 && n <= 17 && Number.isInteger(n)) {
    off[(n - 11) % 7] = true;
    return off;
  }
  return badNumber('date.weekendNumber', n);
};

/** The holiday serials of an argument (a column of dates, or one date). */
const holidaysOf = (v: Value | undefined): Set<number> | FormulaError => {
  if (v === undefined) return new Set();
  const xs = numbersOf([v]);
  return isError(xs) ? xs : new Set(xs.map(Math.floor));
};

const isWorkday = (d: number, weekend: Weekend, holidays: Set<number>): boolean => !weekend[weekdayOf(d)] && !holidays.has(d);

/** Working days from `start` to `end`, both included, negative when `end` is earlier. */
const networkdays = (start: number, end: number, weekend: Weekend, holidays: Set<number>): number => {
  const [a, b, sign] = start <= end ? [Math.floor(start), Math.floor(end), 1] : [Math.floor(end), Math.floor(start), -1];
  // Whole weeks have the same working days; only the remainder is walked.
  const perWeek = weekend.filter((off) => !off).length;
  const weeks = Math.floor((b - a + 1) / 7);
  let n = weeks * perWeek;
  for (let d = a + weeks * 7; d <= b; d++) if (!weekend[weekdayOf(d)]) n++;
  for (const h of holidays) if (h >= a && h <= b && !weekend[weekdayOf(h)]) n--;
  return sign * n;
};

/**
 * The date `days` working days after (before, when negative) `start`; `start` itself is not counted.
 * Whole weeks are jumped (each holds the same working days, less the holidays in it), so a large
 * count costs no more than a small one.
 */
const workday = (start: number, days: number, weekend: Weekend, holidays: Set<number>): Scalar => {
  let d = Math.floor(start);
  let left = Math.abs(Math.trunc(days));
  const step = days < 0 ? -1 : 1;
  const perWeek = weekend.filter((off) => !off).length;
  if (left > LAST_SERIAL) return badNumber('date.outside');
  while (left > perWeek) {
    const weeks = Math.floor((left - 1) / perWeek);
    const to = d + step * 7 * weeks;
    let off = 0;
    for (const h of holidays) if ((step > 0 ? h > d && h <= to : h < d && h >= to) && !weekend[weekdayOf(h)]) off++;
    d = to;
    left -= weeks * perWeek - off;
    if (d < 1 || d > LAST_SERIAL) return badNumber('date.outside');
  }
  while (left > 0) {
    d += step;
    if (d < 1 || d > LAST_SERIAL) return badNumber('date.outside');
    if (isWorkday(d, weekend, holidays)) left--;
  }
  return d;
};

/** The start and end (or day count), weekend and holidays of a working-day call; `.INTL` forms take the weekend third. */
const workArgs = (args: readonly Value[], intl: boolean): { a: number; b: number; weekend: Weekend; holidays: Set<number> } | FormulaError => {
  const a = toNumber(scalarOf(args[0]));
  if (isError(a)) return a;
  const b = toNumber(scalarOf(args[1]));
  if (isError(b)) return b;
  const weekend = intl ? weekendOf(args[2] === undefined ? undefined : scalarOf(args[2])) : SAT_SUN;
  if (isError(weekend)) return weekend;
  const holidays = holidaysOf(args[intl ? 3 : 2]);
  return isError(holidays) ? holidays : { a, b, weekend, holidays };
};

/** NETWORKDAYS and its .INTL form. */
const countImpl = (intl: boolean) => (args: readonly Value[]): Scalar => {
  const w = workArgs(args, intl);
  return isError(w) ? w : networkdays(w.a, w.b, w.weekend, w.holidays);
};

/** WORKDAY and its .INTL form. */
const stepImpl = (intl: boolean) => (args: readonly Value[]): Scalar => {
  const w = workArgs(args, intl);
  return isError(w) ? w : workday(w.a, w.b, w.weekend, w.holidays);
};

const date = (name: string) => ({ name, kind: 'date' }) as const;
const holidays = { name: 'holidays', kind: 'numdatelist', optional: true } as const;
const weekend = { name: 'weekend', kind: 'any', optional: true } as const;

const WORK: FunctionDef[] = [
  {
    name: 'NETWORKDAYS', family: 'date', params: [date('start_date'), date('end_date'), holidays], result: 'integer',
    impl: countImpl(false),
    doc: { en: 'Working days (Monday–Friday) between two dates, inclusive, minus holidays.', 'zh-CN': '两个日期之间（含）的工作日数，扣除节假日。' },
    example: '=NETWORKDAYS([Start], [End])',
  },
  {
    name: 'NETWORKDAYS.INTL', family: 'date', params: [date('start_date'), date('end_date'), weekend, holidays], result: 'integer',
    impl: countImpl(true),
    doc: {
      en: 'Working days between two dates with any weekend (11: Sunday only; "0000011": Saturday and Sunday), minus holidays.',
      'zh-CN': '按任意周末计算两个日期之间的工作日数（11：仅周日；"0000011"：周六和周日），扣除节假日。',
    },
    example: '=NETWORKDAYS.INTL([Start], [End], 11, Holidays[Date])',
  },
  {
    name: 'WORKDAY', family: 'date', params: [date('start_date'), { name: 'days', kind: 'number' }, holidays], result: 'date',
    impl: stepImpl(false),
    doc: { en: 'The date a number of working days (Monday–Friday) away, skipping holidays.', 'zh-CN': '若干个工作日（周一至周五）之后的日期，跳过节假日。' },
    example: '=WORKDAY([Order date], [Lead time], Holidays[Date])',
  },
  {
    name: 'WORKDAY.INTL', family: 'date', params: [date('start_date'), { name: 'days', kind: 'number' }, weekend, holidays], result: 'date',
    impl: stepImpl(true),
    doc: { en: 'The date a number of working days away, with any weekend, skipping holidays.', 'zh-CN': '按任意周末计算若干个工作日之后的日期，跳过节假日。' },
    example: '=WORKDAY.INTL([Order date], [Lead time], 11)',
  },
];

defineFunctions(WORK);
