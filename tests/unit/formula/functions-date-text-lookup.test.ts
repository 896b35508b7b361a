/**
 * Date, text, logic and lookup functions an Excel user already knows, against Microsoft's documented
 * examples and the expected values published in formula.js' and HyperFormula's test files. Serial
 * numbers of Microsoft's examples are written as the dates they are (41013 is 2012-04-14).
 */
import { describe, expect, it } from 'vitest';
import { AlertingSource, FormulaEngine, isoFromSerial, type Scalar } from '../../../src/formula/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import type { Region } from '../../../src/schema/types.ts';
import { buildExamples } from './excel-examples.ts';
import { table } from './excel-table.ts';

const { wb } = buildExamples();
const check = table(wb);

check('working days: WORKDAY, WORKDAY.INTL, NETWORKDAYS.INTL', [
  ['=WORKDAY(DATE(2008, 10, 1), 151)', '2009-04-30', 'date'], ['=WORKDAY(DATE(2008, 10, 1), 151, Ex[Hol08])', '2009-05-05'],
  ['=WORKDAY(DATE(2008, 10, 1), -1)', '2008-09-30'], ['=WORKDAY(DATE(2013, 12, 6), 1)', '2013-12-09'],
  ['=WORKDAY.INTL(DATE(2012, 1, 1), 30, 0)', '#NUM!'], ['=WORKDAY.INTL(DATE(2012, 1, 1), 90, 11)', '2012-04-14'],
  ['=WORKDAY.INTL(DATE(2012, 1, 1), 30, 17)', '2012-02-05'], ['=WORKDAY.INTL(DATE(2012, 1, 1), 30, "1111111")', '#VALUE!'],
  ['=NETWORKDAYS.INTL(DATE(2006, 1, 1), DATE(2006, 1, 31))', 22, 'integer'], ['=NETWORKDAYS.INTL(DATE(2006, 2, 28), DATE(2006, 1, 31))', -21],
  ['=NETWORKDAYS.INTL(DATE(2006, 1, 1), DATE(2006, 2, 1), 7, Ex[Hol06])', 22],
  ['=NETWORKDAYS.INTL(DATE(2006, 1, 1), DATE(2006, 2, 1), "0010001", Ex[Hol06])', 20],
  // formula.js: a Sunday and Monday weekend (2) leaves no working day on 8 and 9 December 2013.
  ['=NETWORKDAYS.INTL(DATE(2013, 12, 8), DATE(2013, 12, 9), 2)', 0], ['=NETWORKDAYS.INTL(DATE(2013, 12, 4), DATE(2013, 12, 4), -1)', '#NUM!'],
  ['=NETWORKDAYS(DATE(2013, 12, 4), DATE(2013, 12, 9))', 4], ['=NETWORKDAYS(DATE(2012, 10, 1), DATE(2013, 3, 1))', 110],
]);

