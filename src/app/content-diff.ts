/**
 * What changes between two contents of a workbook, counted as a person reads a confirmation
 * ("5 cells change, 2 rows come back"): used before restoring a moment, by the app and the CLI.
 */
import type { SheetJSON, WorkbookJSON } from '../schema/workbook-json.ts';

/** Counts of what going from one content to another changes. */
export interface ContentDiff {
  /** Cells of rows both have whose value differs. */
  cells: number;
  /** Rows the target has and the current content does not (in sheets both have). */
  rowsBack: number;
  /** Rows the current content has and the target does not (in sheets both have). */
  rowsRemoved: number;
  /** Rows both have, in another order. */
  rowsMoved: number;
  sheetsBack: number;
  sheetsRemoved: number;
  /** Other things that differ: settings, columns, rules, charts, the dashboard, sheet names and order. */
  other: number;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));

/** Counts the changes of one sheet both contents have. */
const sheetDiff = (from: SheetJSON, to: SheetJSON, d: ContentDiff): void => {
  if (from.name !== to.name || from.kind !== to.kind || !same(from.labels, to.labels)) d.other++;
  const [fromCols, toCols] = [byId(from.columns), byId(to.columns)];
  for (const id of new Set([...fromCols.keys(), ...toCols.keys()])) if (!same(fromCols.get(id), toCols.get(id))) d.other++;
  if (!same(from.columns.map((c) => c.id), to.columns.map((c) => c.id))) d.other++;
  if (!same(from.rules, to.rules)) d.other++;
  if (!same(from.charts, to.charts)) d.other++;
  const fromRows = byId(from.rows);
  const toRows = byId(to.rows);
  for (const [id, row] of toRows) {
    const was = fromRows.get(id);
    if (!was) {
      d.rowsBack++;
      continue;
    }
    for (const col of new Set([...Object.keys(was.cells), ...Object.keys(row.cells)])) if (!same(was.cells[col] ?? null, row.cells[col] ?? null)) d.cells++;
  }
  for (const id of fromRows.keys()) if (!toRows.has(id)) d.rowsRemoved++;
  const fromOrder = from.rows.filter((r) => toRows.has(r.id)).map((r) => r.id);
  const toOrder = to.rows.filter((r) => fromRows.has(r.id)).map((r) => r.id);
  d.rowsMoved += fromOrder.filter((id, i) => toOrder[i] !== id).length;
};

/** What changes when the content `from` becomes `to`. */
export const contentDiff = (from: WorkbookJSON, to: WorkbookJSON): ContentDiff => {
  const d: ContentDiff = { cells: 0, rowsBack: 0, rowsRemoved: 0, rowsMoved: 0, sheetsBack: 0, sheetsRemoved: 0, other: 0 };
  if (!same(from.settings, to.settings)) d.other++;
  if (!same(from.dashboard, to.dashboard)) d.other++;
  const [fromSheets, toSheets] = [byId(from.sheets), byId(to.sheets)];
  for (const [id, sheet] of toSheets) {
    const was = fromSheets.get(id);
    if (was) sheetDiff(was, sheet, d);
    else d.sheetsBack++;
  }
  for (const id of fromSheets.keys()) if (!toSheets.has(id)) d.sheetsRemoved++;
  if (!same(from.sheets.filter((s) => toSheets.has(s.id)).map((s) => s.id), to.sheets.filter((s) => fromSheets.has(s.id)).map((s) => s.id))) d.other++;
  return d;
};

/** True when nothing would change. */
export const isNoChange = (d: ContentDiff): boolean => Object.values(d).every((n) => n === 0);
