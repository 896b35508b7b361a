/**
 * Error boundaries: a view that throws while it renders (the grid, the charts, the calendar, the
 * dashboard, a dialog or panel, or the whole workbook page) is replaced by a message with
 * "Reload" and "Repair from the server", and the rest of the app, sync included, keeps working.
 * Whatever a peer wrote must not take a person's whole workbook away before it can sync the fix.
 */
import { createSignal, ErrorBoundary, Show, type JSX } from 'solid-js';
import type { WorkbookSession } from '../sync/session.ts';
import type { I18n } from './i18n/i18n.ts';

/** What the recovery buttons need. */
export interface Recovery {
  i18n: I18n;
  /** Replaces this device's copy with the relay's (absent for a workbook kept only here). */
  repair?: () => Promise<{ kind: 'done' } | { kind: 'denied'; message: string } | { kind: 'unreachable' }>;
}

/** The repair of a session's workbook, when it has a copy on the relay. */
export const sessionRepair = (session: WorkbookSession | undefined): Recovery['repair'] =>
  session?.canRepairFromServer ? () => session.repairFromServer() : undefined;

/** "Reload" and, for a server workbook, "Repair from the server" (which reloads once done). */
export const RecoveryButtons = (props: Recovery & { retry?: () => void; close?: () => void; reload?: boolean }): JSX.Element => {
  const t = props.i18n.t;
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const repair = async (run: NonNullable<Recovery['repair']>) => {
    setBusy(true);
    setProblem(null);
    const r = await run().catch(() => ({ kind: 'unreachable' }) as const);
    if (r.kind === 'done') return location.reload();
    setBusy(false);
    setProblem(r.kind === 'denied' ? t('boundary.denied', r.message) : t('boundary.unreachable'));
  };
  return (
    <>
      <div class="wb-boundary-buttons">
        <Show when={props.retry}>
          {(retry) => (
            <button type="button" onClick={() => retry()()} data-testid="boundary-retry">
              {t('boundary.retry')}
            </button>
          )}
        </Show>
        <Show when={props.close}>
          {(close) => (
            <button type="button" onClick={() => close()()} data-testid="boundary-close">
              {t('common.close')}
            </button>
          )}
        </Show>
        <Show when={props.reload !== false}>
          <button type="button" class="wb-primary" onClick={() => location.reload()} data-testid="boundary-reload">
            {t('boundary.reload')}
          </button>
        </Show>
        <Show when={props.repair}>
          {(run) => (
            <button type="button" disabled={busy()} title={t('boundary.repairTitle')} onClick={() => void repair(run())} data-testid="boundary-repair">
              {busy() ? t('boundary.repairing') : t('boundary.repair')}
            </button>
          )}
        </Show>
      </div>
      <Show when={problem()}>
        {(p) => (
          <p class="wb-boundary-problem" role="alert" data-testid="boundary-problem">
            {p()}
          </p>
        )}
      </Show>
    </>
  );
};

const messageOf = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);

/** Shows `children`, or, when they throw, the message with the recovery buttons. `name` says which view (for tests and styles). */
export const ViewBoundary = (props: Recovery & { name: string; close?: () => void; children: JSX.Element }): JSX.Element => (
  <ErrorBoundary
    fallback={(err: unknown, reset) => {
      console.error(`The ${props.name} view failed:`, err);
      return (
        <div class="wb-boundary" role="alert" data-testid="view-error" data-view={props.name}>
          <strong>{props.i18n.t('boundary.title')}</strong>
          <p>{props.i18n.t('boundary.body')}</p>
          <p class="wb-boundary-detail">{messageOf(err)}</p>
          {/* A dialog that failed is closed rather than tried again. */}
          <RecoveryButtons i18n={props.i18n} repair={props.repair} retry={props.close ? undefined : reset} close={props.close} />
        </div>
      );
    }}
  >
    {props.children}
  </ErrorBoundary>
);