check('time of day and dates from text: TIME, HOUR, MINUTE, DATEVALUE, ISOWEEKNUM, YEARFRAC', [
  ['=TIME(12, 0, 0)', 0.5, 'number'], ['=TIME(16, 48, 10)', 0.700115741], ['=TIME(27, 0, 0)', 0.125], ['=TIME(0, -1, 0)', '#NUM!'],
  ['=HOUR(0.75)', 18, 'integer'], ['=HOUR(DATE(2011, 7, 18) + TIME(7, 45, 0))', 7], ['=HOUR(DATE(2012, 4, 21))', 0],
  ['=MINUTE(TIME(12, 45, 0))', 45], ['=MINUTE(TIME(16, 48, 10))', 48],
  ['=DATE(2024, 1, 5) + TIME(9, 30, 0)', '2024-01-05', 'date'], ['=HOUR(DATE(2024, 1, 5) + TIME(9, 30, 0))', 9],
  ['=DATEVALUE("8/22/2011")', '2011-08-22', 'date'], ['=DATEVALUE("22-MAY-2011")', '2011-05-22'], ['=DATEVALUE("2011/02/23")', '2011-02-23'],
  ['=DATEVALUE("2026年7月5日")', '2026-07-05'], ['=DATEVALUE("soon")', '#VALUE!'],
  ['=ISOWEEKNUM(DATE(2012, 3, 9))', 10, 'integer'], ['=ISOWEEKNUM(DATE(2021, 1, 1))', 53],
  ['=YEARFRAC(DATE(2012, 1, 1), DATE(2012, 7, 30))', 0.58055556, 'number', 8], ['=YEARFRAC(DATE(2012, 1, 1), DATE(2012, 7, 30), 1)', 0.57650273, 'number', 8],
  ['=YEARFRAC(DATE(2012, 1, 1), DATE(2012, 7, 30), 3)', 0.57808219, 'number', 8], ['=YEARFRAC(DATE(2012, 1, 1), DATE(2012, 7, 30), 5)', '#NUM!'],
  // HyperFormula's day-count cases.
  ['=YEARFRAC(DATE(2020, 2, 28), DATE(2020, 2, 29))', 1 / 360], ['=YEARFRAC(DATE(2020, 2, 29), DATE(2020, 3, 1))', 1 / 360],
  ['=YEARFRAC(DATE(2020, 3, 30), DATE(2020, 3, 31))', 0], ['=YEARFRAC(DATE(2019, 12, 31), DATE(2020, 3, 1), 1)', 61 / 366],
  ['=YEARFRAC(DATE(2019, 12, 31), DATE(2020, 2, 28), 1)', 59 / 365], ['=YEARFRAC(DATE(2020, 1, 1), DATE(2021, 1, 2), 1)', 367 / 365.5],
  ['=YEARFRAC(DATE(2020, 1, 1), DATE(2024, 1, 1), 1)', 1461 / ((366 + 365 + 365 + 365 + 366) / 5)],
  ['=YEARFRAC(DATE(2020, 3, 31), DATE(2021, 3, 30), 2)', 364 / 360], ['=YEARFRAC(DATE(2021, 3, 1), DATE(2020, 2, 28), 3)', 367 / 365],
  ['=YEARFRAC(DATE(2020, 2, 29), DATE(2020, 3, 1), 4)', 2 / 360], ['=YEARFRAC(DATE(2021, 2, 28), DATE(2021, 3, 1), 4)', 3 / 360],
]);

check('DATEDIF "MD" and "YD" as Excel computes them (HyperFormula’s table; a start day the end month lacks is negative)', [
  ['=DATEDIF(DATE(2019, 3, 28), DATE(2020, 2, 29), "MD")', 1], ['=DATEDIF(DATE(2016, 3, 28), DATE(2020, 5, 1), "MD")', 3],
  ['=DATEDIF(DATE(2016, 3, 28), DATE(2020, 3, 1), "MD")', 2], ['=DATEDIF(DATE(2016, 3, 28), DATE(2021, 3, 1), "MD")', 1],
  ['=DATEDIF(DATE(2016, 3, 28), DATE(2020, 1, 1), "MD")', 4], ['=DATEDIF(DATE(2016, 1, 31), DATE(2016, 3, 1), "MD")', -1],
  ['=DATEDIF(DATE(2016, 2, 27), DATE(2020, 3, 1), "YD")', 3], ['=DATEDIF(DATE(2016, 2, 27), DATE(2021, 3, 1), "YD")', 2],
  ['=DATEDIF(DATE(2016, 2, 28), DATE(2020, 2, 27), "YD")', 365], ['=DATEDIF(DATE(2015, 2, 28), DATE(2020, 2, 27), "YD")', 364],
  ['=DATEDIF(DATE(2016, 2, 29), DATE(2020, 2, 28), "YD")', 365], ['=DATEDIF(DATE(2016, 2, 29), DATE(2021, 3, 1), "YD")', 0],
  ['=DATEDIF(DATE(2016, 3, 1), DATE(2020, 2, 29), "YD")', 365], ['=DATEDIF(DATE(2015, 3, 1), DATE(2021, 2, 28), "YD")', 364],
  ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "YD")', 75], ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "MD")', 14],
  ['=DATEDIF(DATE(2020, 2, 29), DATE(2021, 2, 28), "Y")', 0], ['=DATEDIF(DATE(2020, 2, 29), DATE(2021, 3, 1), "Y")', 1],
]);

