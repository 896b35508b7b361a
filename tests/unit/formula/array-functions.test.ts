/**
 * The dynamic-array functions against Microsoft's documented examples: the formulas of each
 * function's page (FILTER, SORT and SORTBY over its Region / Sales Rep / Product / Units sample,
 * the others over the array data the page shows) and the rows it shows, plus the errors the page
 * names. Where we differ from Excel (FILTER that keeps nothing, a column of the sheet a filtered
 * table comes from), the case says so; docs/differences-from-excel.md explains why.
 */
import { arrayTable, SALES, salesOf, salesWorkbook } from './array-examples.ts';
import { table } from './excel-table.ts';

const wb = salesWorkbook();
const check = arrayTable(wb);
const scalars = table(wb);

const byUnitsDesc = [...SALES].sort((a, b) => b[3] - a[3]);
const byRegionThenUnitsDesc = [...SALES].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[3] - a[3]));

check('FILTER (Microsoft: the records of one product, with * for AND and + for OR, sorted)', [
  ['=FILTER(Sales, Sales[Product] = "Apple")', salesOf((r) => r[2] === 'Apple'), ['text', 'text', 'text', 'integer']],
  ['=FILTER(Sales, (Sales[Product] = "Apple") * (Sales[Region] = "East"))', salesOf((r) => r[2] === 'Apple' && r[0] === 'East')],
  ['=SORT(FILTER(Sales, (Sales[Product] = "Apple") * (Sales[Region] = "East")), 4, -1)', [['East', 'Tom', 'Apple', 6380], ['East', 'Fritz', 'Apple', 4394]]],
  ['=FILTER(Sales, (Sales[Product] = "Apple") + (Sales[Region] = "East"))', salesOf((r) => r[2] === 'Apple' || r[0] === 'East')],
  ['=FILTER(Sales[Units], Sales[Units] > 7000)', [[7195], [7580], [9814]], ['integer']],
  ['=FILTER(Sales, Sales[Product] = "Kiwi", "none")', [['none']]],
  // Excel's #CALC! for "nothing kept": here an array of no rows (a view sheet shows none).
  ['=FILTER(Sales, Sales[Product] = "Kiwi")', []],
  ['=FILTER({1,2,3;4,5,6}, {TRUE,FALSE,TRUE})', [[1, 3], [4, 6]]],
  ['=FILTER({10;20;30}, {1;0;2})', [[10], [30]]],
  ['=FILTER({1;2}, {"x";"y"})', '#VALUE!'],
  ['=FILTER({1;2;3}, {TRUE;FALSE})', '#VALUE!'],
]);

check('SORT (Microsoft: a range sorted by a column, ascending or descending, by rows or columns)', [
  ['=SORT(Sales[Sales Rep])', [...SALES.map((r) => r[1])].sort().map((n) => [n])],
  ['=SORT(Sales, 4, -1)', byUnitsDesc.map((r) => [...r])],
  ['=SORT(UNIQUE(Sales[Region]))', [['East'], ['North'], ['South'], ['West']]],
  ['=SORT({3;1;2})', [[1], [2], [3]]],
  ['=SORT({"b";"A";"c"})', [['A'], ['b'], ['c']]],
  ['=SORT({2;"a";1})', [[1], [2], ['a']]],
  ['=SORT({2;"a";1}, , -1)', [['a'], [2], [1]]],
  ['=SORT({3,1,2;6,4,5}, , , TRUE)', [[1, 2, 3], [4, 5, 6]]],
  ['=SORT(CHOOSECOLS(Sales, 1, 4), {1,2}, {1,-1})', byRegionThenUnitsDesc.map((r) => [r[0], r[3]])],
  ['=SORT({1;2}, 2)', '#VALUE!'],
  ['=SORT({1;2}, 1, 0)', '#VALUE!'],
]);

check('SORTBY (Microsoft: by another range, then by a second one descending)', [
  ['=SORTBY(Sales[Sales Rep], Sales[Units], -1)', byUnitsDesc.map((r) => [r[1]])],
  ['=SORTBY(CHOOSECOLS(Sales, 1, 2, 4), Sales[Region], 1, Sales[Units], -1)', byRegionThenUnitsDesc.map((r) => [r[0], r[1], r[3]])],
  ['=SORTBY({"a";"b";"c"}, {3;1;2})', [['b'], ['c'], ['a']]],
  // Not in Excel (sizes differ there): a column of the sheet the filtered rows come from lines up with them.
  ['=SORTBY(FILTER(Sales, Sales[Product] = "Apple"), Sales[Units], -1)', [['South', 'Hector', 'Apple', 9814], ['East', 'Tom', 'Apple', 6380], ['East', 'Fritz', 'Apple', 4394], ['South', 'Sal', 'Apple', 1310]]],
  ['=SORTBY({"a";"b"}, {1;2;3})', '#VALUE!'],
  ['=SORTBY({"a";"b"}, {1;2}, 2)', '#VALUE!'],
]);

