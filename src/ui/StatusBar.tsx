/** The status bar: rows shown / total, columns, sum / average / count of a selected range, and this person's sort and filters. */
import { createMemo, lazy, Show, Suspense, type JSX } from 'solid-js';
import { useApp } from './app-context.ts';
import { selectionStats, SUM_LIMIT } from '../app/selection-stats.ts';

const SyncBar = lazy(() => import('./sync/SyncBar.tsx'));

/** The status bar at the bottom. */
export const StatusBar = (): JSX.Element => {
  const app = useApp();
  const g = () => app.grid();
  const counts = createMemo(() => {
    app.structure();
    const grid = g();
    if (!grid) return null;
    grid.rowsVersion();
    const total = app.wb.rowCount(grid.sheetId);
    return {
      // While a big sheet's rows are still going into the grid, it shows them all (no filter yet).
      shown: grid.loadingRows() ? total : grid.displayedRowCount(),
      total,
      columns: app.wb.columns(grid.sheetId).length,
    };
  });
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
  const view = () => {
    const grid = g();
    if (!grid) return null;
    const v = grid.view();
    const filters = Object.keys(v.filters).length;
    return v.sort.length === 0 && filters === 0 ? null : { sorted: v.sort.length > 0, filters };
  };
  return (
    <footer class="wb-status" data-testid="status-bar">
      <Show when={counts()}>
        {(c) => (
          <>
            <span data-testid="status-rows">{app.t('status.rows', c().shown, c().total)}</span>
            <span data-testid="status-columns">{app.t('status.columns', c().columns)}</span>
          </>
        )}
      </Show>
      <Show when={view()}>
        {(v) => (
          <span class="wb-status-view" title={app.t('status.viewNote')}>
            <Show when={v().sorted}>
              <span>{app.t('status.sorted')}</span>
            </Show>
            <Show when={v().filters > 0}>
              <span>{app.t('status.filtered', v().filters)}</span>
            </Show>
            <button type="button" class="wb-link" data-testid="clear-view" onClick={() => g()?.clearView()}>
              {app.t('status.clear')}
            </button>
          </span>
        )}
      </Show>
      <span class="wb-status-gap" />
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
      {/* Connection, saving and teammates: loaded once the first rows are on screen. */}
      <Show when={app.session && app.painted()}>
        <Suspense>
          <SyncBar />
        </Suspense>
      </Show>
    </footer>
  );
};
