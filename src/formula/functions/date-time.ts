/**
 * The time of day and dates read from text: NOW, TIME, HOUR, MINUTE and DATEVALUE. A time is the
 * fraction of a day (0.5 is noon), as in Excel; there is no separate time type.
 */
import { parseDateText } from '../../schema/date-text.ts';
import { partsFromSerial, serialFromIso } from '../dates.ts';
import { badNumber, badValue, isError } from '../errors.ts';
import { scalarOf, toText } from '../values.ts';
import { numeric } from './math.ts';
import { defineFunctions, type FunctionDef } from './registry.ts';

/** Seconds into the day of a serial, to the nearest second (as Excel reads a time). */
const secondsOf = (serial: number): number => Math.round((serial - Math.floor(serial)) * 86400) % 86400;

const TIME_FUNCTIONS: FunctionDef[] = [
  {
    name: 'NOW', family: 'date', params: [], result: 'date', volatileNow: true, impl: (_a, ctx) => ctx.now(),
    doc: {
      en: 'Now: today’s date with the time of day (shown as the date; HOUR, MINUTE and TEXT read the time). Recomputed every minute.',
      'zh-CN': '当前日期和时间（显示为日期；HOUR、MINUTE 和 TEXT 可读取时间）。每分钟重新计算。',
    },
    example: '=TEXT(NOW(), "hh:mm")',
  },
  {
    name: 'TIME', family: 'date', params: [{ name: 'hour', kind: 'number' }, { name: 'minute', kind: 'number' }, { name: 'second', kind: 'number' }],
    result: 'number',
    impl: numeric((h, m, s) => {
      const total = Math.trunc(h) * 3600 + Math.trunc(m) * 60 + Math.trunc(s);
      if (total < 0 || h > 32767) return badNumber('time.negative');
      return (total % 86400) / 86400;
    }),
    doc: {
      en: 'A time of day as a fraction of a day (TIME(12, 0, 0) is 0.5); add it to a date.',
      'zh-CN': '把时刻表示为一天的比例（TIME(12, 0, 0) 为 0.5）；可与日期相加。',
    },
    example: '=[Start] + TIME(9, 30, 0)',
  },
  {
    name: 'HOUR', family: 'date', params: [{ name: 'time', kind: 'numdate' }], result: 'integer',
    impl: numeric((t) => (t < 0 ? badNumber('time.partNegative', 'HOUR') : Math.floor(secondsOf(t) / 3600))),
    doc: { en: 'The hour (0–23) of a time or date-time.', 'zh-CN': '时间或日期时间的小时（0–23）。' }, example: '=HOUR(NOW())',
  },
  {
    name: 'MINUTE', family: 'date', params: [{ name: 'time', kind: 'numdate' }], result: 'integer',
    impl: numeric((t) => (t < 0 ? badNumber('time.partNegative', 'MINUTE') : Math.floor(secondsOf(t) / 60) % 60)),
    doc: { en: 'The minute (0–59) of a time or date-time.', 'zh-CN': '时间或日期时间的分钟（0–59）。' }, example: '=MINUTE(TIME(16, 48, 10))',
  },
  {
    name: 'DATEVALUE', family: 'date', params: [{ name: 'date_text', kind: 'text' }], result: 'date',
    impl: (args, ctx) => {
      const t = toText(scalarOf(args[0]), ctx.types[0]?.t);
      if (isError(t)) return t;
      // Read as a date typed into a cell of this workbook: 10/01/2027 in its region's order; a date
      // without a year ("5-Jul", "Jul 5", "7/5") is in the current year, as in Excel (only such a
      // text makes the cell follow the date).
      const order = ctx.dateOrder();
      const iso = parseDateText(t, { order }) ?? parseDateText(t, { order, currentYear: partsFromSerial(ctx.today()).year });
      const serial = iso === null ? undefined : serialFromIso(iso);
      return serial ?? badValue('date.textNotDate', t);
    },
    doc: {
      en: 'The date written in a text ("2026-07-05", "5-Jul-2026", "2026年7月5日"); "7/5/2026" is read in the order of the workbook’s regional formats.',
      'zh-CN': '文本中的日期（"2026-07-05"、"5-Jul-2026"、"2026年7月5日"）；"7/5/2026" 这类日期按工作簿的区域格式解读。',
    },
    example: '=DATEVALUE("5-Jul-2026")',
  },
];

defineFunctions(TIME_FUNCTIONS);
