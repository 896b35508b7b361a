/**
 * Versions (a tab of the history panel): the moments of the workbook's history as the relay keeps
 * it (deleted content included), newest first — each one person's burst of changes. Any of them can be restored (the
 * whole workbook back to how it was right after it) and its person's changes since it reverted.
 * Both ask first, saying what will change, are written as one new change that reaches everyone,
 * and are one undo step of this person (Undo in the toast, or Ctrl+Z).
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import {
  devicesNamed,
  KeptHistory,
  previewRestore,
  previewRevert,
  readHistory,
  restoreTo,
  revertDevice,
  skipPlaces,
} from '../../app/undo-vandal.ts';
import type { Moment } from '../../schema/moment-types.ts';
import { tokenFor } from '../../sync/registry.ts';
import { useApp } from '../app-context.ts';
import { versionsText } from '../i18n/versions-i18n.ts';
import { VersionConfirm, type Proposal } from './VersionConfirm.tsx';
import './versions.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; moments: Moment[] };

/** Moments shown at first (and added by each "Show more"). */
const PAGE = 30;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const Versions = (): JSX.Element => {
  const app = useApp();
  const vt = versionsText(app.i18n.locale);
  const session = app.session;
  const shared = session !== undefined && session.access !== 'local';
  const [state, setState] = createSignal<State>({ kind: 'loading' });
  const [shown, setShown] = createSignal(PAGE);
  const when = (t: number) => new Date(t).toLocaleString(app.i18n.locale(), { dateStyle: 'medium', timeStyle: 'medium' });
  const nameOf = (m: { name: string }) => m.name || vt('versions.someone');

  /** The relay's history, joined with this browser's edits the relay has not got yet. */
  const fetchHistory = async (): Promise<KeptHistory> => {
    if (!session) throw new Error(vt('versions.localOnly'));
    const { fetchKeptHistory } = await import('../../sync/relay-api.ts');
    const history = KeptHistory.fromUpdate(await fetchKeptHistory(session.id, tokenFor(session.id)));
    history.join(app.wb);
    return history;
  };

  const load = async () => {
    setState({ kind: 'loading' });
    try {
      const history = await fetchHistory();
      try {
        setState({ kind: 'ready', moments: readHistory(history).moments });
      } finally {
        history.destroy();
      }
    } catch (err) {
      setState({ kind: 'failed', message: messageOf(err) });
    }
  };
  onMount(() => shared && void load());
  const failure = () => {
    const s = state();
    return s.kind === 'failed' ? s.message : null;
  };
  const ready = () => {
    const s = state();
    return s.kind === 'ready' ? s.moments : null;
  };

  /** Does a confirmed restore or revert on the history as it is now, and offers to undo it. */
  const run = async (kind: 'restore' | 'revert', m: Moment): Promise<void> => {
    try {
      const history = await fetchHistory();
      try {
        if (kind === 'restore') {
          if (restoreTo(app.wb, history, m.time)) {
            app.toasts.show({ kind: 'info', message: vt('restore.done', when(m.time)), action: { label: vt('versions.undo'), run: () => app.wb.undo() } }, 20_000);
          }
        } else {
          const { done } = revertDevice(app.wb, history, devicesNamed(history, [m.device]).clients, m.start);
          const did = Object.values(done).some((n) => n > 0);
          const message = did ? vt('revert.done', nameOf(m)) : vt('revert.nothing');
          app.toasts.show({ kind: 'info', message, ...(did ? { action: { label: vt('versions.undo'), run: () => app.wb.undo() } } : {}) }, 20_000);
        }
      } finally {
        history.destroy();
      }
    } catch (err) {
      app.toasts.show({ kind: 'error', message: messageOf(err) });
    }
    void load();
  };

  /** Works out what the action would change and asks. */
  const propose = async (kind: 'restore' | 'revert', m: Moment): Promise<void> => {
    let proposal: Proposal;
    try {
      const history = await fetchHistory();
      try {
        if (kind === 'restore') proposal = { kind, when: when(m.time), preview: previewRestore(app.wb, history, m.time) };
        else {
          const plan = previewRevert(app.wb, history, devicesNamed(history, [m.device]).clients, m.start);
          proposal = { kind, when: when(m.start), name: nameOf(m), plan, skipped: skipPlaces(app.wb, plan, app.label) };
        }
      } finally {
        history.destroy();
      }
    } catch (err) {
      app.toasts.show({ kind: 'error', message: messageOf(err) });
      return;
    }
    app.openDialog((close) => <VersionConfirm proposal={proposal} vt={vt} run={() => run(kind, m)} onClose={close} />);
  };

  const counts = (m: Moment): string =>
    [
      m.counts.cells ? vt('versions.cells', m.counts.cells) : '',
      m.counts.rowsAdded ? vt('versions.rowsAdded', m.counts.rowsAdded) : '',
      m.counts.rowsDeleted ? vt('versions.rowsDeleted', m.counts.rowsDeleted) : '',
      ...m.kinds.map((k) => (k === 'restore' ? vt('versions.kind.restore') : k === 'revert' ? vt('versions.kind.revert') : vt('versions.kind.undo'))),
    ]
      .filter(Boolean)
      .join(' · ') || vt('versions.changes', m.counts.changes);

  return (
    <Show when={shared} fallback={<p class="wb-help-note">{vt('versions.localOnly')}</p>}>
      <div class="wb-versions" data-testid="versions-panel">
        <p class="wb-help-note">
          {vt('versions.intro')}{' '}
          <button type="button" class="wb-link" data-testid="versions-refresh" onClick={() => void load()}>
            ↻ {vt('versions.refresh')}
          </button>
        </p>
        <Show when={state().kind === 'loading'}>
          <p class="wb-help-note" data-testid="versions-loading">
            {vt('versions.loading')}
          </p>
        </Show>
        <Show when={failure()}>
          {(message) => (
            <div class="wb-help-note" role="alert">
              {vt('versions.failed', message())}{' '}
              <button type="button" class="wb-link" onClick={() => void load()}>
                {vt('versions.retry')}
              </button>
            </div>
          )}
        </Show>
        <Show when={ready()}>
          {(moments) => (
            <ol class="wb-versions-list" data-testid="versions-list">
              <For each={moments().slice(0, shown())} fallback={<li class="wb-help-note">{vt('versions.none')}</li>}>
                {(m, i) => (
                  <li data-testid="version" data-name={m.name} data-time={String(m.time)} classList={{ 'wb-version-current': i() === 0 }}>
                    <div class="wb-version-when">
                      {when(m.time)}
                      <Show when={i() === 0}>
                        <span class="wb-version-badge">{vt('versions.current')}</span>
                      </Show>
                    </div>
                    <div class="wb-version-who">{nameOf(m)}</div>
                    <div class="wb-history-meta">{counts(m)}</div>
                    <Show when={!app.readOnly}>
                      <div class="wb-version-actions">
                        <Show when={i() > 0}>
                          <button type="button" class="wb-link" data-testid="version-restore" onClick={() => void propose('restore', m)}>
                            {vt('versions.restore')}
                          </button>
                        </Show>
                        <button type="button" class="wb-link" data-testid="version-revert" onClick={() => void propose('revert', m)}>
                          {vt('versions.revert', nameOf(m), when(m.start))}
                        </button>
                      </div>
                    </Show>
                  </li>
                )}
              </For>
              <Show when={moments().length > shown()}>
                <li>
                  <button type="button" class="wb-link" onClick={() => setShown((n) => n + PAGE)}>
                    {vt('versions.more', Math.min(PAGE, moments().length - shown()))}
                  </button>
                </li>
              </Show>
            </ol>
          )}
        </Show>
      </div>
    </Show>
  );
};

export default Versions;
