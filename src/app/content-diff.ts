/**
 * What restoring a moment changes, counted as a person reads a confirmation ("5 cells change back,
 * 2 rows come back"), from the typed change of the step that goes back: used by the app and the CLI.
 */
import type { WorkbookChange } from '../model/index.ts';

/** Counts of what going back to a moment changes. */
export interface ContentDiff {
  /** Cells written back, in rows that stay. */
  cells: number;
  /** Rows that come back (in sheets that stay). */
  rowsBack: number;
  /** Rows that are removed (in sheets that stay). */
  rowsRemoved: number;
  /** Rows that stay and move back to their place (with rows re-placed to make room). */
  rowsMoved: number;
  sheetsBack: number;
  sheetsRemoved: number;
  /** Other things that change: settings, columns, rules, charts, the dashboard, sheet names and order. */
  other: number;
}

/** Counts what a change of a workbook did (the step that goes back to a moment, see restore-moment.ts). */
export const diffOfChange = (change: WorkbookChange | null): ContentDiff => {
  const d: ContentDiff = { cells: 0, rowsBack: 0, rowsRemoved: 0, rowsMoved: 0, sheetsBack: 0, sheetsRemoved: 0, other: 0 };
  if (!change) return d;
  if (change.settings) d.other++;
  if (change.dashboard) d.other++;
  for (const c of change.sheets.values()) {
    if (c.added && c.removed) d.other++;
    else if (c.added) d.sheetsBack++;
    else if (c.removed) d.sheetsRemoved++;
    if (c.added || c.removed) continue;
    d.other += (c.meta ? 1 : 0) + c.columns.size + c.rules.size + c.charts.size;
    d.rowsBack += c.rowsAdded.size;
    d.rowsRemoved += c.rowsRemoved.size;
    const whole = (rowId: string) => c.rowsAdded.has(rowId) || c.rowsRemoved.has(rowId);
    for (const rowId of c.rowsMoved) if (!whole(rowId)) d.rowsMoved++;
    for (const [rowId, cols] of c.cells) if (!whole(rowId)) d.cells += cols.size;
  }
  return d;
};

/** True when nothing would change. */
export const isNoChange = (d: ContentDiff): boolean => Object.values(d).every((n) => n === 0);
