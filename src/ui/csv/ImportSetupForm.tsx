/**
 * The setup step of an import: where the rows go, how the file is read (encoding, delimiter,
 * header), and for each column of the file where it goes and with which type. Detected types are
 * shown as proposals with the reason; nothing is imported until the person starts it.
 */
import { For, Index, Show, type JSX } from 'solid-js';
import { DELIMITERS, ENCODING_NAMES, ENCODINGS, type CsvEncoding, type Delimiter, type ImportPreview, type ImportSetup } from '../../csv/index.ts';
import { isViewSheet, type ColumnType } from '../../schema/types.ts';
import { useApp } from '../app-context.ts';
import { csvProblemIn } from './csv-problem-texts.ts';
import { dateOrderMatters, includeNew, intoExisting, NEW_COLUMN_TYPES, renameNew, retypeNew, sampleFit, withDateOrder, withNewSheetName, type SampleFit } from '../../app/setup-edits.ts';
import { dialogTexts } from '../i18n/dialog-texts.ts';

/** Rows of the file shown under the mapping. */
const SHOWN_ROWS = 8;
/** Example values shown next to each CSV column. */
const EXAMPLES = 3;

const DELIMITER_KEYS: Record<Delimiter, 'export.comma' | 'export.semicolon' | 'export.tab'> = {
  ',': 'export.comma',
  ';': 'export.semicolon',
  '\t': 'export.tab',
};

/** What the form shows and how it reports changes. */
export interface ImportSetupFormProps {
  preview: ImportPreview;
  setup: ImportSetup;
  /** A change that needs the file looked at again (target, encoding, delimiter, header). */
  onLookAgain: (change: { target?: 'new' | string; encoding?: CsvEncoding; delimiter?: Delimiter; header?: boolean }) => void;
  /** A change of the mapping only. */
  onSetup: (setup: ImportSetup) => void;
}

