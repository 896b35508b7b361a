/** The page shown when a workbook cannot be opened: why, in a sentence, and the way back to the list. */
import type { JSX } from 'solid-js';
import { render } from 'solid-js/web';
import type { OpenResult } from '../../sync/open-workbook.ts';
import type { I18n } from '../i18n/i18n.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import './sync.css';

type Problem = Exclude<OpenResult, { kind: 'open' }>;

const OpenProblem = (props: { id: string; i18n: I18n; result: Problem }): JSX.Element => {
  const st = props.i18n.texts(syncTexts);
  const r = props.result;
  const title = r.kind === 'denied' ? st('problem.deniedTitle') : r.kind === 'unreachable' ? st('problem.unreachableTitle') : st('problem.unknownTitle');
  const body = r.kind === 'denied' ? st('problem.denied', r.message) : r.kind === 'unreachable' ? st('problem.unreachable') : st('problem.unknown');
  document.title = `${title} · ${props.i18n.t('app.title')}`;
  return (
    <main class="wb-start wb-problem" data-testid="open-problem" data-kind={r.kind}>
      <h1>{title}</h1>
      <p>{body}</p>
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
