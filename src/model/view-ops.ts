/**
 * Operations on view sheets: add one, change its formula. A view sheet stores only its identity
 * and its table formula (stored form, checked by the engine before it is handed here); its rows
 * are computed on each replica. These are functions rather than Workbook methods so that their
 * code loads with the app's view commands, not with the first paint.
 *
 * @example
 *   const id = addViewSheet(wb, { name: 'To reorder', formula: '=FILTER(#inventory, #inventory[#status] = "Reorder")' });
 */
import { OperationError } from '../schema/errors.ts';
import { isViewSheet, VIEW_KIND } from '../schema/types.ts';
import { validateViewFormula } from '../schema/view-check.ts';
import { addSheet } from './sheet-ops.ts';
import type { WorkbookBase } from './workbook-base.ts';

/** A new view sheet: its name, its formula (stored form) and where its tab goes. */
export interface ViewSheetSpec {
  id?: string;
  name: string;
  formula: string;
  /** Tab position; the end when omitted. */
  index?: number;
}

/** The formula, or an OperationError saying why it cannot be stored. */
const checked = (formula: string): string => {
  const f = validateViewFormula(formula);
  if (!f.ok) throw new OperationError(`${f.problem.charAt(0).toUpperCase()}${f.problem.slice(1)}.`);
  return f.value;
};

/** Adds a view sheet (one transaction, one undo step) and returns its id. */
export const addViewSheet = (wb: WorkbookBase, spec: ViewSheetSpec): string => {
  const formula = checked(spec.formula);
  return wb.transact(() => {
    const id = addSheet(wb, { ...spec, kind: VIEW_KIND });
    wb.sheetMap(id).set('formula', formula);
    return id;
  });
};

/** Gives a view sheet another formula. */
export const setViewFormula = (wb: WorkbookBase, sheetId: string, formula: string): void => {
  if (!isViewSheet(wb.sheet(sheetId))) throw new OperationError('Only a view sheet has a formula of its own; this sheet has rows you type.');
  const f = checked(formula);
  wb.transact(() => wb.sheetMap(sheetId).set('formula', f));
};
