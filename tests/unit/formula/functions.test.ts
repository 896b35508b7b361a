/**
 * Every function of the registry against published reference values: Excel's documented examples,
 * Evan Miller's A/B sample size calculator, and the safety-stock / reorder-point definitions of DOMAIN.md.
 */
import { describe, expect, it } from 'vitest';
import { evaluateInWorkbook, getFunction, listFunctions, resultLabel, signatureOf, type ValueJSON } from '../../../src/formula/index.ts';
import { table as excelTable } from './excel-table.ts';
import { buildFixture } from './fixture.ts';

const { wb } = buildFixture();
const ev = (f: string): ValueJSON => evaluateInWorkbook(wb, f);

const table = excelTable(wb);

table('math: rounding, MOD and powers as Excel documents them', [
  ['=ROUND(2.15, 1)', 2.2], ['=ROUND(2.149, 1)', 2.1], ['=ROUND(-1.475, 2)', -1.48], ['=ROUND(21.5, -1)', 20],
  ['=ROUND(626.3, -3)', 1000], ['=ROUND(1.98, -1)', 0], ['=ROUND(-50.55, -2)', -100], ['=ROUND(2.5, 0)', 3], ['=ROUND(-2.5, 0)', -3],
  ['=ROUND(1.005, 2)', 1.01],
  ['=ROUNDUP(3.2, 0)', 4], ['=ROUNDUP(76.9, 0)', 77], ['=ROUNDUP(3.14159, 3)', 3.142], ['=ROUNDUP(-3.14159, 1)', -3.2], ['=ROUNDUP(31415.92654, -2)', 31500],
  ['=ROUNDDOWN(3.2, 0)', 3], ['=ROUNDDOWN(76.9, 0)', 76], ['=ROUNDDOWN(3.14159, 3)', 3.141], ['=ROUNDDOWN(-3.14159, 1)', -3.1], ['=ROUNDDOWN(31415.92654, -2)', 31400],
  ['=INT(8.9)', 8, 'integer'], ['=INT(-8.9)', -9],
  ['=MOD(3, 2)', 1], ['=MOD(-3, 2)', 1], ['=MOD(3, -2)', -1], ['=MOD(-3, -2)', -1], ['=MOD(5, 0)', '#DIV/0!'],
  ['=ABS(-4)', 4], ['=SIGN(10)', 1], ['=SIGN(4-4)', 0], ['=SIGN(-0.00001)', -1],
  ['=SQRT(16)', 4], ['=SQRT(-16)', '#NUM!'], ['=POWER(5, 2)', 25], ['=POWER(98.6, 3.2)', 2401077.222, 'number', 3], ['=POWER(4, 5/4)', 5.656854249],
  ['=EXP(1)', 2.718281828], ['=LN(86)', 4.454347296], ['=LN(0)', '#NUM!'], ['=LOG10(86)', 1.934498451], ['=LOG10(1E5)', 5],
  ['=CEILING(2.5, 1)', 3], ['=CEILING(-2.5, -2)', -4], ['=CEILING(-2.5, 2)', -2], ['=CEILING(1.5, 0.1)', 1.5], ['=CEILING(0.234, 0.01)', 0.24],
  ['=FLOOR(3.7, 2)', 2], ['=FLOOR(-2.5, -2)', -2], ['=FLOOR(1.58, 0.1)', 1.5], ['=FLOOR(0.234, 0.01)', 0.23],
  ['=SUM(1, 2, 3)', 6, 'integer'], ['=PRODUCT(2, 3, 4)', 24], ['=SUMPRODUCT(Data[B], Data[C])', 3 * 9 + 2 * 7 + 4 * 12 + 5 * 15 + 6 * 17],
  ['=AVERAGE(Data[D])', 2.5], ['=AVERAGE(Data[T])', '#TYPE!'], ['=AVERAGEIF(Data[T], "pears", Data[N])', '#DIV/0!'],
  ['=COUNT(Data[B])', 5, 'integer'], ['=COUNTA(Data[T])', 4], ['=COUNTBLANK(Data[T])', 6],
  ['=MIN(Data[B])', 2], ['=MAX(Data[B])', 6], ['=MIN(Campaign calendar[Start])', '#TYPE!'],
  ["=MIN('Campaign calendar'[Start])", '2026-03-01', 'date'], ["=MAX('Campaign calendar'[End])", '2026-11-11', 'date'],
]);

