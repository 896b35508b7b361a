/** A name edited in place (a space's, a member's): Enter or Save keeps it, Escape leaves it as it was. */
import type { JSX } from 'solid-js';

/** The inline form; `onSave` gets the trimmed name when it is new and not empty. */
export const RenameForm = (props: { value: string; label: string; save: string; testId: string; maxLength: number; onSave: (name: string) => void; onCancel: () => void }): JSX.Element => (
  <form
    class="wb-space-rename"
    onSubmit={(e) => {
      e.preventDefault();
      const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
      if (name !== '' && name !== props.value) props.onSave(name);
      else props.onCancel();
    }}
  >
    <input
      name="name"
      aria-label={props.label}
      value={props.value}
      maxLength={props.maxLength}
      data-testid={`${props.testId}-input`}
      ref={(el) => queueMicrotask(() => el.select())}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    />
    <button type="submit" data-testid={`${props.testId}-save`}>
      {props.save}
    </button>
  </form>
);
