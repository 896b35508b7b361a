/** Evaluates free-standing formulas against a workbook (the CLI's `eval --workbook ID`). */
import { FormulaEngine } from './formula-engine.ts';
import type { FormulaSource } from './source.ts';
import { arrayToJSON, valueToJSON, type ValueJSON } from './value-json.ts';

/**
 * Evaluates each formula (display form, no row context: whole columns as `Sheet[Column]`) against the
 * workbook and returns one JSON value per formula; a formula that does not type-check gives
 * `{ error: '#TYPE!', message }`.
 *
 * @example
 *   evaluateInWorkbook(wb, '=SUM(Products[Cost])') // { value: 1234.5, type: 'currency' }
 *   evaluateInWorkbook(wb, '=IFERROR(1/0, "-")') // { value: '-', type: 'number|text' }
 *   evaluateInWorkbook(wb, '={1,2;3,4}') // { value: [[1, 2], [3, 4]], type: 'array', rows: 2, columns: [{ type: 'integer' }, …] }
 */
export function evaluateInWorkbook(source: FormulaSource, formula: string): ValueJSON;
export function evaluateInWorkbook(source: FormulaSource, formulas: readonly string[]): ValueJSON[];
export function evaluateInWorkbook(source: FormulaSource, formulas: string | readonly string[]): ValueJSON | ValueJSON[] {
  const engine = new FormulaEngine(source);
  const one = (f: string): ValueJSON => {
    const r = engine.evaluate(f);
    if (!r.ok) return { error: '#TYPE!', message: `${r.message} (at characters ${r.from}–${r.to})` };
    return r.array ? arrayToJSON(r.array) : valueToJSON(r.value, r.type, r.orText);
  };
  return typeof formulas === 'string' ? one(formulas) : formulas.map(one);
}

/** A source with no sheets: evaluates formulas that use no workbook (the CLI's plain `eval`). */
export const EMPTY_SOURCE: FormulaSource = {
  settings: { locale: 'en' },
  sheets: () => [],
  columns: () => [],
  rowIds: () => [],
  cell: () => null,
  columnValues: () => [],
};
