/**
 * The charts of the open sheet, beside its grid: each drawn live, with a menu to edit it, pin it to
 * the dashboard, save it as PNG or delete it (with undo); and a button to add one.
 */
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import '../styles/charts.css';
import { useApp } from '../app-context.ts';
import { undo } from '../grid/grid-commands.ts';
import { viewTexts } from '../i18n/view-texts.ts';
import { Menu, type MenuAnchor, type MenuItem } from '../widgets/Menu.tsx';
import ChartDialog from './ChartDialog.tsx';
import { chartTitle } from './chart-labels.ts';
import { ChartView, type ChartActions } from './ChartView.tsx';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../../model/charts.ts';

const ChartsPanel = (props: { sheetId: string; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const vt = app.i18n.texts(viewTexts);
  const [version, setVersion] = createSignal(0);
  const [menu, setMenu] = createSignal<{ anchor: MenuAnchor; items: MenuItem[]; label: string } | null>(null);
  const off = app.wb.onChange((c) => {
    if (c.dashboard || (c.sheets.get(props.sheetId)?.charts.size ?? 0) > 0) setVersion((v) => v + 1);
  });
  onCleanup(off);
  const alive = () => (app.structure(), app.wb.hasSheet(props.sheetId));
  // Ids, not records: a chart's card (and its chart.js instance) lives as long as the chart.
  const ids = () => (version(), alive() ? app.wb.charts(props.sheetId).map((c) => c.id) : []);
  const pinned = () => (version(), new Set(app.wb.dashboard().map((t) => t.chartId)));
  const chart = (id: string) => (version(), alive() ? app.wb.chart(props.sheetId, id) : undefined);
  const title = (id: string) => {
    const c = chart(id);
    return c ? chartTitle(c, app.i18n.locale()) : '';
  };
  const sheetName = () => {
    const s = alive() ? app.wb.sheet(props.sheetId) : undefined;
    return s ? app.label(s) : '';
  };
  const report = (err: unknown) => app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  const attempt = (fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      report(err);
    }
  };
  const openDialog = (chartId?: string) =>
    app.openDialog((close) => <ChartDialog sheetId={props.sheetId} chart={chartId ? chart(chartId) : undefined} onClose={close} />);

  const actions = new Map<string, ChartActions>();
  const openMenu = (id: string, anchor: HTMLElement) => {
    const name = title(id);
    const isPinned = pinned().has(id);
    const items: MenuItem[] = app.readOnly
      ? [{ label: vt('charts.png'), run: () => actions.get(id)?.savePng(), testId: 'chart-png' }]
      : [
          { label: vt('charts.edit'), run: () => openDialog(id), testId: 'chart-edit' },
          isPinned
            ? { label: vt('charts.unpin'), run: attempt(() => app.wb.unpinChart(id)), testId: 'chart-unpin' }
            : {
                label: vt('charts.pin'),
                run: attempt(() => {
                  app.wb.pinChart(props.sheetId, id);
                  app.toasts.show({ kind: 'info', message: vt('charts.pinned', name) });
                }),
                testId: 'chart-pin',
              },
          { label: vt('charts.png'), run: () => actions.get(id)?.savePng(), testId: 'chart-png' },
          {
            label: vt('charts.delete'),
            danger: true,
            separator: true,
            testId: 'chart-delete',
            run: attempt(() => {
              app.wb.deleteChart(props.sheetId, id);
              app.toasts.show({ kind: 'info', message: vt('charts.deleted', name), action: { label: app.t('common.undo'), run: () => undo(app) } });
            }),
          },
        ];
    setMenu({ anchor: { element: anchor }, items, label: vt('charts.menu', name) });
  };

  return (
    <aside class="wb-charts" aria-label={vt('charts.of', sheetName())} data-testid="charts-panel">
      <div class="wb-help-head">
        <h2>{vt('charts.of', sheetName())}</h2>
        <button type="button" class="wb-tool" aria-label={app.t('common.close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <Show when={!app.readOnly} fallback={<p class="wb-help-note">{vt('charts.readOnly')}</p>}>
        <button type="button" class="wb-primary wb-charts-add" data-testid="add-chart" onClick={() => openDialog()}>
          + {vt('charts.add')}
        </button>
      </Show>
      <div class="wb-charts-list">
        <For each={ids()} fallback={<p class="wb-help-note">{vt('charts.none')}</p>}>
          {(id) => (
            <section class="wb-chart-card" data-testid="chart-card" aria-label={title(id)}>
              <header class="wb-chart-card-head">
                <h3 class="wb-chart-title" title={title(id)}>
                  {title(id)}
                </h3>
                <Show when={pinned().has(id)}>
                  <span class="wb-chart-pinned" title={vt('charts.unpin')}>
                    {app.t('tabs.dashboard')}
                  </span>
                </Show>
                <button
                  type="button"
                  class="wb-tool"
                  aria-label={vt('charts.menu', title(id))}
                  title={vt('charts.menu', title(id))}
                  data-testid="chart-menu"
                  onClick={(e) => openMenu(id, e.currentTarget)}
                >
                  ⋯
                </button>
              </header>
              <ChartView sheetId={props.sheetId} chartId={id} actions={(a) => actions.set(id, a)} />
            </section>
          )}
        </For>
      </div>
      <Show when={menu()}>{(m) => <Menu anchor={m().anchor} items={m().items} label={m().label} onClose={() => setMenu(null)} />}</Show>
    </aside>
  );
};

export default ChartsPanel;
