/** Export of a sheet: raw or as displayed, Excel-friendly bytes, computed values of formulas. */
import { describe, expect, test } from 'vitest';
import { encodeUtf8, exportSheetCsv, type ComputedValues } from '../../../src/csv/index.ts';
import { formatValue, type ColumnType, type FormatContext } from '../../../src/schema/index.ts';
import { records, SAMPLE_ROWS, shop } from './shop.ts';

describe('export: Excel-friendly by default', () => {
  test('the file is UTF-8 with a byte order mark and CRLF line ends, so Chinese text opens right in Excel', () => {
    const { wb, sheet } = shop(SAMPLE_ROWS);
    const bytes = encodeUtf8(exportSheetCsv(wb, sheet));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')).toHaveLength(4); // header, 2 rows, and the final line end
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(text).toContain('蒜泥器');
  });

  test('without BOM when asked', () => {
    const { wb, sheet } = shop(SAMPLE_ROWS);
    expect(exportSheetCsv(wb, sheet, { bom: false }).startsWith('SKU,')).toBe(true);
  });

  test.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ] as const)('delimiter %j (%s): values holding it are quoted and read back whole', (delimiter, _name) => {
    const { wb, sheet } = shop([['a,b;c\td', 'x', 1, 2, 0.5, 1, 1, null, true, 'App', null]]);
    const text = exportSheetCsv(wb, sheet, { delimiter });
    const [header, row] = records(text, delimiter);
    expect(header?.[0]).toBe('SKU');
    expect(row?.[0]).toBe('a,b;c\td');
    expect(row).toHaveLength(11);
  });

  test('the header uses the column names in raw mode and the labels of the chosen language when displayed', () => {
    const { wb, sheet } = shop(SAMPLE_ROWS);
    expect(records(exportSheetCsv(wb, sheet))[0]?.slice(0, 3)).toEqual(['SKU', 'Name', 'Cost']);
    const zh = records(exportSheetCsv(wb, sheet, { mode: 'display', locale: 'zh-CN' }))[0];
    expect(zh?.slice(0, 3)).toEqual(['库存量单位', '名称', '成本']);
    expect(zh?.[7]).toBe('上架日期');
  });

  test('an empty cell is an empty field; rows keep their order', () => {
    const { wb, sheet } = shop(SAMPLE_ROWS);
    const rows = records(exportSheetCsv(wb, sheet));
    expect(rows[2]?.[7]).toBe('');
    expect(rows.map((r) => r[0])).toEqual(['SKU', 'A-1', '00123']);
  });
});

describe('export: raw values are exact and typed values are written plainly', () => {
  test('numbers are written to 15 significant digits, as Excel shows them: no binary noise; integers stay exact', () => {
    const { wb, sheet } = shop([
      ['N-1', 'noise', 47.17000000000001, 0.1 + 0.2, 0.48044000000000003, 9007199254740991, 1 / 3, null, true, 'App', null],
    ]);
    expect(records(exportSheetCsv(wb, sheet))[1]?.slice(2, 7)).toEqual(['47.17', '0.3', '0.48044', '9007199254740991', '0.333333333333333']);
  });


  test('ISO dates, plain numbers (no grouping, no symbol), fractions for percentages, true/false', () => {
    const { wb, sheet } = shop(SAMPLE_ROWS);
    expect(records(exportSheetCsv(wb, sheet))[1]).toEqual([
      'A-1', 'Garlic press', '1234.5', '19.99', '0.125', '40', '2.5', '2026-01-05', 'true', 'App', 'SUP-1',
    ]);
  });
});

