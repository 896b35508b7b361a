/**
 * One pinned chart on the dashboard: its title and sheet, the chart, and (for editors) a grip to
 * drag it elsewhere and buttons to move, resize or unpin it; every change is a model operation.
 */
import { Show, type JSX } from 'solid-js';
import { DASHBOARD_COLUMNS, DASHBOARD_MAX_ROWS, type DashboardTile as Tile } from '../../schema/chart-types.ts';
import { useApp } from '../app-context.ts';
import { chartTitle } from '../charts/chart-labels.ts';
import { ChartView } from '../charts/ChartView.tsx';
import type { ViewText } from '../i18n/view-texts.ts';
import type { TilePlace } from '../../app/dashboard/pack-tiles.ts';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../../model/charts.ts';

/** The tile. `index` is its position among the tiles; `onGrip` starts a drag. */
export const TileCard = (props: {
  tile: Tile;
  place: TilePlace;
  index: number;
  count: number;
  vt: ViewText;
  dropTarget: boolean;
  dragging: boolean;
  onGrip: (e: PointerEvent) => void;
}): JSX.Element => {
  const app = useApp();
  const chart = () => (app.cells(), app.wb.hasSheet(props.tile.sheetId) ? app.wb.chart(props.tile.sheetId, props.tile.chartId) : undefined);
  const title = () => {
    const c = chart();
    return c ? chartTitle(c, app.i18n.locale()) : '';
  };
  const sheet = () => {
    const s = app.wb.sheet(props.tile.sheetId);
    return s ? app.label(s) : '';
  };
  const attempt = (fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  const { chartId } = props.tile;
  const resize = (w: number, h: number) => attempt(() => app.wb.resizeTile(chartId, w, h));
  const button = (label: string, text: string, run: () => void, disabled = false, testId?: string) => (
    <button type="button" class="wb-tool" title={label} aria-label={label} disabled={disabled} data-testid={testId} onClick={run}>
      {text}
    </button>
  );
  return (
    <section
      class="wb-tile"
      classList={{ 'wb-tile-drop': props.dropTarget, 'wb-tile-dragging': props.dragging }}
      style={{ 'grid-column': `${props.place.col + 1} / span ${props.place.w}`, 'grid-row': `${props.place.row + 1} / span ${props.place.h}` }}
      data-tile-id={chartId}
      data-testid="dashboard-tile"
      aria-label={title()}
    >
      <header class="wb-tile-head">
        <Show when={!app.readOnly}>
          <span class="wb-tile-grip" title={props.vt('dash.grip')} aria-hidden="true" onPointerDown={(e) => e.button === 0 && props.onGrip(e)}>
            ⠿
          </span>
        </Show>
        <h3 class="wb-tile-title" title={title()}>
          {title()}
        </h3>
        <span class="wb-tile-sheet">{props.vt('dash.from', sheet())}</span>
        <Show when={!app.readOnly}>
          <span class="wb-tile-tools">
            {button(props.vt('dash.moveEarlier'), '←', attempt(() => app.wb.moveTile(chartId, props.index - 1)), props.index === 0)}
            {button(props.vt('dash.moveLater'), '→', attempt(() => app.wb.moveTile(chartId, props.index + 1)), props.index === props.count - 1)}
            {button(props.vt('dash.narrower'), '−', resize(props.tile.w - 1, props.tile.h), props.tile.w <= 1, 'tile-narrower')}
            {button(props.vt('dash.wider'), '+', resize(props.tile.w + 1, props.tile.h), props.tile.w >= DASHBOARD_COLUMNS, 'tile-wider')}
            {props.tile.h < DASHBOARD_MAX_ROWS
              ? button(props.vt('dash.taller'), '↕', resize(props.tile.w, props.tile.h + 1), false, 'tile-taller')
              : button(props.vt('dash.shorter'), '↕', resize(props.tile.w, props.tile.h - 1), false, 'tile-shorter')}
            {button(props.vt('dash.unpin'), '×', attempt(() => app.wb.unpinChart(chartId)), false, 'tile-unpin')}
          </span>
        </Show>
      </header>
      <ChartView sheetId={props.tile.sheetId} chartId={chartId} compact />
    </section>
  );
};
