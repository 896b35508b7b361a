/**
 * The start page (`#/`): the workbooks kept in this browser (made here, imported, or opened from a
 * teammate's link), with open, backup download and delete; new workbooks from the ops template or
 * blank; and import of a backup file. Shared workbooks' names and roles are refreshed from the relay.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { nameRestoredCopy } from '../../app/restored-copy.ts';
import { backupOf, deleteWorkbook, readBackup, storeNewWorkbook } from '../../sync/local-workbooks.ts';
import { remember, tokenFor, type KnownWorkbook } from '../../sync/registry.ts';
import { knownWorkbooks } from '../../sync/workbook-list.ts';
import { checkAccess } from '../../sync/relay-api.ts';
import { downloadFile } from '../csv/download-file.ts';
import type { I18n } from '../i18n/i18n.ts';
import { workbookHash } from '../../app/routes.ts';
import { goTo } from '../go-to.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { updateReady } from '../update-prompt.ts';
import { ConfirmDialog } from '../widgets/Dialog.tsx';
import './sync.css';
import { dialogTexts } from '../i18n/dialog-texts.ts';

/** What the page needs from the entry point. */
export interface StartPageProps {
  i18n: I18n;
  /** Puts the page in the entry point's error boundary: whatever this browser's list holds, the page renders. */
  frame: (page: () => JSX.Element) => JSX.Element;
}

const StartPage = (props: StartPageProps): JSX.Element => {
  const { i18n } = props;
  /** Opens a workbook (its own page). */
  const open = (id: string) => goTo(workbookHash(id));
  const st = i18n.texts(syncTexts);
  const dt = i18n.texts(dialogTexts);
  const [list, setList] = createSignal<KnownWorkbook[]>(knownWorkbooks());
  const [message, setMessage] = createSignal<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = createSignal<KnownWorkbook | null>(null);
  const [busy, setBusy] = createSignal(false);
  const refresh = () => setList(knownWorkbooks());
  document.title = `${st('start.title')} · ${i18n.t('app.title')}`;

  // Shared workbooks: their current name and this person's role, when the relay answers.
  for (const w of list()) {
    const token = w.access === 'local' ? undefined : tokenFor(w.id);
    if (!token) continue;
    void checkAccess(w.id, token).then((r) => {
      if (r.kind !== 'ok') return;
      remember({ id: w.id, name: r.name, access: r.role });
      refresh();
    });
  }

  const create = async (template: 'ops' | 'blank') => {
    setBusy(true);
    try {
      const { createTemplateWorkbook } = await import('../../../sheets/index.ts');
      const name = template === 'ops' ? st('start.opsName') : st('start.blankName');
      const wb = createTemplateWorkbook(template, { name, locale: i18n.locale() });
      open(await storeNewWorkbook(wb.encode(), name));
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setMessage(null);
    try {
      const wb = readBackup(new Uint8Array(await file.arrayBuffer()));
      // Not mistaken for the workbook it was saved from: "<name> (restored <date>)".
      const name = nameRestoredCopy(wb, (day) => st('start.restoredSuffix', day), new Date());
      await storeNewWorkbook(wb.encode(), name);
      refresh();
      setMessage({ kind: 'info', text: st('start.imported', name) });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const download = async (w: KnownWorkbook) => {
    const bytes = await backupOf(w.id);
    if (!bytes) return setMessage({ kind: 'error', text: st('start.noBackup') });
    downloadFile(`${w.name.replace(/[\\/:*?"<>|]+/g, '-') || w.id}.ywb`, bytes, 'application/octet-stream');
  };

  const remove = async (w: KnownWorkbook) => {
    await deleteWorkbook(w.id);
    refresh();
    setMessage({ kind: 'info', text: st('start.deleted', w.name) });
  };

  const when = (ms: number) => new Date(ms).toLocaleString(i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' });
  let fileInput: HTMLInputElement | undefined;

  return (
    <main class="wb-start" data-testid="start-page">
      <Show when={updateReady()}>
        {(apply) => (
          <div class="wb-start-update" role="status">
            {dt('update.ready')}
            <button type="button" class="wb-primary" onClick={() => apply()()} data-testid="update-reload">
              {dt('update.reload')}
            </button>
          </div>
        )}
      </Show>
      <header class="wb-start-head">
        <h1>
          <span class="wb-logo" aria-hidden="true">
            ▦
          </span>{' '}
          {st('start.title')}
        </h1>
        <p>{st('start.subtitle')}</p>
      </header>
      <section class="wb-start-new" aria-label={st('start.new')}>
        <button type="button" class="wb-start-card" disabled={busy()} onClick={() => void create('ops')} data-testid="new-ops">
          <strong>{st('start.newOps')}</strong>
          <span>{st('start.newOpsHint')}</span>
        </button>
        <button type="button" class="wb-start-card" disabled={busy()} onClick={() => void create('blank')} data-testid="new-blank">
          <strong>{st('start.newBlank')}</strong>
          <span>{st('start.newBlankHint')}</span>
        </button>
        <button type="button" class="wb-start-card" onClick={() => fileInput?.click()} data-testid="import-backup">
          <strong>{st('start.import')}</strong>
          <span>.ywb</span>
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ywb,application/octet-stream"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </section>
      <Show when={message()}>
        {(m) => (
          <p class="wb-start-message" classList={{ 'wb-start-error': m().kind === 'error' }} role={m().kind === 'error' ? 'alert' : 'status'} data-testid="start-message">
            {m().text}
          </p>
        )}
      </Show>
      <ul class="wb-start-list" data-testid="workbook-list">
        <For each={list()} fallback={<li class="wb-start-empty">{st('start.empty')}</li>}>
          {(w) => (
            <li class="wb-start-item" data-testid="workbook-item" data-id={w.id}>
              <button type="button" class="wb-start-name" onClick={() => open(w.id)}>
                {w.name}
              </button>
              <span class="wb-start-meta">
                {st(`start.access.${w.access}`)} · {st('start.opened', when(w.opened))}
              </span>
              <span class="wb-start-actions">
                <button type="button" onClick={() => open(w.id)} data-testid="workbook-open">
                  {st('start.open')}
                </button>
                <button type="button" onClick={() => void download(w)} data-testid="workbook-backup">
                  {st('start.backup')}
                </button>
                <button type="button" class="wb-danger-text" onClick={() => setConfirm(w)} data-testid="workbook-delete">
                  {st('start.delete')}
                </button>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={confirm()} keyed>
        {(w) => (
          <ConfirmDialog
            title={st('start.deleteTitle', w.name)}
            body={w.access === 'local' ? st('start.deleteLocal') : st('start.deleteServer')}
            confirm={st('start.deleteConfirm')}
            cancel={i18n.t('common.cancel')}
            onConfirm={() => void remove(w)}
            onClose={() => setConfirm(null)}
          />
        )}
      </Show>
    </main>
  );
};

/** Mounts the start page into `root`. */
export const mountStartPage = (root: HTMLElement, props: StartPageProps): void => {
  render(() => props.frame(() => <StartPage {...props} />), root);
};
