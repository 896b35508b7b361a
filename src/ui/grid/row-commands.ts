/**
 * What a person does to whole rows from the row menu: duplicate, and delete (asking first when
 * other sheets refer to them). Loaded with the menus, not with the first paint.
 */
import { rowsMayBeReferredTo } from '../../app/dependents.ts';
import { undo } from './grid-commands.ts';
import type { GridController } from './grid-controller.ts';

/** Copies the selected rows, each right after itself. */
export const duplicateSelectedRows = (ctl: GridController): void => {
  const ids = ctl.selectedRowIds();
  if (ids.length > 0 && !ctl.readOnly) ctl.wb.duplicateRows(ctl.sheetId, ids);
};

/**
 * Deletes the selected rows, with an Undo in the toast. When other sheets refer to rows of this
 * one, it first says which references name the selected rows, and asks (RowDeleteQuestion.tsx).
 */
export const deleteSelectedRows = (ctl: GridController): void => {
  const ids = ctl.selectedRowIds();
  if (ids.length === 0 || ctl.readOnly) return;
  const anchor = ctl.selection()?.anchor;
  if (!rowsMayBeReferredTo(ctl.wb, ctl.sheetId)) return removeRows(ctl, ids, anchor);
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
