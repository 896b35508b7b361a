/**
 * Which of a sheet's columns the grid shows: every one not hidden (a hidden column stays in the
 * sheet, so formulas, charts and exports still use it). Hiding, showing and wrapping them are edits:
 * column-display-edits.ts.
 *
 * @example
 *   shownColumns(wb.columns(sheetId)); // the grid's columns, in order
 */
import type { Column } from '../schema/types.ts';

/** The columns the grid shows, in order. */
export const shownColumns = (columns: readonly Column[]): Column[] => columns.filter((c) => !c.options.hidden);

/** The columns left out of the grid, in order. */
export const hiddenColumns = (columns: readonly Column[]): Column[] => columns.filter((c) => c.options.hidden === true);

/**
 * Where a column dragged to position `shownIndex` among the shown columns goes in the sheet (the
 * index `moveColumn` takes, among the other columns): before the shown column now at that place,
 * or after every column when dropped last. Hidden columns keep their places.
 */
export const moveIndexAmongShown = (columns: readonly Column[], colId: string, shownIndex: number): number => {
  const others = columns.filter((c) => c.id !== colId);
  const before = shownColumns(others)[Math.max(0, shownIndex)];
  return before ? others.indexOf(before) : others.length;
};