/** The setup form. */
export const ImportSetupForm = (props: ImportSetupFormProps): JSX.Element => {
  const app = useApp();
  /** The first bad sample value's reason in the UI language. */
  const sampleReason = (f: SampleFit | undefined): string | undefined => (f?.problem ? csvProblemIn(app.i18n.locale(), f.problem) : undefined);
  const t = app.i18n.texts(dialogTexts);
  const setup = () => props.setup;
  const isNew = () => 'newSheet' in setup().target;
  const targetValue = () => {
    const target = setup().target;
    return 'sheetId' in target ? target.sheetId : 'new';
  };
  const sheetColumns = () => {
    const target = setup().target;
    return 'sheetId' in target && app.wb.hasSheet(target.sheetId)
      ? app.wb.columns(target.sheetId).filter((c) => c.formula === undefined)
      : [];
  };
  const examples = (index: number) =>
    props.preview.rows
      .map((r) => r[index] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, EXAMPLES)
      .join(' · ');

  return (
    <div class="wb-csv-setup">
      <div class="wb-csv-row">
        <label class="wb-field">
          <span>{t('import.into')}</span>
          <select value={targetValue()} onChange={(e) => props.onLookAgain({ target: e.currentTarget.value })} data-testid="import-target">
            <option value="new">{t('import.newSheet')}</option>
            <For each={app.wb.sheets().filter((s) => !isViewSheet(s))}>{(s) => <option value={s.id}>{app.label(s)}</option>}</For>
          </select>
        </label>
        <Show when={'newSheet' in setup().target}>
          <label class="wb-field">
            <span>{t('import.newSheetName')}</span>
            <input
              value={'newSheet' in setup().target ? (setup().target as { newSheet: string }).newSheet : ''}
              onInput={(e) => props.onSetup(withNewSheetName(setup(), e.currentTarget.value))}
              data-testid="import-sheet-name"
            />
          </label>
        </Show>
      </div>
      <div class="wb-csv-row">
        <label class="wb-field">
          <span>{t('import.encoding')}</span>
          <select value={setup().encoding} onChange={(e) => props.onLookAgain({ encoding: e.currentTarget.value as CsvEncoding })} data-testid="import-encoding">
            <For each={[...ENCODINGS]}>{(enc) => <option value={enc}>{ENCODING_NAMES[enc]}</option>}</For>
          </select>
        </label>
        <label class="wb-field">
          <span>{t('import.delimiter')}</span>
          <select value={setup().delimiter} onChange={(e) => props.onLookAgain({ delimiter: e.currentTarget.value as Delimiter })} data-testid="import-delimiter">
            <For each={[...DELIMITERS]}>{(d) => <option value={d}>{t(DELIMITER_KEYS[d])}</option>}</For>
          </select>
        </label>
        <label class="wb-check-field wb-csv-header-check">
          <input type="checkbox" checked={setup().header} onChange={(e) => props.onLookAgain({ header: e.currentTarget.checked })} data-testid="import-header" />
          <span>{t('import.header')}</span>
        </label>
      </div>
      <p class="wb-csv-hint" data-testid="import-detected">
        {t('import.detected', ENCODING_NAMES[props.preview.detectedEncoding.encoding])}
      </p>

      <h3 class="wb-csv-subtitle">{t('import.columns')}</h3>
      <p class="wb-csv-hint">{t('import.confirmTypes')}</p>
      <table class="wb-csv-map" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('import.csvColumn')}</th>
            <th>{t('import.goesInto')}</th>
            <th>{t('import.type')}</th>
          </tr>
        </thead>
        <tbody>
          <Index each={setup().columns}>
            {(column, i) => {
              const proposal = () => props.preview.proposals[i];
              const into = () => column().into;
              const fit = () => sampleFit(setup(), props.preview, i);
              return (
                <tr data-csv-column={column().header}>
                  <td>
                    <div class="wb-csv-name">{column().header}</div>
                    <div class="wb-csv-examples">{examples(i)}</div>
                  </td>
                  <td>
                    <Show
                      when={isNew()}
                      fallback={
                        <select
                          value={into()?.id ?? ''}
                          onChange={(e) => {
                            const id = e.currentTarget.value;
                            props.onSetup(intoExisting(setup(), i, sheetColumns().find((c) => c.id === id) ?? null));
                          }}
                          data-testid="import-into"
                        >
                          <option value="">{t('import.skip')}</option>
                          <For each={sheetColumns()}>{(c) => <option value={c.id}>{app.label(c)}</option>}</For>
                        </select>
                      }
                    >
                      <div class="wb-csv-new">
                        <input
                          type="checkbox"
                          checked={into() !== null}
                          aria-label={t('import.include', column().header)}
                          onChange={(e) => props.onSetup(includeNew(setup(), props.preview, i, e.currentTarget.checked))}
                          data-testid="import-include"
                        />
                        <input
                          value={into()?.name ?? ''}
                          disabled={into() === null}
                          aria-label={t('import.columnName', column().header)}
                          onInput={(e) => props.onSetup(renameNew(setup(), i, e.currentTarget.value))}
                        />
                      </div>
                    </Show>
                  </td>
                  <td>
                    <Show when={into()} fallback={<span class="wb-csv-muted">—</span>}>
                      {(target) => (
                        <div class="wb-csv-type">
                          <Show when={isNew()} fallback={<span>{t(`type.${target().type}`)}</span>}>
                            <select
                              value={target().type}
                              onChange={(e) => props.onSetup(retypeNew(setup(), props.preview, i, e.currentTarget.value as ColumnType))}
                              data-testid="import-type"
                            >
                              <For each={NEW_COLUMN_TYPES}>{(ty) => <option value={ty}>{t(`type.${ty}`)}</option>}</For>
                            </select>
                          </Show>
                          <Show when={target().type === 'date' && dateOrderMatters(props.preview, i)}>
                            <select
                              value={column().dateOrder}
                              aria-label={t('import.dateOrder')}
                              title={t('import.dateOrder')}
                              onChange={(e) => props.onSetup(withDateOrder(setup(), i, e.currentTarget.value === 'DMY' ? 'DMY' : 'MDY'))}
                            >
                              <option value="MDY">{t('import.mdy')}</option>
                              <option value="DMY">{t('import.dmy')}</option>
                            </select>
                          </Show>
                          <Show when={isNew() && proposal()}>
                            {(p) => (
                              <Show
                                when={p().almost}
                                fallback={
                                  <span class="wb-csv-reason">
                                    {p().type === target().type ? p().reason : t('import.proposed', t(`type.${p().type}`), p().reason)}
                                  </span>
                                }
                              >
                                {(a) => (
                                  <span class="wb-csv-reason" data-testid="import-almost">
                                    {t('import.almost', a().bad, a().total, a().kind, t(`type.${a().type}`), a().example)}{' '}
                                    <Show when={target().type !== a().type}>
                                      <button type="button" class="wb-link" onClick={() => props.onSetup(retypeNew(setup(), props.preview, i, a().type))} data-testid="import-use-almost">
                                        {t('import.useAlmost', t(`type.${a().type}`))}
                                      </button>
                                    </Show>
                                  </span>
                                )}
                              </Show>
                            )}
                          </Show>
                          <Show when={fit()?.message}>
                            {(m) => (
                              <span class="wb-csv-reason wb-csv-warn" data-testid="import-sample-bad">
                                {t('import.sampleBad', fit()?.bad ?? 0, fit()?.checked ?? 0, sampleReason(fit()) ?? m())}
                              </span>
                            )}
                          </Show>
                        </div>
                      )}
                    </Show>
                  </td>
                </tr>
              );
            }}
          </Index>
        </tbody>
      </table>
      <Show when={props.preview.notes.length > 0}>
        <ul class="wb-csv-notes">
          <For each={props.preview.notes}>{(note) => <li>{note}</li>}</For>
        </ul>
      </Show>

      <h3 class="wb-csv-subtitle">{t('import.firstRows', Math.min(SHOWN_ROWS, props.preview.rows.length))}</h3>
      <div class="wb-csv-sample">
        <table data-testid="import-preview">
          <thead>
            <tr>
              <For each={props.preview.headers}>{(h) => <th>{h}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.preview.rows.slice(0, SHOWN_ROWS)}>
              {(row) => (
                <tr>
                  <For each={props.preview.headers}>{(_h, j) => <td>{row[j()] ?? ''}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
};