table('math: conditional aggregates (Excel’s COUNTIF / SUMIF / AVERAGEIF examples)', [
  ['=COUNTIF(Data[T], "apples")', 2], ['=COUNTIF(Data[T], "APPLES")', 2], ['=COUNTIF(Data[N], ">55")', 2], ['=COUNTIF(Data[N], "<>"&75)', 9],
  ['=COUNTIF(Data[T], "*es")', 4], ['=COUNTIF(Data[T], "?pples")', 2], ['=COUNTIF(Data[T], "")', 6],
  ['=SUMIF(Data[N], ">50")', 215], ['=SUMIF(Data[T], "apples", Data[N])', 118], ['=SUMIF(Data[T], "pears", Data[N])', 0],
  ['=AVERAGEIF(Data[N], "<60")', 43], ['=AVERAGEIF(Data[T], "apples", Data[N])', 59], ['=AVERAGEIF(Data[N], "<10")', '#DIV/0!'],
  ["=SUMIFS('Campaign calendar'[Budget], 'Campaign calendar'[Channel], \"App\")", 9000, 'currency'],
  ["=SUMIFS('Campaign calendar'[Budget], 'Campaign calendar'[Channel], \"App\", 'Campaign calendar'[Start], \">=2026-06-01\")", 8000],
  ["=COUNTIFS('Campaign calendar'[Channel], \"App\", 'Campaign calendar'[Budget], \">1000\")", 1],
  ["=AVERAGEIFS('Campaign calendar'[Budget], 'Campaign calendar'[Channel], \"App\")", 4500, 'currency'],
  ['=MINIFS(Products[Price], Products[Category], "Kitchen")', 4, 'currency'], ['=MAXIFS(Products[Price], Products[Category], "Kitchen")', 10],
  ['=SUMIF(Data[T], "apples", Products[Cost])', '#VALUE!'],
]);

table('stats: Excel’s documented examples', [
  ['=STDEV.S(Data[A])', 27.46391572], ['=STDEV.P(Data[A])', 26.05455814, 'number', 8], ['=VAR.S(Data[A])', 754.2666667, 'number', 6], ['=VAR.P(Data[A])', 678.84],
  ['=MEDIAN(Data[B])', 4], ['=MEDIAN(1, 2, 3, 4, 5, 6)', 3.5], ['=PERCENTILE.INC(Data[D], 0.3)', 1.9], ['=PERCENTILE.INC(Data[D], 2)', '#NUM!'],
  ['=CORREL(Data[B], Data[C])', 0.997054486], ['=FORECAST.LINEAR(30, Data[E], Data[F])', 10.607253, 'number', 6],
  ['=NORM.S.DIST(1.333333, TRUE)', 0.908788726], ['=NORM.S.DIST(1.333333, FALSE)', 0.164010148],
  ['=NORM.S.INV(0.908789)', 1.3333347, 'number', 6], ['=NORM.S.INV(0.95)', 1.644853627], ['=NORM.S.INV(0.975)', 1.959963985], ['=NORM.S.INV(0)', '#NUM!'],
  ['=NORM.DIST(42, 40, 1.5, TRUE)', 0.9087888, 'number', 7], ['=NORM.DIST(42, 40, 1.5, FALSE)', 0.10934005, 'number', 8],
  ['=NORM.INV(0.908789, 40, 1.5)', 42.000002, 'number', 6], ['=NORM.INV(0.5, 40, 0)', '#NUM!'],
]);

table('logic', [
  ['=IF(1 > 2, "a", "b")', 'b', 'text'], ['=IF(TRUE, 1)', 1], ['=IF(FALSE, 1)', false], ['=IF(FALSE, 1, "")', null], ['=IFS(1 > 2, "a", 2 > 1, "b")', 'b'], ['=IFS(FALSE, 1)', '#N/A'],
  ['=IFERROR(1/0, 0)', 0], ['=IFERROR(5, 0)', 5], ['=IFNA(XLOOKUP("x", Data[T], Data[N]), -1)', -1], ['=IFNA(1/0, 1)', '#DIV/0!'],
  ['=AND(TRUE, FALSE)', false], ['=AND(TRUE, 1 < 2)', true], ['=OR(FALSE, 1 < 2)', true], ['=XOR(TRUE, TRUE)', false], ['=XOR(TRUE, FALSE, TRUE, TRUE)', true],
  ['=NOT(TRUE)', false], ['=SWITCH(2, 1, "a", 2, "b", "c")', 'b'], ['=SWITCH(9, 1, "a", "none")', 'none'], ['=SWITCH(9, 1, "a")', '#N/A'],
  ['=ISBLANK(INDEX(Data[T], 7))', true], ['=ISNUMBER(1)', true], ['=ISTEXT("a")', true], ['=ISTEXT(1)', false], ['=ISERROR(1/0)', true], ['=ISERROR(1)', false],
]);

