/** What an export reads: a workbook's typed reads and, once the engine is there, its computed values. */
import type { CellScalar, CellValue, Column, SheetInfo, WorkbookSettings } from '../schema/types.ts';

/** A spreadsheet error as a value (`#DIV/0!` …), as the formula engine reports it. */
export interface ErrorValue {
  error: string;
  message?: string;
}

/** What a cell shows: a typed scalar (dates `YYYY-MM-DD`), empty (null), or an error value. */
export type ExportValue = CellScalar | ErrorValue;

/** The typed reads an export needs; `Workbook` from src/model satisfies it. */
export interface ExportSource {
  readonly settings: WorkbookSettings;
  sheets(): SheetInfo[];
  columns(sheetId: string): readonly Column[];
  rowIds(sheetId: string): readonly string[];
  cell(sheetId: string, rowId: string, colId: string): CellValue;
}

/** Computed values of formula cells; the formula engine implements it. */
export interface ComputedValues {
  value(sheetId: string, rowId: string, colId: string): ExportValue;
}

/** True for an error value such as `{ error: '#DIV/0!' }`. */
export const isErrorValue = (v: unknown): v is ErrorValue =>
  typeof v === 'object' && v !== null && typeof (v as ErrorValue).error === 'string';
