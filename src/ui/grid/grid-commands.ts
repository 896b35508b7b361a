/** What a person can do to the cells and rows of the grid; each is one model operation (one undo step). */
import type { CellEdit } from '../../model/index.ts';
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
  const cols = ctl.displayedColumns().slice(r.left, r.right + 1).filter((c) => c.formula === undefined);
  const edits: CellEdit[] = [];
  for (const rowId of ctl.selectedRowIds()) for (const c of cols) edits.push({ rowId, colId: c.id, value: null });
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
export const insertRow = (ctl: GridController, where: 'above' | 'below' | 'end'): void => {
  if (ctl.readOnly) return;
  const active = ctl.activeCell();
  const total = ctl.wb.rowCount(ctl.sheetId);
  let index = total;
  if (active && where !== 'end') {
    const at = ctl.wb.rowIndex(ctl.sheetId, active.rowId);
    index = where === 'above' ? at : at + 1;
  }
  const [id] = ctl.wb.insertRows(ctl.sheetId, { index });
  if (!id) return;
  const shown = ctl.indexOfRow(id);
  if (shown >= 0) ctl.focusCell({ row: shown, col: Math.max(0, ctl.selection()?.anchor.col ?? 0) });
};

/** Copies the selected rows, each right after itself. */
export const duplicateSelectedRows = (ctl: GridController): void => {
  const ids = ctl.selectedRowIds();
  if (ids.length > 0 && !ctl.readOnly) ctl.wb.duplicateRows(ctl.sheetId, ids);
};

/** True when a reference column of another sheet points at `sheetId` (its rows' keys may be named there). */
const referredTo = (ctl: GridController): boolean =>
  ctl.wb.columns(ctl.sheetId).some((c) => c.options.key) &&
  ctl.wb.sheets().some((s) => s.id !== ctl.sheetId && ctl.wb.columns(s.id).some((c) => c.type === 'reference' && c.options.refSheet === ctl.sheetId));

/**
 * Deletes the selected rows, with an Undo in the toast. When other sheets refer to rows of this
 * one, it first says which references name the selected rows, and asks (RowDeleteQuestion.tsx).
 */
export const deleteSelectedRows = (ctl: GridController): void => {
  const ids = ctl.selectedRowIds();
  if (ids.length === 0 || ctl.readOnly) return;
  const anchor = ctl.selection()?.anchor;
  if (!referredTo(ctl)) return removeRows(ctl, ids, anchor);
  void import('./RowDeleteQuestion.tsx').then((m) => m.deleteRowsAsking(ctl, ids, () => removeRows(ctl, ids, anchor)));
};

const removeRows = (ctl: GridController, ids: readonly string[], anchor: { row: number; col: number } | undefined): void => {
  ctl.wb.deleteRows(ctl.sheetId, ids);
  ctl.app.toasts.show({
    kind: 'info',
    message: ctl.app.t('row.deleted', ids.length),
    action: { label: ctl.app.t('common.undo'), run: () => undo(ctl.app) },
  });
  const rows = ctl.displayedRowCount();
  if (anchor && rows > 0) ctl.focusCell({ row: Math.min(anchor.row, rows - 1), col: anchor.col });
  else ctl.select(null);
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
