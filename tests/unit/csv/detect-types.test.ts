/**
 * Type detection proposes, it never decides: each proposal carries its reason, and anything
 * doubtful stays text. Also the reading of typed text (numbers, dates, yes/no) it relies on.
 */
import { describe, expect, test } from 'vitest';
import { detectColumnType, parseCellText } from '../../../src/csv/index.ts';
import { parseDateText } from '../../../src/schema/date-text.ts';
import { parseNumberText } from '../../../src/schema/number-text.ts';
import type { ColumnType } from '../../../src/schema/index.ts';

describe('detection: a proposal with its reason', () => {
  test.each([
    ['a wine name that starts with a year stays text', ['2013 Malbec', '2015 Syrah'], 'text', /"2013 Malbec" are text/],
    ['one non-number among numbers makes the column text', ['12', '7', '2013 Malbec'], 'text', /"2013 Malbec"/],
    ['leading zeros are kept as text', ['00123', '00456'], 'text', /"00123" keep their leading zeros/],
    ['one zip code with a leading zero is enough', ['10001', '02139'], 'text', /leading zeros/],
    ['long digit strings (order ids, barcodes) stay text', ['6901234567890123456', '6901234567890123457'], 'text', /lose digits/],
    ['whole numbers', ['1', '-3', '1,234'], 'integer', /whole number/],
    ['decimals', ['2.5', '0', '-1e-7', '.5'], 'number', /number/],
    ['0 and 1 are numbers, not yes/no', ['0', '1', '1'], 'integer', /whole number/],
    ['yuan with the ¥ sign', ['¥12.50', '¥1,234.00', '-¥5'], 'currency', /CNY/],
    ['yuan written 元', ['12元', '30 元'], 'currency', /CNY/],
    ['dollars', ['$19.99', 'US$ 5', '(12.00)'], 'currency', /USD/],
    ['euros', ['€5', '12.50 €'], 'currency', /EUR/],
    ['amounts without a sign among signed ones', ['¥12', '0', '3.5'], 'currency', /CNY/],
    ['two currencies are not one column', ['¥12', '$3'], 'text', /several currencies/],
    ['percentages', ['12.5%', '7%', '-3％'], 'percent', /percentage/],
    ['some percentages and some not', ['12.5%', '0.07'], 'text', /some are not/],
    ['ISO dates', ['2026-01-05', '2026-12-31'], 'date', /^Every value is a date\.$/],
    ['ISO date-times (the time is dropped)', ['2026-01-05T10:30:00Z', '2026-01-06 08:00'], 'date', /date/],
    ['Chinese dates', ['2026年1月5日', '2026/1/5', '2026.12.31'], 'date', /date/],
    ['English dates', ['Jan 5, 2026', '5 January 2026', '31-Dec-2026'], 'date', /date/],
    ['day first, known from a day above 12', ['05/01/2026', '25/12/2026'], 'date', /day\/month\/year/],
    ['month first, known from a day above 12', ['01/05/2026', '12/25/2026'], 'date', /month\/day\/year/],
    ['ambiguous day/month order says how it is read', ['01/05/2026', '02/03/2026'], 'date', /are read as month\/day\/year \(change it/],
    ['not a real date', ['2026-02-30'], 'text', /are text/],
    ['是/否', ['是', '否', '是'], 'boolean', /yes or no/],
    ['TRUE/FALSE and yes/no', ['TRUE', 'false', 'Yes', 'n'], 'boolean', /yes or no/],
    ['empty fields are ignored', ['', '3', ' '], 'integer', /whole number/],
    ['an empty column is text', ['', ''], 'text', /empty/],
    ['text that export protected stays text', ["'-2", '5'], 'text', /written as text/],
  ] as const)('%s', (_what, values, type, reason) => {
    const p = detectColumnType(values);
    expect(p.type).toBe(type);
    expect(p.reason).toMatch(reason);
  });

  test('dates that read both ways follow the given order (the workbook language decides)', () => {
    expect(detectColumnType(['01/05/2026'], 'DMY').dateOrder).toBe('DMY');
    expect(detectColumnType(['01/05/2026'], 'MDY').dateOrder).toBe('MDY');
    expect(detectColumnType(['25/12/2026'], 'MDY').dateOrder).toBe('DMY');
  });
});

describe('reading numbers', () => {
  test.each([
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['-¥1,234.50', -1234.5],
    ['¥-5', -5],
    ['(1,234.50)', -1234.5],
    ['US$ 12', 12],
    ['30元', 30],
    ['12.5%', 0.125],
    ['12.345%', 0.12345],
    ['0.5%', 0.005],
    ['−7', -7],
    ['+3', 3],
    ['1e-7', 1e-7],
    ['\u00a0 42 \u3000', 42],
  ])('%j is %d', (text, value) => {
    expect(parseNumberText(text)?.value).toBe(value);
  });

  test.each(['1,2', '12,34.5', '1.2.3', '¥$5', '--5', '5-', '12%元', '', 'abc', '2013 Malbec', '(-5)'])('%j is not a number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe('reading dates', () => {
  test.each([
    ['2026-01-05', 'MDY', '2026-01-05'],
    ['2026/1/5', 'MDY', '2026-01-05'],
    ['2026年1月5日', 'MDY', '2026-01-05'],
    ['Jan 5, 2026', 'DMY', '2026-01-05'],
    ['5 Jan 2026', 'MDY', '2026-01-05'],
    ['Sept 9, 2026', 'MDY', '2026-09-09'],
    ['05.01.2026', 'DMY', '2026-01-05'],
    ['1/5/2026', 'MDY', '2026-01-05'],
    ['1/5/2026', 'DMY', '2026-05-01'],
    ['1/5/2026 10:30 PM', 'MDY', '2026-01-05'],
    ['2024-02-29', 'MDY', '2024-02-29'],
  ] as const)('%j (%s) is %s', (text, order, iso) => {
    expect(parseDateText(text, { order })).toBe(iso);
  });

  test.each(['2026-02-29', '2026-13-01', '13/13/2026', 'Foo 5, 2026', '2026', '5/1/26'])('%j is not a date', (text) => {
    expect(parseDateText(text, { order: 'MDY' })).toBeNull();
  });
});

describe('reading a field for a column type', () => {
  const ctx = { dateOrder: 'MDY' as const };
  const col = (type: ColumnType, options = {}) => ({ type, options });

  test.each([
    ['text keeps its spaces', col('text'), '  two  ', '  two  '],
    ['text loses the export safety prefix', col('text'), "'=1+1", '=1+1'],
    ['an empty field is an empty cell', col('integer'), '', null],
    ['spaces around a number are fine', col('integer'), ' 12 ', 12],
    ['an integer may be written 12.0', col('integer'), '12.0', 12],
    ['currency with the column’s symbol', col('currency', { currency: 'USD' }), '$5', 5],
    ['percent with a sign', col('percent'), '12.5%', 0.125],
    ['percent as a plain fraction (as raw export writes it)', col('percent'), '0.125', 0.125],
    ['yes/no as 1 and 0', col('boolean'), '1', true],
    ['是', col('boolean'), '是', true],
    ['a choice matched without regard to case', col('choice', { choices: ['App', 'Web'] }), 'web', 'Web'],
    ['a choice column without choices takes any text', col('choice'), 'Store', 'Store'],
  ])('%s', (_what, column, text, value) => {
    expect(parseCellText(text, column, ctx)).toEqual({ ok: true, value });
  });

  test.each([
    ['a word in a number column', col('number'), 'lots', '"lots" is not a number'],
    ['a fraction in an integer column', col('integer'), '2.5', '"2.5" is not a whole number'],
    ['dollars in a yuan column', col('currency', { currency: 'CNY' }), '$5', '"$5" is in USD, the column is in CNY'],
    ['an amount in a number column', col('number'), '¥5', '"¥5" is an amount of money; import this column as currency'],
    ['a percentage in a number column', col('number'), '5%', '"5%" is a percentage; import this column as percent'],
    ['an impossible date', col('date'), '2026-02-30', '"2026-02-30" is not a date (write it as YYYY-MM-DD)'],
    ['maybe', col('boolean'), 'maybe', '"maybe" is not yes or no (true/false, yes/no, 是/否, 1/0)'],
    ['an unknown choice', col('choice', { choices: ['App', 'Web'] }), 'Store', '"Store" is not one of "App", "Web"'],
  ])('%s is refused with a plain sentence', (_what, column, text, message) => {
    expect(parseCellText(text, column, ctx)).toMatchObject({ ok: false, message });
  });
});