check('UNIQUE (Microsoft: distinct values, rows or columns, or those that occur once)', [
  ['=UNIQUE(Sales[Region])', [['East'], ['West'], ['North'], ['South']], ['text']],
  ['=UNIQUE(Sales[Product])', [['Apple'], ['Grape'], ['Pear'], ['Banana']]],
  ['=UNIQUE({"a";"A";"b"})', [['a'], ['b']]],
  ['=UNIQUE({1;2;2;3;1}, , TRUE)', [[3]]],
  ['=UNIQUE({1,1,2;1,1,2}, TRUE)', [[1, 2], [1, 2]]],
  ['=UNIQUE(CHOOSECOLS(Sales, 2, 3))', [...new Map(SALES.map((r) => [`${r[1]}|${r[2]}`, [r[1], r[2]]])).values()]],
]);

check('SEQUENCE (Microsoft: =SEQUENCE(4,5), and with a start and a step)', [
  ['=SEQUENCE(4, 5)', Array.from({ length: 4 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 5 + c + 1)), ['integer', 'integer', 'integer', 'integer', 'integer']],
  ['=SEQUENCE(3)', [[1], [2], [3]], ['integer']],
  ['=SEQUENCE(2, 3, 10, 5)', [[10, 15, 20], [25, 30, 35]]],
  ['=SEQUENCE(3, 1, 1, 0.5)', [[1], [1.5], [2]], ['number']],
  ['=SEQUENCE(3, 1, DATE(2026, 1, 30))', [['2026-01-30'], ['2026-01-31'], ['2026-02-01']], ['date']],
  ['=SEQUENCE(0)', []],
  ['=SEQUENCE(-1)', '#VALUE!'],
  ['=SEQUENCE(100000, 1000)', '#VALUE!'],
]);

const ABC = '{1,2,3;4,5,6;7,8,9}';
check('TAKE and DROP (Microsoft: rows from the start, from the end, and columns)', [
  [`=TAKE(${ABC}, 2)`, [[1, 2, 3], [4, 5, 6]]],
  [`=TAKE(${ABC}, , 3)`, [[1, 2, 3], [4, 5, 6], [7, 8, 9]]],
  [`=TAKE(${ABC}, -2)`, [[4, 5, 6], [7, 8, 9]]],
  [`=TAKE(${ABC}, 2, 2)`, [[1, 2], [4, 5]]],
  ['=TAKE({1;2;3;4;5;6}, 3)', [[1], [2], [3]]],
  [`=DROP(${ABC}, 2)`, [[7, 8, 9]]],
  [`=DROP(${ABC}, , 2)`, [[3], [6], [9]]],
  [`=DROP(${ABC}, -2)`, [[1, 2, 3]]],
  [`=DROP(${ABC}, 2, 2)`, [[9]]],
  [`=TAKE(SORT(Sales, 4, -1), 3)`, byUnitsDesc.slice(0, 3).map((r) => [...r])],
]);

const ONE_TO_30 = `{${Array.from({ length: 6 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 5 + c + 1).join(',')).join(';')}}`;
const FOUR_COLUMNS = '{1,2,13,14;3,4,15,16;5,6,17,18;7,8,19,20;9,10,21,22;11,12,23,24}';
check('CHOOSECOLS (Microsoft: columns 1, 3, 5 and 1 again; the last two, in both orders)', [
  [`=CHOOSECOLS(${ONE_TO_30}, 1, 3, 5, 1)`, Array.from({ length: 6 }, (_, r) => [1, 3, 5, 1].map((c) => r * 5 + c))],
  [`=CHOOSECOLS(${FOUR_COLUMNS}, 3, 4)`, Array.from({ length: 6 }, (_, r) => [13 + 2 * r, 14 + 2 * r])],
  [`=CHOOSECOLS(${FOUR_COLUMNS}, -1, -2)`, Array.from({ length: 6 }, (_, r) => [14 + 2 * r, 13 + 2 * r])],
  ['=CHOOSECOLS(Sales, 4, 1)', SALES.map((r) => [r[3], r[0]]), ['integer', 'text']],
  ['=CHOOSECOLS(Sales, -1, 1)', SALES.map((r) => [r[3], r[0]]), ['integer', 'text']],
  // Excel's #VALUE! for a column that is not there: refused as it is typed, when the number is written.
  [`=CHOOSECOLS(${ONE_TO_30}, 7)`, '#TYPE!'],
  [`=CHOOSECOLS(${ONE_TO_30}, 0)`, '#TYPE!'],
  [`=CHOOSECOLS(${ONE_TO_30}, 3 + 4)`, '#VALUE!'],
]);

