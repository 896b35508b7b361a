/**
 * What the CLI's export reads: the workbook with its computed values, as the app exports it (see
 * src/ui/csv/export-file.ts and src/ui/engine-calc.ts): a formula column carries the type of what
 * it computes, dates come as YYYY-MM-DD, errors as values. A test holds the two to the same bytes.
 */
import type { ComputedValues, ExportSource } from '../../src/csv/index.ts';
import { FormulaEngine, isError, isoFromSerial, type ValueType } from '../../src/formula/index.ts';
import type { ColumnType } from '../../src/schema/index.ts';
import type { Workbook } from '../../src/model/index.ts';

/** The export source and computed values of a workbook; `today` (YYYY-MM-DD) is the date TODAY() reads. */
export interface EngineExport {
  source: ExportSource;
  values: ComputedValues;
  dispose: () => void;
}

/** Noon of a local calendar day: TODAY() is the local date, whatever the zone. */
const localNoon = (day: string): Date => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

/** The formula engine over `wb`, read as the app's export reads it. */
export const engineExport = (wb: Workbook, today: string): EngineExport => {
  const noon = localNoon(today);
  const engine = new FormulaEngine(wb, { clock: () => noon });
  const resultType = (sheetId: string, colId: string): ColumnType | undefined => {
    const t: ValueType = engine.columnType(sheetId, colId);
    // A formula that no longer checks has no result type: its column keeps its own.
    return t === 'error' ? undefined : t;
  };
  return {
    source: {
      get settings() {
        return wb.settings;
      },
      sheets: () => wb.sheets(),
      columns: (sheetId) =>
        wb.columns(sheetId).map((c) => {
          const type = c.formula === undefined ? undefined : resultType(sheetId, c.id);
          return type && type !== c.type ? { ...c, type } : c;
        }),
      rowIds: (sheetId) => wb.rowIds(sheetId),
      cell: (sheetId, rowId, colId) => wb.cell(sheetId, rowId, colId),
    },
    values: {
      value(sheetId, rowId, colId) {
        const { value, type } = engine.cell(sheetId, rowId, colId);
        if (isError(value)) return { error: value.code, message: value.message };
        return type === 'date' && typeof value === 'number' ? isoFromSerial(value) : value;
      },
    },
    dispose: () => engine.dispose(),
  };
};
