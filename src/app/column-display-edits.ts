/**
 * Hiding, showing and wrapping columns: column options stored in the workbook like any edit (so
 * everyone sees the same sheet, and Undo takes a change back). Loaded with the column menu.
 *
 * @example
 *   setColumnHidden(wb, sheetId, costId, true); // the grid leaves Cost out, =[Price]-[Cost] still works
 *   showColumns(wb, sheetId, hiddenColumns(wb.columns(sheetId)).map((c) => c.id));
 */
import type { Workbook } from '../model/index.ts';
import type { Column } from '../schema/types.ts';
import { shownColumns } from './column-display.ts';

/** Why a column cannot be hidden: it is the last one shown (the grid would have no cell to stand on). */
export type HideProblem = 'lastShown';

/** Hides or shows one column for everyone; hiding the last shown column is refused (returned, not thrown). */
export const setColumnHidden = (wb: Workbook, sheetId: string, colId: string, hidden: boolean): HideProblem | undefined => {
  const col = wb.column(sheetId, colId);
  if (!col || (col.options.hidden === true) === hidden) return undefined;
  if (hidden && shownColumns(wb.columns(sheetId)).every((c) => c.id === colId)) return 'lastShown';
  const { hidden: _was, ...rest } = col.options;
  wb.setColumnOptions(sheetId, colId, hidden ? { ...rest, hidden: true } : rest);
  return undefined;
};

/** Shows the given hidden columns again, in one step (one Undo). */
export const showColumns = (wb: Workbook, sheetId: string, colIds: readonly string[]): void => {
  const cols = colIds.map((id) => wb.column(sheetId, id)).filter((c): c is Column => c?.options.hidden === true);
  if (cols.length === 0) return;
  wb.transact(() => {
    for (const c of cols) {
      const { hidden: _was, ...rest } = c.options;
      wb.setColumnOptions(sheetId, c.id, rest);
    }
  });
};

/** Turns wrapping of long text on or off for a column. */
export const setColumnWrap = (wb: Workbook, sheetId: string, colId: string, wrap: boolean): void => {
  const col = wb.column(sheetId, colId);
  if (!col || (col.options.wrap === true) === wrap) return;
  const { wrap: _was, ...rest } = col.options;
  wb.setColumnOptions(sheetId, colId, wrap ? { ...rest, wrap: true } : rest);
};
