/** The status bar's sum, average and count of the selected range (loaded after the first paint). */
import { createMemo, Show, type JSX } from 'solid-js';
import { useApp } from './app-context.ts';
import { selectionStats, SUM_LIMIT } from '../app/selection-stats.ts';

/** Sum and average of the numbers, and the count of filled cells, of a range of more than one cell. */
const SelectionStats = (): JSX.Element => {
  const app = useApp();
  const g = () => app.grid();
  const stats = createMemo(() => {
    app.cells();
    const grid = g();
    if (!grid) return null;
    grid.selection();
    // A sort or a filter puts other rows under the same selection: count what it covers now.
    grid.rowsVersion();
    grid.view();
    const r = grid.selectedRect();
    if (!r || (r.top === r.bottom && r.left === r.right)) return null;
    const cols = grid.displayedColumns().slice(r.left, r.right + 1);
    if ((r.bottom - r.top + 1) * cols.length > SUM_LIMIT) return null;
    return selectionStats(grid.selectedRowIds(), cols, (rowId, colId) => app.calc.value(grid.sheetId, rowId, colId), app.format());
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