check('text: REPLACE, REPT, PROPER, EXACT, CHAR, CODE, CLEAN, CONCATENATE', [
  ['=REPLACE("abcdefghijk", 6, 5, "*")', 'abcde*k', 'text'], ['=REPLACE("2009", 3, 2, "10")', '2010'], ['=REPLACE("123456", 1, 3, "@")', '@456'],
  ['=REPLACE("foobar", 4, 0, "uu")', 'foouubar'], ['=REPLACE("foobar", 7, 15, "uu")', 'foobaruu'], ['=REPLACE("foobar", 0, 2, "x")', '#VALUE!'],
  ['=REPLACE("上新活动", 3, 2, "促销")', '上新促销'],
  ['=REPT("*-", 3)', '*-*-*-'], ['=REPT("-", 10)', '----------'], ['=REPT("Na", 7) & " Batman!"', 'NaNaNaNaNaNaNa Batman!'],
  ['=REPT("foo", 0)', ''], ['=REPT("foo", -1)', '#VALUE!'], ['=REPT("x", 40000)', '#VALUE!'],
  ['=PROPER("this is a TITLE")', 'This Is A Title'], ['=PROPER("2-way street")', '2-Way Street'], ['=PROPER("76BudGet")', '76Budget'],
  ['=PROPER("123aa123bb.cc.dd")', '123Aa123Bb.Cc.Dd'], ['=PROPER(" foo    bar   ")', ' Foo    Bar   '], ['=PROPER(TRUE)', 'True'],
  ['=EXACT("word", "word")', true, 'boolean'], ['=EXACT("Word", "word")', false], ['=EXACT("w ord", "word")', false],
  ['=CHAR(65)', 'A'], ['=CHAR(33)', '!'], ['=CHAR(209)', 'Ñ'], ['=CHAR(255)', 'ÿ'], ['=CHAR(42.8)', '*'], ['=CHAR(0)', '#VALUE!'], ['=CHAR(256)', '#VALUE!'],
  ['=CHAR(128)', '€'], ['=CODE(CHAR(128))', 128],
  ['=CODE("A")', 65, 'integer'], ['=CODE("!")', 33], ['=CODE("Ñbaz")', 209], ['=CODE("")', '#VALUE!'], ['=CODE(CHAR(1))', 1],
  ['=CLEAN(CHAR(9) & "Monthly report" & CHAR(10))', 'Monthly report'], ['=CLEAN("foo ")', 'foo '],
  ['=CONCATENATE("Stream population for ", "brook trout", " ", "species", " is ", 32, "/mile.")', 'Stream population for brook trout species is 32/mile.'],
  ['=CONCATENATE(Products[SKU])', '#TYPE!'],
]);

check('text: TEXTBEFORE and TEXTAFTER (Microsoft’s definitions)', [
  ['=TEXTBEFORE("Little Red Riding Hood\'s red hood", "Red")', 'Little '], ['=TEXTBEFORE("Little Red Riding Hood\'s red hood", "red")', "Little Red Riding Hood's "],
  ['=TEXTBEFORE("Little Red Riding Hood\'s red hood", "red", 1, 1)', 'Little '],
  ['=TEXTBEFORE("Little Red Riding Hood\'s red hood", "red", -1, 1)', "Little Red Riding Hood's "],
  ['=TEXTAFTER("Little Red Riding Hood\'s red hood", "Red")', " Riding Hood's red hood"], ['=TEXTAFTER("Little Red Riding Hood\'s red hood", "basket")', '#N/A'],
  ['=TEXTAFTER("Little Red Riding Hood\'s red hood", "basket", 1, 0, 0, "none")', 'none'],
  ['=TEXTAFTER("Little Red Riding Hood\'s red hood", "hood", 2, 1)', ''], ['=TEXTAFTER("Little Red Riding Hood\'s red hood", "red", 2)', '#N/A'],
  ['=TEXTBEFORE("a-b-c", "-", -1)', 'a-b'], ['=TEXTAFTER("a-b-c", "-", -1)', 'c'], ['=TEXTBEFORE("abc", "-", 1, 0, 1)', 'abc'],
  ['=TEXTBEFORE("abc", "-", 0)', '#VALUE!'], ['=TEXTBEFORE("mail@shop.cn", "@")', 'mail'],
]);

check('logic: CHOOSE, LET, NA, ISNA, N', [
  ['=CHOOSE(2, "1st", "2nd", "3rd", "Finished")', '2nd', 'text'], ['=CHOOSE(4, "1st", "2nd", "3rd", "Finished")', 'Finished'],
  ['=CHOOSE(5, "1st", "2nd")', '#VALUE!'], ['=CHOOSE(2, 10, 20, 30)', 20, 'integer'], ['=CHOOSE(1, [Price])', '#TYPE!'],
  ['=LET(x, 1, x + 1)', 2, 'integer'], ['=LET(x, 2, y, x * 3, x + y)', 8], ['=LET(total, SUM(Products[Cost]), total / 4)', 8, 'currency'],
  ['=LET(c, Products[Cost], SUM(c) + MAX(c))', 52], ['=LET(x, 1, LET(x, 2, x) + x)', 3], ['=LET(sum, 1, sum)', '#TYPE!'],
  ['=LET(x, 1, x, 2, x)', '#TYPE!'], ['=LET(x, 1)', '#TYPE!'], ['=LET(x, 1, y)', '#TYPE!'],
  ['=NA()', '#N/A'], ['=ISNA(NA())', true], ['=ISNA(1)', false], ['=ISNA(1/0)', false], ['=ISNA(XLOOKUP("x", Data[T], Data[N]))', true],
  ['=N(5)', 5, 'integer'], ['=N("7")', 0, 'number'], ['=N(TRUE)', 1], ['=N(IFERROR(1/0, "-"))', 0, 'number'],
]);

