/**
 * The members of a space, for its owners: invite links per role (each link makes one person a
 * member with their own token), every member with their role and last activity, a role change and
 * a removal (their open pages lose access at once).
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { SpaceClient, SpaceMember, SpaceRole } from '../../sync/space-client.ts';
import type { I18n } from '../i18n/i18n.ts';
import { spaceTexts } from '../i18n/space-texts.ts';
import { ConfirmDialog } from '../widgets/Dialog.tsx';

const ROLES: SpaceRole[] = ['owner', 'editor', 'viewer'];

/** The members panel of the space page. */
export const MembersPanel = (props: { i18n: I18n; client: SpaceClient; onError: (err: unknown) => void; onInfo: (text: string) => void }): JSX.Element => {
  const t = props.i18n.texts(spaceTexts);
  const [members, setMembers] = createSignal<SpaceMember[]>([]);
  const [link, setLink] = createSignal<{ role: SpaceRole; url: string } | null>(null);
  const [removing, setRemoving] = createSignal<SpaceMember | null>(null);
  const load = async () => {
    try {
      setMembers((await props.client.members()).members);
    } catch (err) {
      props.onError(err);
    }
  };
  void load();
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
      <ul class="wb-start-list">
        <For each={members()}>
          {(m) => (
            <li class="wb-start-item" data-testid="member-item" data-id={m.id} data-name={m.name}>
              <span class="wb-start-name">
                {m.name} {m.you ? t('space.youTag') : ''}
              </span>
              <span class="wb-start-meta">{m.lastSeenAt === null ? t('space.neverSeen') : t('space.lastSeen', when(m.lastSeenAt))}</span>
              <span class="wb-start-actions">
                <label>
                  {t('space.roleLabel')}{' '}
                  <select value={m.role} onChange={(e) => void run(() => props.client.setRole(m.id, e.currentTarget.value as SpaceRole))} data-testid="member-role">
                    <For each={ROLES}>{(r) => <option value={r}>{t(`space.role.${r}`)}</option>}</For>
                  </select>
                </label>
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
