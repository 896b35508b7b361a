/**
 * The buttons at the foot of every dialog: a way out (cancel, close, later …) and, when there is
 * one, the dialog's main action, last, as the primary button. Without `onClick` the main action is
 * the form's submit button, so Enter in a field does it too. Extra buttons go first, as children.
 *
 * @example
 *   <DialogFooter cancel="Cancel" onCancel={close} primary={{ label: 'Download', testId: 'download' }} />
 */
import { Show, type JSX } from 'solid-js';

/** The dialog's main action. */
export interface FooterAction {
  label: string;
  /** Omitted: the button submits the dialog's form. */
  onClick?: () => void;
  testId?: string;
  disabled?: boolean;
  /** The action destroys or clears data (it can still be undone). */
  danger?: boolean;
}

/** A dialog's footer: children, then the way out, then the main action when there is one. */
export const DialogFooter = (props: {
  cancel: string;
  onCancel: () => void;
  cancelTestId?: string;
  primary?: FooterAction | undefined;
  children?: JSX.Element;
}): JSX.Element => (
  <div class="wb-dialog-buttons">
    {props.children}
    <button type="button" onClick={() => props.onCancel()} data-testid={props.cancelTestId}>
      {props.cancel}
    </button>
    <Show when={props.primary}>
      {(p) => (
        <button
          type={p().onClick ? 'button' : 'submit'}
          class="wb-primary"
          classList={{ 'wb-danger': !!p().danger }}
          disabled={p().disabled}
          data-testid={p().testId}
          onClick={() => p().onClick?.()}
        >
          {p().label}
        </button>
      )}
    </Show>
  </div>
);
