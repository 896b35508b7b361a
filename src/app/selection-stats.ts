/**
 * Sum, average and count of the cells a person has selected, as the status bar shows them: the
 * count of non-empty cells, the sum and average of the numbers among them, written as the kind of
 * amount they are (¥, %) when every numeric column is of one kind, else as plain numbers.
 */
import type { ComputedValue } from '../schema/computed-value.ts';
import { formatNumber, type FormatContext } from '../schema/format-value.ts';
import type { Column } from '../schema/types.ts';

const NUMERIC = new Set(['number', 'integer', 'currency', 'percent']);

/** Ranges larger than this are not summed (it would stall typing on a 100k-row selection). */
export const SUM_LIMIT = 200_000;

/** What the status bar shows for a selection; `sum` and `avg` are null when it holds no number. */
export interface SelectionStats {
  count: number;
  sum: string | null;
  avg: string | null;
}

/**
 * The stats of the cells at `rowIds` × `columns` (the rows in the order and under the filter the
 * person sees them: the caller passes the rows the selection covers now). Null for more than
 * SUM_LIMIT cells.
 */
export const selectionStats = (
  rowIds: readonly string[],
  columns: readonly Column[],
  value: (rowId: string, colId: string) => ComputedValue,
  format: FormatContext,
): SelectionStats | null => {
  if (rowIds.length * columns.length > SUM_LIMIT) return null;
  let sum = 0;
  let count = 0;
  let numbers = 0;
  for (const rowId of rowIds) {
    for (const c of columns) {
      const v = value(rowId, c.id);
      if (v === null || v === '') continue;
      count++;
      if (typeof v === 'number') {
        sum += v;
        numbers++;
      }
    }
  }
  const numeric = columns.filter((c) => NUMERIC.has(c.type));
  const kind = numeric[0];
  const same = kind !== undefined && numeric.every((c) => c.type === kind.type && c.options.currency === kind.options.currency);
  const fmt = (n: number) =>
    same && kind
      ? formatNumber(n, kind.type === 'integer' ? 'number' : kind.type, { ...kind.options, precision: kind.options.precision ?? 2 }, format)
      : formatNumber(n, 'number', { precision: 2 }, format);
  return { count, sum: numbers > 0 ? fmt(sum) : null, avg: numbers > 0 ? fmt(sum / numbers) : null };
};