describe('export: values as displayed', () => {
  const ctx = (locale: 'en' | 'zh-CN' = 'en'): FormatContext => ({ mode: 'display', locale, currency: 'CNY' });
  const col = (type: ColumnType, options = {}) => ({ type, options });

  test.each([
    ['currency in the workbook currency', col('currency'), 1234.5, '¥1,234.50'],
    ['a negative amount keeps its sign before the symbol', col('currency'), -1234.5, '-¥1,234.50'],
    ['currency of the column', col('currency', { currency: 'USD' }), 19.99, '$19.99'],
    ['euros', col('currency', { currency: 'EUR' }), 1000000, '€1,000,000.00'],
    ['an amount that rounds to zero has no sign', col('currency'), -0.001, '¥0.00'],
    ['percent', col('percent'), 0.125, '12.5%'],
    ['percent with the grid’s one decimal', col('percent'), 0.07, '7.0%'],
    ['percent with precision', col('percent', { precision: 1 }), 0.12345, '12.3%'],
    ['integer grouped', col('integer'), 1234567, '1,234,567'],
    ['number like Excel General', col('number'), 1 / 3, '0.3333333333'],
    ['number with precision', col('number', { precision: 2 }), 2.5, '2.50'],
    ['very large number', col('number'), 1e21, '1e+21'],
    ['date, as the grid shows it', col('date'), '2026-01-05', '2026-01-05'],
    ['boolean true', col('boolean'), true, 'Yes'],
    ['boolean false', col('boolean'), false, 'No'],
    ['text unchanged', col('text'), '满减 200-20', '满减 200-20'],
    ['an error value shows its code', col('number'), { error: '#DIV/0!', message: 'division by zero' }, '#DIV/0!'],
  ] as const)('%s: %j → %j', (_what, column, value, shown) => {
    expect(formatValue(value, column, ctx())).toBe(shown);
  });

  test('in Chinese, dates read as in the grid and booleans 是/否', () => {
    expect(formatValue('2026-01-05', col('date'), ctx('zh-CN'))).toBe('2026-01-05');
    expect(formatValue(true, col('boolean'), ctx('zh-CN'))).toBe('是');
    expect(formatValue(false, col('boolean'), ctx('zh-CN'))).toBe('否');
  });

  test('a displayed sheet: grouping and symbols are quoted where the delimiter needs it', () => {
    const { wb, sheet } = shop(SAMPLE_ROWS);
    expect(records(exportSheetCsv(wb, sheet, { mode: 'display' }))[1]).toEqual([
      'A-1', 'Garlic press', '¥1,234.50', '$19.99', '12.5%', '40', '2.5', '2026-01-05', 'Yes', 'App', 'SUP-1',
    ]);
    const text = exportSheetCsv(wb, sheet, { mode: 'display' });
    expect(text).toContain('"¥1,234.50"');
  });
});

describe('export: computed values of formulas', () => {
  const withFormulas = () => {
    const s = shop(SAMPLE_ROWS);
    const profit = s.wb.addColumn(s.sheet, { name: 'Profit', type: 'currency', formula: '=[Price]-[Cost]' });
    const [costId, priceId] = [s.ids[2] ?? '', s.ids[3] ?? ''];
    // The engine's part, stood in for by a table: a column formula and one cell formula.
    s.wb.setCell(s.sheet, s.rowIds[1] ?? '', s.ids[6] ?? '', { f: '=1/0' });
    const engine: ComputedValues = {
      value: (sheetId, rowId, colId) => {
        if (colId === profit) return (s.wb.cell(sheetId, rowId, priceId) as number) - (s.wb.cell(sheetId, rowId, costId) as number);
        return { error: '#DIV/0!', message: 'division by zero' };
      },
    };
    return { ...s, engine };
  };

  test('formula columns and cell formulas are written with their computed values, errors as their code', () => {
    const { wb, sheet, engine } = withFormulas();
    const rows = records(exportSheetCsv(wb, sheet, { values: engine }));
    expect(rows[0]?.[11]).toBe('Profit');
    expect(rows[1]?.[11]).toBe(String(19.99 - 1234.5));
    expect(rows[2]?.[11]).toBe('5');
    expect(rows[2]?.[6]).toBe('#DIV/0!');
    expect(rows[1]?.[6]).toBe('2.5');
  });

  test('without an engine the stored values are written, and a cell formula as its (protected) text', () => {
    const { wb, sheet } = withFormulas();
    const rows = records(exportSheetCsv(wb, sheet));
    expect(rows[1]?.[11]).toBe('');
    expect(rows[2]?.[6]).toBe("'=1/0");
  });
});
