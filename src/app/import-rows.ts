/** The edit command of an import (the app's dialog and the CLI): a checked plan's rows, written at once. */
import { commitImport, type ImportChoice, type ImportPlan, type ImportResult, type ImportWriter } from '../csv/index.ts';
import { isCellFormula } from '../schema/types.ts';

/**
 * Writes the rows of a checked import plan (`good-rows`, or `nothing`). An import never writes a
 * formula: a field starting with "=" is text, so no unchecked formula can come in from a file.
 */
export const importRows = (plan: ImportPlan, choice: ImportChoice, wb: ImportWriter): ImportResult => {
  for (const row of plan.rows) {
    for (const v of row) if (isCellFormula(v)) throw new Error('An import plan holds a formula; imports write values only.');
  }
  return commitImport(plan, choice, wb);
};
