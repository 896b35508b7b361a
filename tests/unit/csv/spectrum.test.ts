/**
 * csv-spectrum-style cases (written here): quotes, escaped quotes, line breaks inside fields
 * (LF and CRLF), empty fields, UTF-8. Each file is read as text columns; the records must be
 * exactly the ones written, empty fields as empty cells.
 */
import { describe, expect, test } from 'vitest';
import { readAsText } from './read-as-text.ts';

const CASES: [name: string, csv: string, header: string[], rows: (string | null)[][]][] = [
  ['simple', 'a,b,c\n1,2,3', ['a', 'b', 'c'], [['1', '2', '3']]],
  ['simple with CRLF', 'a,b,c\r\n1,2,3\r\n', ['a', 'b', 'c'], [['1', '2', '3']]],
  ['comma in quotes', 'first,last,address,city,zip\r\nJohn,Doe,120 any st.,"Anytown, WW",08123', ['first', 'last', 'address', 'city', 'zip'], [['John', 'Doe', '120 any st.', 'Anytown, WW', '08123']]],
  ['escaped quotes', 'a,b\r\n1,"ha ""ha"" ha"\r\n3,4\r\n', ['a', 'b'], [['1', 'ha "ha" ha'], ['3', '4']]],
  ['json in a field', 'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n', ['key', 'val'], [['1', '{"type": "Point", "coordinates": [102.0, 0.5]}']]],
  ['LF inside a quoted field', 'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n', ['a', 'b', 'c'], [['1', '2', '3'], ['Once upon \na time', '5', '6'], ['7', '8', '9']]],
  ['CRLF inside a quoted field', 'a,b,c\r\n1,2,3\r\n"Once upon \r\na time",5,6\r\n7,8,9\r\n', ['a', 'b', 'c'], [['1', '2', '3'], ['Once upon \r\na time', '5', '6'], ['7', '8', '9']]],
  ['quotes and line breaks', 'a,b\n1,"ha \n""ha"" \nha"\n3,4\n', ['a', 'b'], [['1', 'ha \n"ha" \nha'], ['3', '4']]],
  ['a field that is only a line break', 'a,b\r\n"\r\n",x\r\n', ['a', 'b'], [['\r\n', 'x']]],
  ['empty fields, quoted and not', 'a,b,c\r\n1,"",""\r\n2,3,4\r\n,,5\r\n', ['a', 'b', 'c'], [['1', null, null], ['2', '3', '4'], [null, null, '5']]],
  ['a record of empty fields only is a blank row and left out', 'a,b\r\n1,2\r\n,\r\n3,4\r\n', ['a', 'b'], [['1', '2'], ['3', '4']]],
  ['empty lines are left out', 'a,b\n\n1,2\n\n\n3,4\n\n', ['a', 'b'], [['1', '2'], ['3', '4']]],
  ['UTF-8 beyond Latin-1', 'a,b,c\n1,2,3\n4,5,ʤ\n', ['a', 'b', 'c'], [['1', '2', '3'], ['4', '5', 'ʤ']]],
  ['Chinese and emoji', '商品,备注\r\n蒜泥器,"好用 👍, 推荐"\r\n', ['商品', '备注'], [['蒜泥器', '好用 👍, 推荐']]],
  ['a UTF-8 byte order mark is not part of the first header', '\uFEFFSKU,Cost\r\nA,1\r\n', ['SKU', 'Cost'], [['A', '1']]],
  ['coordinates in quotes', 'Contact Email,Contact Name,Geo\r\nfoo@bar.com,Foo Bar,"49.2827,-123.1207"\r\n', ['Contact Email', 'Contact Name', 'Geo'], [['foo@bar.com', 'Foo Bar', '49.2827,-123.1207']]],
  ['spaces are kept in text', 'a,b\n  padded  ," quoted "\n', ['a', 'b'], [['  padded  ', ' quoted ']]],
  ['semicolons (European Excel)', 'a;b\r\n"1;2";3\r\n', ['a', 'b'], [['1;2', '3']]],
  ['tabs', 'a\tb\n"x\ty"\tz\n', ['a', 'b'], [['x\ty', 'z']]],
  ['old Mac line ends (CR only)', 'a,b\r1,2\r3,4\r', ['a', 'b'], [['1', '2'], ['3', '4']]],
];

describe('spectrum: papaparse reads what was written', () => {
  test.each(CASES)('%s', async (_name, csv, header, rows) => {
    const plan = await readAsText(csv);
    expect(plan.setup.columns.map((c) => c.header)).toEqual(header);
    expect(plan.problems).toEqual([]);
    expect(plan.rows).toEqual(rows);
  });
});
