/**
 * The rows a chart takes: all of them, or those whose column passes one condition (the conditions
 * of the grid's column filter, the value read like a cell entry: "¥12", "11/29/2026", "12%").
 */
import { For, Show, type JSX } from 'solid-js';
import type { ChartFilter } from '../../schema/chart-types.ts';
import type { Column, Locale } from '../../schema/types.ts';
import { useApp } from '../app-context.ts';
import { plainText } from '../../schema/format-value.ts';
import { parseInput, problemText } from '../grid/cell-input.ts';
import { needsValue, opsFor, type FilterOp } from '../../app/row-filter.ts';
import { FILTER_OP_KEYS } from '../i18n/filter-op-keys.ts';
import type { ViewText } from '../i18n/view-texts.ts';
import { dialogTexts, type DialogText } from '../i18n/dialog-texts.ts';


/** A filter being edited: the operand as typed. */
export interface FilterDraft {
  column: string;
  op: FilterOp;
  text: string;
  values: string[];
}

/** The draft of a stored filter (or of none). */
export const filterDraft = (f: ChartFilter | undefined, columns: readonly Column[]): FilterDraft => {
  const col = columns.find((c) => c.id === f?.column);
  const text = f?.value === undefined ? '' : typeof f.value === 'number' ? plainText(f.value, col?.type ?? 'number') : f.value;
  return { column: f?.column ?? '', op: f?.op ?? 'equals', text, values: f?.values ?? [] };
};

/** The filter a draft stands for, or the sentence saying why its value cannot be taken. */
export const draftFilter = (
  d: FilterDraft,
  col: Column | undefined,
  locale: Locale,
  t: DialogText,
): { filter: ChartFilter | null } | { error: string } => {
  if (!d.column || !col) return { filter: null };
  if (d.op === 'anyOf') return { filter: { column: d.column, op: d.op, values: d.values } };
  if (!needsValue(d.op)) return { filter: { column: d.column, op: d.op } };
  if (d.op === 'contains' || d.op === 'notContains' || ['text', 'reference', 'choice'].includes(col.type)) {
    return { filter: { column: d.column, op: d.op, value: d.text } };
  }
  const parsed = parseInput(d.text, col, { locale });
  if (!parsed.ok) return { error: problemText(t, parsed.problem) };
  const v = parsed.value;
  return { filter: { column: d.column, op: d.op, value: typeof v === 'number' || typeof v === 'string' ? v : String(v ?? '') } };
};

/** The filter editor of the chart dialog. */
export const ChartFilterField = (props: {
  columns: readonly Column[];
  draft: FilterDraft;
  onChange: (d: FilterDraft) => void;
  error?: string;
  vt: ViewText;
}): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const col = () => props.columns.find((c) => c.id === props.draft.column);
  const ops = () => opsFor(col()?.type ?? 'text');
  const set = (patch: Partial<FilterDraft>) => props.onChange({ ...props.draft, ...patch });
  return (
    <fieldset class="wb-chartdlg-filter">
      <legend>{props.vt('chartdlg.filter')}</legend>
      <div class="wb-chartdlg-row">
        <select
          aria-label={props.vt('chartdlg.filter')}
          data-testid="chart-filter-column"
          value={props.draft.column}
          onChange={(e) => {
            const next = props.columns.find((c) => c.id === e.currentTarget.value);
            set({ column: e.currentTarget.value, op: opsFor(next?.type ?? 'text')[0] ?? 'equals', text: '', values: [] });
          }}
        >
          <option value="">{props.vt('chartdlg.allRows')}</option>
          <For each={props.columns}>{(c) => <option value={c.id}>{`${props.vt('chartdlg.onlyRows')} ${app.label(c)}`}</option>}</For>
        </select>
        <Show when={col()}>
          {(c) => (
            <>
              <select aria-label={t('filter.title', app.label(c()))} data-testid="chart-filter-op" value={props.draft.op} onChange={(e) => set({ op: e.currentTarget.value as FilterOp })}>
                <For each={ops()}>
                  {(o) => <option value={o}>{t(c().type === 'date' && o === 'greater' ? 'filter.after' : c().type === 'date' && o === 'less' ? 'filter.before' : FILTER_OP_KEYS[o])}</option>}
                </For>
              </select>
              <Show when={needsValue(props.draft.op)}>
                <input
                  value={props.draft.text}
                  placeholder={props.vt('chartdlg.value')}
                  aria-label={props.vt('chartdlg.value')}
                  data-testid="chart-filter-value"
                  onInput={(e) => set({ text: e.currentTarget.value })}
                />
              </Show>
            </>
          )}
        </Show>
      </div>
      <Show when={props.draft.op === 'anyOf' && col()}>
        <div class="wb-chartdlg-choices">
          <For each={col()?.options.choices ?? []}>
            {(choice) => (
              <label class="wb-check-field">
                <input
                  type="checkbox"
                  checked={props.draft.values.includes(choice)}
                  onChange={(e) => set({ values: e.currentTarget.checked ? [...props.draft.values, choice] : props.draft.values.filter((x) => x !== choice) })}
                />
                <span>{choice}</span>
              </label>
            )}
          </For>
        </div>
      </Show>
      <Show when={props.error}>
        <p class="wb-field-error" role="alert">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
};
