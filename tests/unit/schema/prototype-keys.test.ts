/**
 * Prototype keys (`__proto__`, `constructor`, `prototype`, `toString`) where a name or a word from
 * outside is looked up: sheet and column names, formula function names, languages and currencies,
 * CSV headers. Each finds what it names, or nothing, and never what every object inherits.
 */
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { evaluateInWorkbook } from '../../../src/formula/index.ts';
import { matchColumns } from '../../../src/csv/match-columns.ts';
import { currencyText, formatValue, parseInput, type CurrencyCode, type Locale } from '../../../src/schema/index.ts';
import { ownEntry } from '../../../src/schema/own-entry.ts';

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

describe('prototype keys', () => {
  test.each(KEYS)('ownEntry finds no inherited "%s"', (key) => {
    expect(ownEntry({ en: 1 }, key, 0)).toBe(0);
  });

  test.each(KEYS)('a sheet and a column named "%s" are found by formulas like any other', (key) => {
    const wb = Workbook.create();
    const s = wb.addSheet({ name: key, columns: [{ name: key, type: 'number' }] });
    wb.appendRows(s, [wb.columns(s)[0]?.id ?? ''], [[2], [3]]);
    expect(wb.sheetByName(key)?.id).toBe(s);
    expect(wb.columnByName(s, key)?.name).toBe(key);
    const [r] = evaluateInWorkbook(wb, [`=SUM('${key}'[${key}])`]);
    expect(r).toEqual({ value: 5, type: 'number' });
  });

  test.each(KEYS)('a function named "%s" is unknown, not a crash', (key) => {
    const [r] = evaluateInWorkbook(Workbook.create(), [`=${key}(1)`]);
    expect(r).toMatchObject({ error: '#TYPE!' });
  });

  test.each(KEYS)('language and currency "%s" format as the defaults, without throwing', (key) => {
    const ctx = { locale: key as Locale, currency: key as CurrencyCode };
    expect(formatValue(true, { type: 'boolean', options: {} }, ctx)).toBe('Yes');
    expect(currencyText(5, key as CurrencyCode, { min: 2, max: 2 })).toBe('5.00');
    expect(parseInput('2026-01-02', { type: 'date', options: {} }, { locale: key as Locale })).toEqual({ ok: true, value: '2026-01-02' });
  });

  test('CSV headers named like prototype keys match their columns', () => {
    const cols = KEYS.map((k, i) => ({ id: `c${i}`, name: k, type: 'text' as const, options: {} }));
    expect(matchColumns([...KEYS].reverse(), cols)).toEqual([...cols].reverse().map((c) => c.id));
    expect(matchColumns(['__proto__'], [])).toEqual([null]);
  });
});
