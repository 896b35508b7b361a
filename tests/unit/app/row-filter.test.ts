import { describe, expect, test } from 'vitest';
import { opsFor, passesFilter, type ColumnFilter } from '../../../src/app/row-filter.ts';

describe('per-user filters', () => {
  test('each type offers the conditions that make sense for it', () => {
    expect(opsFor('boolean')).toEqual(['checked', 'unchecked']);
    expect(opsFor('choice')).toContain('anyOf');
    expect(opsFor('currency')).toContain('greater');
    expect(opsFor('text')).toContain('contains');
  });

  test.each([
    [24, '¥24.00', { op: 'greater', value: 20 }, true],
    [8.2, '¥8.20', { op: 'greater', value: 20 }, false],
    [null, '', { op: 'greater', value: 20 }, false],
    ['2026-03-02', '2026-03-02', { op: 'less', value: '2026-06-01' }, true],
    ['Ceramic mug', 'Ceramic mug', { op: 'contains', value: 'MUG' }, true],
    ['Ceramic mug', 'Ceramic mug', { op: 'notContains', value: 'mug' }, false],
    ['¥', '¥11.50', { op: 'contains', value: '11.5' }, true],
    ['new', 'new', { op: 'anyOf', values: ['new', 'active'] }, true],
    ['discontinued', 'discontinued', { op: 'anyOf', values: ['new'] }, false],
    [true, '', { op: 'checked' }, true],
    [null, '', { op: 'unchecked' }, true],
    ['', '', { op: 'empty' }, true],
    [{ error: '#N/A', message: '' }, '#N/A', { op: 'equals', value: '#N/A' }, false],
    [{ error: '#N/A', message: '' }, '#N/A', { op: 'notEmpty' }, true],
  ] as [unknown, string, ColumnFilter, boolean][])('%j (shown %j) with %j passes: %s', (value, text, f, passes) => {
    expect(passesFilter(value as never, text, f)).toBe(passes);
  });
});
