/** The page an invite link opens (`#/join/<space>?invite=…`): the person says their name and becomes a member. */
import { createSignal, Show, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { loadIdentity, saveIdentity } from '../../sync/identity.ts';
import { acceptInvite } from '../../sync/space-client.ts';
import type { I18n } from '../i18n/i18n.ts';
import { spaceTexts } from '../i18n/space-texts.ts';
import { spaceHash } from '../../app/routes.ts';
import { goTo } from '../go-to.ts';
import './sync.css';

/** What the page needs from the entry point. */
export interface JoinPageProps {
  i18n: I18n;
  space: string;
  invite: string;
}

const JoinPage = (props: JoinPageProps): JSX.Element => {
  const t = props.i18n.texts(spaceTexts);
  // The name this browser already uses for presence, when it has one.
  const [name, setName] = createSignal(loadIdentity().name);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      await acceptInvite(props.space, props.invite, name().trim());
      // Teammates see the same name in presence and cell history as in the members list.
      saveIdentity({ ...loadIdentity(), name: name().trim(), chosen: true });
      goTo(spaceHash(props.space));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main class="wb-start wb-space" data-testid="join-page">
      <header class="wb-start-head">
        <h1>{t('join.title', props.space)}</h1>
        <p>{t('join.hint')}</p>
      </header>
      <form
        class="wb-space-join"
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <label class="wb-space-field">
          <span>{t('join.name')}</span>
          <input type="text" required maxLength={80} value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="join-name" />
        </label>
        <button type="submit" class="wb-primary" disabled={busy() || name().trim() === ''} data-testid="join-submit">
          {t('join.submit')}
        </button>
      </form>
      <Show when={error()}>
        {(e) => (
          <p class="wb-start-message wb-start-error" role="alert" data-testid="join-error">
            {e()}
          </p>
        )}
      </Show>
    </main>
  );
};

/** Mounts the invite page into `root`. */
export const mountJoinPage = (root: HTMLElement, props: JoinPageProps): void => {
  render(() => <JoinPage {...props} />, root);
};
