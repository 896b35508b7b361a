/**
 * A popup menu at a point or under an element: arrow keys move, Enter runs, Escape or a click
 * outside closes. Labels are text nodes (never HTML).
 */
import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';
import { closeOnOutsidePress } from './outside-press.ts';

/** One menu entry; `separator` draws a line before it. */
export interface MenuItem {
  label: string;
  run: () => void;
  danger?: boolean;
  disabled?: boolean;
  separator?: boolean;
  testId?: string;
}

/** Where the menu opens: a viewport point, or under an element. */
export type MenuAnchor = { x: number; y: number } | { element: HTMLElement };

const WIDTH = 220;

/** The menu; `onClose` is called after an item ran or when dismissed. */
export const Menu = (props: { anchor: MenuAnchor; items: MenuItem[]; onClose: () => void; label?: string }): JSX.Element => {
  let ref: HTMLDivElement | undefined;
  const [at, setAt] = createSignal(0);
  const pos = () => {
    const a = props.anchor;
    const p = 'element' in a ? (() => {
      const r = a.element.getBoundingClientRect();
      return { x: r.left, y: r.bottom + 2 };
    })() : a;
    const height = props.items.length * 30 + 12;
    return {
      left: `${Math.max(4, Math.min(p.x, window.innerWidth - WIDTH - 4))}px`,
      top: `${Math.max(4, p.y + height > window.innerHeight ? p.y - height : p.y)}px`,
    };
  };
  const enabled = () => props.items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0);
  const run = (item: MenuItem | undefined) => {
    if (!item || item.disabled) return;
    props.onClose();
    item.run();
  };
  const onKey = (e: KeyboardEvent) => {
    const list = enabled();
    const i = list.indexOf(at());
    if (e.key === 'ArrowDown') setAt(list[(i + 1) % list.length] ?? 0);
    else if (e.key === 'ArrowUp') setAt(list[(i - 1 + list.length) % list.length] ?? 0);
    else if (e.key === 'Enter' || e.key === ' ') run(props.items[at()]);
    else if (e.key === 'Escape' || e.key === 'Tab') props.onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  closeOnOutsidePress(() => ref, props.onClose);
  onMount(() => {
    setAt(enabled()[0] ?? 0);
    ref?.focus();
  });
  return (
    <Portal>
      <div ref={ref} class="wb-menu" role="menu" aria-label={props.label} tabIndex={-1} style={pos()} onKeyDown={onKey}>
        <For each={props.items}>
          {(item, i) => (
            <>
              <Show when={item.separator}>
                <div class="wb-menu-sep" role="separator" />
              </Show>
              <button
                type="button"
                role="menuitem"
                class="wb-menu-item"
                classList={{ 'wb-menu-on': i() === at(), 'wb-menu-danger': !!item.danger }}
                disabled={item.disabled}
                data-testid={item.testId}
                onMouseEnter={() => setAt(i())}
                onClick={() => run(item)}
              >
                {item.label}
              </button>
            </>
          )}
        </For>
      </div>
    </Portal>
  );
};

export default Menu;