table('lookup', [
  ['=XLOOKUP("SKU-003", Products[SKU], Products[Price])', 4, 'currency'], ['=XLOOKUP("sku-003", Products[SKU], Products[Price])', 4],
  ['=XLOOKUP("SKU-404", Products[SKU], Products[Price])', '#N/A'], ['=XLOOKUP("SKU-404", Products[SKU], Products[Price], 0)', 0],
  ['=XLOOKUP(7, Products[Price], Products[SKU], "none", -1)', 'SKU-003'], ['=XLOOKUP(7, Products[Price], Products[SKU], "none", 1)', 'SKU-002'],
  ['=XLOOKUP(9, Products[Price], Products[SKU], "none", 1)', 'SKU-001'], ['=XLOOKUP("*-004", Products[SKU], Products[Cost], 0, 2)', 20],
  ['=XLOOKUP("apples", Data[T], Data[N], 0, 0, -1)', 86],
  ['=MATCH("SKU-002", Products[SKU], 0)', 2, 'integer'], ['=MATCH(1310, Data[A], 0)', 5], ['=MATCH(0.5, Data[D], 1)', '#N/A'], ['=MATCH(10, Data[E], 1)', 3], ['=MATCH(21, Data[E])', 5],
  ['=INDEX(Products[SKU], 3)', 'SKU-003'], ['=INDEX(Products[SKU], 9)', '#REF!'],
  ['=VLOOKUP("SKU-002", Products, 4, FALSE)', 8, 'currency'], ['=VLOOKUP("SKU-404", Products, 4, FALSE)', '#N/A'],
  ['=COUNTUNIQUE(Data[T])', 3, 'integer'],
]);

table('text', [
  ['=LEFT("Sale Price", 4)', 'Sale'], ['=LEFT("Sweden")', 'S'], ['=RIGHT("Sale Price", 5)', 'Price'], ['=RIGHT("Stock Number")', 'r'],
  ['=MID("Fluid Flow", 1, 5)', 'Fluid'], ['=MID("Fluid Flow", 7, 20)', 'Flow'], ['=MID("Fluid Flow", 20, 5)', ''],
  ['=LEN("Phoenix, AZ")', 11, 'integer'], ['=LEN("")', 0], ['=LEN("     One   ")', 11], ['=LEN("上新")', 2],
  ['=UPPER("total")', 'TOTAL'], ['=LOWER("E. E. Cummings")', 'e. e. cummings'], ['=TRIM(" First   Quarter Earnings ")', 'First Quarter Earnings'],
  ['=SUBSTITUTE("Sales Data", "Sales", "Cost")', 'Cost Data'], ['=SUBSTITUTE("Quarter 1, 2008", "1", "2", 1)', 'Quarter 2, 2008'],
  ['=SUBSTITUTE("Quarter 1, 2011", "1", "2", 3)', 'Quarter 1, 2012'],
  ['=FIND("M", "Miriam McGovern")', 1], ['=FIND("m", "Miriam McGovern")', 6], ['=FIND("M", "Miriam McGovern", 3)', 8], ['=FIND("z", "abc")', '#VALUE!'],
  ['=SEARCH("e", "Statements", 6)', 7], ['=SEARCH("margin", "Profit Margin")', 8], ['=SEARCH("p*t", "Profit Margin")', 1],
  ['=TEXT(1234.567, "$#,##0.00")', '$1,234.57'], ['=TEXT(0.285, "0.0%")', '28.5%'], ['=TEXT(DATE(2026, 3, 14), "yyyy-mm-dd")', '2026-03-14'],
  ['=TEXT(DATE(2026, 3, 14), "yyyy年m月d日")', '2026年3月14日'], ['=TEXT(4.5, "0")', '5'],
  ['=VALUE("1,250.50")', 1250.5], ['=VALUE("12%")', 0.12], ['=VALUE("abc")', '#VALUE!'],
  ['=CONCAT("a", 1, TRUE)', 'a1TRUE'], ['=CONCAT(Products[SKU])', 'SKU-001SKU-002SKU-003SKU-004'], ['=TEXTJOIN(", ", TRUE, "a", "", "b")', 'a, b'],
  ['="Launch: " & INDEX(Products[Launch], 1)', 'Launch: 2026-01-15'], ['=0.1 + 0.2 & ""', '0.3'],
]);

