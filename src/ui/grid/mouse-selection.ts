/**
 * Selecting with the mouse: a click selects a cell, Shift+click extends from the active cell, a
 * drag paints a range, a click on a row number selects the row (Shift: rows up to it). Listens in
 * the capture phase, before AG Grid, so the selection is right before AG Grid moves its focus.
 */
import { ROW_NUMBER_COL, type GridController } from './grid-controller.ts';
import { rowSelection, single, type CellPos } from '../../app/selection.ts';

/** The displayed position of the cell under an event, or null (row number: col −1). */
const posOf = (ctl: GridController, target: EventTarget | null): (CellPos & { rowNumber: boolean }) | null => {
  const cellEl = (target as HTMLElement | null)?.closest?.('.ag-cell');
  const row = Number(cellEl?.closest('.ag-row')?.getAttribute('row-index') ?? Number.NaN);
  const colId = cellEl?.getAttribute('col-id');
  if (!cellEl || !Number.isFinite(row) || !colId) return null;
  if (colId === ROW_NUMBER_COL) return { row, col: -1, rowNumber: true };
  const col = ctl.colIndex(colId);
  return col < 0 ? null : { row, col, rowNumber: false };
};

/** Listens for selection gestures on `root`; returns the unsubscribe function. */
export const listenMouseSelection = (ctl: GridController, root: HTMLElement): (() => void) => {
  let dragging: 'cells' | 'rows' | null = null;

  const down = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const pos = posOf(ctl, e.target);
    if (!pos || (e.target as HTMLElement).closest('.wb-drag')) return;
    const sel = ctl.selection();
    const cols = ctl.displayedColumns().length;
    if (pos.rowNumber) {
      ctl.select(e.shiftKey && sel ? rowSelection(sel.anchor.row, pos.row, cols) : rowSelection(pos.row, pos.row, cols));
      dragging = 'rows';
      return;
    }
    const at = { row: pos.row, col: pos.col };
    ctl.select(e.shiftKey && sel ? { anchor: sel.anchor, focus: at } : single(at));
    dragging = 'cells';
  };

  const over = (e: MouseEvent) => {
    if (!dragging || (e.buttons & 1) === 0) {
      dragging = null;
      return;
    }
    const pos = posOf(ctl, e.target);
    const sel = ctl.selection();
    if (!pos || !sel) return;
    if (dragging === 'rows') ctl.select(rowSelection(sel.anchor.row, pos.row, ctl.displayedColumns().length));
    else if (!pos.rowNumber) ctl.select({ anchor: sel.anchor, focus: { row: pos.row, col: pos.col } });
  };

  const up = () => (dragging = null);

  root.addEventListener('mousedown', down, true);
  root.addEventListener('mouseover', over, true);
  document.addEventListener('mouseup', up);
  return () => {
    root.removeEventListener('mousedown', down, true);
    root.removeEventListener('mouseover', over, true);
    document.removeEventListener('mouseup', up);
  };
};
