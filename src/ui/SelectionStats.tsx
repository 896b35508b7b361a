/** The status bar's sum, average and count of the selected range (loaded after the first paint). */
import { createMemo, Show, type JSX } from 'solid-js';
import { useApp } from './app-context.ts';
import { formatNumber } from '../schema/format-value.ts';

const NUMERIC = new Set(['number', 'integer', 'currency', 'percent']);

/** Ranges larger than this are not summed (it would stall typing on a 100k-row selection). */
const SUM_LIMIT = 200_000;

/** Sum and average of the numbers, and the count of filled cells, of a range of more than one cell. */
const SelectionStats = (): JSX.Element => {
  const app = useApp();
  const g = () => app.grid();
  const stats = createMemo(() => {
    app.cells();
    const grid = g();
    if (!grid) return null;
    grid.selection();
    const r = grid.selectedRect();
    if (!r || (r.top === r.bottom && r.left === r.right)) return null;
    const cols = grid.displayedColumns().slice(r.left, r.right + 1);
    if ((r.bottom - r.top + 1) * cols.length > SUM_LIMIT) return null;
    let sum = 0;
    let count = 0;
    let numbers = 0;
    for (const rowId of grid.selectedRowIds()) {
      for (const c of cols) {
        const v = app.calc.value(grid.sheetId, rowId, c.id);
        if (v === null || v === '') continue;
        count++;
        if (typeof v === 'number') {
          sum += v;
          numbers++;
        }
      }
    }
    // Sums of one kind of amount show as that kind (¥, %); mixed kinds as plain numbers.
    const numeric = cols.filter((c) => NUMERIC.has(c.type));
    const kind = numeric[0];
    const same = kind !== undefined && numeric.every((c) => c.type === kind.type && c.options.currency === kind.options.currency);
    const fmt = (n: number) =>
      same && kind ? formatNumber(n, kind.type === 'integer' ? 'number' : kind.type, { ...kind.options, precision: kind.options.precision ?? 2 }, app.format()) : formatNumber(n, 'number', { precision: 2 }, app.format());
    return { count, sum: numbers > 0 ? fmt(sum) : null, avg: numbers > 0 ? fmt(sum / numbers) : null };
  });
  return (
    <Show when={stats()}>
      {(s) => (
        <span class="wb-status-stats" data-testid="status-stats">
          <Show when={s().sum !== null}>
            <span>
              {app.t('status.sum')} {s().sum}
            </span>
            <span>
              {app.t('status.average')} {s().avg}
            </span>
          </Show>
          <span>
            {app.t('status.count')} {s().count}
          </span>
        </span>
      )}
    </Show>
  );
};

export default SelectionStats;
