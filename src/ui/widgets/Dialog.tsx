/** A modal dialog frame (title, body, buttons) and the two small dialogs built on it: confirm and prompt. */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { DialogFooter } from './DialogFooter.tsx';

/** The frame: Escape or the backdrop cancels; focus starts on the first field or button. */
export const Dialog = (props: {
  title: string;
  onClose: () => void;
  children: JSX.Element;
  wide?: boolean;
  /** An extra class for a dialog that needs its own size. */
  class?: string;
  testId?: string;
}): JSX.Element => {
  let ref: HTMLDivElement | undefined;
  onMount(() => {
    const first = ref?.querySelector<HTMLElement>('input, select, textarea, button.wb-primary, button');
    first?.focus();
  });
  return (
    <div class="wb-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        class={props.class ? `wb-dialog ${props.class}` : 'wb-dialog'}
        classList={{ 'wb-dialog-wide': !!props.wide }}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onClose();
          }
        }}
      >
        <h2 class="wb-dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
};

/** Asks to confirm something that destroys data (it can still be undone). */
export const ConfirmDialog = (props: {
  title: string;
  body: string;
  /** What else the action touches (what depends on a deleted sheet …): a sentence and a few examples. */
  dependents?: { summary: string; details: readonly string[] } | null;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onClose: () => void;
}): JSX.Element => (
  <Dialog title={props.title} onClose={props.onClose} testId="confirm-dialog">
    <p class="wb-dialog-body">{props.body}</p>
    <Show when={props.dependents}>
      {(d) => (
        <div class="wb-dialog-dependents" data-testid="confirm-dependents" role="note">
          <p class="wb-dialog-body">{d().summary}</p>
          <ul>
            <For each={d().details}>{(line) => <li>{line}</li>}</For>
          </ul>
        </div>
      )}
    </Show>
    <DialogFooter
      cancel={props.cancel}
      onCancel={props.onClose}
      primary={{
        label: props.confirm,
        danger: true,
        onClick: () => {
          props.onClose();
          props.onConfirm();
        },
      }}
    />
  </Dialog>
);

/** Asks for a name; `check` returns a sentence when the name cannot be taken. */
export const PromptDialog = (props: {
  title: string;
  label: string;
  value: string;
  ok: string;
  cancel: string;
  check: (v: string) => string | undefined;
  onSubmit: (v: string) => void;
  onClose: () => void;
}): JSX.Element => {
  const [value, setValue] = createSignal(props.value);
  const [error, setError] = createSignal<string>();
  const submit = (e: Event) => {
    e.preventDefault();
    const problem = props.check(value());
    if (problem) return setError(problem);
    props.onClose();
    props.onSubmit(value().trim());
  };
  return (
    <Dialog title={props.title} onClose={props.onClose} testId="prompt-dialog">
      <form onSubmit={submit}>
        <label class="wb-field">
          <span>{props.label}</span>
          <input
            value={value()}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setError(undefined);
            }}
            onFocus={(e) => e.currentTarget.select()}
            aria-invalid={error() ? 'true' : undefined}
          />
        </label>
        <Show when={error()}>
          <p class="wb-field-error" role="alert">
            {error()}
          </p>
        </Show>
        <DialogFooter cancel={props.cancel} onCancel={props.onClose} primary={{ label: props.ok }} />
      </form>
    </Dialog>
  );
};
