/** Dates (serial days, Excel's 1900 system): DATE, TODAY, parts, week numbers, month arithmetic, working days. */
import { daysInMonth, partsFromSerial, serialFromParts, weekdayOf } from '../dates.ts';
import { badNumber, isError } from '../errors.ts';
import type { Scalar } from '../values.ts';
import { scalarOf, toNumber, toText } from '../values.ts';
import { numeric } from './math.ts';
import { defineFunctions, type FunctionDef } from './registry.ts';

const date = (name = 'date') => ({ name, kind: 'date' }) as const;
const optNum = (name: string) => ({ name, kind: 'number', optional: true }) as const;
const single = scalarOf;

/** The serial `months` months after `serial`, on the same day or the month's last day. */
const addMonths = (serial: number, months: number, endOfMonth: boolean): number => {
  const { year, month, day } = partsFromSerial(serial);
  const total = year * 12 + (month - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = daysInMonth(y, m);
  return serialFromParts(y, m, endOfMonth ? last : Math.min(day, last));
};

/** WEEKDAY's return types: the weekday (0 = Sunday) that counts as 1, and whether numbering starts at 0. */
const WEEKDAY_TYPES: Record<number, [number, number]> = {
  1: [0, 1], 2: [1, 1], 3: [1, 0], 11: [1, 1], 12: [2, 1], 13: [3, 1], 14: [4, 1], 15: [5, 1], 16: [6, 1], 17: [0, 1],
};
const WEEKNUM_START: Record<number, number> = { 1: 0, 2: 1, 11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 16: 6, 17: 0 };

const isoWeek = (serial: number): number => {
  const wd = (weekdayOf(serial) + 6) % 7; // Monday = 0
  const thursday = serial - wd + 3;
  const { year } = partsFromSerial(thursday);
  return Math.floor((thursday - serialFromParts(year, 1, 1)) / 7) + 1;
};

const datedif = (start: number, end: number, unit: string): Scalar => {
  if (start > end) return badNumber('date.datedifOrder');
  const a = partsFromSerial(start);
  const b = partsFromSerial(end);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months--;
  switch (unit.toUpperCase()) {
    case 'Y': return Math.floor(months / 12);
    case 'M': return months;
    case 'D': return Math.floor(end) - Math.floor(start);
    case 'YM': return months % 12;
    // Excel's documented day counts: MD from the start day in the month before the end (which may be
    // negative when that day does not exist: 31 Jan to 1 Mar is −2), YD within one year's span.
    case 'MD':
      return b.day >= a.day ? b.day - a.day : Math.floor(end) - serialFromParts(b.year, b.month - 1, a.day);
    case 'YD':
      return a.month < b.month || (a.month === b.month && a.day <= b.day)
        ? Math.floor(end) - serialFromParts(b.year, a.month, a.day)
        : serialFromParts(a.year + 1, b.month, b.day) - Math.floor(start);
    default:
      return badNumber('date.datedifUnit', unit);
  }
};

/** The last serial Excel knows (9999-12-31). */
const LAST_SERIAL = 2958465;

const isLeap = (y: number): boolean => daysInMonth(y, 2) === 29;
const lastOfFebruary = (p: { year: number; month: number; day: number }): boolean => p.month === 2 && p.day === daysInMonth(p.year, 2);

/** YEARFRAC by Excel's day-count bases. */
const yearfrac = (start: number, end: number, basis: number): Scalar => {
  if (basis < 0 || basis > 4) return badNumber('date.basis');
  if (start < 0 || end < 0 || start > LAST_SERIAL || end > LAST_SERIAL) return badNumber('date.range');
  const [s, e] = start <= end ? [Math.floor(start), Math.floor(end)] : [Math.floor(end), Math.floor(start)];
  const a = partsFromSerial(s);
  const b = partsFromSerial(e);
  const days = e - s;
  switch (basis) {
    case 1: {
      if (a.year === b.year) return days / (isLeap(a.year) ? 366 : 365);
      if (e <= serialFromParts(a.year + 1, a.month, a.day)) {
        // Within a year's span: 366 days when a 29 February lies between the dates.
        const feb29 = (y: number) => (isLeap(y) ? serialFromParts(y, 2, 29) : Number.NaN);
        const spans = [feb29(a.year), feb29(b.year)].some((f) => f >= s && f <= e);
        return days / (spans ? 366 : 365);
      }
      let total = 0;
      for (let y = a.year; y <= b.year; y++) total += isLeap(y) ? 366 : 365;
      return days / (total / (b.year - a.year + 1));
    }
    case 2:
      return days / 360;
    case 3:
      return days / 365;
    default: {
      let d1 = a.day;
      let d2 = b.day;
      if (basis === 4) {
        d1 = Math.min(d1, 30);
        d2 = Math.min(d2, 30);
      } else if (d1 === 31 && d2 === 31) {
        d1 = 30;
        d2 = 30;
      } else if (d1 === 31) d1 = 30;
      else if (d1 === 30 && d2 === 31) d2 = 30;
      else if (lastOfFebruary(a) && lastOfFebruary(b)) {
        d1 = 30;
        d2 = 30;
      } else if (lastOfFebruary(a)) d1 = 30;
      return (b.year * 360 + b.month * 30 + d2 - (a.year * 360 + a.month * 30 + d1)) / 360;
    }
  }
};

const DATE_FUNCTIONS: FunctionDef[] = [
  {
    name: 'DATE', family: 'date', params: [{ name: 'year', kind: 'number' }, { name: 'month', kind: 'number' }, { name: 'day', kind: 'number' }],
    result: 'date',
    impl: numeric((y, m, d) => {
      const year = Math.trunc(y) < 1900 && Math.trunc(y) >= 0 ? Math.trunc(y) + 1900 : Math.trunc(y);
      if (year > 9999 || year < 0) return badNumber('date.year');
      const s = serialFromParts(year, Math.trunc(m ?? 1), Math.trunc(d ?? 1));
      return s < 1 ? badNumber('date.before1900') : s;
    }),
    doc: { en: 'The date of a year, month and day (months and days may overflow).', 'zh-CN': '由年、月、日构成日期（月、日可溢出）。' },
    example: '=DATE(2025, 11, 11)',
  },
  {
    name: 'TODAY', family: 'date', params: [], result: 'date', volatileToday: true, impl: (_a, ctx) => ctx.today(),
    doc: { en: 'Today’s date (recomputed when the date changes).', 'zh-CN': '今天的日期（日期变化时重新计算）。' }, example: '=TODAY()',
  },
  {
    name: 'YEAR', family: 'date', params: [date()], result: 'integer', impl: numeric((s) => partsFromSerial(s).year),
    doc: { en: 'The year of a date.', 'zh-CN': '日期的年份。' }, example: '=YEAR([Launch])',
  },
  {
    name: 'MONTH', family: 'date', params: [date()], result: 'integer', impl: numeric((s) => partsFromSerial(s).month),
    doc: { en: 'The month (1–12) of a date.', 'zh-CN': '日期的月份（1–12）。' }, example: '=MONTH([Launch])',
  },
  {
    name: 'DAY', family: 'date', params: [date()], result: 'integer', impl: numeric((s) => partsFromSerial(s).day),
    doc: { en: 'The day of the month of a date.', 'zh-CN': '日期是当月第几天。' }, example: '=DAY([Launch])',
  },
  {
    name: 'WEEKDAY', family: 'date', params: [date(), optNum('type')], result: 'integer',
    impl: numeric((s, t = 1) => {
      const spec = WEEKDAY_TYPES[t];
      if (!spec) return badNumber('date.weekdayType', t);
      return ((weekdayOf(s) - spec[0] + 7) % 7) + spec[1];
    }),
    doc: { en: 'Day of the week (type 1: Sunday = 1; type 2: Monday = 1).', 'zh-CN': '星期几（类型 1：周日 = 1；类型 2：周一 = 1）。' },
    example: '=WEEKDAY([Start], 2)',
  },
  {
    name: 'WEEKNUM', family: 'date', params: [date(), optNum('type')], result: 'integer',
    impl: numeric((s, t = 1) => {
      if (t === 21) return isoWeek(s);
      const start = WEEKNUM_START[t];
      if (start === undefined) return badNumber('date.weeknumType', t);
      const jan1 = serialFromParts(partsFromSerial(s).year, 1, 1);
      const offset = (weekdayOf(jan1) - start + 7) % 7;
      return Math.floor((Math.floor(s) - jan1 + offset) / 7) + 1;
    }),
    doc: { en: 'Week of the year (type 21: ISO week).', 'zh-CN': '一年中的第几周（类型 21：ISO 周）。' }, example: '=WEEKNUM([Start], 21)',
  },
  {
    name: 'EOMONTH', family: 'date', params: [date('start_date'), { name: 'months', kind: 'number' }], result: 'date',
    impl: numeric((s, m) => addMonths(s, m ?? 0, true)),
    doc: { en: 'Last day of the month a number of months away.', 'zh-CN': '若干个月后的月末日期。' }, example: '=EOMONTH([Start], 0)',
  },
  {
    name: 'EDATE', family: 'date', params: [date('start_date'), { name: 'months', kind: 'number' }], result: 'date',
    impl: numeric((s, m) => addMonths(s, m ?? 0, false)),
    doc: { en: 'The same day a number of months away.', 'zh-CN': '若干个月后的同一天。' }, example: '=EDATE([Start], 3)',
  },
  {
    name: 'DAYS', family: 'date', params: [date('end_date'), date('start_date')], result: 'integer',
    impl: numeric((e, s) => Math.floor(e) - Math.floor(s ?? 0)),
    doc: { en: 'Days from the start date to the end date.', 'zh-CN': '从开始日期到结束日期的天数。' }, example: '=DAYS([End], [Start])',
  },
  {
    name: 'DATEDIF', family: 'date', params: [date('start_date'), date('end_date'), { name: 'unit', kind: 'text' }], result: 'integer',
    impl: (args) => {
      const s = toNumber(single(args[0]));
      const e = toNumber(single(args[1]));
      const u = toText(single(args[2]));
      if (isError(s)) return s;
      if (isError(e)) return e;
      return isError(u) ? u : datedif(s, e, u);
    },
    doc: { en: 'Whole years (Y), months (M) or days (D) between two dates.', 'zh-CN': '两个日期之间的整年（Y）、整月（M）或天数（D）。' },
    example: '=DATEDIF([Joined], TODAY(), "M")',
  },
  {
    name: 'ISOWEEKNUM', family: 'date', params: [date()], result: 'integer', impl: numeric((s) => isoWeek(s)),
    doc: { en: 'ISO week of the year (weeks start on Monday; week 1 holds the first Thursday).', 'zh-CN': 'ISO 周数（每周从周一开始，第 1 周包含当年第一个周四）。' },
    example: '=ISOWEEKNUM([Start])',
  },
  {
    name: 'YEARFRAC', family: 'date', params: [date('start_date'), date('end_date'), optNum('basis')], result: 'number',
    impl: numeric((s, e, b = 0) => yearfrac(s, e, Math.trunc(b))),
    doc: {
      en: 'The fraction of a year between two dates (basis 0: 30/360 US, 1: actual, 2: actual/360, 3: actual/365, 4: 30/360 European).',
      'zh-CN': '两个日期之间占一年的比例（基准 0：美国 30/360，1：实际天数，2：实际/360，3：实际/365，4：欧洲 30/360）。',
    },
    example: '=YEARFRAC([Joined], TODAY(), 1)',
  },
];

defineFunctions(DATE_FUNCTIONS);
