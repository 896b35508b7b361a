/** The printed table of a sheet's view: every column, rows in view order, cells as the grid writes them, cut at a limit. */
import { describe, expect, test } from 'vitest';
import type { ComputedValue } from '../../../src/schema/computed-value.ts';
import type { Column } from '../../../src/schema/types.ts';
import { formatValue } from '../../../src/schema/format-value.ts';
import { PRINT_ROW_LIMIT, printTable, type PrintSource } from '../../../src/app/print-table.ts';

const col = (id: string, type: Column['type'], options: Column['options'] = {}): Column => ({ id, name: id, type, options }) as Column;
const fmt = { locale: 'en' as const, currency: 'CNY' as const };
const values: Record<string, ComputedValue> = { 'r1:cost': 11.5, 'r2:cost': 24, 'r1:sku': 'STA-1', 'r2:sku': 'STA-2', 'r2:share': 0.5 };
const source = (columns: Column[], rowIds: string[]): PrintSource => ({
  columns,
  rowIds,
  header: (c) => c.name.toUpperCase(),
  shownType: (c) => c.type,
  text: (rowId, c) => formatValue(values[`${rowId}:${c.id}`] ?? null, c, fmt),
});

describe('print table', () => {
  test('every column with its header, pinned ones first; rows in the order given, formatted as the grid shows them', () => {
    const table = printTable(source([col('cost', 'currency'), col('share', 'percent'), col('sku', 'text', { pinned: true })], ['r2', 'r1']));
    expect(table.columns).toEqual([
      { id: 'sku', header: 'SKU', numeric: false },
      { id: 'cost', header: 'COST', numeric: true },
      { id: 'share', header: 'SHARE', numeric: true },
    ]);
    expect(table.rows).toEqual([
      ['STA-2', '¥24.00', '50.0%'],
      ['STA-1', '¥11.50', ''],
    ]);
    expect(table).toMatchObject({ total: 2, cut: false });
  });

  test('a view longer than the limit is cut there and says how many rows it has', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `r${i}`);
    const table = printTable(source([col('sku', 'text')], ids), 3);
    expect(table.rows).toHaveLength(3);
    expect(table).toMatchObject({ total: 7, cut: true });
    expect(printTable(source([col('sku', 'text')], ids), 7)).toMatchObject({ total: 7, cut: false });
    expect(PRINT_ROW_LIMIT).toBe(5_000);
  });

  test('an empty view prints the header row alone', () => {
    expect(printTable(source([col('sku', 'text')], []))).toEqual({ columns: [{ id: 'sku', header: 'SKU', numeric: false }], rows: [], total: 0, cut: false });
  });
});