table('date (Excel’s 1900 system)', [
  ['=DATE(2008, 1, 2)', '2008-01-02', 'date'], ['=DATE(2008, 14, 2)', '2009-02-02'], ['=DATE(2008, -3, 2)', '2007-09-02'], ['=DATE(2008, 1, 35)', '2008-02-04'],
  ['=DATE(108, 1, 2)', '2008-01-02'], ['=DATE(2024, 3, 0)', '2024-02-29'],
  ['=YEAR(DATE(2026, 11, 11))', 2026, 'integer'], ['=MONTH("2026-11-11")', 11], ['=DAY(DATE(2026, 11, 11))', 11],
  ['=WEEKDAY(DATE(2008, 2, 14))', 5], ['=WEEKDAY(DATE(2008, 2, 14), 2)', 4], ['=WEEKDAY(DATE(2008, 2, 14), 3)', 3],
  ['=WEEKNUM(DATE(2012, 3, 9))', 10], ['=WEEKNUM(DATE(2012, 3, 9), 2)', 11], ['=WEEKNUM(DATE(2021, 1, 1), 21)', 53], ['=WEEKNUM(DATE(2026, 1, 1), 21)', 1],
  ['=EOMONTH(DATE(2011, 1, 1), 1)', '2011-02-28'], ['=EOMONTH(DATE(2011, 1, 1), -3)', '2010-10-31'],
  ['=EDATE(DATE(2011, 1, 15), 1)', '2011-02-15'], ['=EDATE(DATE(2011, 1, 15), -1)', '2010-12-15'], ['=EDATE(DATE(2011, 1, 31), 1)', '2011-02-28'],
  ['=DAYS("2021-03-15", "2021-02-01")', 42, 'integer'], ['=DAYS(DATE(2011, 12, 31), DATE(2011, 1, 1))', 364],
  ['=DATEDIF(DATE(2001, 1, 1), DATE(2003, 1, 1), "Y")', 2], ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "D")', 440],
  ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "YD")', 75], ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "MD")', 14],
  ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "YM")', 2], ['=DATEDIF(DATE(2001, 6, 1), DATE(2002, 8, 15), "M")', 14],
  ['=DATEDIF(DATE(2003, 1, 1), DATE(2001, 1, 1), "Y")', '#NUM!'],
  ['=NETWORKDAYS(DATE(2012, 10, 1), DATE(2013, 3, 1))', 110, 'integer'], ['=NETWORKDAYS(DATE(2013, 3, 1), DATE(2012, 10, 1))', -110],
  ["='Campaign calendar'!x", '#TYPE!'],
  ['=DATE(2026, 3, 7) - DATE(2026, 3, 1) + 1', 7, 'integer'], ['=DATE(2026, 3, 1) + 30', '2026-03-31', 'date'], ['=DATE(2026, 3, 1) > "2026-02-01"', true],
]);

table('ops: A/B test (two-proportion z-test), sample size, safety stock, reorder point', [
  // 10.0% vs 12.0% over 1,000 visitors each: pooled p = 0.11, se = 0.0139929 — z 1.4293, two-sided p 0.1529.
  ['=ABTEST.Z(1000, 100, 1000, 120)', 1.4293008, 'number', 6], ['=ABTEST.PVALUE(1000, 100, 1000, 120)', 0.152918, 'number', 5],
  ['=ABTEST.CI.LOW(1000, 100, 1000, 120)', -0.0074113, 'percent', 6], ['=ABTEST.CI.HIGH(1000, 100, 1000, 120, 0.95)', 0.0474113, 'percent', 6],
  ['=ABTEST.PVALUE(5000, 500, 5000, 600)', 0.0013934, 'number', 7], ['=ABTEST.Z(1000, 5, 1000, 8)', '#NUM!'], ['=ABTEST.Z(0, 0, 10, 1)', '#NUM!'],
  // Evan Miller's calculator: baseline 20%, MDE 5% absolute (25% relative) → 1,030; 5% relative → 25,255.
  ['=ABTEST.SAMPLESIZE(0.2, 0.25)', 1030, 'integer'], ['=ABTEST.SAMPLESIZE(0.2, 0.05)', 25255], ['=ABTEST.SAMPLESIZE(0.2, 0.05, 0.05, 0.8)', 25255],
  ['=ABTEST.SAMPLESIZE(1.2, 0.05)', '#NUM!'],
  // 95% service level, σd = 20 units/day, L = 9 days: 1.645 · 20 · 3.
  ['=SAFETYSTOCK(1.645, 20, 9)', 98.7], ['=SAFETYSTOCK(NORM.S.INV(0.95), 20, 9)', 98.69121762, 'number', 6],
  // demand and lead time vary: z·√(L̄·σd² + d̄²·σL²) = 1.65 · √(4·50² + 200²·1²).
  ['=SAFETYSTOCK(1.65, 50, 4, 200, 1)', 368.9512162, 'number', 6],
  ['=REORDERPOINT(20, 9, 98.7)', 278.7],
]);

