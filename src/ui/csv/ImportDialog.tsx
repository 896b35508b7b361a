/**
 * Import a CSV file: pick (or drop) a file, confirm how it is read and where each column goes,
 * check every row in a Web Worker with a progress bar and a cancel button, review the bad rows,
 * then write the good rows (or also the rows with their bad cells blank, or nothing) as one
 * undoable step; the rows left out or blanked can then be downloaded with their lines and reasons.
 */
import { createSignal, Match, onCleanup, Show, Switch, type JSX } from 'solid-js';
import {
  checkSetup,
  encodeUtf8,
  ImportCancelledError,
  ImportError,
  previewImport,
  rejectedRowsCsv,
  type ImportChoice,
  type ImportPlan,
  type ImportPreview,
  type ImportSetup,
  type ImportTarget,
  type PreviewOptions,
} from '../../csv/index.ts';
import { importRows } from '../../app/import-rows.ts';
import { useApp } from '../app-context.ts';
import { undo } from '../grid/grid-commands.ts';
import { nextFreeName, sheetNameProblem } from '../names.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { FilePicker } from './FilePicker.tsx';
import { ImportProgressView } from './ImportProgressView.tsx';
import { ImportReview } from './ImportReview.tsx';
import { ImportSetupForm, type ImportSetupFormProps } from './ImportSetupForm.tsx';
import { planInWorker } from './plan-in-worker.ts';
import { rejectedRowsWords } from './csv-problem-texts.ts';
import { downloadFile } from './download-file.ts';
import { fitsSheet, sheetNameFromFile, targetOf } from '../../app/setup-edits.ts';
import './csv.css';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

/** Bytes read for the preview: what `previewImport` looks at (1 MiB) and one more, so it knows the file goes on. */
const HEAD_BYTES = (1 << 20) + 1;
/** Characters per chunk of the plan: small enough for a progress bar that moves. */
const CHUNK_CHARS = 1 << 19;

