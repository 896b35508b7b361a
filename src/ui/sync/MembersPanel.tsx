/**
 * The members of a space, for its owners: invite links per role (each link makes one person a
 * member with their own token), every member with their role and last activity, a role change and
 * a removal (their open pages lose access at once), a member's name; the invites not used up yet,
 * each of which can be withdrawn. Read again on every `tick` of the page, so changes others make show.
 */
import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import type { SpaceClient, SpaceInvite, SpaceMember, SpaceRole } from '../../sync/space-client.ts';
import type { I18n } from '../i18n/i18n.ts';
import { spaceTexts } from '../i18n/space-texts.ts';
import { ConfirmDialog } from '../widgets/Dialog.tsx';
import { RenameForm } from './RenameForm.tsx';

const ROLES: SpaceRole[] = ['owner', 'editor', 'viewer'];

/** The members panel of the space page. */
export const MembersPanel = (props: { i18n: I18n; client: SpaceClient; tick: number; onError: (err: unknown) => void; onInfo: (text: string) => void }): JSX.Element => {
  const t = props.i18n.texts(spaceTexts);
  const [members, setMembers] = createSignal<SpaceMember[]>([]);
  const [invites, setInvites] = createSignal<SpaceInvite[]>([]);
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [link, setLink] = createSignal<{ role: SpaceRole; url: string } | null>(null);
  const [removing, setRemoving] = createSignal<SpaceMember | null>(null);
  const load = async () => {
    try {
      const got = await props.client.members();
      setMembers(got.members);
      setInvites(got.invites);
    } catch (err) {
      props.onError(err);
    }
  };
  createEffect(on(() => props.tick, () => void load()));
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      props.onError(err);
    }
    await load();
  };
  const invite = (role: SpaceRole) => run(async () => setLink({ role, url: (await props.client.invite(role)).url }));
  const when = (ms: number) => new Date(ms).toLocaleString(props.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' });
  const inviteLabel = { owner: t('space.inviteOwner'), editor: t('space.inviteEditor'), viewer: t('space.inviteViewer') };

  return (
    <section class="wb-space-section" aria-label={t('space.membersTitle')} data-testid="members-panel">
      <h2>{t('space.membersTitle')}</h2>
      <div class="wb-start-actions">
        <For each={ROLES}>
          {(role) => (
            <button type="button" onClick={() => void invite(role)} data-testid={`invite-${role}`}>
              {inviteLabel[role]}
            </button>
          )}
        </For>
      </div>
      <Show when={link()} keyed>
        {(l) => (
          <p class="wb-space-invite">
            <span>{t('space.inviteLink', t(`space.role.${l.role}`))}</span>
            <input type="text" readOnly value={l.url} onFocus={(e) => e.currentTarget.select()} data-testid="invite-link" data-role={l.role} />
          </p>
        )}
      </Show>
      <Show when={invites().length > 0}>
        <h3>{t('space.invitesTitle')}</h3>
        <ul class="wb-start-list" data-testid="invite-list">
          <For each={invites()}>
            {(i) => (
              <li class="wb-start-item" data-testid="invite-item" data-id={i.id} data-role={i.role}>
                <span class="wb-start-name">{t('space.inviteItem', t(`space.role.${i.role}`), i.expiresAt === null ? '—' : when(i.expiresAt))}</span>
                <span class="wb-start-meta">{i.singleUse ? '' : t('space.inviteMany', i.uses)}</span>
                <span class="wb-start-actions">
                  <button
                    type="button"
                    class="wb-danger-text"
                    onClick={() =>
                      void run(async () => {
                        await props.client.revokeInvite(i.id);
                        if (link() !== null) setLink(null);
                        props.onInfo(t('space.inviteRevoked'));
                      })
                    }
                    data-testid="invite-revoke"
                  >
                    {t('space.revokeInvite')}
                  </button>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ul class="wb-start-list">
        <For each={members()}>
          {(m) => (
            <li class="wb-start-item" data-testid="member-item" data-id={m.id} data-name={m.name}>
              <Show
                when={renaming() === m.id}
                fallback={
                  <span class="wb-start-name" data-testid="member-name">
                    {m.name} {m.you ? t('space.youTag') : ''}
                  </span>
                }
              >
                <RenameForm
                  value={m.name}
                  label={t('space.nameLabel')}
                  save={t('space.renameSave')}
                  testId="member-rename"
                  maxLength={80}
                  onCancel={() => setRenaming(null)}
                  onSave={(name) => {
                    setRenaming(null);
                    void run(async () => {
                      await props.client.renameMember(m.id, name);
                      props.onInfo(t('space.renamedMember', name));
                    });
                  }}
                />
              </Show>
              <span class="wb-start-meta">{m.lastSeenAt === null ? t('space.neverSeen') : t('space.lastSeen', when(m.lastSeenAt))}</span>
              <span class="wb-start-actions">
                <label>
                  {t('space.roleLabel')}{' '}
                  <select value={m.role} onChange={(e) => void run(() => props.client.setRole(m.id, e.currentTarget.value as SpaceRole))} data-testid="member-role">
                    <For each={ROLES}>{(r) => <option value={r}>{t(`space.role.${r}`)}</option>}</For>
                  </select>
                </label>
                <button type="button" onClick={() => setRenaming(m.id)} data-testid="member-rename">
                  {t('space.renameMember')}
                </button>
                <Show when={!m.you}>
                  <button type="button" class="wb-danger-text" onClick={() => setRemoving(m)} data-testid="member-remove">
                    {t('space.removeMember')}
                  </button>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={removing()} keyed>
        {(m) => (
          <ConfirmDialog
            title={t('space.removeTitle', m.name)}
            body={t('space.removeBody')}
            confirm={t('space.removeConfirm')}
            cancel={props.i18n.t('common.cancel')}
            onConfirm={() =>
              void run(async () => {
                await props.client.remove(m.id);
                props.onInfo(t('space.removed', m.name));
              })
            }
            onClose={() => setRemoving(null)}
          />
        )}
      </Show>
    </section>
  );
};
