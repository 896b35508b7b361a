/**
 * What a printed sheet holds, headless: every column of the sheet (pinned ones first, as the grid
 * shows them), the rows of the person's view in its order, each cell as the grid writes it, up to
 * a row limit. The page layout (a table whose header row repeats on every page) is the UI's.
 */
import type { Column, ColumnType } from '../schema/types.ts';
import { NUMERIC_TYPES } from '../schema/chart-check.ts';

/** Rows printed at most: a printout of more is a stack of paper nobody reads, and a big table stalls the print preview. */
export const PRINT_ROW_LIMIT = 5_000;

/** One printed column. */
export interface PrintColumn {
  id: string;
  /** The header as the grid shows it (in the UI language). */
  header: string;
  /** Numbers are right-aligned, as in the grid. */
  numeric: boolean;
}

/** The table of a printed sheet. */
export interface PrintTable {
  columns: PrintColumn[];
  /** The printed rows' cells, as text, in view order. */
  rows: string[][];
  /** Rows in the view (after its filters); more than `rows.length` when the limit cut it. */
  total: number;
  /** True when the view has more rows than were printed. */
  cut: boolean;
}

/** How the table reads the sheet. */
export interface PrintSource {
  /** The sheet's columns in its order. */
  columns: readonly Column[];
  /** The ids of the rows in view, in view order. */
  rowIds: readonly string[];
  /** A column's header text. */
  header: (col: Column) => string;
  /** The type a column's values are shown as (a formula column's result type). */
  shownType: (col: Column) => ColumnType;
  /** The text a cell shows in the grid. */
  text: (rowId: string, col: Column) => string;
}

/** The printed table of a sheet's view: all its columns, its first `limit` rows in view order. */
export const printTable = (source: PrintSource, limit = PRINT_ROW_LIMIT): PrintTable => {
  const all = source.columns;
  const columns = [...all.filter((c) => c.options.pinned), ...all.filter((c) => !c.options.pinned)];
  const max = Math.max(0, Math.floor(limit));
  const ids = source.rowIds.length > max ? source.rowIds.slice(0, max) : source.rowIds;
  return {
    columns: columns.map((c) => ({ id: c.id, header: source.header(c), numeric: NUMERIC_TYPES.includes(source.shownType(c)) })),
    rows: ids.map((id) => columns.map((c) => source.text(id, c))),
    total: source.rowIds.length,
    cut: source.rowIds.length > ids.length,
  };
};
