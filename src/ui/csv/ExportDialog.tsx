/**
 * Export as CSV: the open sheet or the whole workbook (.zip), raw or as displayed, with a chosen
 * delimiter and a byte order mark on by default. The choices are remembered in this browser.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Delimiter, FormatMode } from '../../csv/index.ts';
import { useApp } from '../app-context.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { downloadFile } from './download-file.ts';
import { buildExport, type ExportChoice } from '../../app/export-file.ts';
import './csv.css';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { displayName } from '../../sync/presence.ts';
import { loadIdentity } from '../../sync/identity.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

const STORAGE_KEY = 'wb-csv-export';
const DEFAULT_CHOICE: ExportChoice = { scope: 'sheet', mode: 'raw', delimiter: ',', bom: true };
const DELIMITER_KEYS = [
  [',', 'export.comma'],
  [';', 'export.semicolon'],
  ['\t', 'export.tab'],
] as const;

/** The choices of the last export in this browser (defaults when none or unreadable). */
const savedChoice = (): ExportChoice => {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ExportChoice>;
    return {
      scope: v.scope === 'workbook' ? 'workbook' : 'sheet',
      mode: v.mode === 'display' ? 'display' : 'raw',
      delimiter: v.delimiter === ';' || v.delimiter === '\t' ? v.delimiter : ',',
      bom: v.bom !== false,
    };
  } catch {
    return DEFAULT_CHOICE;
  }
};

const saveChoice = (choice: ExportChoice): void => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Private mode: the choice is not remembered.
  }
};

/** The export dialog; `sheetId` is the open sheet (absent when there is none). */
const ExportDialog = (props: { sheetId: string | undefined; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const saved = savedChoice();
  const sheet = props.sheetId ? app.wb.sheet(props.sheetId) : undefined;
  const [scope, setScope] = createSignal<ExportChoice['scope']>(sheet ? saved.scope : 'workbook');
  const [mode, setMode] = createSignal<FormatMode>(saved.mode);
  const [delimiter, setDelimiter] = createSignal<Delimiter>(saved.delimiter);
  const [bom, setBom] = createSignal(saved.bom);
  const [error, setError] = createSignal<string>();

  const download = (e: Event) => {
    e.preventDefault();
    const choice: ExportChoice = { scope: scope(), mode: mode(), delimiter: delimiter(), bom: bom() };
    try {
      const file = buildExport(
        {
          wb: app.wb,
          calc: app.calc,
          workbookId: app.workbookKey,
          sheetId: sheet?.id,
          locale: app.i18n.locale(),
          // The name this person goes by with teammates (a guest tag until they choose one).
          by: displayName(loadIdentity(), app.i18n.texts(syncTexts)('me.guest')),
          time: new Date(),
        },
        choice,
      );
      downloadFile(file.name, file.bytes, file.type);
      saveChoice(choice);
      props.onClose();
      app.toasts.show({ kind: 'info', message: t('export.done', file.name) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Dialog title={t('export.title')} onClose={props.onClose} wide testId="export-dialog">
      <form class="wb-form" onSubmit={download}>
        <fieldset class="wb-csv-group">
          <legend>{t('export.what')}</legend>
          <label class="wb-check-field">
            <input type="radio" name="scope" checked={scope() === 'sheet'} disabled={!sheet} onChange={() => setScope('sheet')} data-testid="export-sheet" />
            <span>{t('export.sheet', sheet ? app.label(sheet) : '—')}</span>
          </label>
          <label class="wb-check-field">
            <input type="radio" name="scope" checked={scope() === 'workbook'} onChange={() => setScope('workbook')} data-testid="export-workbook" />
            <span>{t('export.workbook')}</span>
          </label>
        </fieldset>
        <fieldset class="wb-csv-group">
          <legend>{t('export.values')}</legend>
          <label class="wb-check-field">
            <input type="radio" name="mode" checked={mode() === 'raw'} onChange={() => setMode('raw')} data-testid="export-raw" />
            <span>{t('export.raw')}</span>
          </label>
          <label class="wb-check-field">
            <input type="radio" name="mode" checked={mode() === 'display'} onChange={() => setMode('display')} data-testid="export-display" />
            <span>{t('export.display')}</span>
          </label>
        </fieldset>
        <label class="wb-field">
          <span>{t('export.delimiter')}</span>
          <select value={delimiter()} onChange={(e) => setDelimiter(e.currentTarget.value as Delimiter)} data-testid="export-delimiter">
            <For each={DELIMITER_KEYS}>{([d, key]) => <option value={d}>{t(key)}</option>}</For>
          </select>
        </label>
        <label class="wb-check-field">
          <input type="checkbox" checked={bom()} onChange={(e) => setBom(e.currentTarget.checked)} data-testid="export-bom" />
          <span>{t('export.bom')}</span>
        </label>
        <p class="wb-dialog-note">{t('export.note')}</p>
        <Show when={error()}>
          <p class="wb-field-error" role="alert">
            {error()}
          </p>
        </Show>
        <DialogFooter cancel={t('common.cancel')} onCancel={props.onClose} primary={{ label: t('export.download'), testId: 'export-download' }} />
      </form>
    </Dialog>
  );
};

export default ExportDialog;
