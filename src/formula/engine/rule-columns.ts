/**
 * Alert rules come and go without rebuilding the engine: a rule is a hidden boolean column (see
 * alerting-source.ts) that no formula can name, so adding one computes only it, and removing one
 * drops only it.
 */
import type { Column } from '../../schema/types.ts';
import { ruleIdOf } from '../alerting-source.ts';
import type { ScalarType } from '../types.ts';
import { ColumnState } from './column-state.ts';
import type { CompiledFormula } from './compiled-formula.ts';
import type { Core } from './core.ts';

/** What of the engine a rule's column needs (the FormulaEngine, named by shape to keep imports one way). */
export interface RuleHost {
  readonly core: Core;
  readonly source: { columns(sheetId: string): readonly Column[] };
  refreshNames(): void;
  typeOf(sheetId: string, col: Column): ScalarType;
  columnFormula(sheetId: string, col: Column): CompiledFormula;
  load(cs: ColumnState): void;
  forgetColumn(sheetId: string, colId: string): void;
}

/** Adds and computes the hidden column of a new rule; false when the engine must rebuild instead. */
export const addRuleColumn = (engine: RuleHost, sheetId: string, colId: string): boolean => {
  const st = engine.core.sheets.get(sheetId);
  const col = engine.source.columns(sheetId).find((c) => c.id === colId);
  if (!st || !col || col.formula === undefined || st.columns.has(colId) || ruleIdOf(colId) === undefined) return false;
  engine.refreshNames();
  const cs = new ColumnState(engine.core.cols.length, st, col);
  engine.core.cols.push(cs);
  st.columns.set(colId, cs);
  const shape = engine.typeOf(sheetId, col);
  cs.type = shape.t;
  cs.orText = shape.orText === true;
  cs.formula = engine.columnFormula(sheetId, col);
  for (const dep of cs.formula.sameRow) st.columns.get(dep)?.sameRowDependents.add(cs);
  engine.load(cs);
  engine.core.log.column(sheetId, colId);
  return true;
};

/**
 * Drops the hidden column of a removed rule; false when the engine must rebuild instead. Its state
 * stays in the engine's column list, unreachable by name, as a removed view sheet's does.
 */
export const removeRuleColumn = (engine: RuleHost, sheetId: string, colId: string): boolean => {
  const st = engine.core.sheets.get(sheetId);
  const cs = st?.columns.get(colId);
  if (!st || !cs || ruleIdOf(colId) === undefined) return false;
  for (const dep of cs.formula?.sameRow ?? []) st.columns.get(dep)?.sameRowDependents.delete(cs);
  for (const slot of st.order) engine.core.dropAccumulators(cs.instance(slot));
  st.columns.delete(colId);
  engine.forgetColumn(sheetId, colId);
  engine.refreshNames();
  return true;
};
