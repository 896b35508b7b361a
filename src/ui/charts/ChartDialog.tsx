/**
 * Adding or editing a chart: type, x column, one or more series (column and how it is combined,
 * and for a combo whether it is bars or the line), which rows, title. Checked as it is edited, like
 * a formula: a series over a text column is refused with a sentence naming the column.
 */
import { createMemo, createSignal, For, Index, Show, type JSX } from 'solid-js';
import { AGGREGATIONS, CHART_KINDS, type Aggregation, type Chart, type ChartKind, type ChartSeries, type ChartSpec } from '../../schema/chart-types.ts';
import { ChartError, checkChart, NUMERIC_TYPES } from '../../schema/chart-check.ts';
import { type Column } from '../../schema/types.ts';
import { useApp } from '../app-context.ts';
import { viewTexts } from '../i18n/view-texts.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { chartTitle, problemText, seriesLabels } from './chart-labels.ts';
import { ChartFilterField, draftFilter, filterDraft, type FilterDraft } from './ChartFilterField.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import { sheetShape } from '../../app/sheet-shape.ts';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../../model/charts.ts';

/** The x column a new chart starts with: a choice column reads best, then text, then dates. */
const firstX = (cols: readonly Column[]): string =>
  (cols.find((c) => c.type === 'choice') ?? cols.find((c) => c.type === 'text') ?? cols.find((c) => c.type === 'date') ?? cols[0])?.id ?? '';

