/**
 * Adding a column, or changing a column's name, type and options. A type change first lists the
 * values that would not convert (row and value); the person cancels, or applies and clears them.
 */
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { COLUMN_TYPES, CURRENCIES, type ColumnOptions, type ColumnType, type CurrencyCode } from '../../schema/types.ts';
import { useApp } from '../app-context.ts';
import { CURRENCY_SYMBOLS } from '../../schema/number-format.ts';
import { reportError } from '../grid/grid-commands.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { columnNameProblem, nextFreeName } from '../names.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

/** Add a column at `index`, or retype column `colId`. */
export type ColumnDialogMode = { kind: 'add'; index?: number } | { kind: 'retype'; colId: string };

const LISTED = 6;

const ColumnDialog = (props: { ctl: GridController; mode: ColumnDialogMode; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const { wb, sheetId } = props.ctl;
  const t = app.i18n.texts(dialogTexts);
  const existing = props.mode.kind === 'retype' ? wb.column(sheetId, props.mode.colId) : undefined;
  const [name, setName] = createSignal(
    existing
      ? app.label(existing)
      : nextFreeName((n) => t('col.newName', n), (n) => !wb.columnByName(sheetId, n), wb.columns(sheetId).length + 1),
  );
  const [type, setType] = createSignal<ColumnType>(existing?.type ?? 'text');
  const [choices, setChoices] = createSignal((existing?.options.choices ?? []).join('\n'));
  const [refSheet, setRefSheet] = createSignal(existing?.options.refSheet ?? '');
  const [currency, setCurrency] = createSignal<CurrencyCode | ''>(existing?.options.currency ?? '');
  const [precision, setPrecision] = createSignal(existing?.options.precision?.toString() ?? '');
  const [isKey, setKey] = createSignal(!!existing?.options.key);
  const [error, setError] = createSignal<string>();

  const options = createMemo((): ColumnOptions => {
    const o: ColumnOptions = { ...(existing?.options ?? {}) };
    delete o.choices;
    delete o.refSheet;
    delete o.currency;
    delete o.precision;
    delete o.key;
    const ty = type();
    if (ty === 'choice') o.choices = [...new Set(choices().split('\n').map((c) => c.trim()).filter(Boolean))];
    if (ty === 'reference' && refSheet()) o.refSheet = refSheet();
    if (ty === 'currency' && currency()) o.currency = currency() as CurrencyCode;
    const p = Number.parseInt(precision(), 10);
    if ((ty === 'number' || ty === 'currency' || ty === 'percent') && Number.isFinite(p) && p >= 0 && p <= 10) o.precision = p;
    if (isKey() && (ty === 'text' || ty === 'integer')) o.key = true;
    return o;
  });

  const losses = createMemo(() =>
    existing && existing.formula === undefined ? wb.previewRetype(sheetId, existing.id, type(), options()) : [],
  );

  const apply = (e: Event) => {
    e.preventDefault();
    const problem = columnNameProblem(app, sheetId, name(), existing?.id);
    if (problem) return setError(problem);
    try {
      if (!existing) {
        wb.addColumn(sheetId, { name: name().trim(), type: type(), options: options() }, props.mode.kind === 'add' ? props.mode.index : undefined);
      } else {
        wb.transact(() => {
          if (name().trim() !== app.label(existing)) wb.renameColumn(sheetId, existing.id, name(), app.i18n.locale());
          if (type() !== existing.type || JSON.stringify(options()) !== JSON.stringify(existing.options)) {
            wb.retypeColumn(sheetId, existing.id, type(), options(), { dropInvalid: true });
          }
        });
      }
      props.onClose();
    } catch (err) {
      reportError(props.ctl, err);
    }
  };

  return (
    <Dialog
      title={existing ? t('coldlg.typeTitle', app.label(existing)) : t('coldlg.addTitle')}
      onClose={props.onClose}
      testId="column-dialog"
    >
      <form class="wb-form" onSubmit={apply}>
        <label class="wb-field">
          <span>{t('coldlg.name')}</span>
          <input value={name()} onInput={(e) => (setName(e.currentTarget.value), setError(undefined))} data-testid="coldlg-name" />
        </label>
        <Show when={error()}>
          <p class="wb-field-error" role="alert">
            {error()}
          </p>
        </Show>
        <label class="wb-field">
          <span>{t('coldlg.type')}</span>
          <select value={type()} onChange={(e) => setType(e.currentTarget.value as ColumnType)} data-testid="coldlg-type">
            <For each={[...COLUMN_TYPES]}>{(ty) => <option value={ty}>{t(`type.${ty}`)}</option>}</For>
          </select>
        </label>
        <Show when={type() === 'choice'}>
          <label class="wb-field">
            <span>{t('coldlg.choices')}</span>
            <textarea rows={4} value={choices()} onInput={(e) => setChoices(e.currentTarget.value)} data-testid="coldlg-choices" />
          </label>
        </Show>
        <Show when={type() === 'reference'}>
          <label class="wb-field">
            <span>{t('coldlg.refSheet')}</span>
            <select value={refSheet()} onChange={(e) => setRefSheet(e.currentTarget.value)}>
              <option value="">{t('coldlg.refNone')}</option>
              <For each={wb.sheets().filter((s) => s.id !== sheetId)}>{(s) => <option value={s.id}>{app.label(s)}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={type() === 'currency'}>
          <label class="wb-field">
            <span>{t('coldlg.currency')}</span>
            <select value={currency()} onChange={(e) => setCurrency(e.currentTarget.value as CurrencyCode | '')}>
              <option value="">{t('coldlg.currencyDefault', CURRENCY_SYMBOLS[wb.settings.currency])}</option>
              <For each={[...CURRENCIES]}>{(c) => <option value={c}>{t(`currency.${c}`)}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={type() === 'number' || type() === 'currency' || type() === 'percent'}>
          <label class="wb-field wb-field-short">
            <span>{t('coldlg.precision')}</span>
            <input type="number" min="0" max="10" value={precision()} onInput={(e) => setPrecision(e.currentTarget.value)} />
          </label>
        </Show>
        <Show when={type() === 'text' || type() === 'integer'}>
          <label class="wb-check-field">
            <input type="checkbox" checked={isKey()} onChange={(e) => setKey(e.currentTarget.checked)} />
            <span>{t('coldlg.key')}</span>
          </label>
        </Show>
        <Show when={existing && type() !== existing.type}>
          <div class="wb-preview" data-testid="retype-preview">
            <Show when={losses().length > 0} fallback={<p class="wb-preview-ok">{t('coldlg.noLoss')}</p>}>
              <p>{t('coldlg.losses', losses().length)}</p>
              <ul>
                <For each={losses().slice(0, LISTED)}>{(l) => <li>{t('coldlg.lossRow', l.row, String(l.value))}</li>}</For>
                <Show when={losses().length > LISTED}>
                  <li>{t('coldlg.more', losses().length - LISTED)}</li>
                </Show>
              </ul>
            </Show>
          </div>
        </Show>
        <DialogFooter
          cancel={t('common.cancel')}
          onCancel={props.onClose}
          primary={{
            label: existing ? (losses().length > 0 ? t('coldlg.applyClearing', losses().length) : t('common.apply')) : t('coldlg.add'),
            testId: 'coldlg-apply',
            danger: losses().length > 0,
          }}
        />
      </form>
    </Dialog>
  );
};

export default ColumnDialog;
