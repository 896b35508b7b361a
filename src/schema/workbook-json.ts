/** A whole workbook as plain JSON: what a backup, a comparison or a migration reads and writes. */
import type { Chart, DashboardTile } from './chart-types.ts';
import type { CellValue, Column, Rule, SheetInfo, WorkbookSettings } from './types.ts';

/** Whole-workbook plain JSON: canonical (ordered, only non-empty cells), for comparison and backups. */
export interface WorkbookJSON {
  settings: WorkbookSettings;
  sheets: SheetJSON[];
  dashboard: DashboardTile[];
}
export interface SheetJSON extends SheetInfo {
  columns: Column[];
  rules: Rule[];
  charts: Chart[];
  rows: { id: string; cells: Record<string, CellValue> }[];
}