check('VSTACK (Microsoft: two arrays; three arrays into two columns; a narrower one filled with #N/A)', [
  ['=VSTACK({"A","B","C";"D","E","F"}, {"AA","BB","CC";"DD","EE","FF"})', [['A', 'B', 'C'], ['D', 'E', 'F'], ['AA', 'BB', 'CC'], ['DD', 'EE', 'FF']]],
  ['=VSTACK({1,2;3,4;5,6}, {"A","B";"C","D"}, {"X","Y"})', [[1, 2], [3, 4], [5, 6], ['A', 'B'], ['C', 'D'], ['X', 'Y']], ['integer|text', 'integer|text']],
  [
    '=VSTACK({1,2;3,4;5,6}, {"A","B","C";"D","E","F"}, {#VALUE!})',
    [[1, 2, '#N/A'], [3, 4, '#N/A'], [5, 6, '#N/A'], ['A', 'B', 'C'], ['D', 'E', 'F'], ['#VALUE!', '#N/A', '#N/A']],
  ],
  ['=VSTACK(UNIQUE(Sales[Region]), "Online")', [['East'], ['West'], ['North'], ['South'], ['Online']]],
]);

const QUOTE = '"Do. Or do not. There is no try. -Anonymous"';
const NA = '#N/A';
check('TEXTSPLIT (Microsoft: at a space; into a 2 × 3 array; at several delimiters, into columns or rows; padded)', [
  ['=TEXTSPLIT("Dakota Lennon Sanchez", " ")', [['Dakota', 'Lennon', 'Sanchez']], ['text', 'text', 'text']],
  ['=TEXTSPLIT("To be or not to be", " ")', [['To', 'be', 'or', 'not', 'to', 'be']]],
  ['=TEXTSPLIT("1,2,3;4,5,6", ",", ";")', [['1', '2', '3'], ['4', '5', '6']]],
  [`=TEXTSPLIT(${QUOTE}, ".")`, [['Do', ' Or do not', ' There is no try', ' -Anonymous']]],
  [`=TEXTSPLIT(${QUOTE}, {".","-"})`, [['Do', ' Or do not', ' There is no try', ' ', 'Anonymous']]],
  [`=TEXTSPLIT(${QUOTE}, {".","-"}, , FALSE)`, [['Do', ' Or do not', ' There is no try', ' ', 'Anonymous']]],
  [`=TEXTSPLIT(${QUOTE}, , ".")`, [['Do'], [' Or do not'], [' There is no try'], [' -Anonymous']]],
  [`=TEXTSPLIT(${QUOTE}, , {".","-"})`, [['Do'], [' Or do not'], [' There is no try'], [' '], ['Anonymous']]],
  [`=TEXTSPLIT(${QUOTE}, , {".","-"}, TRUE)`, [['Do'], [' Or do not'], [' There is no try'], [' '], ['Anonymous']]],
  [`=TEXTSPLIT(${QUOTE}, " ", ".", TRUE)`, [['Do', NA, NA, NA], ['Or', 'do', 'not', NA], ['There', 'is', 'no', 'try'], ['-Anonymous', NA, NA, NA]]],
  ['=TEXTSPLIT("a,b;c", ",", ";", , , "-")', [['a', 'b'], ['c', '-']]],
  ['=TEXTSPLIT("aXbxc", "x")', [['aXb', 'c']]],
  ['=TEXTSPLIT("aXbxc", "x", , , 1)', [['a', 'b', 'c']]],
]);

scalars('arrays inside functions that take them (the issue’s formulas over the sample)', [
  ['=SUMPRODUCT((Sales[Product] = "Apple") * Sales[Units])', 21898, 'integer'],
  ['=SUM((Sales[Region] = "East") * Sales[Units])', 21261, 'integer'],
  ['=SUMPRODUCT(--(Sales[Region] = "West"))', 4],
  ['=AND(Sales[Units] >= 0)', true, 'boolean'],
  ['=AND(Sales[Units] > 2000)', false],
  ['=OR(Sales[Units] > 9000)', true],
  ['=MAX(IF(Sales[Product] = "Grape", Sales[Units]))', 7580, 'integer'],
  ['=MIN(IF(Sales[Region] = "East", Sales[Units]))', 4213],
  ['=SUM({1,2,3} * {1;2})', 18],
  ['=SUM(SEQUENCE(100))', 5050],
  ['=COUNTA(UNIQUE(Sales[Sales Rep]))', 8, 'integer'],
  ['=TEXTJOIN(", ", TRUE, TAKE(SORTBY(Sales[Sales Rep], Sales[Units], -1), 3))', 'Hector, Xi, Sravan', 'text'],
  ['=SUM(FILTER(Sales[Units], Sales[Product] = "Pear"))', 17929],
  ['=INDEX(SORT(Sales[Units], 1, -1), 2)', 7580],
  ['=XLOOKUP("Pear", TAKE(Sales[Product], 3), TAKE(Sales[Units], 3))', 4565],
  ['=SUM(Sales[Region] * 2)', '#TYPE!'],
  ['=AND(Sales[Region] = "East")', false],
]);
