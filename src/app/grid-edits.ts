/**
 * What a person does to the cells and rows of a sheet from the grid, as model writes: each one is
 * one transaction (one undo step). The grid turns its selection into ids; this decides what to write.
 *
 * @example
 *   const id = insertRowNear(wb, sheetId, activeRowId, 'below'); // the new row's id
 *   wb.setCells(sheetId, clearEdits(selectedRowIds, selectedColumns));
 */
import type { CellEdit, Workbook } from '../model/index.ts';
import type { Column } from '../schema/types.ts';

/** Where a new row goes: above or below a row, or after the last one. */
export type RowPlace = 'above' | 'below' | 'end';

/** The edits that empty the cells of `rowIds` × `columns`; formula columns are skipped (they hold no input). */
export const clearEdits = (rowIds: readonly string[], columns: readonly Column[]): CellEdit[] => {
  const inputs = columns.filter((c) => c.formula === undefined);
  const edits: CellEdit[] = [];
  for (const rowId of rowIds) for (const c of inputs) edits.push({ rowId, colId: c.id, value: null });
  return edits;
};

/**
 * The model position a new row takes: right above or below `rowId` in the sheet's own order (a
 * sort on screen does not change where it is stored), or after the last row.
 */
export const insertIndex = (wb: Workbook, sheetId: string, rowId: string | undefined, place: RowPlace): number => {
  const at = rowId === undefined || place === 'end' ? -1 : wb.rowIndex(sheetId, rowId);
  if (at < 0) return wb.rowCount(sheetId);
  return place === 'above' ? at : at + 1;
};

/** Inserts one empty row next to `rowId` (or at the end); returns its id. */
export const insertRowNear = (wb: Workbook, sheetId: string, rowId: string | undefined, place: RowPlace): string | undefined =>
  wb.insertRows(sheetId, { index: insertIndex(wb, sheetId, rowId, place) })[0];
