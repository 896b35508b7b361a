/**
 * One live chart: its data computed from the engine's values, drawn by chart.js (loaded on first
 * use), redrawn once per frame after a change to its sheet (an edit here, a collaborator's edit,
 * a recalculation), with a note on cells it left out and its numbers as a table for screen readers.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { formatValue } from '../../schema/format-value.ts';
import { viewTexts } from '../i18n/view-texts.ts';
import { chartData, type ChartSource } from '../../app/charts/chart-data.ts';
import { passesFilter } from '../../app/row-filter.ts';
import { chartDisplay, chartTitle, problemText } from './chart-labels.ts';
import { useSheetValues } from '../../app/charts/sheet-values.ts';
import { sheetShape } from '../../app/sheet-shape.ts';
import type { ChartHandle } from './render-chart.ts';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../../model/charts.ts';

/** What a chart's menu can ask of it. */
export interface ChartActions {
  /** Downloads the chart as a PNG named after its title. */
  savePng(): void;
}

/** Groups listed in the screen-reader table (a big chart's table would be no help). */
const TABLE_ROWS = 50;

type RenderModule = typeof import('./render-chart.ts');
let renderModule: Promise<RenderModule> | undefined;
const loadRenderer = (): Promise<RenderModule> => (renderModule ??= import('./render-chart.ts'));

/** True when the person asked their system for less motion. */
const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A file name from a title (characters file systems refuse become dashes). */
const fileName = (title: string): string => title.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'chart';

