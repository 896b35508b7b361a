/** The KPI sheet's metrics as cards: value, target, status and how far along the target it is. */
import { createMemo, For, Show, type JSX } from 'solid-js';
import { type ComputedValue, isErrorValue } from '../../schema/computed-value.ts';
import { useApp } from '../app-context.ts';
import type { ColumnType } from '../../schema/types.ts';
import type { ViewText } from '../i18n/view-texts.ts';
import { kpiCards, kpiColumns } from '../../app/dashboard/kpi-cards.ts';
import { metricText } from '../../app/dashboard/metric-text.ts';

/** The strip of cards, or a note saying how to get them. */
export const KpiStrip = (props: { vt: ViewText }): JSX.Element => {
  const app = useApp();
  const sheet = () => (app.structure(), app.wb.sheets().find((s) => s.kind === 'kpis'));
  const cards = createMemo(() => {
    app.cells();
    const s = sheet();
    if (!s) return null;
    const cols = kpiColumns(app.wb.columns(s.id));
    return kpiCards(
      app.wb.rowIds(s.id),
      cols,
      (rowId, colId) => app.calc.value(s.id, rowId, colId),
      (rowId, colId) => app.calc.cellType(s.id, rowId, colId),
    );
  });
  const shown = (v: ComputedValue, target: number | null, type?: ColumnType): string =>
    typeof v === 'number' ? metricText(v, target, app.format(), type) : isErrorValue(v) ? '—' : String(v ?? '—');
  return (
    <Show when={cards()} fallback={<p class="wb-dash-note">{props.vt('dash.noKpis')}</p>}>
      {(list) => (
        <div class="wb-kpis" role="list" aria-label={props.vt('dash.kpis')}>
          <For each={list()}>
            {(c) => {
              const progress = () => (typeof c.value === 'number' && c.target ? Math.max(0, Math.min(1, c.value / c.target)) : null);
              return (
                <div
                  class="wb-kpi"
                  classList={{ 'wb-kpi-behind': c.status === 'behind', 'wb-kpi-ok': c.status === 'onTrack' }}
                  role="listitem"
                  data-testid="kpi-card"
                  title={isErrorValue(c.value) ? c.value.message : undefined}
                >
                  <span class="wb-kpi-name">{c.metric}</span>
                  <span class="wb-kpi-value">{shown(c.value, c.target, c.valueType)}</span>
                  <span class="wb-kpi-foot">
                    <Show when={c.target !== null}>
                      <span>{props.vt('dash.target', shown(c.target, c.target, c.targetType ?? c.valueType))}</span>
                    </Show>
                    <Show when={c.status}>
                      {(s) => <span class="wb-kpi-status">{props.vt(s() === 'onTrack' ? 'dash.onTrack' : 'dash.behind')}</span>}
                    </Show>
                  </span>
                  <Show when={progress() !== null && !c.lowerIsBetter}>
                    <span class="wb-kpi-bar">
                      <span style={{ width: `${(progress() ?? 0) * 100}%` }} />
                    </span>
                  </Show>
                </div>
              );
            }}
          </For>
        </div>
      )}
    </Show>
  );
};
