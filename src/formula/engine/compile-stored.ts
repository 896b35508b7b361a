/** A stored formula compiled for the engine: checked against the workbook, sized for the step budget. */
import type { Column } from '../../schema/types.ts';
import { FormulaSyntaxError } from '../ast.ts';
import type { Catalog } from '../catalog.ts';
import { CheckError, checkTree } from '../checker.ts';
import { FormulaError } from '../errors.ts';
import { msg } from '../messages.ts';
import { FormulaLimitError, STEP_COST, treeSize } from '../limits.ts';
import { parseFormula } from '../parser.ts';
import type { ScalarType } from '../types.ts';
import type { CompiledFormula } from './compiled-formula.ts';
import { compileChecked } from './compile.ts';
import type { Core } from './core.ts';

/** What compiling a stored formula needs from the engine. */
export interface StoredContext {
  catalog: Catalog;
  core: Core;
  sheetId: string;
  colId: string;
  /** The type a column's values have when a formula reads them. */
  columnType: (sheetId: string, col: Column) => ScalarType;
  /** What the formula may give: one value (a column formula), or an array too (a cell's own), or an array (a view sheet's). */
  result?: 'single' | 'any' | 'array';
  /** Whether `[Column]` means this row (a view sheet's formula has no row). */
  row?: boolean;
}

/** Compiles a stored formula of a sheet; one that no longer checks (or is over a limit) runs as a #VALUE! with the reason. */
export const compileStored = (stored: string, ctx: StoredContext): CompiledFormula => {
  try {
    const ast = parseFormula(stored, 'stored');
    const size = treeSize(ast);
    const checked = checkTree(ast, {
      catalog: ctx.catalog, sheetId: ctx.sheetId, colId: ctx.colId, row: ctx.row ?? true, form: 'stored', columnType: ctx.columnType, result: ctx.result,
    });
    const sameRow = new Set<string>();
    for (const r of checked.refs.values()) {
      if (r.kind === 'cell') sameRow.add(r.colId);
      else if (r.kind === 'follow') sameRow.add(r.refColId);
    }
    const run = compileChecked(checked, ctx.core, stored);
    return { stored, checked, type: checked.type.t, orText: checked.type.orText === true, run, sameRow: [...sameRow], usesToday: checked.usesToday,
      depth: size.height, steps: STEP_COST.cell + STEP_COST.node * size.nodes };
  } catch (e) {
    if (!(e instanceof CheckError || e instanceof FormulaSyntaxError)) throw e;
    // A formula over a limit was written by another client (it is refused when typed): the reason is the limit.
    const broken = new FormulaError('#VALUE!', e instanceof FormulaLimitError ? e.detail : msg('stored.noLongerFits', e.detail));
    return { stored, type: 'error', orText: false, run: () => broken, sameRow: [], usesToday: false, broken, depth: 1, steps: STEP_COST.cell };
  }
};
