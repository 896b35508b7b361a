/** The workbook as an export reads it, in the app and the CLI: a formula column carries the type of what it computes. */
import type { ExportSource } from '../csv/index.ts';
import type { Workbook } from '../model/index.ts';
import type { CalcService } from './calc-service.ts';

/**
 * An export source over the workbook and its computed values (pass `calc` as the export's `values`
 * too). A view sheet exports its computed rows: its columns are computed, so their values come from `calc`.
 */
export const calcExportSource = (wb: Workbook, calc: CalcService): ExportSource => ({
  get settings() {
    return wb.settings;
  },
  sheets: () => wb.sheets(),
  columns: (sheetId) =>
    calc.view(sheetId)?.columns ??
    wb.columns(sheetId).map((c) => {
      const type = c.formula === undefined ? undefined : calc.resultType(sheetId, c.id);
      return type && type !== c.type ? { ...c, type } : c;
    }),
  rowIds: (sheetId) => calc.view(sheetId)?.rowIds ?? wb.rowIds(sheetId),
  cell: (sheetId, rowId, colId) => (calc.view(sheetId) ? null : wb.cell(sheetId, rowId, colId)),
});
