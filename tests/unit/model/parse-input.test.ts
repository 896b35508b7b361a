import { describe, expect, test } from 'vitest';
import { checkValue, parseInput, type CellValue, type Column, type ColumnType, type Locale } from '../../../src/schema/index.ts';

const col = (type: ColumnType, options: Column['options'] = {}): Pick<Column, 'type' | 'options'> => ({ type, options });
const opts = (locale: Locale = 'en') => ({ locale, currentYear: 2026, formulas: true });

type Row = [text: string, type: ColumnType, expected: CellValue, locale?: Locale];

const accepted: Row[] = [
  // numbers, with grouping, signs, full-width digits, Chinese units, percent and exponents
  ['1234.5', 'number', 1234.5],
  ['1,234.5', 'number', 1234.5],
  ['-1,234,567.25', 'number', -1234567.25],
  ['+42', 'number', 42],
  ['.5', 'number', 0.5],
  ['1e3', 'number', 1000],
  ['12%', 'number', 0.12],
  ['１２３．５', 'number', 123.5, 'zh-CN'],
  ['1.5万', 'number', 15000, 'zh-CN'],
  ['2亿', 'number', 200000000, 'zh-CN'],
  ['  7  ', 'number', 7],
  // integers
  ['42', 'integer', 42],
  ['1,000', 'integer', 1000],
  ['12.0', 'integer', 12],
  ['-3', 'integer', -3],
  // currency: symbols and codes before or after, accounting negatives
  ['¥1,234.50', 'currency', 1234.5],
  ['￥88', 'currency', 88, 'zh-CN'],
  ['$19.99', 'currency', 19.99],
  ['€ 5', 'currency', 5],
  ['12.5 元', 'currency', 12.5, 'zh-CN'],
  ['CNY 300', 'currency', 300],
  ['US$7', 'currency', 7],
  ['(¥1,234.00)', 'currency', -1234],
  ['-¥12', 'currency', -12],
  ['¥-12', 'currency', -12],
  // percent: a % sign, or bare percent points as typed into a percent column
  ['12.5%', 'percent', 0.125],
  ['12.5', 'percent', 0.125],
  ['7%', 'percent', 0.07],
  ['-3%', 'percent', -0.03],
  ['１５％', 'percent', 0.15, 'zh-CN'],
  // dates: ISO everywhere, slashes and dots year-first everywhere, month-first in English
  ['2026-11-29', 'date', '2026-11-29'],
  ['2026-1-5', 'date', '2026-01-05'],
  ['2026-11-29T08:30:00Z', 'date', '2026-11-29'],
  ['2026/11/29', 'date', '2026-11-29'],
  ['2026.11.29', 'date', '2026-11-29', 'zh-CN'],
  ['2026年11月29日', 'date', '2026-11-29', 'zh-CN'],
  ['11月29日', 'date', '2026-11-29', 'zh-CN'],
  ['11/29/2026', 'date', '2026-11-29'],
  ['11/29/26', 'date', '2026-11-29'],
  ['2/29/2028', 'date', '2028-02-29'],
  ['11/29', 'date', '2026-11-29'],
  ['Nov 29, 2026', 'date', '2026-11-29'],
  ['November 29 2026', 'date', '2026-11-29'],
  ['29 Sept 2026', 'date', '2026-09-29'],
  // booleans, English and Chinese
  ['TRUE', 'boolean', true],
  ['false', 'boolean', false],
  ['yes', 'boolean', true],
  ['No', 'boolean', false],
  ['是', 'boolean', true, 'zh-CN'],
  ['否', 'boolean', false, 'zh-CN'],
  ['1', 'boolean', true],
  ['0', 'boolean', false],
  // text keeps what was typed; an apostrophe keeps a leading "="
  ['  spaced  ', 'text', '  spaced  '],
  ["'=not a formula", 'text', '=not a formula'],
  ['<img src=x onerror=alert(1)>', 'text', '<img src=x onerror=alert(1)>'],
  // references keep the key
  [' SKU-1001 ', 'reference', 'SKU-1001'],
  // empty clears
  ['', 'number', null],
  ['   ', 'date', null],
];

const refused: [text: string, type: ColumnType, locale?: Locale][] = [
  ['abc', 'number'],
  ['1,2,3', 'number'],
  ['1.234,5', 'number'],
  ['12..5', 'number'],
  ['12.5', 'integer'],
  ['5%', 'integer'],
  ['ten', 'integer'],
  ['5%', 'currency'],
  ['¥', 'currency'],
  ['lots', 'percent'],
  ['2026-02-30', 'date'],
  ['2026-13-01', 'date'],
  ['29/11/2026', 'date'],
  ['11/29/2026', 'date', 'zh-CN'],
  ['tomorrow', 'date'],
  ['maybe', 'boolean'],
];

describe('parseInput: what a person types becomes a typed value', () => {
  test.each(accepted)('%j in a %s column reads as %j', (text, type, expected, locale) => {
    const r = parseInput(text, col(type), opts(locale));
    expect(r).toEqual({ ok: true, value: expected });
    if (r.ok) expect(checkValue(col(type), r.value).ok).toBe(true);
  });

  test.each(refused)('%j is refused in a %s column, with a sentence that says what to type', (text, type, locale) => {
    const r = parseInput(text, col(type), opts(locale));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.kind).toBe(type);
      expect(r.message).toContain(JSON.stringify(text.trim()));
      expect(r.message).toMatch(/type|write|pick/);
    }
  });

  test('a choice matches case-insensitively and is stored as the column spells it', () => {
    const status = col('choice', { choices: ['active', 'New', 'discontinued'] });
    expect(parseInput('ACTIVE', status, opts())).toEqual({ ok: true, value: 'active' });
    expect(parseInput('new', status, opts())).toEqual({ ok: true, value: 'New' });
    const r = parseInput('retired', status, opts());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('active, New, discontinued');
  });

  test('a choice column without choices takes any text', () => {
    expect(parseInput('anything', col('choice'), opts())).toEqual({ ok: true, value: 'anything' });
  });

  test('text starting with "=" is a cell formula when typing, but stays text for imports', () => {
    expect(parseInput('=[Price] * 2', col('number'), opts())).toEqual({ ok: true, value: { f: '=[Price] * 2' } });
    expect(parseInput('=1+1', col('text'), { locale: 'en' })).toEqual({ ok: true, value: '=1+1' });
  });

  test('a bare number in a percent column can be read as a fraction (imports of raw data)', () => {
    expect(parseInput('0.125', col('percent'), { locale: 'en', percentPoints: false })).toEqual({ ok: true, value: 0.125 });
    expect(parseInput('12.5%', col('percent'), { locale: 'en', percentPoints: false })).toEqual({ ok: true, value: 0.125 });
  });

  test('a date without a year takes the current year (and, reading both ways, names the other reading)', () => {
    const year = new Date().getFullYear();
    expect(parseInput('3/4', col('date'), { locale: 'en' })).toEqual({ ok: true, value: `${year}-03-04`, otherDate: `${year}-04-03` });
  });
});
