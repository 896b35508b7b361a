/** Compiles the display formulas of templates (English names) into stored form against a workbook's schema. */
import { FormulaEngine, type FormulaSource } from '../src/formula/index.ts';
import type { Workbook } from '../src/model/index.ts';
import type { FormulaCompiler } from './apply-template.ts';

/** A template formula that does not check against the workbook: a bug in a template, not user input. */
export class TemplateFormulaError extends Error {
  override name = 'TemplateFormulaError';
}

/** The workbook's sheets and columns without its rows: checking a formula needs names and types only. */
const schemaOf = (wb: Workbook): FormulaSource => ({
  settings: { locale: 'en' },
  sheets: () => wb.sheets(),
  columns: (sheetId) => wb.columns(sheetId),
  rowIds: () => [],
  cell: () => null,
  columnValues: () => [],
});

/** Checks a template formula (row context) and returns its stored form; throws TemplateFormulaError when it does not check. */
export const compileTemplateFormula: FormulaCompiler = (wb, sheetId, display, colId) => {
  const engine = new FormulaEngine(schemaOf(wb));
  const r = engine.check(display, { sheetId, colId, row: true });
  if (!r.ok) {
    const sheet = wb.sheet(sheetId)?.name ?? sheetId;
    throw new TemplateFormulaError(`${sheet}: ${display}: ${r.message} (at ${r.from}–${r.to})`);
  }
  return r.stored;
};
