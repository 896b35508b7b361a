/**
 * Shown when the open workbook was moved to its space's trash (maybe while this person edited it
 * offline): nothing is lost silently. They keep a copy on this device, with every edit the relay
 * did not receive, or restore the workbook (an editor of the space) and their edits are sent.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import type { WorkbookSession } from '../../sync/session.ts';
import { useApp } from '../app-context.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { workbookHash } from '../../app/routes.ts';
import { goTo } from '../go-to.ts';
import { knownWorkbook } from '../../sync/registry.ts';

/** The notice and its two ways out. */
export const TrashedNotice = (props: { session: WorkbookSession }): JSX.Element => {
  const app = useApp();
  const st = app.i18n.texts(syncTexts);
  const space = knownWorkbook(props.session.id)?.space;
  const [busy, setBusy] = createSignal(false);
  const failed = (err: unknown) => {
    app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    setBusy(false);
  };
  const keep = async () => {
    setBusy(true);
    try {
      const [{ storeNewWorkbook }, { Workbook }] = await Promise.all([import('../../sync/local-workbooks.ts'), import('../../model/workbook.ts')]);
      // A workbook of its own: named as a copy, with everything this device holds of the trashed one.
      const copy = Workbook.load(props.session.backup());
      const name = st('trashed.copyName', copy.settings.name);
      copy.setSettings({ name });
      goTo(workbookHash(await storeNewWorkbook(copy.encode(), name)));
    } catch (err) {
      failed(err);
    }
  };
  const restore = async (from: string) => {
    setBusy(true);
    try {
      const { spaceClient, spaceToken } = await import('../../sync/space-client.ts');
      await spaceClient(from, spaceToken(from)).restore(props.session.id);
      // Opened again, it connects and sends what the relay has not received.
      location.reload();
    } catch (err) {
      failed(err);
    }
  };
  return (
    <span class="wb-trashed" role="alert" data-testid="trashed-notice">
      {st('trashed.notice')}
      <button type="button" disabled={busy()} onClick={() => void keep()} data-testid="trashed-keep">
        {st('trashed.keep')}
      </button>
      <Show when={space && props.session.access === 'editor' ? space : undefined}>
        {(s) => (
          <button type="button" disabled={busy()} onClick={() => void restore(s())} data-testid="trashed-restore">
            {st('trashed.restore')}
          </button>
        )}
      </Show>
    </span>
  );
};
