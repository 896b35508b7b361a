/**
 * The sync corner of the status bar: who else is here (their colours; click one to go to their
 * cell), the connection state, whether every change is saved on this device, how many edits the
 * relay does not hold yet, the Versions panel's button and the Share button. Loaded once the first
 * rows are on screen.
 */
import { createEffect, createMemo, createSignal, For, lazy, onMount, Show, Suspense, type JSX } from 'solid-js';
import { loadIdentity, type Identity } from '../../sync/identity.ts';
import { displayName, type Peer } from '../../sync/presence.ts';
import { presenceColors } from '../../sync/presence-colors.ts';
import type { WorkbookSession } from '../../sync/session.ts';
import { useApp, type AppState } from '../app-context.ts';
import { syncTexts, type SyncText } from '../i18n/sync-texts.ts';
import { updateReady } from '../update-prompt.ts';
import { fromWatch } from '../watch-signal.ts';
import { requestPersistence } from '../../sync/storage-persistence.ts';
import './sync.css';
import { dialogTexts } from '../i18n/dialog-texts.ts';
import { CLOSE_SPACE_FULL, spaceFullNumbers } from '../../sync/space-full.ts';
import { RoleNotice } from './RoleNotice.tsx';
import { TrashedNotice } from './TrashedNotice.tsx';
import { SizeNotice } from './SizeNotice.tsx';

const ShareDialog = lazy(() => import('./ShareDialog.tsx'));
const IdentityDialog = lazy(() => import('./IdentityDialog.tsx'));

/** Where a teammate is, in words: sheet, column and row as this person sees them. */
/** The first character of a name for an avatar, whole (an emoji is two code units), upper-cased. */
const initialOf = (name: string): string => ([...name][0] ?? '').toUpperCase();

const whereIs = (app: AppState, st: SyncText, p: Peer): string => {
  const sheet = p.sheetId ? app.wb.sheet(p.sheetId) : undefined;
  if (!sheet || !p.sheetId) return st('presence.elsewhere');
  const col = p.colId ? app.wb.column(p.sheetId, p.colId) : undefined;
  const row = p.rowId ? app.wb.rowIndex(p.sheetId, p.rowId) : -1;
  return col && row >= 0 ? st('presence.cell', app.label(sheet), app.label(col), row + 1) : app.label(sheet);
};

/** The relay's "space full" reason in the person's language (its numbers, else the relay's sentence). */
const spaceFullText = (st: SyncText, reason: string): string => {
  const n = spaceFullNumbers(reason);
  return n ? st('spaceFull.notice', n.used, n.limit) : reason;
};

/** Goes to a teammate's sheet and cell. */
const follow = (app: AppState, p: Peer): void => {
  if (!p.sheetId || !app.wb.hasSheet(p.sheetId)) return;
  if (p.rowId) app.openRow(p.sheetId, p.rowId);
  else app.openSheet(p.sheetId);
};

