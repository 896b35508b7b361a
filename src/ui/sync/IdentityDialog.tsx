/** Asks once for the name and colour teammates see (kept in this browser; changeable from the status bar). */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { PRESENCE_COLORS, saveIdentity, type Identity } from '../../sync/identity.ts';
import { useApp } from '../app-context.ts';
import { syncTexts } from '../i18n/sync-texts.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { DialogFooter } from '../widgets/DialogFooter.tsx';

const IdentityDialog = (props: { identity: Identity; onSave: (identity: Identity) => void; onClose: () => void }): JSX.Element => {
  const app = useApp();
  const st = app.i18n.texts(syncTexts);
  const [name, setName] = createSignal(props.identity.name);
  const [color, setColor] = createSignal(props.identity.color);
  const [problem, setProblem] = createSignal<string | null>(null);

  const save = () => {
    const n = name().trim();
    if (!n) return setProblem(st('me.nameEmpty'));
    const next: Identity = { ...props.identity, name: n.slice(0, 40), color: color(), chosen: true };
    saveIdentity(next);
    props.onSave(next);
    props.onClose();
  };
  // "Later" keeps the made-up name, and the question comes back on the next shared workbook.
  return (
    <Dialog title={st('me.title')} onClose={props.onClose} testId="identity-dialog">
      <p class="wb-dialog-body">{st('me.hint')}</p>
      <label class="wb-field">
        {st('me.name')}
        <input
          value={name()}
          maxLength={40}
          data-testid="identity-name"
          onInput={(e) => (setName(e.currentTarget.value), setProblem(null))}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
      </label>
      <fieldset class="wb-colors">
        <legend>{st('me.color')}</legend>
        <For each={[...PRESENCE_COLORS]}>
          {(c, i) => (
            <label class="wb-color" style={{ background: c }} title={st('me.colorNamed', i() + 1)}>
              <input type="radio" name="me-color" checked={color() === c} onChange={() => setColor(c)} aria-label={st('me.colorNamed', i() + 1)} />
            </label>
          )}
        </For>
      </fieldset>
      <Show when={problem()}>
        <p class="wb-dialog-error" role="alert">
          {problem()}
        </p>
      </Show>
      <DialogFooter cancel={st('me.later')} onCancel={props.onClose} primary={{ label: st('me.save'), onClick: save, testId: 'identity-save' }} />
    </Dialog>
  );
};

export default IdentityDialog;
