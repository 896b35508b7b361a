/**
 * The dashboard: the KPI sheet's metrics as cards and the charts the team pinned, in a grid they
 * arrange together (order and sizes live in the workbook, so every replica shows the same layout),
 * printable on one A4 landscape page.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { markFirstRowsShown } from '../first-paint.ts';
import '../styles/charts.css';
import '../styles/dashboard.css';
import type { DashboardTile as Tile } from '../../schema/chart-types.ts';
import { useApp } from '../app-context.ts';
import { viewTexts } from '../i18n/view-texts.ts';
import { TileCard } from './TileCard.tsx';
import { KpiStrip } from './KpiStrip.tsx';
import { dropIndex, packTiles } from '../../app/dashboard/pack-tiles.ts';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../../model/charts.ts';

const sameTiles = (a: readonly Tile[], b: readonly Tile[]): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const Dashboard = (): JSX.Element => {
  const app = useApp();
  const vt = app.i18n.texts(viewTexts);
  const [version, setVersion] = createSignal(0);
  const [drag, setDrag] = createSignal<{ id: string; over?: string } | null>(null);
  const off = app.wb.onChange((c) => {
    if (c.dashboard || [...c.sheets.values()].some((s) => s.charts.size > 0 || s.removed || s.added)) setVersion((v) => v + 1);
  });
  onCleanup(off);
  // Opened on the dashboard: it is the first paint, so the engine and sync need not wait for a grid.
  onMount(() => requestAnimationFrame(() => markFirstRowsShown()));
  const tiles = createMemo(() => (version(), app.wb.dashboard()), [], { equals: sameTiles });
  // Tiles are keyed by chart id, so a move or resize keeps each chart (and its canvas) in place.
  const ids = createMemo(() => tiles().map((t) => t.chartId), [], { equals: sameIds });
  const packed = createMemo(() => packTiles(tiles()));
  const today = () => new Intl.DateTimeFormat(app.i18n.locale(), { dateStyle: 'medium' }).format(new Date());

  const tileAt = (x: number, y: number): string | undefined =>
    document
      .elementsFromPoint(x, y)
      .map((el) => (el instanceof HTMLElement ? el.closest<HTMLElement>('[data-tile-id]')?.dataset.tileId : undefined))
      .find((id): id is string => id !== undefined);

  const startDrag = (e: PointerEvent, id: string) => {
    const grip = e.currentTarget as HTMLElement;
    setDrag({ id });
    const move = (ev: PointerEvent) => setDrag({ id, over: tileAt(ev.clientX, ev.clientY) });
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      grip.removeEventListener('pointercancel', up);
      const over = drag()?.over;
      setDrag(null);
      if (!over || over === id) return;
      try {
        app.wb.moveTile(id, dropIndex(ids(), id, over));
      } catch (err) {
        app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    };
    grip.setPointerCapture(e.pointerId);
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
    grip.addEventListener('pointercancel', up);
  };

  return (
    <div class="wb-dash" data-testid="dashboard" style={{ '--dash-rows': String(Math.max(1, packed().rows)) }}>
      <header class="wb-dash-head">
        <h1 class="wb-dash-title">
          {app.wb.settings.name} · {vt('dash.title')}
        </h1>
        <span class="wb-dash-date">{vt('dash.printed', today())}</span>
        <button type="button" class="wb-tool wb-tool-text wb-dash-print" title={vt('dash.printTitle')} data-testid="dashboard-print" onClick={() => window.print()}>
          {vt('dash.print')}
        </button>
      </header>
      <KpiStrip vt={vt} />
      <Show when={ids().length > 0} fallback={<p class="wb-dash-note">{vt('dash.noCharts')}</p>}>
        <div class="wb-dash-grid">
          <For each={ids()}>
            {(id) => {
              const tile = () => tiles().find((t) => t.chartId === id);
              const index = () => ids().indexOf(id);
              return (
                <Show when={tile()}>
                  {(t) => (
                    <TileCard
                      tile={t()}
                      place={packed().places[index()] ?? { col: 0, row: 0, w: 1, h: 1 }}
                      index={index()}
                      count={ids().length}
                      vt={vt}
                      dropTarget={drag()?.over === id && drag()?.id !== id}
                      dragging={drag()?.id === id}
                      onGrip={(e) => startDrag(e, id)}
                    />
                  )}
                </Show>
              );
            }}
          </For>
        </div>
      </Show>
    </div>
  );
};

export default Dashboard;
