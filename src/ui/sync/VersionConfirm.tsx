/**
 * The confirmation of a restore or a revert (Versions panel): what will change, counted (cells,
 * rows back, rows removed …), what a revert leaves alone and why, and that everyone sees it and it
 * can be undone. The action runs only from here, on the history as it is then.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { RestorePreview, SkipPlace } from '../../app/undo-vandal.ts';
import type { RevertPlan } from '../../schema/moment-types.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';
import type { VersionsText } from '../i18n/versions-i18n.ts';

/** What is proposed, with what it will change. */
export type Proposal =
  | { kind: 'restore'; when: string; preview: RestorePreview }
  | { kind: 'revert'; when: string; name: string; plan: RevertPlan; skipped: SkipPlace[] };

/** The lines of what will change (only the counts that are not zero). */
const changeLines = (vt: VersionsText, p: Proposal): string[] => {
  if (p.kind === 'restore') {
    const d = p.preview.diff;
    return [
      d.cells ? vt('restore.cells', d.cells) : '',
      d.rowsBack ? vt('restore.rowsBack', d.rowsBack) : '',
      d.rowsRemoved ? vt('restore.rowsRemoved', d.rowsRemoved) : '',
      d.rowsMoved ? vt('restore.rowsMoved', d.rowsMoved) : '',
      d.sheetsBack ? vt('restore.sheetsBack', d.sheetsBack) : '',
      d.sheetsRemoved ? vt('restore.sheetsRemoved', d.sheetsRemoved) : '',
      d.other ? vt('restore.other', d.other) : '',
    ].filter(Boolean);
  }
  const plan = p.plan;
  return [
    plan.cells.length ? vt('revert.cells', plan.cells.length) : '',
    plan.revive.length ? vt('revert.revive', plan.revive.length) : '',
    plan.remove.length ? vt('revert.remove', plan.remove.length) : '',
    plan.moves.length ? vt('revert.moves', plan.moves.length) : '',
  ].filter(Boolean);
};

/** The confirmation dialog; `run` does the action (and reports its outcome itself). */
export const VersionConfirm = (props: { proposal: Proposal; vt: VersionsText; run: () => Promise<void>; onClose: () => void }): JSX.Element => {
  const vt = props.vt;
  const p = props.proposal;
  const lines = changeLines(vt, p);
  const [working, setWorking] = createSignal(false);
  const title = p.kind === 'restore' ? vt('restore.title', p.when) : vt('revert.title', p.name, p.when);
  const go = () => {
    setWorking(true);
    void props.run().finally(() => props.onClose());
  };
  return (
    <Dialog title={title} onClose={props.onClose} testId="version-confirm">
      <Show when={lines.length > 0} fallback={<p class="wb-dialog-body">{p.kind === 'restore' ? vt('restore.nothing') : vt('revert.nothing')}</p>}>
        <p class="wb-dialog-body">{p.kind === 'restore' ? vt('restore.will') : vt('revert.will')}</p>
        <ul class="wb-version-changes">
          <For each={lines}>{(line) => <li data-testid="version-change">{line}</li>}</For>
        </ul>
      </Show>
      <Show when={p.kind === 'restore' && p.preview.lost > 0 && p.preview.lost}>{(lost) => <p class="wb-dialog-body">{vt('restore.lost', lost())}</p>}</Show>
      <Show when={p.kind === 'revert' && p.skipped.length > 0 && p.skipped}>
        {(skipped) => (
          <>
            <p class="wb-dialog-body">{vt('revert.skipped', skipped().length)}</p>
            <ul class="wb-version-changes wb-version-skipped">
              <For each={skipped().slice(0, 20)}>
                {(s) => {
                  const where = vt('revert.where', s.sheet, s.row, s.column);
                  return <li data-testid="version-skipped">{s.why === 'changed' ? vt('revert.skipChanged', where) : vt('revert.skipLost', where)}</li>;
                }}
              </For>
            </ul>
          </>
        )}
      </Show>
      <Show when={lines.length > 0}>
        <p class="wb-dialog-body wb-version-note">{vt('versions.everyone')}</p>
      </Show>
      <DialogFooter
        cancel={vt('versions.cancel')}
        onCancel={props.onClose}
        primary={
          lines.length > 0
            ? { label: working() ? vt('versions.working') : p.kind === 'restore' ? vt('restore.confirm') : vt('revert.confirm'), danger: true, disabled: working(), testId: 'version-confirm-go', onClick: go }
            : undefined
        }
      />
    </Dialog>
  );
};
