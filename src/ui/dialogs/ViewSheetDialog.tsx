/**
 * Adding a view sheet: a name and the table formula whose rows it shows, typed with the formula
 * bar's completion (sheets, their columns, functions with their one-line help) and checked as it is
 * typed. Examples that fit this workbook are offered, in its language.
 */
import { createMemo, createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import { addViewSheet } from '../../app/view-commands.ts';
import { describeEditProblem } from '../../app/edit-commands.ts';
import { useApp } from '../app-context.ts';
import { nextFreeName, sheetNameProblem } from '../names.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import { dialogTexts } from '../i18n/dialog-texts.ts';

const FormulaAssist = lazy(() => import('./FormulaAssist.tsx'));

/** Formulas offered as examples, when the workbook has the sheets they read (names resolve in either language). */
const EXAMPLES = [
  '=SORTBY(FILTER(Inventory, Inventory[Status] = "Reorder"), Inventory[Days of cover], 1)',
  '=UNIQUE(Campaigns[Channel])',
  '=TAKE(SORTBY(Products, Products[List price], -1), 10)',
];

const ViewSheetDialog = (props: { onClose: () => void; onAdded: (sheetId: string) => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [name, setName] = createSignal(nextFreeName((n) => t('viewdlg.newName', n), (n) => !app.wb.sheetByName(n), 1));
  const [formula, setFormula] = createSignal('=');
  const [caret, setCaret] = createSignal(1);
  const [submitted, setSubmitted] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  let input: HTMLInputElement | undefined;
  let assistKeys: ((e: KeyboardEvent) => boolean) | undefined;

  const problem = createMemo(() => {
    const text = formula().trim();
    if (text === '' || text === '=') return submitted() ? t('viewdlg.needFormula') : undefined;
    const r = app.calc.check(text, { kind: 'view' });
    return r.ok ? undefined : r.message;
  });
  const examples = createMemo(() =>
    EXAMPLES.flatMap((e) => {
      const r = app.calc.check(e, { kind: 'view' });
      return r.ok ? [app.calc.display(r.stored, '', app.i18n.locale())] : [];
    }),
  );
  const use = (text: string) => {
    setFormula(text);
    setCaret(text.length);
    if (input) {
      input.value = text;
      input.focus();
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    const nameProblem = sheetNameProblem(app, name());
    if (nameProblem) return setRefusal(nameProblem);
    if (problem() || formula().trim() === '=') return;
    const r = addViewSheet({ wb: app.wb, calc: app.calc }, name().trim(), formula());
    if (!r.ok) return setRefusal(describeEditProblem(r.problem));
    props.onClose();
    props.onAdded(r.sheetId);
  };

  return (
    <Dialog title={t('viewdlg.title')} onClose={props.onClose} wide testId="view-dialog">
      <form onSubmit={submit}>
        <p class="wb-dialog-body">{t('viewdlg.about')}</p>
        <label class="wb-field">
          <span>{t('viewdlg.name')}</span>
          <input value={name()} data-testid="view-name" onInput={(e) => (setName(e.currentTarget.value), setRefusal(undefined))} />
        </label>
        <label class="wb-field wb-view-formula">
          <span>{t('viewdlg.formula')}</span>
          <input
            ref={input}
            value={formula()}
            spellcheck={false}
            autocomplete="off"
            data-testid="view-formula"
            aria-invalid={problem() ? 'true' : undefined}
            onInput={(e) => {
              setFormula(e.currentTarget.value);
              setCaret(e.currentTarget.selectionStart ?? 0);
              setRefusal(undefined);
            }}
            onKeyUp={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onKeyDown={(e) => {
              if (assistKeys?.(e)) {
                e.preventDefault();
                e.stopPropagation();
              }
            }}
          />
        </label>
        <Show when={formula().trimStart().startsWith('=')}>
          <div class="wb-view-assist">
            <Suspense>
              <FormulaAssist
                text={formula}
                caret={caret}
                sheetId=""
                keys={(h) => (assistKeys = h)}
                accept={(text, at) => {
                  use(text);
                  setCaret(at);
                  input?.setSelectionRange(at, at);
                }}
              />
            </Suspense>
          </div>
        </Show>
        <Show when={problem() ?? refusal()}>
          <p class="wb-field-error" role="alert" data-testid="view-problem">
            {problem() ?? refusal()}
          </p>
        </Show>
        <Show when={examples().length > 0}>
          <p class="wb-view-examples-title">{t('viewdlg.examples')}</p>
          <ul class="wb-view-examples">
            <For each={examples()}>
              {(ex) => (
                <li>
                  <button type="button" class="wb-link" onClick={() => use(ex)}>
                    <code>{ex}</code>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <DialogFooter cancel={t('common.cancel')} onCancel={props.onClose} primary={{ label: t('viewdlg.create'), testId: 'view-create' }} />
      </form>
    </Dialog>
  );
};

export default ViewSheetDialog;
