/**
 * The cell editor: one text input laid over the cell being edited, always mounted so a key typed
 * on a cell can be sent to it within the same key event. Types with a picker (date, choice,
 * reference) add a panel under it, loaded on first use. Enter saves and moves down, Tab right,
 * Escape cancels; a value that cannot be taken keeps the editor open with the reason under it.
 */
import { createEffect, createSignal, lazy, on, Show, Suspense, type JSX } from 'solid-js';
import { useApp } from '../app-context.ts';
import { plainText } from '../../schema/format-value.ts';
import type { GridController, Move } from './grid-controller.ts';

const EditorPanel = lazy(() => import('./editors/EditorPanel.tsx'));

/** Preloads the picker panels once the grid is on screen, so the first edit does not wait. */
export const preloadEditors = (): void => {
  void import('./editors/EditorPanel.tsx');
  void import('./cell-input.ts');
};

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the cell is, relative to `container`, or null when it is not rendered. */
const cellBox = (container: HTMLElement, rowIndex: number, colId: string): Box | null => {
  const cell = container.querySelector<HTMLElement>(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${CSS.escape(colId)}"]`);
  if (!cell) return null;
  const c = container.getBoundingClientRect();
  const r = cell.getBoundingClientRect();
  return { left: r.left - c.left, top: r.top - c.top, width: r.width, height: r.height };
};

/** The editor overlay of a sheet grid. */
export const EditorHost = (props: { ctl: GridController; container: () => HTMLElement | undefined }): JSX.Element => {
  const app = useApp();
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [box, setBox] = createSignal<Box | null>(null);
  let input: HTMLInputElement | undefined;
  let bubble: HTMLDivElement | undefined;
  let panelKeys: ((e: KeyboardEvent) => boolean) | undefined;
  const session = () => props.ctl.editing();
  const column = () => {
    const s = session();
    return s ? app.wb.column(props.ctl.sheetId, s.colId) : undefined;
  };

  const picker = () => {
    const t = column()?.type;
    return t === 'date' || t === 'choice' || t === 'reference' ? t : undefined;
  };

  const place = (): boolean => {
    const s = session();
    const container = props.container();
    const b = s && container ? cellBox(container, s.rowIndex, s.colId) : null;
    setBox(b);
    return b !== null;
  };

  createEffect(
    on(session, (s) => {
      setError(undefined);
      if (!s || !input) {
        setBox(null);
        return;
      }
      const col = column();
      const start = s.replace || !col ? '' : plainText(app.calc.value(props.ctl.sheetId, s.rowId, s.colId), col.type);
      input.value = start;
      setText(start);
      place();
      input.focus();
      // A picker opens with its text selected: typing searches afresh, the arrows pick from the list.
      if (picker()) input.select();
      else input.setSelectionRange(start.length, start.length);
    }),
  );

  /** Keeps the editor over its cell while the grid scrolls; saves it when the cell scrolls away. */
  props.ctl.onScroll = () => {
    if (session() && !place()) commit('none');
  };

  const commit = (move: Move, value = input?.value ?? '') =>
    void import('./cell-input.ts').then((m) => {
      const problem = m.commitEdit(props.ctl, value, move);
      if (problem) {
        setError(problem);
        input?.focus();
        // Moved left when it would run past the grid's right edge.
        if (bubble) m.keepInside(bubble, props.container());
      }
    });

  const cancel = () => props.ctl.endEdit('none');

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (panelKeys?.(e)) {
      e.preventDefault();
      return;
    }
    const moves: Record<string, Move> = { Enter: e.shiftKey ? 'up' : 'down', Tab: e.shiftKey ? 'left' : 'right' };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      commit(move);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
    e.stopPropagation();
  };

  const onBlur = (e: FocusEvent) => {
    const next = e.relatedTarget as HTMLElement | null;
    if (!session() || next?.closest('.wb-editor')) return;
    commit('none');
    // A refused value keeps the editor open; the person fixes it or presses Escape.
  };

  return (
    <div
      class="wb-editor"
      classList={{ 'wb-editor-open': !!session() && !!box() }}
      style={box() ? { left: `${box()?.left}px`, top: `${box()?.top}px` } : undefined}
    >
      <input
        ref={(el) => {
          input = el;
          props.ctl.editorInput = el;
        }}
        class="wb-editor-input"
        classList={{ 'wb-editor-bad': !!error() }}
        style={{ height: `${box()?.height ?? 30}px`, width: `${Math.max(box()?.width ?? 120, 120)}px` }}
        aria-label={column() ? app.label(column() ?? { name: '' }) : undefined}
        aria-invalid={error() ? 'true' : undefined}
        tabIndex={session() ? 0 : -1}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setError(undefined);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <Show when={session() && error()}>
        <div class="wb-editor-error" role="alert" ref={bubble}>
          {error()}
        </div>
      </Show>
      <Show when={session() && picker() && column()}>
        <Suspense>
          <EditorPanel
            kind={picker() ?? 'choice'}
            column={column() ?? { id: '', name: '', type: 'text', options: {} }}
            text={text}
            references={props.ctl.references}
            pick={(value) => commit('down', value)}
            keys={(h) => (panelKeys = h)}
          />
        </Suspense>
      </Show>
    </div>
  );
};
