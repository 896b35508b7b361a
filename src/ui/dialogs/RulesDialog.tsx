/**
 * The rules of one column: each with its colour, condition and message; an editor adds, changes and
 * removes them (one edit each, for everyone, that Undo takes back), a viewer only reads them.
 * The list follows the workbook live, so a teammate's change shows at once.
 */
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { columnRules, removeColumnRule, saveColumnRule, type ColumnRule, type RuleCondition } from '../../app/column-rules.ts';
import { COMPARE_OPS, type RuleComparison } from '../../app/rule-conditions.ts';
import { plainText } from '../../schema/format-value.ts';
import { RULE_COLORS, type CellScalar, type ColumnType, type RuleColor } from '../../schema/types.ts';
import { useApp } from '../app-context.ts';
import { parseInput, problemText } from '../grid/cell-input.ts';
import { undo } from '../grid/grid-commands.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { rulesTexts, type RulesText } from '../i18n/rules-texts.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import '../styles/rules.css';

/** What the condition menu offers: the comparisons, then a formula. */
type OpChoice = (typeof COMPARE_OPS)[number] | 'between' | 'blank' | 'notBlank' | 'formula';

const NUMERIC = new Set<ColumnType>(['number', 'integer', 'currency', 'percent', 'date']);

/** The conditions that make sense on a column of `type` (texts are equal or not; numbers and dates are ordered). */
const opsFor = (type: ColumnType): OpChoice[] =>
  NUMERIC.has(type) ? [...COMPARE_OPS, 'between', 'blank', 'notBlank', 'formula'] : ['=', '<>', 'blank', 'notBlank', 'formula'];

/** A value as the person types it back (12%, 2027-01-10, TRUE). */
const valueText = (v: Exclude<CellScalar, null>, type: ColumnType): string => (typeof v === 'string' ? v : plainText(v, type));

/** The condition of a rule in words: "is less than 10", "is between 1 and 5", "=[Stock] < [Min]". */
const conditionText = (t: RulesText, c: RuleCondition, type: ColumnType): string => {
  switch (c.kind) {
    case 'compare':
      return `${t(`rules.op.${c.op}`)} ${valueText(c.value, type)}`;
    case 'between':
      return t('rules.between', valueText(c.low, type), valueText(c.high, type));
    case 'blank':
    case 'notBlank':
      return t(`rules.op.${c.kind}`);
    case 'formula':
      return c.text;
  }
};