/** The chart `chartId` of sheet `sheetId`; `compact` for a dashboard tile. */
export const ChartView = (props: { sheetId: string; chartId: string; compact?: boolean; actions?: (a: ChartActions) => void }): JSX.Element => {
  const app = useApp();
  const vt = app.i18n.texts(viewTexts);
  const [version, setVersion] = createSignal(0);
  const [renderer, setRenderer] = createSignal<RenderModule>();
  let canvas: HTMLCanvasElement | undefined;
  let handle: ChartHandle | undefined;
  let frame = 0;
  // Column values are kept between redraws and patched after edits, shared by the sheet's charts.
  const kept = useSheetValues(app, props.sheetId);

  // Many changes in one frame (a paste, a recalculation wave) redraw once.
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      setVersion((v) => v + 1);
    });
  };
  const off = app.wb.onChange((c) => {
    const s = c.sheets.get(props.sheetId);
    const rows = s ? s.cells.size + s.rowsAdded.size + s.rowsRemoved.size + s.rowsMoved.size + s.columns.size : 0;
    if (c.settings || (s && (rows > 0 || s.charts.has(props.chartId) || s.removed || s.added))) schedule();
  });
  createEffect(
    on(
      () => app.calc,
      (calc, previous) => {
        if (previous) schedule();
        onCleanup(calc.onRecalc((changed) => changed.has(props.sheetId) && schedule()));
      },
    ),
  );

  const state = createMemo(() => {
    version();
    const { wb } = app;
    const locale = app.i18n.locale();
    const fmt = app.format();
    const chart = wb.hasSheet(props.sheetId) ? wb.chart(props.sheetId, props.chartId) : undefined;
    if (!chart) return null;
    const columns = sheetShape(wb, app.calc, props.sheetId).columns();
    const rowIds = chart.colorByAlerts ? wb.rowIds(props.sheetId) : [];
    const source: ChartSource = {
      columns: () => columns,
      values: kept.values,
      type: (colId) => app.calc.resultType(props.sheetId, colId),
      text: (v, col) => formatValue(v, col, fmt),
      passes: passesFilter,
      alertLevel: (index) => {
        const rowId = rowIds[index];
        if (rowId === undefined) return null;
        const alerts = app.calc.alerts(props.sheetId, rowId);
        return alerts.some((a) => a.level === 'error') ? 'error' : alerts.some((a) => a.level === 'warning') ? 'warning' : null;
      },
    };
    const data = chartData(chart, source);
    const title = chartTitle(chart, locale);
    if ('problem' in data) return { title, problem: problemText(data.problem, vt, (type) => app.t(`type.${type}`).toLowerCase()) };
    const display = { ...chartDisplay(chart, data, columns, app, { fmt, locale, vt, compact: props.compact }), reducedMotion: reducedMotion() };
    const empty = data.kind === 'scatter' ? data.series.every((s) => (s.points?.length ?? 0) === 0) : data.groups.length === 0;
    return { title, data, display, empty };
  });

  onMount(() => void loadRenderer().then(setRenderer));
  createEffect(() => {
    const mod = renderer();
    const s = state();
    if (!mod || !canvas || !s?.data) return;
    const built = mod.buildChart(s.data, s.display);
    if (handle) handle.update(built);
    else handle = mod.drawChart(canvas, built);
    // The charts benchmark reads these: the chart is drawn (or redrawn) with its current data.
    performance.mark('wb-chart-drawn', { detail: props.chartId });
  });
  onCleanup(() => {
    off();
    kept.release();
    cancelAnimationFrame(frame);
    handle?.destroy();
  });

  props.actions?.({
    savePng: () => {
      const s = state();
      if (!handle || !s) return;
      const a = document.createElement('a');
      a.href = handle.toPng(s.title);
      a.download = `${fileName(s.title)}.png`;
      a.click();
    },
  });

  const notes = (): string[] => {
    const k = state()?.data?.skipped;
    if (!k) return [];
    return [
      k.errors > 0 ? vt('charts.errors', k.errors, k.codes.join(', ')) : '',
      k.notNumbers > 0 ? vt('charts.notNumbers', k.notNumbers) : '',
      k.blankX > 0 ? vt('charts.blankX', k.blankX) : '',
    ].filter(Boolean);
  };

  const table = () => {
    const s = state();
    if (!s?.data || s.data.kind === 'scatter') return null;
    const { data, display } = s;
    const cell = (v: number | null, i: number) =>
      v === null ? '' : display.counts[i] ? String(v) : formatValue(v, display.seriesColumns[i] ?? { type: 'number', options: {} }, app.format());
    return {
      // Bars coloured by alerts: the table says each one's status in words too (colour alone is not enough).
      head: [display.xColumn ? app.label(display.xColumn) : '', ...display.seriesLabels, ...(data.status ? [vt('charts.status')] : [])],
      rows: data.groups.slice(0, TABLE_ROWS).map((_g, r) => [
        display.groupLabels[r] ?? '',
        ...data.series.map((x, i) => cell(x.values[r] ?? null, i)),
        ...(data.status ? [vt(`charts.status.${data.status[r] ?? 'ok'}`)] : []),
      ]),
      more: Math.max(0, data.groups.length - TABLE_ROWS),
    };
  };

  return (
    <figure class="wb-chart" classList={{ 'wb-chart-compact': !!props.compact }} data-testid="chart" data-chart-id={props.chartId} aria-label={state()?.title}>
      <Show when={state()?.problem}>
        {(p) => (
          <p class="wb-chart-problem" role="note" data-testid="chart-problem">
            {p()}
          </p>
        )}
      </Show>
      <div class="wb-chart-canvas" hidden={!state()?.data || state()?.empty}>
        <canvas ref={canvas} role="img" aria-label={state()?.title} />
      </div>
      <Show when={state()?.empty}>
        <p class="wb-chart-empty">{vt((state()?.data?.rows ?? 0) > 0 ? 'charts.nothing' : 'charts.noRows')}</p>
      </Show>
      <Show when={notes().length > 0}>
        <p class="wb-chart-note" data-testid="chart-note">
          {notes().join(' ')}
        </p>
      </Show>
      <Show when={table()}>
        {(tb) => (
          // In a clipped box: a table's own height cannot be made smaller than its rows.
          <div class="wb-sr-only">
            <table data-testid="chart-table">
              <caption>{vt('charts.table', state()?.title ?? '')}</caption>
              <thead>
                <tr>
                  <For each={tb().head}>{(h) => <th scope="col">{h}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={tb().rows}>
                  {(row) => (
                    <tr>
                      <For each={row}>{(c, i) => (i() === 0 ? <th scope="row">{c}</th> : <td>{c}</td>)}</For>
                    </tr>
                  )}
                </For>
              </tbody>
              <Show when={tb().more > 0}>
                <tfoot>
                  <tr>
                    <td colSpan={tb().head.length}>{vt('charts.tableMore', tb().more)}</td>
                  </tr>
                </tfoot>
              </Show>
            </table>
          </div>
        )}
      </Show>
    </figure>
  );
};
