/**
 * A team space's start page (`#/s/<space>`): the space's workbooks from the relay (name, who changed
 * it last and when, size) with search and sort, and this browser's local-only ones, which an editor
 * moves into the space with their history. Editors create (ops template, blank, or a duplicate),
 * rename and move to the trash; the trash lists what can be restored (editors) or deleted for good
 * (owners). Owners manage members (MembersPanel) and rename the space; every member changes their
 * own name. Workbooks made while the relay cannot be reached are kept here and sent to the space
 * when it can. What teammates change shows within a few seconds (the page reads the space again).
 * A relay started with --no-auth takes the page without a personal link: everyone is an owner.
 */
import { createMemo, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { loadIdentity, saveIdentity } from '../../sync/identity.ts';
import { knownWorkbooks } from '../../sync/workbook-list.ts';
import { NO_AUTH_TOKEN, spaceClient, spaceToken, SpaceError, type SpaceInfo, type SpaceWorkbook } from '../../sync/space-client.ts';
import { createOffline, moveIntoSpace, pendingFor, rememberSpaceWorkbook, sendPending } from '../../sync/space-moves.ts';
import type { I18n } from '../i18n/i18n.ts';
import { spaceTexts } from '../i18n/space-texts.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { workbookHash } from '../../app/routes.ts';
import { goTo } from '../go-to.ts';
import { ConfirmDialog } from '../widgets/Dialog.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { RenameForm } from './RenameForm.tsx';
import { SpaceTrash } from './SpaceTrash.tsx';
import './sync.css';

/** What the page needs from the entry point. */
export interface SpacePageProps {
  i18n: I18n;
  space: string;
}

type Sort = 'changed' | 'name' | 'size';

const SpacePage = (props: SpacePageProps): JSX.Element => {
  const { i18n, space } = props;
  const t = i18n.texts(spaceTexts);
  const st = i18n.texts(syncTexts);
  const kept = spaceToken(space);
  // Without a personal link the page still asks: a relay without access checks (--no-auth) answers it.
  const token = kept ?? NO_AUTH_TOKEN;
  const client = spaceClient(space, token);
  const [noLink, setNoLink] = createSignal(false);
  const [tick, setTick] = createSignal(0);
  const [editingName, setEditingName] = createSignal<'space' | 'me' | null>(null);
  const [info, setInfo] = createSignal<SpaceInfo | null>(null);
  const [list, setList] = createSignal<SpaceWorkbook[]>([]);
  const [trash, setTrash] = createSignal<SpaceWorkbook[]>([]);
  const [locals, setLocals] = createSignal(knownWorkbooks().filter((w) => w.access === 'local'));
  const [message, setMessage] = createSignal<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [offline, setOffline] = createSignal(false);
  const [query, setQuery] = createSignal('');
  const [sort, setSort] = createSignal<Sort>('changed');
  const [newName, setNewName] = createSignal('');
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [purging, setPurging] = createSignal<SpaceWorkbook | null>(null);
  const role = () => info()?.role ?? 'viewer';
  const canEdit = () => role() !== 'viewer';
  document.title = `${space} · ${i18n.t('app.title')}`;

  const fail = (err: unknown) => {
    if (err instanceof SpaceError && err.offline) setOffline(true);
    setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
  };
  const say = (text: string): void => {
    setMessage({ kind: 'info', text });
  };

  const refresh = async (): Promise<void> => {
    try {
      const [i, wbs] = await Promise.all([client.info(), client.workbooks()]);
      setInfo(i);
      setTick((n) => n + 1);
      setOffline(false);
      // A person who never chose a name is known to teammates (presence, cell history) by their member name.
      const me = loadIdentity();
      if (!me.chosen && i.member) saveIdentity({ ...me, name: i.member.name, chosen: true });
      document.title = `${i.name} · ${i18n.t('app.title')}`;
      const sent = await sendPending(space, client, token, i.role);
      if (sent > 0) say(t('space.pendingSent', sent));
      const now = sent > 0 ? await client.workbooks() : wbs;
      setList(now.workbooks);
      setTrash(now.trash);
      setLocals(knownWorkbooks().filter((w) => w.access === 'local'));
    } catch (err) {
      // No personal link, and the relay checks access: say how to get one (no error of the relay's).
      if (kept === undefined && err instanceof SpaceError && err.status === 401) setNoLink(true);
      else fail(err);
    }
  };
  void refresh();
  const onOnline = () => void refresh();
  window.addEventListener('online', onOnline);
  // Teammates' new workbooks and changes show without a reload.
  const timer = setInterval(() => document.visibilityState === 'visible' && void refresh(), 5_000);
  onCleanup(() => {
    window.removeEventListener('online', onOnline);
    clearInterval(timer);
  });

  const when = (ms: number) => new Date(ms).toLocaleString(i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' });
  const kb = (bytes: number | null) => (bytes === null ? '—' : t('space.kb', Math.max(1, Math.round(bytes / 1024)).toLocaleString(i18n.locale())));

  const shown = createMemo(() => {
    const q = query().trim().toLocaleLowerCase();
    const found = list().filter((w) => q === '' || w.name.toLocaleLowerCase().includes(q) || (w.changedBy ?? '').toLocaleLowerCase().includes(q));
    const by = sort();
    return found.sort((a, b) =>
      by === 'name' ? a.name.localeCompare(b.name, i18n.locale()) : by === 'size' ? (b.bytes ?? 0) - (a.bytes ?? 0) : (b.changedAt ?? b.createdAt) - (a.changedAt ?? a.createdAt),
    );
  });

  const open = (w: SpaceWorkbook) => {
    if (token) rememberSpaceWorkbook(space, w, token, role());
    goTo(workbookHash(w.id));
  };

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const create = (template: 'ops' | 'blank') =>
    act(async () => {
      const name = newName().trim() || (template === 'ops' ? st('start.opsName') : st('start.blankName'));
      try {
        open(await client.create({ template, name, locale: i18n.locale() }));
      } catch (err) {
        if (!(err instanceof SpaceError && err.offline)) throw err;
        // Offline: made here, with an id made here; sent to the space when the relay answers.
        const { createTemplateWorkbook } = await import('../../../sheets/index.ts');
        const wb = createTemplateWorkbook(template, { name, locale: i18n.locale() });
        goTo(workbookHash(await createOffline(space, wb.encode(), name)));
      }
    });

  return (
    <main class="wb-start wb-space" data-testid="space-page" data-space={space} data-role={info()?.role ?? ''}>
      <header class="wb-start-head">
        <h1>
          <span class="wb-logo" aria-hidden="true">
            ▦
          </span>{' '}
          <Show when={editingName() === 'space'} fallback={<span data-testid="space-name">{info()?.name ?? space}</span>}>
            <RenameForm
              value={info()?.name ?? space}
              label={t('space.nameLabel')}
              save={t('space.renameSave')}
              testId="space-rename-space"
              maxLength={200}
              onCancel={() => setEditingName(null)}
              onSave={(name) => {
                setEditingName(null);
                void act(async () => {
                  await client.renameSpace(name);
                  say(t('space.renamedSpace', name));
                });
              }}
            />
          </Show>
        </h1>
        <Show when={info()} fallback={<p>{noLink() ? t('space.noToken') : t('space.loading')}</p>}>
          {(i) => (
            <p>
              <span data-testid="space-you">{i().member ? t('space.you', i().member?.name ?? '—', t(`space.role.${i().role}`)) : t('space.noAuth')}</span>{' '}
              <Show when={i().member}>
                {(m) => (
                  <Show
                    when={editingName() === 'me'}
                    fallback={
                      <button type="button" class="wb-link-button" onClick={() => setEditingName('me')} data-testid="space-rename-me">
                        {t('space.renameMe')}
                      </button>
                    }
                  >
                    <RenameForm
                      value={m().name}
                      label={t('space.nameLabel')}
                      save={t('space.renameSave')}
                      testId="space-rename-me"
                      maxLength={80}
                      onCancel={() => setEditingName(null)}
                      onSave={(name) => {
                        setEditingName(null);
                        void act(async () => {
                          await client.renameMe(name);
                          // Teammates see the new name next to this person's changes and presence.
                          saveIdentity({ ...loadIdentity(), name, chosen: true });
                          say(t('space.renamedMember', name));
                        });
                      }}
                    />
                  </Show>
                )}
              </Show>{' '}
              <Show when={i().role === 'owner' && editingName() !== 'space'}>
                <button type="button" class="wb-link-button" onClick={() => setEditingName('space')} data-testid="space-rename-space">
                  {t('space.renameSpace')}
                </button>
              </Show>
            </p>
          )}
        </Show>
        <p>
          <a href="#/">{t('space.allHere')}</a>
        </p>
      </header>
      <Show when={offline()}>
        <p class="wb-start-message" role="status" data-testid="space-offline">
          {t('space.offline')}
        </p>
      </Show>
      <Show when={canEdit()}>
        <section class="wb-start-new" aria-label={st('start.new')}>
          <label class="wb-space-field">
            <span>{t('space.newName')}</span>
            <input type="text" value={newName()} onInput={(e) => setNewName(e.currentTarget.value)} data-testid="space-new-name" maxLength={200} />
          </label>
          <button type="button" class="wb-start-card" disabled={busy()} onClick={() => void create('ops')} data-testid="space-new-ops">
            <strong>{st('start.newOps')}</strong>
            <span>{st('start.newOpsHint')}</span>
          </button>
          <button type="button" class="wb-start-card" disabled={busy()} onClick={() => void create('blank')} data-testid="space-new-blank">
            <strong>{st('start.newBlank')}</strong>
            <span>{st('start.newBlankHint')}</span>
          </button>
        </section>
      </Show>
      <Show when={message()}>
        {(m) => (
          <p class="wb-start-message" classList={{ 'wb-start-error': m().kind === 'error' }} role={m().kind === 'error' ? 'alert' : 'status'} data-testid="space-message">
            {m().text}
          </p>
        )}
      </Show>
      <div class="wb-space-tools">
        <input type="search" placeholder={t('space.search')} aria-label={t('space.search')} value={query()} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="space-search" />
        <label>
          {t('space.sort')}{' '}
          <select value={sort()} onChange={(e) => setSort(e.currentTarget.value as Sort)} data-testid="space-sort">
            <option value="changed">{t('space.sort.changed')}</option>
            <option value="name">{t('space.sort.name')}</option>
            <option value="size">{t('space.sort.size')}</option>
          </select>
        </label>
      </div>
      <ul class="wb-start-list" data-testid="space-list">
        <For each={shown()} fallback={<li class="wb-start-empty">{list().length === 0 ? t('space.empty') : t('space.noMatch')}</li>}>
          {(w) => (
            <li class="wb-start-item" data-testid="space-item" data-id={w.id}>
              <Show
                when={renaming() === w.id}
                fallback={
                  <button type="button" class="wb-start-name" onClick={() => open(w)} data-testid="space-open">
                    {w.name}
                  </button>
                }
              >
                <form
                  class="wb-space-rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const name = new FormData(e.currentTarget).get('name');
                    setRenaming(null);
                    if (typeof name === 'string' && name.trim() !== '' && name !== w.name) void act(async () => {
                      await client.rename(w.id, name);
                    });
                  }}
                >
                  <input name="name" value={w.name} maxLength={200} data-testid="space-rename-input" ref={(el) => queueMicrotask(() => el.select())} />
                  <button type="submit" data-testid="space-rename-save">
                    {t('space.renameSave')}
                  </button>
                </form>
              </Show>
              <span class="wb-start-meta" data-testid="space-meta">
                {t('space.changed', when(w.changedAt ?? w.createdAt), w.changedBy ?? '')} · {kb(w.bytes)}
              </span>
              <Show when={canEdit()}>
                <span class="wb-start-actions">
                  <button type="button" disabled={busy()} onClick={() => setRenaming(w.id)} data-testid="space-rename">
                    {t('space.rename')}
                  </button>
                  <button type="button" disabled={busy()} onClick={() => void act(async () => {
                        await client.create({ from: w.id });
                      })} data-testid="space-duplicate">
                    {t('space.duplicate')}
                  </button>
                  <button
                    type="button"
                    class="wb-danger-text"
                    disabled={busy()}
                    onClick={() => void act(async () => {
                        await client.trash(w.id);
                        say(t('space.trashed', w.name));
                      })}
                    data-testid="space-trash"
                  >
                    {t('space.toTrash')}
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={canEdit() && locals().length > 0}>
        <section class="wb-space-section" aria-label={t('space.localTitle')} data-testid="space-local">
          <h2>{t('space.localTitle')}</h2>
          <p class="wb-start-meta">{t('space.localHint')}</p>
          <ul class="wb-start-list">
            <For each={locals()}>
              {(w) => (
                <li class="wb-start-item" data-testid="space-local-item" data-id={w.id}>
                  <button type="button" class="wb-start-name" onClick={() => goTo(workbookHash(w.id))}>
                    {w.name}
                  </button>
                  <span class="wb-start-meta">{pendingFor(space).includes(w.id) ? t('space.pending') : st('start.opened', when(w.opened))}</span>
                  <span class="wb-start-actions">
                    <button
                      type="button"
                      disabled={busy() || !token}
                      onClick={() =>
                        void act(async () => {
                          const moved = await moveIntoSpace(space, client, w.id, token ?? '', role());
                          say(t('space.moved', moved.name));
                        })
                      }
                      data-testid="space-move-in"
                    >
                      {t('space.moveIn')}
                    </button>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <SpaceTrash
        i18n={i18n}
        trash={trash()}
        canRestore={canEdit()}
        canPurge={role() === 'owner'}
        busy={busy()}
        onRestore={(w) => void act(async () => {
                        await client.restore(w.id);
                        say(t('space.restored', w.name));
                      })}
        onPurge={(w) => setPurging(w)}
      />
      <Show when={role() === 'owner'}>
        <MembersPanel i18n={i18n} client={client} tick={tick()} onError={fail} onInfo={say} />
      </Show>
      <Show when={purging()} keyed>
        {(w) => (
          <ConfirmDialog
            title={t('space.purgeTitle', w.name)}
            body={t('space.purgeBody')}
            confirm={t('space.purgeConfirm')}
            cancel={i18n.t('common.cancel')}
            onConfirm={() => void act(async () => {
              await client.purge(w.id);
            })}
            onClose={() => setPurging(null)}
          />
        )}
      </Show>
    </main>
  );
};

/** Mounts the space page into `root`. */
export const mountSpacePage = (root: HTMLElement, props: SpacePageProps): void => {
  render(() => <SpacePage {...props} />, root);
};
