/** The edit command of an import (the app's dialog and the CLI): a checked plan's rows, written at once. */
import { commitImport, type ImportChoice, type ImportPlan, type ImportResult, type ImportWriter } from '../csv/index.ts';
import { isCellFormula, isViewSheet } from '../schema/types.ts';

/**
 * Writes the rows of a checked import plan (`good-rows`, `blank-bad-cells` or `nothing`). An import never writes a
 * formula: a field starting with "=" is text, so no unchecked formula can come in from a file.
 */
export const importRows = (plan: ImportPlan, choice: ImportChoice, wb: ImportWriter): ImportResult => {
  const target = plan.setup.target;
  // A view sheet's rows are what its formula computes: nothing can be imported into one.
  if ('sheetId' in target && isViewSheet(wb.sheets().find((s) => s.id === target.sheetId))) {
    throw new Error(`"${target.sheetName}" is a view sheet: its rows come from its formula, so rows cannot be imported into it.`);
  }
  for (const row of [...plan.rows, ...plan.rejected.map((r) => r.blanked ?? [])]) {
    for (const v of row) if (isCellFormula(v)) throw new Error('An import plan holds a formula; imports write values only.');
  }
  return commitImport(plan, choice, wb);
};