check('lookup: HLOOKUP (a sheet’s column names are its first row), LOOKUP, XMATCH', [
  ['=HLOOKUP("Axles", Parts, 2, TRUE)', 4, 'integer'], ['=HLOOKUP("Bearings", Parts, 3, FALSE)', 7], ['=HLOOKUP("B", Parts, 3, TRUE)', 5],
  ['=HLOOKUP("Bolts", Parts, 4)', 11], ['=HLOOKUP("Bolts", Parts, 1)', 'Bolts', 'text'], ['=HLOOKUP("bear*", Parts, 2, FALSE)', 4],
  ['=HLOOKUP("Nuts", Parts, 2, FALSE)', '#N/A'], ['=HLOOKUP("Bolts", Parts, 5)', '#REF!'], ['=HLOOKUP("Axles", Products, 2, FALSE)', '#TYPE!'],
  ['=LOOKUP(4.19, Ex[Freq], Ex[Color])', 'orange', 'text'], ['=LOOKUP(5.75, Ex[Freq], Ex[Color])', 'yellow'],
  ['=LOOKUP(7.66, Ex[Freq], Ex[Color])', 'blue'], ['=LOOKUP(0, Ex[Freq], Ex[Color])', '#N/A'], ['=LOOKUP(5, Ex[Freq])', 4.19, 'number'],
  ['=XMATCH(4, Ex[Desc])', 2, 'integer'], ['=XMATCH(4.5, Ex[Desc], 1)', 1], ['=XMATCH(4.5, Ex[Desc], -1)', 2], ['=XMATCH("Gra*", Ex[Fruit], 2)', 2],
  ['=XMATCH("pear", Ex[Fruit])', 3], ['=XMATCH("Kiwi", Ex[Fruit])', '#N/A'], ['=XMATCH(4, Ex[Desc], 0, -1)', 2], ['=XMATCH(4, Ex[Desc], 3)', '#VALUE!'],
]);

describe('dates and times that read the clock', () => {
  const engine = new FormulaEngine(wb, { clock: () => new Date(2026, 10, 29, 14, 35, 20) });

  it('NOW() is the date and time of the clock; HOUR, MINUTE and TEXT read its time', () => {
    expect(engine.evaluate('=NOW()')).toMatchObject({ ok: true, type: 'date' });
    expect(engine.evaluate('=DAYS(NOW(), TODAY())')).toMatchObject({ value: 0 });
    expect(engine.evaluate('=HOUR(NOW())')).toMatchObject({ value: 14 });
    expect(engine.evaluate('=MINUTE(NOW())')).toMatchObject({ value: 35 });
    expect(engine.evaluate('=TEXT(NOW(), "yyyy-mm-dd hh:mm:ss")')).toMatchObject({ value: '2026-11-29 14:35:20' });
    expect(engine.evaluate('=TEXT(NOW(), "h:mm AM/PM")')).toMatchObject({ value: '2:35 PM' });
  });

  it('DATEVALUE of a date without a year takes the current year, as Excel does', () => {
    expect(engine.evaluate('=DATEVALUE("5-JUL")')).toMatchObject({ value: 46208, type: 'date' });
    expect(engine.evaluate('=DATEVALUE("Jul 5")')).toMatchObject({ value: 46208 });
  });
});

