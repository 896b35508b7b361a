/**
 * What a person can do when part of the app cannot be shown: the message of a view that failed,
 * "Reload", and for a server workbook "Repair from the server" (this device's copy replaced by the
 * relay's, then the page reloads). Loaded only when needed (see ViewBoundary.tsx), with its texts.
 */
import { createSignal, Show, type JSX } from 'solid-js';
import type { Locale } from '../../schema/types.ts';
import type { RepairResult } from '../../sync/repair-copy.ts';
import { repairText } from '../i18n/repair-i18n.ts';

/** What the recovery buttons need. */
export interface Recovery {
  /** The UI language (reactive). */
  locale: () => Locale;
  /** Replaces this device's copy with the relay's (absent for a workbook kept only here). */
  repair?: () => Promise<RepairResult>;
}

/** "Reload" and, for a server workbook, "Repair from the server" (which reloads once done). */
export const RecoveryButtons = (props: Recovery & { retry?: () => void; close?: () => void; closeLabel?: string; reload?: boolean }): JSX.Element => {
  const rt = repairText(props.locale);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const repair = async (run: NonNullable<Recovery['repair']>) => {
    setBusy(true);
    setProblem(null);
    const r = await run().catch(() => ({ kind: 'unreachable' }) as const);
    if (r.kind === 'done') return location.reload();
    setBusy(false);
    setProblem(r.kind === 'denied' ? rt('boundary.denied', r.message) : rt('boundary.unreachable'));
  };
  return (
    <>
      <div class="wb-boundary-buttons">
        <Show when={props.retry}>
          {(retry) => (
            <button type="button" onClick={() => retry()()} data-testid="boundary-retry">
              {rt('boundary.retry')}
            </button>
          )}
        </Show>
        <Show when={props.close}>
          {(close) => (
            <button type="button" onClick={() => close()()} data-testid="boundary-close">
              {props.closeLabel}
            </button>
          )}
        </Show>
        <Show when={props.reload !== false}>
          <button type="button" class="wb-primary" onClick={() => location.reload()} data-testid="boundary-reload">
            {rt('boundary.reload')}
          </button>
        </Show>
        <Show when={props.repair}>
          {(run) => (
            <button type="button" disabled={busy()} title={rt('boundary.repairTitle')} onClick={() => void repair(run())} data-testid="boundary-repair">
              {busy() ? rt('boundary.repairing') : rt('boundary.repair')}
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

/** The message in place of a view that failed, with what to do. */
const BoundaryMessage = (props: Recovery & { name: string; error: unknown; retry?: () => void; close?: () => void; closeLabel?: string }): JSX.Element => {
  const rt = repairText(props.locale);
  return (
    <div class="wb-boundary" role="alert" data-testid="view-error" data-view={props.name}>
      <strong>{rt('boundary.title')}</strong>
      <p>{rt('boundary.body')}</p>
      <p class="wb-boundary-detail">{messageOf(props.error)}</p>
      {/* A dialog that failed is closed rather than tried again. */}
      <RecoveryButtons locale={props.locale} repair={props.repair} retry={props.close ? undefined : props.retry} close={props.close} closeLabel={props.closeLabel} />
    </div>
  );
};

export default BoundaryMessage;

/** The sentence under the header of a workbook at a newer schema than this app knows. */
export const NewerSchemaBanner = (props: { locale: () => Locale }): JSX.Element => {
  const rt = repairText(props.locale);
  return (
    <div class="wb-banner" role="status" data-testid="newer-schema">
      {rt('schema.newer')}
      <button type="button" class="wb-primary" onClick={() => location.reload()}>
        {rt('schema.reload')}
      </button>
    </div>
  );
};
