/**
 * Pickers shown under the cell editor (loaded on first use): a list of choices, a searchable list
 * of referenced rows (key and name), and a calendar. Each filters by the editor's text, takes
 * ArrowUp/ArrowDown/Enter from it, and keeps the editor's focus when clicked.
 */
import { createEffect, createSignal, For, onCleanup, Show, type Accessor, type JSX } from 'solid-js';
import type { Column } from '../../../schema/types.ts';
import { useApp } from '../../app-context.ts';
import type { ReferenceIndex } from '../../../app/reference-index.ts';
import { Calendar } from './Calendar.tsx';
import { dialogTexts } from '../../i18n/dialog-texts.ts';

/** Props of a picker panel. */
export interface PanelProps {
  kind: 'date' | 'choice' | 'reference';
  column: Column;
  /** What is typed in the editor. */
  text: Accessor<string>;
  references: ReferenceIndex;
  /** Saves this text as the cell's value. */
  pick: (text: string) => void;
  /** Registers the panel's key handler (returns true when it used the key); undefined unregisters it. */
  keys: (handler: ((e: KeyboardEvent) => boolean) | undefined) => void;
}

interface Item {
  value: string;
  label: string;
  hint?: string;
}

/** A list with a highlighted item moved by the arrow keys. */
const ListPanel = (props: { items: Accessor<Item[]>; pick: (v: string) => void; keys: PanelProps['keys']; empty: string }): JSX.Element => {
  const [at, setAt] = createSignal(-1);
  createEffect(() => {
    props.items();
    setAt(-1);
  });
  onCleanup(() => props.keys(undefined));
  props.keys((e) => {
    const n = props.items().length;
    if (e.key === 'ArrowDown' && n > 0) setAt((i) => Math.min(n - 1, i + 1));
    else if (e.key === 'ArrowUp' && n > 0) setAt((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter' && at() >= 0) {
      const item = props.items()[at()];
      if (!item) return false;
      props.pick(item.value);
    } else return false;
    return true;
  });
  return (
    <ul class="wb-pick-list" role="listbox" onMouseDown={(e) => e.preventDefault()}>
      <For each={props.items()} fallback={<li class="wb-pick-empty">{props.empty}</li>}>
        {(item, i) => (
          <li
            role="option"
            aria-selected={i() === at()}
            classList={{ 'wb-pick-on': i() === at() }}
            onClick={() => props.pick(item.value)}
          >
            <span class="wb-pick-label">{item.label}</span>
            <Show when={item.hint}>
              <span class="wb-pick-hint">{item.hint}</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
};

/** The picker for a column type. */
const EditorPanel = (props: PanelProps): JSX.Element => {
  const app = useApp();
  const t = app.i18n.texts(dialogTexts);
  const choices = (): Item[] => {
    const q = props.text().trim().toLowerCase();
    const all = props.column.options.choices ?? [];
    const exact = all.some((c) => c.toLowerCase() === q);
    return all.filter((c) => !q || exact || c.toLowerCase().includes(q)).map((c) => ({ value: c, label: c }));
  };
  const rows = (): Item[] => {
    const sheet = props.column.options.refSheet;
    return sheet ? props.references.search(sheet, props.text()).map((r) => ({ value: r.key, label: r.key, hint: r.name })) : [];
  };
  return (
    <div class="wb-pick">
      <Show when={props.kind === 'choice'}>
        <ListPanel items={choices} pick={props.pick} keys={props.keys} empty={t('edit.noMatch')} />
      </Show>
      <Show when={props.kind === 'reference'}>
        <Show when={props.column.options.refSheet} fallback={<div class="wb-pick-empty">{t('edit.refNoSheet')}</div>}>
          <ListPanel items={rows} pick={props.pick} keys={props.keys} empty={t('edit.noMatch')} />
        </Show>
      </Show>
      <Show when={props.kind === 'date'}>
        <Calendar text={props.text} pick={props.pick} />
      </Show>
    </div>
  );
};

export default EditorPanel;
