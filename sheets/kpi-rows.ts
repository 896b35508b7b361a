/** The KPI sheet's rows: one per metric of the ops template, its value a cell formula over the other sheets. */
import type { CellValue } from '../src/schema/index.ts';
import type { Workbook } from '../src/model/index.ts';
import type { AppliedSheet, FormulaCompiler } from './apply-template.ts';
import { KPI_METRICS } from './kpis.ts';

/** Appends the template's metrics to a created KPI sheet (the demo's and every new ops workbook's). */
export const addKpiRows = (wb: Workbook, kpi: AppliedSheet, compile: FormulaCompiler): void => {
  const keys = ['metric', 'value', 'target', 'direction'] as const;
  const rows: CellValue[][] = KPI_METRICS.map((m) => [
    m.en,
    { f: compile(wb, kpi.sheetId, m.formula) },
    typeof m.target === 'string' ? { f: compile(wb, kpi.sheetId, m.target) } : m.target,
    m.lowerIsBetter ? 'Lower is better' : 'Higher is better',
  ]);
  wb.appendRows(kpi.sheetId, keys.map((k) => kpi.columns.get(k) ?? ''), rows);
};