describe('DATEVALUE reads 10/01/2027 in the order of the workbook’s regional formats, as a typed date is read', () => {
  const clock = () => new Date(2026, 10, 29, 12);
  const read = (settings: { locale: 'en' | 'zh-CN'; region?: Region }, text: string): string => {
    const r = new FormulaEngine(Workbook.create({ name: 'Dates', ...settings }), { clock }).evaluate(`=DATEVALUE("${text}")`);
    if (!r.ok) throw new Error(r.message);
    return typeof r.value === 'number' ? isoFromSerial(r.value) : String(r.value);
  };

  it.each<[string, { locale: 'en' | 'zh-CN'; region?: Region }, string, string, string]>([
    // region, settings, 10/01/2027, 1/10 (no year: the current year), 13/01/2027
    ['en-US (month first)', { locale: 'en', region: 'en-US' }, '2027-10-01', '2026-01-10', '#VALUE!'],
    ['English without a region (en-US)', { locale: 'en' }, '2027-10-01', '2026-01-10', '#VALUE!'],
    ['en-GB (day first)', { locale: 'en', region: 'en-GB' }, '2027-01-10', '2026-10-01', '2027-01-13'],
    ['de-DE (day first)', { locale: 'en', region: 'de-DE' }, '2027-01-10', '2026-10-01', '2027-01-13'],
    ['zh-CN (year first: not read, as when typed)', { locale: 'zh-CN', region: 'zh-CN' }, '#VALUE!', '2026-01-10', '#VALUE!'],
    ['Chinese without a region (zh-CN)', { locale: 'zh-CN' }, '#VALUE!', '2026-01-10', '#VALUE!'],
  ])('%s', (_name, settings, tenFirst, noYear, thirteen) => {
    expect(read(settings, '10/01/2027')).toBe(tenFirst);
    expect(read(settings, '1/10')).toBe(noYear);
    expect(read(settings, '13/01/2027')).toBe(thirteen);
    // What no order changes reads the same everywhere.
    for (const t of ['2027-01-10', '2027/1/10', '10 Jan 2027', 'Jan 10, 2027', '2027年1月10日']) expect(read(settings, t), t).toBe('2027-01-10');
  });

  it('a workbook’s region changed: its DATEVALUE cells read their texts again, in the app’s engine too', () => {
    const wb = Workbook.create({ name: 'Dates', locale: 'en', region: 'en-US' });
    const sheet = wb.addSheet({ name: 'Orders', columns: [
      { id: 'txt', name: 'Text', type: 'text' },
      { id: 'day', name: 'Day', type: 'date', formula: '=DATEVALUE([#txt])' },
    ] });
    const [row = ''] = wb.appendRows(sheet, ['txt'], [['10/01/2027']]);
    // The app's source shows names in the person's language; the dates stay the workbook's.
    const engine = FormulaEngine.attach(new AlertingSource(wb, () => 'zh-CN'), { clock });
    const day = (): Scalar => engine.value(sheet, row, 'day');
    expect(typeof day()).toBe('number');
    expect(isoFromSerial(Number(day()))).toBe('2027-10-01');
    wb.setSettings({ region: 'en-GB' });
    expect(isoFromSerial(Number(day()))).toBe('2027-01-10');
    wb.undo();
    expect(isoFromSerial(Number(day()))).toBe('2027-10-01');
  });
});

describe('working days: whole weeks are jumped, and agree with a day-by-day count', () => {
  const engine = new FormulaEngine(wb);
  it.each([1, 4, 5, 6, 17, 151, 260, 1000, -1, -5, -6, -151, -1000])('WORKDAY(…, %i) lands where NETWORKDAYS counts it', (days) => {
    for (const [weekend, hol] of [['1', ''], ['11', ''], ['"0010001"', ''], ['1', ', Ex[Hol08]']] as const) {
      const at = engine.evaluate(`=WORKDAY.INTL(DATE(2008, 10, 1), ${days}, ${weekend}${hol})`);
      expect(at.ok).toBe(true);
      if (!at.ok) return;
      const start = engine.evaluate('=DATE(2008, 10, 1)');
      const offset = (at.value as number) - (start.ok ? (start.value as number) : 0);
      const counted = engine.evaluate(`=NETWORKDAYS.INTL(DATE(2008, 10, 1), DATE(2008, 10, 1) + ${offset}, ${weekend}${hol})`);
      // Both ends are counted by NETWORKDAYS: the start (a Wednesday, a working day) adds one.
      const startWorks = engine.evaluate(`=NETWORKDAYS.INTL(DATE(2008, 10, 1), DATE(2008, 10, 1), ${weekend}${hol})`);
      expect(counted.ok && startWorks.ok && (counted.value as number) - Math.sign(days) * (startWorks.value as number)).toBe(days);
    }
  });

  it('a count past 9999-12-31 is #NUM! at once', () => {
    expect(engine.evaluate('=WORKDAY(DATE(2008, 10, 1), 1E9)')).toMatchObject({ value: { code: '#NUM!' } });
    expect(engine.evaluate('=YEARFRAC(DATE(2008, 10, 1), DATE(2008, 10, 1) + 1E12, 1)')).toMatchObject({ value: { code: '#NUM!' } });
  });
});
