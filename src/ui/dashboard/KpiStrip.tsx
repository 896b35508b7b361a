/** The KPI sheet's metrics as cards: value, target, status and how far along the target it is. */
import { createMemo, For, Show, type JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { isCalcError, type CalcValue } from '../calc.ts';
import type { FormatContext } from '../format/cell-format.ts';
import type { ViewText } from '../i18n/views-i18n.ts';
import { kpiCards, kpiColumns } from './kpi-cards.ts';

const formats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
};

/**
 * A metric's number: big ones compact (3.2M, 320万), a rate (its target a fraction) as a
 * percentage, others with at most two decimals. The KPI sheet keeps no unit per metric.
 */
export const metricText = (v: number, target: number | null, fmt: FormatContext): string => {
  if (target !== null && target > 0 && target < 1) return numberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  if (Math.abs(v) >= 10_000) return numberFormat(fmt.locale, { notation: 'compact', maximumFractionDigits: 2 }).format(v);
  return numberFormat(fmt.locale, { maximumFractionDigits: 2 }).format(v);
};

/** The strip of cards, or a note saying how to get them. */
export const KpiStrip = (props: { vt: ViewText }): JSX.Element => {
  const app = useApp();
  const sheet = () => (app.structure(), app.wb.sheets().find((s) => s.kind === 'kpis'));
  const cards = createMemo(() => {
    app.cells();
    const s = sheet();
    if (!s) return null;
    const cols = kpiColumns(app.wb.columns(s.id));
    return kpiCards(app.wb.rowIds(s.id), cols, (rowId, colId) => app.calc.value(s.id, rowId, colId));
  });
  const shown = (v: CalcValue, target: number | null): string => (typeof v === 'number' ? metricText(v, target, app.format()) : isCalcError(v) ? '—' : String(v ?? '—'));
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
                  title={isCalcError(c.value) ? c.value.message : undefined}
                >
                  <span class="wb-kpi-name">{c.metric}</span>
                  <span class="wb-kpi-value">{shown(c.value, c.target)}</span>
                  <span class="wb-kpi-foot">
                    <Show when={c.target !== null}>
                      <span>{props.vt('dash.target', shown(c.target, c.target))}</span>
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
