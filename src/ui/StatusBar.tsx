/** The status bar: rows shown / total, columns, sum / average / count of a selected range, and this person's sort and filters. */
import { createMemo, lazy, Show, Suspense, type JSX } from 'solid-js';
import { useApp } from './app-context.ts';
import { formatNumber } from '../schema/format-value.ts';

const NUMERIC = new Set(['number', 'integer', 'currency', 'percent']);

const SyncBar = lazy(() => import('./sync/SyncBar.tsx'));

/** Ranges larger than this are not summed (it would stall typing on a 100k-row selection). */
const SUM_LIMIT = 200_000;

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
