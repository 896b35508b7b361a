/** Share: make a link that opens the workbook for editing or for viewing only (the relay makes the token). */
import { createSignal, Show, type JSX } from 'solid-js';
import type { WorkbookSession } from '../../sync/session.ts';
import { useApp } from '../app-context.ts';
import type { SyncText } from '../i18n/sync-texts.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

const ShareDialog = (props: { session: WorkbookSession; st: SyncText; onClose: () => void }): JSX.Element => {
  const st = props.st;
  const app = useApp();
  const [role, setRole] = createSignal<'editor' | 'viewer'>('viewer');
  const [link, setLink] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  const access = props.session.access;

  const create = async () => {
    setBusy(true);
    setProblem(null);
    setLink(null);
    try {
      setLink(await props.session.shareLink(role()));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const copy = async (input: HTMLInputElement) => {
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      setCopied(true);
    } catch {
      // The text stays selected for Ctrl+C.
    }
  };

  let field: HTMLInputElement | undefined;
  return (
    <Dialog title={st('share.title')} onClose={props.onClose} testId="share-dialog">
      <Show when={access === 'editor'} fallback={<p class="wb-dialog-body">{access === 'local' ? st('share.localOnly') : st('share.viewerOnly')}</p>}>
        <fieldset class="wb-share-roles">
          <legend>{st('share.role')}</legend>
          <label>
            <input type="radio" name="share-role" checked={role() === 'editor'} onChange={() => (setRole('editor'), setLink(null))} data-testid="share-editor" />
            {st('share.editor')}
          </label>
          <label>
            <input type="radio" name="share-role" checked={role() === 'viewer'} onChange={() => (setRole('viewer'), setLink(null))} data-testid="share-viewer" />
            {st('share.viewer')}
          </label>
        </fieldset>
        <Show when={link()}>
          {(url) => (
            <div class="wb-share-link">
              <label>
                {st('share.link')}
                <input ref={field} readOnly value={url()} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button type="button" class="wb-share-copy" onClick={() => field && void copy(field)}>
                {copied() ? st('share.copied') : st('share.copy')}
              </button>
            </div>
          )}
        </Show>
        <Show when={problem()}>
          <p class="wb-dialog-error" role="alert">
            {problem()}
          </p>
        </Show>
        <p class="wb-share-note">{st('share.note')}</p>
      </Show>
      <DialogFooter
        cancel={app.t('common.close')}
        onCancel={props.onClose}
        primary={access === 'editor' ? { label: busy() ? st('share.creating') : st('share.create'), onClick: () => void create(), testId: 'share-create', disabled: busy() } : undefined}
      />
    </Dialog>
  );
};

export default ShareDialog;