const RulesDialog = (props: { ctl: GridController; colId: string; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const { wb, sheetId } = props.ctl;
  const t = app.i18n.texts(rulesTexts);
  const dt = app.i18n.texts(dialogTexts);
  const ctx = () => ({ wb, calc: app.calc, locale: app.i18n.locale() });
  const column = () => wb.column(sheetId, props.colId);
  const type = (): ColumnType => app.calc.resultType(sheetId, props.colId) ?? column()?.type ?? 'text';
  const ops = opsFor(type());

  // The list follows every change of the sheet's rules, a teammate's included.
  const [version, setVersion] = createSignal(0);
  onCleanup(wb.onChange((c) => (c.sheets.get(sheetId)?.rules.size ?? 0) > 0 && setVersion((v) => v + 1)));
  const rules = (): ColumnRule[] => (version(), wb.hasSheet(sheetId) ? columnRules(ctx(), sheetId, props.colId) : []);

  const [editing, setEditing] = createSignal<string>();
  const [op, setOp] = createSignal<OpChoice>(ops[0] ?? '=');
  const [value, setValue] = createSignal('');
  const [high, setHigh] = createSignal('');
  const [formula, setFormula] = createSignal('');
  const [color, setColor] = createSignal<RuleColor>('red');
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal<string>();

  const reset = () => {
    setEditing(undefined);
    setOp(ops[0] ?? '=');
    setValue('');
    setHigh('');
    setFormula('');
    setColor('red');
    setMessage('');
    setError(undefined);
  };
  const edit = (r: ColumnRule) => {
    const c = r.condition;
    setEditing(r.rule.id);
    setOp(c.kind === 'compare' ? c.op : c.kind);
    setValue(c.kind === 'compare' ? valueText(c.value, type()) : c.kind === 'between' ? valueText(c.low, type()) : '');
    setHigh(c.kind === 'between' ? valueText(c.high, type()) : '');
    setFormula(c.kind === 'formula' ? c.text : '');
    setColor(r.rule.color ?? 'red');
    setMessage(r.rule.message);
    setError(undefined);
  };
  const remove = (r: ColumnRule) => {
    removeColumnRule(ctx(), sheetId, r.rule.id);
    if (editing() === r.rule.id) reset();
    app.toasts.show({ kind: 'info', message: t('rules.removed'), action: { label: dt('common.undo'), run: () => undo(app) } });
  };

  /** A value typed for the column, or a sentence saying why it cannot be compared with. */
  const typed = (text: string): { ok: true; value: Exclude<CellScalar, null> } | { ok: false; message: string } => {
    const col = column();
    const parsed = parseInput(text, { type: type(), options: col?.options ?? {} }, { locale: app.i18n.locale() });
    if (!parsed.ok) return { ok: false, message: problemText(dt, parsed.problem) };
    const v = parsed.value;
    if (v === null || typeof v === 'object') return { ok: false, message: t('rules.needValue') };
    return { ok: true, value: v };
  };
  const condition = (): { ok: true; condition: RuleCondition } | { ok: false; message: string } => {
    const o = op();
    if (o === 'formula') return { ok: true, condition: { kind: 'formula', text: formula() } };
    if (o === 'blank' || o === 'notBlank') return { ok: true, condition: { kind: o } };
    const low = typed(value());
    if (!low.ok) return low;
    if (o !== 'between') return { ok: true, condition: { kind: 'compare', op: o, value: low.value } satisfies RuleComparison };
    const hi = typed(high());
    return hi.ok ? { ok: true, condition: { kind: 'between', low: low.value, high: hi.value } } : hi;
  };
  const save = (e: Event) => {
    e.preventDefault();
    const c = condition();
    if (!c.ok) return setError(c.message);
    const id = editing();
    const r = saveColumnRule(ctx(), sheetId, props.colId, { ...(id === undefined ? {} : { id }), condition: c.condition, color: color(), message: message() });
    if (!r.ok) return setError(r.message);
    reset();
  };

  return (
    <Dialog title={t('rules.title', column() ? app.label(column() ?? { name: '' }) : '')} onClose={props.onClose} testId="rules-dialog" wide>
      <p class="wb-dialog-body">{t('rules.about')}</p>
      <ul class="wb-rules" data-testid="rules-list">
        <For each={rules()} fallback={<li class="wb-rules-none">{t('rules.none')}</li>}>
          {(r) => (
            <li class="wb-rule" data-testid="rule-item" data-rule={r.rule.id}>
              <span class={`wb-rule-swatch wb-rule-${r.rule.color ?? (r.rule.level === 'error' ? 'red' : 'amber')}`} aria-hidden="true" />
              <span class="wb-rule-what">
                <span class="wb-rule-cond" data-testid="rule-condition">{conditionText(t, r.condition, type())}</span>
                <span class="wb-rule-message">{r.rule.messageLabels?.[app.i18n.locale()] ?? r.rule.message}</span>
                <Show when={!r.editable}>
                  <span class="wb-rule-tag">{t('rules.template')}</span>
                </Show>
              </span>
              <Show when={!app.readOnly}>
                <Show when={r.editable}>
                  <button type="button" onClick={() => edit(r)} data-testid="rule-edit">
                    {t('rules.edit')}
                  </button>
                </Show>
                <button type="button" onClick={() => remove(r)} data-testid="rule-remove">
                  {t('rules.remove')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show
        when={!app.readOnly}
        fallback={
          <p class="wb-help-note" data-testid="rules-read-only">
            {t('rules.readOnly')}
          </p>
        }
      >
        <form class="wb-form wb-rule-form" onSubmit={save} data-testid="rule-form">
          <h3 class="wb-rule-form-title">{editing() ? t('rules.editTitle') : t('rules.newTitle')}</h3>
          <label class="wb-field">
            <span>{t('rules.when')}</span>
            <select value={op()} onChange={(e) => (setOp(e.currentTarget.value as OpChoice), setError(undefined))} data-testid="rule-op">
              <For each={ops}>{(o) => <option value={o}>{t(`rules.op.${o}`)}</option>}</For>
            </select>
          </label>
          <Show when={op() !== 'formula' && op() !== 'blank' && op() !== 'notBlank'}>
            <div class="wb-rule-values">
              <label class="wb-field">
                <span>{op() === 'between' ? t('rules.low') : t('rules.value')}</span>
                <input value={value()} onInput={(e) => (setValue(e.currentTarget.value), setError(undefined))} data-testid="rule-value" />
              </label>
              <Show when={op() === 'between'}>
                <label class="wb-field">
                  <span>{t('rules.high')}</span>
                  <input value={high()} onInput={(e) => (setHigh(e.currentTarget.value), setError(undefined))} data-testid="rule-high" />
                </label>
              </Show>
            </div>
          </Show>
          <Show when={op() === 'formula'}>
            <label class="wb-field">
              <span>{t('rules.formula')}</span>
              <input
                value={formula()}
                placeholder={t('rules.formulaHint')}
                spellcheck={false}
                onInput={(e) => (setFormula(e.currentTarget.value), setError(undefined))}
                data-testid="rule-formula"
              />
            </label>
          </Show>
          <fieldset class="wb-rule-colors">
            <legend>{t('rules.color')}</legend>
            <For each={[...RULE_COLORS]}>
              {(c) => (
                <label class="wb-rule-color" title={t(`rules.color.${c}`)}>
                  <input
                    type="radio"
                    name="rule-color"
                    value={c}
                    checked={color() === c}
                    aria-label={t(`rules.color.${c}`)}
                    onChange={() => setColor(c)}
                    data-testid={`rule-color-${c}`}
                  />
                  <span class={`wb-rule-swatch wb-rule-${c}`} aria-hidden="true" />
                </label>
              )}
            </For>
          </fieldset>
          <label class="wb-field">
            <span>{t('rules.message')}</span>
            <input value={message()} placeholder={t('rules.messageHint')} maxLength={1000} onInput={(e) => setMessage(e.currentTarget.value)} data-testid="rule-message" />
          </label>
          <Show when={error()}>
            <p class="wb-field-error" role="alert" data-testid="rule-problem">
              {error()}
            </p>
          </Show>
          <DialogFooter
            cancel={editing() ? t('rules.cancelEdit') : dt('common.close')}
            onCancel={() => (editing() ? reset() : props.onClose())}
            primary={{ label: editing() ? t('rules.save') : t('rules.add'), testId: 'rule-save' }}
          />
        </form>
      </Show>
      <Show when={app.readOnly}>
        <DialogFooter cancel={dt('common.close')} onCancel={props.onClose} />
      </Show>
    </Dialog>
  );
};

export default RulesDialog;
