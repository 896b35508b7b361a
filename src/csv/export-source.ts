/** What an export reads: a workbook's typed reads and, once the engine is there, its computed values. */
import type { ComputedValue } from '../schema/computed-value.ts';
import type { CellValue, Column, SheetInfo, WorkbookSettings } from '../schema/types.ts';

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
  value(sheetId: string, rowId: string, colId: string): ComputedValue;
}