describe('the registry', () => {
  it('documents every function in English and Chinese, with an example that type-checks', () => {
    for (const f of listFunctions()) {
      expect(f.doc.en.length, f.name).toBeGreaterThan(5);
      expect(f.doc['zh-CN'].length, f.name).toBeGreaterThan(2);
      const r = ev(f.example.replace(/\[[^\]]+\]/g, '1'));
      expect(r, `${f.name}: ${f.example}`).not.toMatchObject({ error: '#TYPE!', message: expect.stringContaining('no function') });
    }
  });

  it('gives autocomplete and help a signature and a result type', () => {
    const round = getFunction('round');
    expect(round && signatureOf(round)).toBe('ROUND(number, digits)');
    const xl = getFunction('XLOOKUP');
    expect(xl && signatureOf(xl)).toBe('XLOOKUP(lookup_value, lookup_column, return_column, [if_not_found], [match_mode], [search_mode])');
    const sumifs = getFunction('SUMIFS');
    expect(sumifs && signatureOf(sumifs)).toBe('SUMIFS(sum_range, criteria_range, criteria, …)');
    const today = getFunction('TODAY');
    expect(today && resultLabel(today)).toBe('date');
  });

  it('has every function the issue names', () => {
    const names = new Set(listFunctions().map((f) => f.name));
    const wanted = `SUM SUMIF SUMIFS SUMPRODUCT PRODUCT AVERAGE AVERAGEIF AVERAGEIFS COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS MIN MAX MINIFS MAXIFS
      ROUND ROUNDUP ROUNDDOWN INT MOD ABS SQRT POWER EXP LN LOG10 CEILING FLOOR SIGN MEDIAN STDEV.S STDEV.P VAR.S VAR.P PERCENTILE.INC
      NORM.S.DIST NORM.S.INV NORM.DIST NORM.INV CORREL FORECAST.LINEAR IF IFS IFERROR IFNA AND OR NOT XOR SWITCH ISBLANK ISNUMBER ISTEXT
      ISERROR XLOOKUP INDEX MATCH VLOOKUP CONCAT TEXTJOIN LEFT RIGHT MID LEN UPPER LOWER TRIM SUBSTITUTE FIND SEARCH TEXT VALUE DATE TODAY
      YEAR MONTH DAY WEEKDAY WEEKNUM EOMONTH EDATE DAYS DATEDIF NETWORKDAYS ABTEST.Z ABTEST.PVALUE ABTEST.CI.LOW ABTEST.CI.HIGH
      ABTEST.SAMPLESIZE SAFETYSTOCK REORDERPOINT`.split(/\s+/).filter(Boolean);
    expect(wanted.filter((n) => !names.has(n))).toEqual([]);
  });

  it('has every function issue 18 names, each with types, both languages and an example', () => {
    const names = new Set(listFunctions().map((f) => f.name));
    const wanted = `WORKDAY WORKDAY.INTL NETWORKDAYS.INTL NOW TIME HOUR MINUTE DATEVALUE ISOWEEKNUM YEARFRAC MROUND TRUNC CEILING.MATH
      FLOOR.MATH LOG LARGE SMALL RANK.EQ RANK PERCENTILE.EXC QUARTILE.INC QUARTILE.EXC GEOMEAN SLOPE INTERCEPT RSQ CONFIDENCE.NORM PMT NPV
      SUBTOTAL CHOOSE LET ISNA NA HLOOKUP LOOKUP XMATCH REPLACE REPT PROPER EXACT TEXTBEFORE TEXTAFTER CHAR CODE CLEAN CONCATENATE
      PERCENTILE QUARTILE STDEV VAR FORECAST RAND RANDBETWEEN`.split(/\s+/).filter(Boolean);
    expect(wanted.filter((n) => !names.has(n))).toEqual([]);
    for (const n of wanted) {
      const f = getFunction(n);
      expect(f?.doc.en, n).toMatch(/\w{3}/);
      expect(f?.doc['zh-CN'], n).toMatch(/[\u4e00-\u9fff]/);
      expect(f?.example, n).toMatch(new RegExp(`${n.replace(/\./g, '\\.')}\\(`));
      expect(f && resultLabel(f), n).toBeTruthy();
    }
  });
});
