/**
 * The page follows a role an owner changed while it was open: when the relay gives this token
 * another role than the page was made with, the page opens again with it (read-only for a viewer,
 * editable for an editor), and then this notice says what happened and, for a viewer, how many of
 * their edits the relay did not take: they stay on this device, and are sent if they are made an
 * editor again.
 */
import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import { reopenWithRole, takeRoleChange } from '../../sync/role-change.ts';
import type { WorkbookSession } from '../../sync/session.ts';
import { useApp } from '../app-context.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { fromWatch } from '../watch-signal.ts';

/** Watches the session's role; shows what changed after the page opened again. */
export const RoleNotice = (props: { session: WorkbookSession }): JSX.Element => {
  const app = useApp();
  const st = app.i18n.texts(syncTexts);
  const role = fromWatch(props.session.role);
  const pending = fromWatch(props.session.pending);
  const [changed, setChanged] = createSignal(takeRoleChange(props.session.id));
  createEffect(() => {
    const now = role();
    if (now !== props.session.access && now !== 'local') reopenWithRole(props.session.id, { from: props.session.access, to: now });
  });
  return (
    <Show when={changed()}>
      {(c) => (
        <span class="wb-trashed" role="alert" data-testid="role-notice" data-role={c().to}>
          {c().to === 'viewer' ? st('role.nowViewer') : st('role.nowEditor')}
          <Show when={c().to === 'viewer' && pending() > 0}> {st('role.keptEdits', pending())}</Show>{' '}
          <button type="button" onClick={() => setChanged(null)} data-testid="role-notice-close">
            {st('role.ok')}
          </button>
        </span>
      )}
    </Show>
  );
};
