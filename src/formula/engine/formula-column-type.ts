/** The type a formula column has: its formula's, except that a column declared numeric keeps its kind. */
import { unionType, type ScalarType, type ValueType } from '../types.ts';

const NUMERIC_COLUMNS = new Set<ValueType>(['number', 'integer', 'currency', 'percent']);

/**
 * The type of a formula column declared `declared` whose formula gives `formula.type` (possibly
 * with text: a union stays one, "currency or text"). A declared number kind wins over a numeric
 * result (a currency column computing a plain number stays currency); a formula that no longer
 * checks leaves the declared type.
 */
export const formulaColumnType = (declared: ValueType, formula: { type: ValueType; orText: boolean }): ScalarType => {
  const inferred = formula.type;
  const keep = inferred === 'error' || (NUMERIC_COLUMNS.has(declared) && (NUMERIC_COLUMNS.has(inferred) || inferred === 'boolean'));
  return unionType(keep ? declared : inferred, formula.orText);
};