const SyncBar = (): JSX.Element => {
  const app = useApp();
  const session = app.session as WorkbookSession;
  const st = app.i18n.texts(syncTexts);
  // The history panel, on its Versions tab (its code says which tab it shows).
  const openVersions = () =>
    void import('./HistoryPanel.tsx').then((m) => {
      m.showVersions();
      app.setPanel('history');
    });
  const connection = fromWatch(session.connection);
  const saved = fromWatch(session.saved);
  const pending = fromWatch(session.pending);
  const peers = fromWatch(session.peers);
  // Asked once the grid shows (the first edit may be offline); a refusal is shown below.
  const persistence = fromWatch(requestPersistence());
  const [me, setMe] = createSignal<Identity>(loadIdentity());
  const guest = () => st('me.guest');

  const openIdentity = () =>
    app.openDialog((close) => (
      <Suspense>
        <IdentityDialog
          identity={me()}
          onSave={(next) => {
            setMe(next);
            session.setIdentity(next);
          }}
          onClose={close}
        />
      </Suspense>
    ));
  // Teammates go to the tabs and the grid; conflict marks need the model's history code.
  // Everyone present in a colour of their own, the same in every browser (presence-colors.ts).
  const colors = createMemo(() => presenceColors([{ userId: me().id, color: me().color }, ...peers()]));
  const shown = createMemo(() => peers().map((p) => ({ ...p, color: colors().get(p.userId) ?? p.color })));
  createEffect(() => app.setPeers(shown()));
  void import('../../model/history.ts').then((m) => app.setConflictCheck((s, r, c) => m.hasConflict(app.wb, s, r, c)));

  // A shared workbook asks once for the name teammates will see.
  onMount(() => {
    if (session.access !== 'local' && !me().chosen) openIdentity();
  });
  createEffect(() => session.setIdentity(me()));

  // Teammates see which sheet and cell this person is on.
  createEffect(() => {
    const onSheet = app.view() !== 'dashboard';
    const cell = onSheet ? app.grid()?.activeCell() : null;
    session.setLocation({ sheetId: onSheet ? app.activeSheet() || null : null, rowId: cell?.rowId ?? null, colId: cell?.col.id ?? null });
  });

  // A new version of the app has installed: offer to switch (the toast stays until used or closed).
  createEffect(() => {
    const apply = updateReady();
    if (!apply) return;
    const t = app.i18n.texts(dialogTexts);
    app.toasts.show({ kind: 'info', message: t('update.ready'), action: { label: t('update.reload'), run: apply } }, 7 * 24 * 3600_000);
  });

  const connTitle = () => {
    const s = connection();
    if (s === 'denied' && session.deniedCode() === 4403) return st('conn.notYoursTitle');
    if (s === 'denied' && session.deniedCode() === CLOSE_SPACE_FULL) return st('conn.spaceFullTitle');
    if (s === 'denied') return st('conn.deniedTitle', session.deniedMessage() ?? '');
    return st(`conn.${s}Title`);
  };

  return (
    <span class="wb-sync" data-testid="sync-bar">
      <Show when={session.access !== 'local'}>
        <span class="wb-presence" aria-label={st('presence.label')} data-testid="presence">
          <For each={shown()}>
            {(p) => (
              <button
                type="button"
                class="wb-avatar"
                style={{ background: p.color }}
                title={st('presence.where', displayName({ id: p.userId, name: p.name }, guest()), whereIs(app, st, p))}
                data-testid="peer"
                data-user={p.userId}
                onClick={() => follow(app, p)}
              >
                {initialOf(displayName({ id: p.userId, name: p.name }, guest()))}
              </button>
            )}
          </For>
          <button
            type="button"
            class="wb-avatar wb-avatar-me"
            style={{ background: colors().get(me().id) ?? me().color }}
            title={st('presence.you', displayName(me(), guest()))}
            data-testid="me"
            data-user={me().id}
            onClick={openIdentity}
          >
            {initialOf(displayName(me(), guest()))}
          </button>
        </span>
      </Show>
      <Show when={connection() === 'trashed'}>
        <TrashedNotice session={session} />
      </Show>
      <Show when={session.access !== 'local'}>
        <RoleNotice session={session} />
      </Show>
      <Show when={session.access !== 'local'}>
        <SizeNotice session={session} />
      </Show>
      <Show when={connection() === 'denied' && session.deniedCode() === CLOSE_SPACE_FULL}>
        <span class="wb-trashed" role="alert" data-testid="space-full">
          {spaceFullText(st, session.deniedMessage() ?? '')}
        </span>
      </Show>
      <span class={`wb-conn wb-conn-${connection()}`} title={connTitle()} data-testid="connection" data-state={connection()}>
        <span class="wb-conn-dot" aria-hidden="true" />
        {connection() === 'denied' && session.deniedCode() === CLOSE_SPACE_FULL ? st('conn.spaceFull') : st(`conn.${connection()}`)}
      </span>
      <span
        class="wb-saved"
        classList={{ 'wb-saved-failed': saved() === 'failed' }}
        title={saved() === 'failed' ? st('saved.failedTitle') : undefined}
        data-testid="saved"
        data-state={saved()}
      >
        {st(`saved.${saved()}`)}
      </span>
      <Show when={persistence() === 'refused'}>
        <span class="wb-persist" title={st('persist.refusedTitle')} data-testid="persist" data-state="refused">
          {st('persist.refused')}
        </span>
      </Show>
      <Show when={session.access !== 'local'}>
        <span class="wb-pending" classList={{ 'wb-pending-some': pending() > 0 }} data-testid="pending" data-count={pending()}>
          {pending() > 0 ? st('pending.count', pending()) : st('pending.none')}
        </span>
      </Show>
      <Show when={session.access !== 'local'}>
        <button type="button" class="wb-tool wb-tool-text" title={st('history.versionsTitle')} data-testid="open-versions" onClick={openVersions}>
          {st('history.versions')}
        </button>
      </Show>
      <button type="button" class="wb-tool wb-tool-text wb-share" title={st('share.buttonTitle')} data-testid="share" onClick={() => app.openDialog((close) => (
        <Suspense>
          <ShareDialog session={session} st={st} onClose={close} />
        </Suspense>
      ))}>
        {st('share.button')}
      </button>
    </span>
  );
};

export default SyncBar;