type Stage =
  | { kind: 'pick' }
  | { kind: 'setup' }
  | { kind: 'planning'; fraction: number; records: number }
  | { kind: 'review'; plan: ImportPlan }
  | { kind: 'writing'; rows: number }
  | { kind: 'cancelled' };

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The import dialog; `file` was dropped on the grid, `sheetId` is the open sheet. */
const ImportDialog = (props: { file?: File; sheetId?: string; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const [stage, setStage] = createSignal<Stage>({ kind: 'pick' });
  const [file, setFile] = createSignal<File>();
  const [head, setHead] = createSignal<Uint8Array>(new Uint8Array());
  const [preview, setPreview] = createSignal<ImportPreview>();
  const [setup, setSetup] = createSignal<ImportSetup>();
  const [error, setError] = createSignal<string>();
  let running: AbortController | undefined;
  // News of earlier actions would cover this dialog's buttons; a new import starts without them.
  for (const toast of app.toasts.list()) app.toasts.dismiss(toast.id);
  // Closing the dialog (Escape, backdrop) while the worker reads stops it.
  onCleanup(() => running?.abort());

  /** Looks at the start of the file for `target`, keeping the reading choices in `options`. */
  const look = (target: ImportTarget, options: PreviewOptions): ImportPreview | undefined => {
    try {
      const p = previewImport(head(), target, app.wb, options);
      setPreview(p);
      setSetup(p.setup);
      setError(undefined);
      return p;
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      setError(err.message);
      return undefined;
    }
  };

  const freeName = (base: string) => nextFreeName((n) => (n === 1 ? base : `${base} (${n})`), (n) => !app.wb.sheetByName(n));

  const choose = async (f: File) => {
    setFile(f);
    setHead(new Uint8Array(await f.slice(0, HEAD_BYTES).arrayBuffer()));
    const current = props.sheetId && app.wb.hasSheet(props.sheetId) ? props.sheetId : undefined;
    const inCurrent = current === undefined ? undefined : look({ sheetId: current }, {});
    if ((inCurrent && fitsSheet(inCurrent)) || look({ newSheet: freeName(sheetNameFromFile(f.name)) }, {})) setStage({ kind: 'setup' });
    else setStage({ kind: 'pick' });
  };
  if (props.file) void choose(props.file);

  const lookAgain: ImportSetupFormProps['onLookAgain'] = (change) => {
    const s = setup();
    if (!s) return;
    const options: PreviewOptions = { encoding: change.encoding ?? s.encoding, delimiter: change.delimiter ?? s.delimiter, header: change.header ?? s.header };
    const f = file();
    const target: ImportTarget =
      change.target === undefined
        ? targetOf(s)
        : change.target === 'new'
          ? { newSheet: freeName(sheetNameFromFile(f?.name ?? '')) }
          : { sheetId: change.target };
    look(target, options);
  };

  const commit = (plan: ImportPlan, choice: ImportChoice) => {
    if (choice === 'nothing') {
      props.onClose();
      app.toasts.show({ kind: 'info', message: t('import.none') });
      return;
    }
    setStage({ kind: 'writing', rows: plan.rows.length + (choice === 'blank-bad-cells' ? plan.rejected.filter((r) => r.blanked).length : 0) });
    // Let the "writing" message paint before the one big transaction takes the page.
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          const result = importRows(plan, choice, app.wb);
          const sheetId = result.sheetId;
          props.onClose();
          if (sheetId) app.openSheet(sheetId);
          const sheet = sheetId ? app.wb.sheet(sheetId) : undefined;
          const done = [
            t('import.done', result.rowIds.length, sheet ? app.label(sheet) : ''),
            ...(result.blanked > 0 ? [t('import.blanked', result.blanked)] : []),
            ...(result.skipped > 0 ? [t('import.skipped', result.skipped)] : []),
          ].join(' ');
          // With rows left out or blanked, the toast offers their file (Ctrl+Z still undoes the import).
          const rejected = rejectedRowsCsv(plan, choice, rejectedRowsWords(t, app.i18n.locale()));
          const name = `${sheetNameFromFile(file()?.name ?? '') || 'import'}-rejected.csv`;
          app.toasts.show(
            {
              kind: 'info',
              message: done,
              action: rejected
                ? { label: t('import.downloadRejected'), run: () => downloadFile(name, encodeUtf8(rejected), 'text/csv;charset=utf-8') }
                : { label: t('common.undo'), run: () => undo(app) },
            },
            rejected ? 30_000 : undefined,
          );
        } catch (err) {
          setError(message(err));
          setStage({ kind: 'review', plan });
        }
      }, 0),
    );
  };

  const start = async () => {
    const s = setup();
    const f = file();
    if (!s || !f) return;
    const problem = 'newSheet' in s.target ? sheetNameProblem(app, s.target.newSheet) : undefined;
    if (problem) return setError(problem);
    try {
      checkSetup(s);
    } catch (err) {
      return setError(message(err));
    }
    setError(undefined);
    running = new AbortController();
    setStage({ kind: 'planning', fraction: 0, records: 0 });
    try {
      const plan = await planInWorker(f, s, {
        signal: running.signal,
        chunkSize: CHUNK_CHARS,
        onProgress: (p) => setStage({ kind: 'planning', fraction: p.fraction, records: p.records }),
      });
      if (plan.badRows === 0) commit(plan, 'good-rows');
      else setStage({ kind: 'review', plan });
    } catch (err) {
      if (err instanceof ImportCancelledError) return setStage({ kind: 'cancelled' });
      if (!(err instanceof ImportError)) console.error(err);
      setError(message(err));
      setStage({ kind: 'setup' });
    } finally {
      running = undefined;
    }
  };

  const ready = () => {
    const p = preview();
    const su = setup();
    return stage().kind === 'setup' && p && su ? { preview: p, setup: su } : undefined;
  };
  const planning = () => {
    const st = stage();
    return st.kind === 'planning' ? st : undefined;
  };
  const review = () => {
    const st = stage();
    return st.kind === 'review' ? st : undefined;
  };
  const writing = () => {
    const st = stage();
    return st.kind === 'writing' ? st : undefined;
  };

  return (
    <Dialog title={t('import.title')} onClose={() => !writing() && props.onClose()} wide class="wb-csv-dialog" testId="import-dialog">
      <Switch>
        <Match when={stage().kind === 'pick'}>
          <FilePicker onFile={(f) => void choose(f)} />
        </Match>
        <Match when={ready()}>
          {(r) => (
            <div class="wb-csv-body">
              <ImportSetupForm preview={r().preview} setup={r().setup} onLookAgain={lookAgain} onSetup={(su) => (setSetup(su), setError(undefined))} />
            </div>
          )}
        </Match>
        <Match when={planning()}>
          {(s) => <ImportProgressView fraction={s().fraction} records={s().records} onCancel={() => running?.abort()} />}
        </Match>
        <Match when={review()}>
          {(s) => <ImportReview plan={s().plan} onChoose={(c) => commit(s().plan, c)} onBack={() => (setError(undefined), setStage({ kind: 'setup' }))} />}
        </Match>
        <Match when={writing()}>
          {(s) => <p class="wb-dialog-body" data-testid="import-writing">{t('import.writing', s().rows)}</p>}
        </Match>
        <Match when={stage().kind === 'cancelled'}>
          <p class="wb-dialog-body" data-testid="import-cancelled">
            {t('import.cancelled')}
          </p>
        </Match>
      </Switch>
      <Show when={error()}>
        <p class="wb-field-error" role="alert" data-testid="import-error">
          {error()}
        </p>
      </Show>
      <Show when={stage().kind === 'setup' || stage().kind === 'pick' || stage().kind === 'cancelled'}>
        <DialogFooter
          cancel={stage().kind === 'cancelled' ? t('common.close') : t('common.cancel')}
          onCancel={props.onClose}
          primary={stage().kind === 'setup' ? { label: t('import.start'), onClick: () => void start(), testId: 'import-start' } : undefined}
        />
      </Show>
    </Dialog>
  );
};

export default ImportDialog;
