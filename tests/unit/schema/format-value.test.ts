/** The one formatter: what the grid shows, and so a CSV "as displayed" and the CLI's display mode. */
import { describe, expect, test } from 'vitest';
import type { Column, ColumnType, CurrencyCode, Locale } from '../../../src/schema/index.ts';
import { formatValue, plainText } from '../../../src/schema/index.ts';

const col = (type: ColumnType, options: Column['options'] = {}) => ({ type, options });
const ctx = (locale: Locale = 'en', currency: CurrencyCode = 'CNY') => ({ locale, currency });

describe('how values look in cells', () => {
  test.each([
    [1234.5, col('currency'), ctx(), '¥1,234.50'],
    [1234.5, col('currency'), ctx('en', 'USD'), '$1,234.50'],
    [1234.5, col('currency'), ctx('zh-CN', 'EUR'), '€1,234.50'],
    [-8.2, col('currency'), ctx(), '-¥8.20'],
    [99, col('currency', { currency: 'USD' }), ctx(), '$99.00'],
    [0.125, col('percent'), ctx(), '12.5%'],
    [0.1, col('percent', { precision: 0 }), ctx(), '10%'],
    [2500, col('integer'), ctx(), '2,500'],
    [1234.56, col('number', { precision: 1 }), ctx(), '1,234.6'],
    [1 / 3, col('number'), ctx(), '0.3333333333'],
    [1e21, col('number'), ctx(), '1e+21'],
    [-1e-7, col('number'), ctx(), '-1e-7'],
    [1.005, col('number', { precision: 2 }), ctx(), '1.01'],
    [-0.001, col('currency'), ctx(), '¥0.00'],
    ['2026-11-29', col('date'), ctx('zh-CN'), '2026-11-29'],
    [true, col('boolean'), ctx(), 'Yes'],
    [false, col('boolean'), ctx('zh-CN'), '否'],
    [true, col('number'), ctx(), 'TRUE'],
    [null, col('text'), ctx(), ''],
    [{ error: '#DIV/0!', message: 'Division by zero' }, col('number'), ctx(), '#DIV/0!'],
    ['<b>bold</b>', col('text'), ctx(), '<b>bold</b>'],
  ] as const)('%j as %j in %j shows %j', (value, column, context, shown) => {
    expect(formatValue(value, column, context)).toBe(shown);
  });

  test('a formula column formats as its result type', () => {
    expect(formatValue(0.25, col('text'), ctx(), 'percent')).toBe('25.0%');
  });
});

describe('plain text (editors and copy)', () => {
  test.each([
    [1234.5, 'currency', '1234.5'],
    [0.125, 'percent', '12.5%'],
    [0.07, 'percent', '7%'],
    [true, 'boolean', 'TRUE'],
    ['2026-11-29', 'date', '2026-11-29'],
    [null, 'text', ''],
    [{ error: '#N/A', message: 'x' }, 'number', '#N/A'],
  ] as const)('%j in a %s column is %j', (value, type, text) => {
    expect(plainText(value, type)).toBe(text);
  });
});
