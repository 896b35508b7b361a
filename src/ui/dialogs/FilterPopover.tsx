/**
 * The filter of one column for this person: a condition suited to the column's type and its
 * value (read like a cell entry: "¥12", "11/29/2026", "12%" …), or the choices to keep.
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import { useApp } from '../app-context.ts';
import { parseInput, problemText } from '../grid/cell-input.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { needsValue, opsFor, type ColumnFilter, type FilterOp } from '../../app/row-filter.ts';
import { plainText } from '../../schema/format-value.ts';
import { FILTER_OP_KEYS } from '../i18n/filter-op-keys.ts';
import { closeOnOutsidePress } from '../widgets/outside-press.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';


const FilterPopover = (props: { ctl: GridController; colId: string; anchor: HTMLElement; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const col = props.ctl.shape.column(props.colId);
  const current = props.ctl.view().filters[props.colId];
  const type = col ? (app.calc.resultType(props.ctl.sheetId, col.id) ?? col.type) : 'text';
  const ops = opsFor(type);
  const [op, setOp] = createSignal<FilterOp>(current?.op ?? ops[0] ?? 'contains');
  const [value, setValue] = createSignal(current?.value === undefined ? '' : typeof current.value === 'number' ? plainText(current.value, type) : current.value);
  const [picked, setPicked] = createSignal<string[]>(current?.values ?? []);
  const [error, setError] = createSignal<string>();
  let ref: HTMLFormElement | undefined;
  const r = props.anchor.getBoundingClientRect();
  const style = { left: `${Math.max(4, Math.min(r.left - 200, window.innerWidth - 284))}px`, top: `${r.bottom + 4}px` };

  const save = (f: ColumnFilter | undefined) => {
    const view = props.ctl.view();
    const { [props.colId]: _old, ...rest } = view.filters;
    props.ctl.updateView({ ...view, filters: f ? { ...rest, [props.colId]: f } : rest });
    props.onClose();
  };
  const apply = (e: Event) => {
    e.preventDefault();
    if (!col) return props.onClose();
    const o = op();
    if (o === 'anyOf') return save({ op: o, values: picked() });
    if (!needsValue(o)) return save({ op: o });
    if (o === 'contains' || o === 'notContains' || type === 'text' || type === 'reference' || type === 'choice') {
      return save({ op: o, value: value() });
    }
    const parsed = parseInput(value(), { type, options: col.options }, { locale: app.i18n.locale() });
    if (!parsed.ok) return setError(problemText(t, parsed.problem));
    const v = parsed.value;
    save({ op: o, value: typeof v === 'number' || typeof v === 'string' ? v : String(v ?? '') });
  };
  closeOnOutsidePress(() => ref, props.onClose);
  onMount(() => ref?.querySelector<HTMLElement>('select, input')?.focus());

  return (
    <Portal>
      <form
        ref={ref}
        class="wb-popover"
        style={style}
        onSubmit={apply}
        onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
        data-testid="filter-popover"
        aria-label={t('filter.title', col ? app.label(col) : '')}
      >
        <h3 class="wb-popover-title">{t('filter.title', col ? app.label(col) : '')}</h3>
        <select value={op()} onChange={(e) => setOp(e.currentTarget.value as FilterOp)} data-testid="filter-op">
          <For each={ops}>
            {(o) => <option value={o}>{t(type === 'date' && o === 'greater' ? 'filter.after' : type === 'date' && o === 'less' ? 'filter.before' : FILTER_OP_KEYS[o])}</option>}
          </For>
        </select>
        <Show when={needsValue(op())}>
          <input
            value={value()}
            placeholder={t('filter.value')}
            onInput={(e) => (setValue(e.currentTarget.value), setError(undefined))}
            data-testid="filter-value"
          />
        </Show>
        <Show when={op() === 'anyOf'}>
          <div class="wb-popover-list">
            <For each={col?.options.choices ?? []}>
              {(c) => (
                <label class="wb-check-field">
                  <input
                    type="checkbox"
                    checked={picked().includes(c)}
                    onChange={(e) => setPicked((p) => (e.currentTarget.checked ? [...p, c] : p.filter((x) => x !== c)))}
                  />
                  <span>{c}</span>
                </label>
              )}
            </For>
          </div>
        </Show>
        <Show when={error()}>
          <p class="wb-field-error" role="alert">
            {error()}
          </p>
        </Show>
        <DialogFooter cancel={t('filter.clear')} onCancel={() => save(undefined)} primary={{ label: t('common.apply'), testId: 'filter-apply' }} />
      </form>
    </Portal>
  );
};

export default FilterPopover;
