/** The status bar: rows shown / total, columns, sum / average / count of a selected range, and this person's sort and filters. */
import { createMemo, lazy, Show, Suspense, type JSX } from 'solid-js';
import { useApp } from './app-context.ts';

const SyncBar = lazy(() => import('./sync/SyncBar.tsx'));
const SelectionStats = lazy(() => import('./SelectionStats.tsx'));

/** The status bar at the bottom. */
export const StatusBar = (): JSX.Element => {
  const app = useApp();
  const g = () => app.grid();
  const counts = createMemo(() => {
    app.structure();
    const grid = g();
    if (!grid) return null;
    grid.rowsVersion();
    app.cells();
    const shape = grid.shape;
    const total = shape.rowCount();
    return {
      // While a big sheet's rows are still going into the grid, it shows them all (no filter yet).
      shown: grid.loadingRows() ? total : grid.displayedRowCount(),
      total,
      columns: shape.columns().length,
    };
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
      {/* Sum, average and count of a selected range: loaded once the first rows are on screen. */}
      <Show when={app.painted()}>
        <Suspense>
          <SelectionStats />
        </Suspense>
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
