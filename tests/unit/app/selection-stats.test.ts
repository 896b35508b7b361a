/** The status bar's Sum, Average and Count of a selection, computed headless from the rows it covers. */
import { describe, expect, test } from 'vitest';
import type { ComputedValue } from '../../../src/schema/computed-value.ts';
import type { Column } from '../../../src/schema/types.ts';
import { selectionStats, SUM_LIMIT } from '../../../src/app/selection-stats.ts';

const col = (id: string, type: Column['type'], options: Column['options'] = {}): Column => ({ id, name: id, type, options }) as Column;
const fmt = { locale: 'en' as const, currency: 'CNY' as const };
const cells: Record<string, ComputedValue> = {
  'r1:cost': 11.5, 'r2:cost': 24, 'r3:cost': 8.2, 'r1:name': 'Mug', 'r2:name': '', 'r3:name': null,
  'r1:stock': 3, 'r2:stock': { error: '#DIV/0!', message: 'x' }, 'r1:share': 0.25, 'r2:share': 0.5,
};
const value = (rowId: string, colId: string) => cells[`${rowId}:${colId}`] ?? null;

describe('selection stats', () => {
  test('the numbers of the rows given, in the kind of amount they are; empty cells are not counted', () => {
    expect(selectionStats(['r1', 'r2'], [col('cost', 'currency')], value, fmt)).toEqual({ count: 2, sum: '¥35.50', avg: '¥17.75' });
    // Other rows under the selection (after a sort or a filter) give their own stats.
    expect(selectionStats(['r3', 'r1'], [col('cost', 'currency')], value, fmt)).toEqual({ count: 2, sum: '¥19.70', avg: '¥9.85' });
    expect(selectionStats(['r1', 'r2'], [col('share', 'percent')], value, fmt)).toEqual({ count: 2, sum: '75.00%', avg: '37.50%' });
  });

  test('text counts but is not summed; an error counts; mixed kinds of amount show as plain numbers', () => {
    expect(selectionStats(['r1', 'r2', 'r3'], [col('name', 'text')], value, fmt)).toEqual({ count: 1, sum: null, avg: null });
    expect(selectionStats(['r1', 'r2'], [col('cost', 'currency'), col('stock', 'integer')], value, fmt)).toEqual({ count: 4, sum: '38.50', avg: '12.83' });
  });

  test('a selection of more cells than the limit is not summed', () => {
    const rows = Array.from({ length: SUM_LIMIT + 1 }, (_, i) => `r${i}`);
    expect(selectionStats(rows, [col('cost', 'currency')], value, fmt)).toBeNull();
  });
});
