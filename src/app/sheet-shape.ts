/**
 * The columns and rows a sheet shows, whatever its kind: a sheet's own come from the workbook, a
 * view sheet's are computed by the engine (none until it has loaded). The grid, charts, exports
 * and the status bar read sheets through this, so a view sheet is shown, charted and exported
 * like any sheet.
 */
import type { Workbook } from '../model/index.ts';
import { isViewSheet, type Column } from '../schema/types.ts';
import type { CalcService, ViewSheet } from './calc-service.ts';

/** What a sheet shows. */
export interface SheetShape {
  /** True for a view sheet: read-only, its rows computed from its formula. */
  readonly isView: boolean;
  /** The view as computed now (undefined for a sheet with rows of its own, or before the engine has loaded). */
  view(): ViewSheet | undefined;
  columns(): readonly Column[];
  column(colId: string): Column | undefined;
  rowIds(): readonly string[];
  rowCount(): number;
  hasRow(rowId: string): boolean;
  /** 0-based position of a row, or -1. */
  rowIndex(rowId: string): number;
}

/** The shape of sheet `sheetId` (reads follow the workbook and the engine as they change). */
export const sheetShape = (wb: Workbook, calc: CalcService, sheetId: string): SheetShape => {
  const isView = isViewSheet(wb.sheet(sheetId));
  const v = () => (isView ? calc.view(sheetId) : undefined);
  const has = () => !isView && wb.hasSheet(sheetId);
  return {
    isView,
    view: v,
    columns: () => (has() ? wb.columns(sheetId) : (v()?.columns ?? [])),
    column: (id) => (has() ? wb.column(sheetId, id) : v()?.columns.find((c) => c.id === id)),
    rowIds: () => (has() ? wb.rowIds(sheetId) : (v()?.rowIds ?? [])),
    rowCount: () => (has() ? wb.rowCount(sheetId) : (v()?.rowIds.length ?? 0)),
    hasRow: (id) => (has() ? wb.hasRow(sheetId, id) : (v()?.rowIndex(id) ?? -1) >= 0),
    rowIndex: (id) => (has() ? wb.rowIndex(sheetId, id) : (v()?.rowIndex(id) ?? -1)),
  };
};
