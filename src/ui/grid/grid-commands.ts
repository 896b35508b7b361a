/** What a person can do to the cells and rows of the grid; each is one model operation (one undo step). */
import { clearEdits, insertRowNear, type RowPlace } from '../../app/grid-edits.ts';
import type { AppState } from '../app-context.ts';
import type { GridController } from './grid-controller.ts';

/** Shows a model error as a toast (user input the model refused; the message says what to do). */
export const reportError = (ctl: GridController, err: unknown): void => {
  ctl.app.toasts.show({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
};

/** Wraps a model operation for a menu or button: a refusal becomes a toast instead of an exception. */
export const attempt =
  (ctl: GridController, fn: () => void) =>
  (): void => {
    try {
      fn();
    } catch (err) {
      reportError(ctl, err);
    }
  };

/** Empties the selected cells (formula columns are skipped: they hold no input). A viewer changes nothing. */
export const clearSelection = (ctl: GridController): number => {
  const r = ctl.selectedRect();
  if (!r || ctl.readOnly) return 0;
  const edits = clearEdits(ctl.selectedRowIds(), ctl.displayedColumns().slice(r.left, r.right + 1));
  if (edits.length > 0) ctl.wb.setCells(ctl.sheetId, edits);
  return edits.length;
};

/** Flips a checkbox cell. */
export const toggleBoolean = (ctl: GridController, rowId: string, colId: string): void => {
  const col = ctl.wb.column(ctl.sheetId, colId);
  if (!col || col.type !== 'boolean' || col.formula !== undefined || ctl.readOnly) return;
  ctl.wb.setCell(ctl.sheetId, rowId, colId, ctl.wb.cell(ctl.sheetId, rowId, colId) !== true);
};

/** Inserts one empty row above or below the active row (or at the end when nothing is selected). */
export const insertRow = (ctl: GridController, where: RowPlace): void => {
  if (ctl.readOnly) return;
  const id = insertRowNear(ctl.wb, ctl.sheetId, ctl.activeCell()?.rowId, where);
  if (!id) return;
  const shown = ctl.indexOfRow(id);
  if (shown >= 0) ctl.focusCell({ row: shown, col: Math.max(0, ctl.selection()?.anchor.col ?? 0) });
};

/** Moves rows to just before `beforeRowId` (null: the end). */
export const moveRowsBefore = (ctl: GridController, rowIds: readonly string[], beforeRowId: string | null): void => {
  if (rowIds.length === 0 || (beforeRowId !== null && rowIds.includes(beforeRowId)) || ctl.readOnly) return;
  ctl.wb.moveRows(ctl.sheetId, rowIds, beforeRowId);
};

/** Undoes this person's last change (never a teammate's). */
export const undo = (app: AppState): void => {
  if (!app.wb.undo()) app.toasts.show({ kind: 'info', message: app.t('undo.nothing') }, 2500);
};

/** Redoes the last undone change. */
export const redo = (app: AppState): void => {
  if (!app.wb.redo()) app.toasts.show({ kind: 'info', message: app.t('redo.nothing') }, 2500);
};
