/**
 * The review step of an import with bad rows: how many rows are good, each bad row with its line
 * and reason (in the UI language), and the choice between importing the good rows, importing them
 * with the rows whose bad values are left blank, and importing nothing.
 */
import { For, Show, type JSX } from 'solid-js';
import type { ImportChoice, ImportPlan } from '../../csv/index.ts';
import { useApp } from '../app-context.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import { csvProblemIn } from './csv-problem-texts.ts';

/** Problems listed on screen (the plan keeps up to a thousand; the count covers all). */
const SHOWN_PROBLEMS = 200;

/** The review of a checked file. */
export const ImportReview = (props: { plan: ImportPlan; onChoose: (choice: ImportChoice) => void; onBack: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const good = () => props.plan.rows.length;
  const listedRows = () => new Set(props.plan.problems.map((p) => p.line)).size;
  // Rows whose record was read but some values are not of their column's type.
  const blankable = () => props.plan.rejected.filter((r) => r.blanked !== null).length;
  return (
    <div class="wb-csv-review" data-testid="import-review">
      <p class="wb-dialog-body" data-testid="import-summary">
        {t('import.summary', good(), props.plan.badRows)}
      </p>
      <ol class="wb-csv-problems" data-testid="import-problems">
        <For each={props.plan.problems.slice(0, SHOWN_PROBLEMS)}>
          {(p) => (
            <li data-line={p.line}>
              <span class="wb-csv-line">{t('import.line', p.line)}</span>
              <Show when={p.column}>
                <span class="wb-csv-column">{p.column}</span>
              </Show>
              <span>{csvProblemIn(app.i18n.locale(), p.problem)}</span>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.plan.badRows > listedRows() || props.plan.problems.length > SHOWN_PROBLEMS}>
        <p class="wb-csv-hint">{t('import.moreProblems', Math.min(SHOWN_PROBLEMS, props.plan.problems.length), props.plan.badRows)}</p>
      </Show>
      <Show when={blankable() > 0}>
        <p class="wb-csv-hint" data-testid="import-blank-hint">
          {t('import.blankHint', blankable())}
        </p>
      </Show>
      <Show when={good() === 0 && blankable() === 0}>
        <p class="wb-field-error" role="alert">
          {t('import.noneGood')}
        </p>
      </Show>
      <DialogFooter
        cancel={t('import.nothing')}
        onCancel={() => props.onChoose('nothing')}
        cancelTestId="import-nothing"
        primary={good() > 0 ? { label: t('import.good', good()), onClick: () => props.onChoose('good-rows'), testId: 'import-good' } : undefined}
      >
        <button type="button" class="wb-csv-left" onClick={props.onBack} data-testid="import-back">
          {t('import.back')}
        </button>
        <Show when={blankable() > 0}>
          <button type="button" onClick={() => props.onChoose('blank-bad-cells')} data-testid="import-blank">
            {t('import.blank', good() + blankable())}
          </button>
        </Show>
      </DialogFooter>
    </div>
  );
};
