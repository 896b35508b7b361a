/** The answers issue 18 found wrong, now as Excel gives them (or deliberately different, as the differences page says). */
import { table } from './excel-table.ts';
import { buildFixture } from './fixture.ts';

const check = table(buildFixture().wb);

check('arithmetic that overflows is #NUM!, as SUM, POWER and ^ are', [
  ['=1E+308*10', '#NUM!'], ['=1E+308+1E+308', '#NUM!'], ['=-1E+308-1E+308', '#NUM!'], ['=1E+308/1E-10', '#NUM!'],
  ['=SUM(1E+308, 1E+308)', '#NUM!'], ['=POWER(10, 400)', '#NUM!'], ['=10^400', '#NUM!'], ['=1E+307*10', 1e308],
]);

check('IF without value_if_false', [['=IF(FALSE, 1)', false], ['=IF(TRUE, 1)', 1], ['=IF(1 > 2, "a")', false]]);

check('TEXT: commas after the digits scale by 1,000 (Microsoft’s number-format examples)', [
  ['=TEXT(12200000, "#,###.0,")', '12,200.0'], ['=TEXT(12200000, "#,##0,")', '12,200'], ['=TEXT(12200000, "0.0,,")', '12.2'],
  ['=TEXT(1234.567, "#,##0.00")', '1,234.57'], ['=TEXT(12, "0 ""pcs""")', '12 pcs'], ['=TEXT(3, "0 days")', '3 days'],
  ['=TEXT(TIME(16, 48, 10), "hh:mm:ss")', '16:48:10'], ['=TEXT(TIME(16, 48, 10), "h:mm AM/PM")', '4:48 PM'],
]);

check('VALUE reads currency symbols and grouping', [
  ['=VALUE("$1,000")', 1000], ['=VALUE("¥1,200")', 1200], ['=VALUE("1,250.50")', 1250.5], ['=VALUE("12%")', 0.12], ['=VALUE("(1,234.50)")', -1234.5],
  ['=VALUE("30元")', 30], ['=VALUE("abc")', '#VALUE!'], ['=VALUE("")', '#VALUE!'],
]);

check('TRIM removes only ASCII spaces, as Excel', [
  ['=TRIM(" First   Quarter Earnings ")', 'First Quarter Earnings'], ['=TRIM("\u3000上新\u3000")', '\u3000上新\u3000'],
  ['=TRIM("a \u3000 b")', 'a \u3000 b'], ['=LEN(TRIM(CHAR(160) & "x"))', 2],
]);

check('SEARCH: a trailing ~ is a ~; ~* and ~? are the characters', [
  ['=SEARCH("b~", "ab~c")', 2], ['=SEARCH("~*", "a*b")', 2], ['=SEARCH("~?", "what?")', 5], ['=SEARCH("~~", "a~b")', 2],
  ['=SEARCH("p*t", "Profit Margin")', 1], ['=SEARCH("b~", "abc")', '#VALUE!'], ['=SEARCH("?r*n", "Profit Margin", 2)', 9],
  ['=SEARCH("", "abc", 2)', 2], ['=SEARCH("M*n", "Profit Margin")', 8],
  // Many stars over a long text answer at once (no backtracking).
  ['=SEARCH("*a*a*a*a*a*a*a*a*a*a*b", REPT("a", 30000))', '#VALUE!'],
]);

check('CORREL of columns of unequal length is #N/A', [
  ['=CORREL(Products[Cost], Data[A])', '#N/A'], ['=FORECAST.LINEAR(1, Products[Cost], Data[A])', '#N/A'], ['=CORREL(Data[B], Data[C])', 0.997054486],
]);

check('a date used as text reads YYYY-MM-DD (Excel shows the serial number; see the differences page)', [
  ['=CONCAT("Due ", DATE(2024, 1, 5))', 'Due 2024-01-05'], ['="Due " & DATE(2024, 1, 5)', 'Due 2024-01-05'],
]);
