/**
 * Ambiguous dates in a paste: `10/01/2027` pasted into a date column is read in the workbook's
 * regional order, as typing reads it; a paste may hold many, so the person is told once how many
 * were read which way, with one example, and may switch all of them (only those cells) to the
 * other reading in one undoable step, unless some changed since (then nothing is switched, and
 * the refusal says how many changed).
 *
 * @example
 *   const cells = pastedDates(plan, applyPaste(wb, sheetId, plan));
 *   const s = dateSummary(cells, dateOrderOf(regionOf(wb.settings)));
 *   // later, on the person's click:
 *   const r = switchPastedDates(wb, sheetId, cells);
 */
import type { Workbook } from '../model/index.ts';
import type { DateOrder } from '../schema/date-text.ts';

/** A date cell of a paste plan whose text reads both ways: where it goes, what was taken, the other reading. */
export interface PlannedDate {
  /** The row id, or '' for a row the paste adds. */
  rowId: string;
  /** For a row the paste adds: its index among the plan's new rows; -1 otherwise. */
  newRow: number;
  colId: string;
  /** The text pasted (`10/01/2027`). */
  text: string;
  /** The reading written (`YYYY-MM-DD`). */
  taken: string;
  /** The other reading (`YYYY-MM-DD`). */
  other: string;
}

/** An ambiguous date cell once written: its row is known. */
export type PastedDate = Omit<PlannedDate, 'newRow'>;

/** How the ambiguous dates of a paste were read: how many, in which order, and the first as an example. */
export interface DateSummary {
  count: number;
  /** The order they were read in (the workbook's regional order). */
  order: DateOrder;
  example: PastedDate;
}

/** The written cells of `planned`, given the ids of the rows the paste added (in plan order). */
export const pastedDates = (planned: readonly PlannedDate[], newRowIds: readonly string[]): PastedDate[] =>
  planned.flatMap(({ newRow, ...d }) => {
    const rowId = newRow >= 0 ? newRowIds[newRow] : d.rowId;
    return rowId ? [{ ...d, rowId }] : [];
  });

/** The summary to tell the person, or null when no date of the paste read both ways. */
export const dateSummary = (cells: readonly PastedDate[], order: DateOrder | null): DateSummary | null => {
  const example = cells[0];
  return example && order ? { count: cells.length, order, example } : null;
};

/** What switching the pasted dates did: switched them all, or nothing because some cells changed since. */
export type DateSwitch = { ok: true; switched: number } | { ok: false; changed: number; total: number };

/**
 * Writes the other reading into every cell of `cells`, as one undoable step, when each still holds
 * the reading the paste wrote; when any changed since (a teammate's or one's own edit, a deleted
 * row), nothing is written and the count of changed cells comes back.
 */
export const switchPastedDates = (wb: Workbook, sheetId: string, cells: readonly PastedDate[]): DateSwitch => {
  const changed = cells.filter((c) => !wb.hasRow(sheetId, c.rowId) || wb.column(sheetId, c.colId) === undefined || wb.cell(sheetId, c.rowId, c.colId) !== c.taken).length;
  if (changed > 0) return { ok: false, changed, total: cells.length };
  if (cells.length > 0) wb.setCells(sheetId, cells.map((c) => ({ rowId: c.rowId, colId: c.colId, value: c.other })));
  return { ok: true, switched: cells.length };
};
