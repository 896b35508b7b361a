/**
 * The keyboard of the grid. AG Grid keeps plain arrows, Tab, Page and Home/End navigation; the
 * keys below are ours (AG Grid is told to ignore them through `suppressKeyboardEvent`):
 * Shift+arrows extend the selection, Enter/F2 edit, typing replaces, Delete clears, Space ticks a
 * checkbox, Escape collapses, Ctrl/Cmd+A selects all, Ctrl/Cmd+Home and +End go to the first and
 * last cell, Ctrl+Alt+= inserts a row above (with Shift: below). Copy, cut and paste are the browser's own
 * clipboard events (see clipboard.ts); undo, redo and find are app-wide (App.tsx).
 */
import { clearSelection, insertRow, toggleBoolean } from './grid-commands.ts';
import type { GridController } from './grid-controller.ts';
import { extendBy, inRect, rowSelection, single } from '../../app/selection.ts';

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** True for a key that types a character (or starts an input-method composition). */
const typesText = (e: KeyboardEvent): boolean =>
  !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'Process' || e.isComposing);

/** Ctrl+Alt+= (Google Sheets' insert) puts a row above the active one; with Shift (Ctrl+Alt++), below. */
const insertPlace = (e: KeyboardEvent): 'above' | 'below' | undefined =>
  e.ctrlKey && e.altKey && (e.key === '=' || e.key === '+') ? (e.shiftKey ? 'below' : 'above') : undefined;

/** Keys the grid handles itself rather than AG Grid. */
export const ownsKey = (e: KeyboardEvent, editing: boolean): boolean => {
  if (editing) return false;
  const mod = e.ctrlKey || e.metaKey;
  if (mod) return ['a', 'c', 'v', 'x', 'z', 'y', 'f', 'home', 'end'].includes(e.key.toLowerCase()) || insertPlace(e) !== undefined;
  if (e.shiftKey && e.key in ARROWS) return true;
  return ['Enter', 'F2', 'Delete', 'Backspace', 'Escape', ' '].includes(e.key) || typesText(e);
};

/**
 * Makes the active cell the one that has keyboard focus when focus left the selection and AG
 * Grid's focus event has not arrived yet (a key pressed right after keyboard navigation).
 */
const syncWithFocus = (ctl: GridController, cellEl: Element): void => {
  const row = Number(cellEl.closest('.ag-row')?.getAttribute('row-index') ?? Number.NaN);
  const col = ctl.colIndex(cellEl.getAttribute('col-id') ?? '');
  const r = ctl.selectedRect();
  if (!Number.isFinite(row) || col < 0 || (r && inRect(r, row, col))) return;
  ctl.select(single({ row, col }));
};

/** Handles a key pressed on a grid cell; returns true when it was used. */
export const handleGridKey = (e: KeyboardEvent, ctl: GridController): boolean => {
  const target = e.target as HTMLElement | null;
  const cellEl = target?.closest('.ag-cell');
  if (!cellEl || ctl.editing()) return false;
  syncWithFocus(ctl, cellEl);
  const sel = ctl.selection();
  const rows = ctl.displayedRowCount();
  const cols = ctl.displayedColumns().length;
  if (!sel || rows === 0 || cols === 0) return false;
  const active = ctl.activeCell();
  const mod = e.ctrlKey || e.metaKey;

  if (mod && e.key.toLowerCase() === 'a') {
    ctl.select({ anchor: { row: 0, col: 0 }, focus: { row: rows - 1, col: cols - 1 } });
    return true;
  }
  if (mod && (e.key === 'Home' || e.key === 'End')) {
    ctl.focusCell(e.key === 'Home' ? { row: 0, col: 0 } : { row: rows - 1, col: cols - 1 });
    return true;
  }
  const place = insertPlace(e);
  if (place) {
    insertRow(ctl, place);
    return true;
  }
  if (mod) return false;
  const arrow = ARROWS[e.key];
  if (e.shiftKey && arrow) {
    const next = extendBy(sel, arrow[0], arrow[1], rows, cols);
    ctl.select(next);
    ctl.reveal(next.focus);
    return true;
  }
  switch (e.key) {
    case 'Escape':
      ctl.select({ anchor: sel.anchor, focus: sel.anchor });
      return true;
    case 'Delete':
    case 'Backspace':
      clearSelection(ctl);
      return true;
    case ' ':
      if (e.shiftKey) {
        ctl.select(rowSelection(sel.anchor.row, sel.focus.row, cols));
        return true;
      }
      if (active?.col.type === 'boolean') {
        toggleBoolean(ctl, active.rowId, active.col.id);
        return true;
      }
      break;
    case 'Enter':
    case 'F2':
      if (active?.col.type === 'boolean' && e.key === 'Enter') {
        toggleBoolean(ctl, active.rowId, active.col.id);
        return true;
      }
      return openEditor(ctl, false);
    default:
      break;
  }
  if (typesText(e) && active?.col.type !== 'boolean') {
    // Focus moves to the editor before the browser inserts the character, so the key lands there
    // (also the first key of a Chinese input-method composition).
    return openEditor(ctl, true, false);
  }
  return false;
};

/** Opens the cell editor; a formula column says where its values come from instead. */
const openEditor = (ctl: GridController, replace: boolean, consume = true): boolean => {
  const active = ctl.activeCell();
  if (!active) return false;
  if (active.col.formula !== undefined) {
    ctl.app.toasts.show({ kind: 'info', message: ctl.app.t('edit.formulaColumn', ctl.app.label(active.col)) });
    return true;
  }
  if (!ctl.startEdit(replace)) return false;
  ctl.editorInput?.focus();
  return consume;
};
