/**
 * The page shown when a workbook cannot be opened: why, in a sentence, and the way back to the
 * list; for a copy in this browser that cannot be read, "Reload" and "Repair from the server".
 */
import type { JSX } from 'solid-js';
import { Show } from 'solid-js';
import { render } from 'solid-js/web';
import type { OpenResult } from '../../sync/open-workbook.ts';
import { tokenFor } from '../../sync/registry.ts';
import type { I18n } from '../i18n/i18n.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { RecoveryButtons, type Recovery } from '../repair/Recovery.tsx';
import './sync.css';

type Problem = Exclude<OpenResult, { kind: 'open' }>;

/** Replaces the unreadable copy of `id` with the relay's, with the kept token. */
const repairOf = (id: string): Recovery['repair'] => {
  const token = tokenFor(id);
  return token === undefined ? undefined : () => import('../../sync/repair-copy.ts').then((m) => m.replaceLocalCopy(id, token));
};

const OpenProblem = (props: { id: string; i18n: I18n; result: Problem }): JSX.Element => {
  const st = props.i18n.texts(syncTexts);
  const r = props.result;
  const title =
    r.kind === 'denied'
      ? st('problem.deniedTitle')
      : r.kind === 'unreachable'
        ? st('problem.unreachableTitle')
        : r.kind === 'damaged'
          ? st('problem.damagedTitle')
          : st('problem.unknownTitle');
  const body =
    r.kind === 'denied'
      ? st('problem.denied', r.message)
      : r.kind === 'unreachable'
        ? st('problem.unreachable')
        : r.kind === 'damaged'
          ? r.repairable
            ? st('problem.damaged', r.message)
            : st('problem.damagedLocal', r.message)
          : st('problem.unknown');
  document.title = `${title} · ${props.i18n.t('app.title')}`;
  return (
    <main class="wb-start wb-problem" data-testid="open-problem" data-kind={r.kind}>
      <h1>{title}</h1>
      <p>{body}</p>
      <Show when={r.kind === 'damaged'}>
        <RecoveryButtons locale={props.i18n.locale} repair={repairOf(props.id)} />
      </Show>
      <p>
        <a class="wb-link" href="#/">
          {st('problem.back')}
        </a>
      </p>
    </main>
  );
};

/** Mounts the problem page into `root`. */
export const mountOpenProblem = (root: HTMLElement, props: { id: string; i18n: I18n; result: Problem }): void => {
  render(() => <OpenProblem {...props} />, root);
};
