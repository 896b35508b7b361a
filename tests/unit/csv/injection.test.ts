/**
 * CSV injection: no text cell may start with = + - @ tab CR or LF in the exported file; such text
 * is prefixed with '. Numbers are never altered. Import takes the prefix away again.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { exportSheetCsv, protectText, unprotectText } from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { records } from './shop.ts';

const CASES: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
  ['+86 138 0000 0000', "'+86 138 0000 0000"],
  ['-2', "'-2"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
  ['\n=1+1', "'\n=1+1"],
  ['\r\n=cmd|"/c calc"!A1', `'\r\n=cmd|"/c calc"!A1`],
  ['=1+1\nsecond line', "'=1+1\nsecond line"],
  ['-\n', "'-\n"],
  // Already starting with ' before a trigger: one more, so the import can take exactly one away.
  ["'=1+1", "''=1+1"],
  ["''-2", "'''-2"],
  // Harmless text stays as it is.
  ["'quoted", "'quoted"],
  ['a=1', 'a=1'],
  ['#1 seller', '#1 seller'],
  [' =1', ' =1'],
  ['满减 200-20', '满减 200-20'],
  ['', ''],
];

describe('injection: text that a spreadsheet would run is prefixed with \'', () => {
  test.each(CASES)('%j is written as %j', (text, written) => {
    expect(protectText(text)).toBe(written);
  });

  test.each(CASES)('%j reads back unchanged', (text) => {
    expect(unprotectText(protectText(text))).toBe(text);
  });

  test('in an exported file, no text field of any column starts with a trigger, header included', () => {
    const wb = Workbook.create({ name: 'Evil' });
    const sheet = wb.addSheet({
      name: 'Sheet',
      columns: [
        { name: '=cmd', type: 'text' },
        { name: 'Channel', type: 'choice', options: { choices: ['-', '+App', '@Web'] } },
        { name: 'Supplier', type: 'reference' },
      ],
    });
    const ids = wb.columns(sheet).map((c) => c.id);
    wb.appendRows(sheet, ids, CASES.map(([t], i) => [t, ['-', '+App', '@Web'][i % 3] ?? '-', t]));
    for (const mode of ['raw', 'display'] as const) {
      for (const [field, row] of records(exportSheetCsv(wb, sheet, { mode })).flatMap((r, i) => r.map((f) => [f, i] as const))) {
        expect(field, `row ${row}: ${JSON.stringify(field)}`).not.toMatch(/^[=+\-@\t\r\n]/);
      }
    }
  });

  test('numbers are never altered: a negative number stays a number, raw and displayed', () => {
    const wb = Workbook.create({ name: 'Numbers', currency: 'CNY' });
    const sheet = wb.addSheet({
      name: 'Sheet',
      columns: [
        { name: 'Qty', type: 'integer' },
        { name: 'Cost', type: 'currency' },
        { name: 'Change', type: 'percent' },
        { name: 'Delta', type: 'number' },
      ],
    });
    wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), [[-3, -1234.5, -0.05, -1e-7]]);
    expect(records(exportSheetCsv(wb, sheet))[1]).toEqual(['-3', '-1234.5', '-0.05', '-1e-7']);
    expect(records(exportSheetCsv(wb, sheet, { mode: 'display' }))[1]).toEqual(['-3', '-¥1,234.50', '-5.0%', '-1e-7']);
  });

  test("papaparse's own escapeFormulae misses leading and embedded line breaks (why export does its own)", () => {
    const missed = ['\n=1+1', '\r\n=1+1', '=1+1\nsecond line'];
    const papa = records(Papa.unparse(missed.map((t) => [t]), { escapeFormulae: true, newline: '\r\n' }));
    expect(papa.map((r) => r[0])).toEqual(missed);
    const wb = Workbook.create({ name: 'x' });
    const sheet = wb.addSheet({ name: 'S', columns: [{ name: 'Note', type: 'text' }] });
    wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), missed.map((t) => [t]));
    expect(records(exportSheetCsv(wb, sheet)).slice(1).map((r) => r[0])).toEqual(missed.map((t) => `'${t}`));
  });
});