const ChartDialog = (props: { sheetId: string; chart?: Chart; onClose: () => void; onSaved?: (chartId: string) => void }): JSX.Element => {
  const app = useApp();
  const vt = app.i18n.texts(viewTexts);
  // A view sheet's columns are what its formula computes.
  const shape = sheetShape(app.wb, app.calc, props.sheetId);
  const columns = shape.columns();
  const old = props.chart;
  const numeric = columns.find((c) => NUMERIC_TYPES.includes(c.type) && c.formula === undefined) ?? columns.find((c) => NUMERIC_TYPES.includes(c.type));
  const [kind, setKind] = createSignal<ChartKind>(old?.kind ?? 'bar');
  const [x, setX] = createSignal(old?.x ?? firstX(columns));
  const [series, setSeries] = createSignal<ChartSeries[]>(old?.series ?? [{ column: numeric?.id ?? columns[0]?.id ?? '', aggregate: numeric ? 'sum' : 'count' }]);
  const [filter, setFilter] = createSignal<FilterDraft>(filterDraft(old?.filters[0], columns));
  const [title, setTitle] = createSignal(old ? chartTitle(old, app.i18n.locale()) : '');
  const [titleEdited, setTitleEdited] = createSignal(!!old);
  const [pin, setPin] = createSignal(false);
  const [saveError, setSaveError] = createSignal<string>();

  const colName = (id: string) => {
    const c = columns.find((col) => col.id === id);
    return c ? app.label(c) : '';
  };
  // Until the title is typed, it follows the choices ("Sum of Actual GMV by Channel").
  const shownTitle = () => {
    if (titleEdited()) return title();
    const draft: Chart = { id: '', title: '', kind: kind(), x: x(), series: series(), filters: [] };
    return vt('chartdlg.defaultTitle', seriesLabels(draft, columns, app, app.i18n.locale(), vt).join(', '), colName(x()));
  };
  const filterResult = createMemo(() => draftFilter(filter(), columns.find((c) => c.id === filter().column), app.i18n.locale(), app.t));
  const spec = (): ChartSpec => {
    const f = filterResult();
    const t = shownTitle().trim();
    const keepLabels = old?.labels && t === chartTitle(old, app.i18n.locale());
    return {
      ...(old ? { id: old.id } : {}),
      title: keepLabels && old ? old.title : t,
      ...(keepLabels ? { labels: old?.labels } : {}),
      kind: kind(),
      x: x(),
      series: series(),
      filters: 'filter' in f && f.filter ? [f.filter] : [],
      // A reference line stays while the series it belongs to is still there.
      ...(old?.threshold && (old.threshold.series ?? 0) < series().length ? { threshold: old.threshold } : {}),
    };
  };
  const filterError = () => {
    const f = filterResult();
    return 'error' in f ? f.error : undefined;
  };
  const problem = createMemo(() => {
    const p = checkChart(spec(), columns);
    return p ? problemText(p, vt, (type) => app.t(`type.${type}`).toLowerCase()) : undefined;
  });

  const updateSeries = (i: number, patch: Partial<ChartSeries>) =>
    setSeries((list) =>
      list.map((s, k) => {
        if (k !== i) return s;
        // Another column: its legend name and error bars belonged to the old one.
        const { label, labels, error, ...rest } = s;
        return patch.column !== undefined && patch.column !== s.column ? { ...rest, ...patch } : { ...s, ...patch };
      }),
    );

  const save = (e: Event) => {
    e.preventDefault();
    if (filterError() || problem()) return;
    try {
      const id = app.wb.setChart(props.sheetId, spec(), shape.isView ? columns : undefined);
      if (pin() && !app.wb.dashboard().some((t) => t.chartId === id)) app.wb.pinChart(props.sheetId, id);
      props.onClose();
      props.onSaved?.(id);
    } catch (err) {
      setSaveError(err instanceof ChartError ? problemText(err.problem, vt, (type) => app.t(`type.${type}`).toLowerCase()) : String(err instanceof Error ? err.message : err));
    }
  };

  return (
    <Dialog title={vt(old ? 'chartdlg.editTitle' : 'chartdlg.addTitle')} onClose={props.onClose} wide testId="chart-dialog">
      <form class="wb-chartdlg" onSubmit={save}>
        <label class="wb-field">
          <span>{vt('chartdlg.kind')}</span>
          <select value={kind()} data-testid="chart-kind" onChange={(e) => setKind(e.currentTarget.value as ChartKind)}>
            <For each={[...CHART_KINDS]}>{(k) => <option value={k}>{vt(`kind.${k}`)}</option>}</For>
          </select>
        </label>
        <label class="wb-field">
          <span>{vt(kind() === 'scatter' ? 'chartdlg.xScatter' : 'chartdlg.x')}</span>
          <select value={x()} data-testid="chart-x" onChange={(e) => setX(e.currentTarget.value)}>
            <For each={columns}>{(c) => <option value={c.id}>{app.label(c)}</option>}</For>
          </select>
        </label>
        <fieldset class="wb-chartdlg-series">
          <legend>{vt('chartdlg.series')}</legend>
          <Index each={series()}>
            {(s, i) => (
              <div class="wb-chartdlg-row" data-testid="chart-series">
                <select aria-label={vt('chartdlg.column')} value={s().column} data-testid="series-column" onChange={(e) => updateSeries(i, { column: e.currentTarget.value })}>
                  <For each={columns}>{(c) => <option value={c.id}>{app.label(c)}</option>}</For>
                </select>
                <Show when={kind() !== 'scatter'}>
                  <select aria-label={vt('chartdlg.aggregate')} value={s().aggregate} data-testid="series-aggregate" onChange={(e) => updateSeries(i, { aggregate: e.currentTarget.value as Aggregation })}>
                    <For each={[...AGGREGATIONS]}>{(a) => <option value={a}>{vt(`agg.${a}`)}</option>}</For>
                  </select>
                </Show>
                <Show when={kind() === 'combo'}>
                  <select aria-label={vt('chartdlg.as')} value={s().as ?? (i === 0 ? 'bar' : 'line')} onChange={(e) => updateSeries(i, { as: e.currentTarget.value as 'bar' | 'line' })}>
                    <option value="bar">{vt('as.bar')}</option>
                    <option value="line">{vt('as.line')}</option>
                  </select>
                </Show>
                <button type="button" class="wb-tool" title={vt('chartdlg.removeSeries')} aria-label={vt('chartdlg.removeSeries')} disabled={series().length === 1} onClick={() => setSeries((l) => l.filter((_s, k) => k !== i))}>
                  ×
                </button>
              </div>
            )}
          </Index>
          <button
            type="button"
            class="wb-link"
            data-testid="add-series"
            onClick={() => setSeries((l) => [...l, { column: numeric?.id ?? columns[0]?.id ?? '', aggregate: numeric ? 'sum' : 'count' }])}
          >
            + {vt('chartdlg.addSeries')}
          </button>
        </fieldset>
        <ChartFilterField columns={columns} draft={filter()} onChange={setFilter} vt={vt} error={filterError()} />
        <label class="wb-field">
          <span>{vt('chartdlg.title')}</span>
          <input value={shownTitle()} data-testid="chart-title" onInput={(e) => (setTitle(e.currentTarget.value), setTitleEdited(true))} />
        </label>
        <Show when={!old}>
          <label class="wb-check-field">
            <input type="checkbox" checked={pin()} data-testid="chart-pin" onChange={(e) => setPin(e.currentTarget.checked)} />
            <span>{vt('chartdlg.pin')}</span>
          </label>
        </Show>
        <Show when={problem() ?? saveError()}>
          <p class="wb-field-error" role="alert" data-testid="chart-problem-text">
            {problem() ?? saveError()}
          </p>
        </Show>
        <DialogFooter
          cancel={app.t('common.cancel')}
          onCancel={props.onClose}
          primary={{ label: vt(old ? 'chartdlg.save' : 'chartdlg.add'), testId: 'chart-save', disabled: !!problem() || !!filterError() }}
        />
      </form>
    </Dialog>
  );
};

export default ChartDialog;
