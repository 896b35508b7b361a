/**
 * The one record a view sheet stores besides its identity: its table formula. It is read through
 * the stored-sheet checker (stored/read-sheet.ts) like every other field; this is the same check
 * for a formula about to be written, with the reason in words for the operation that refuses it.
 */
import { MAX_VIEW_FORMULA, viewFormula } from './stored/read-sheet.ts';
import type { StoredProblem } from './stored/stored-problem.ts';

/** Characters a stored view formula may have. */
export const MAX_STORED_FORMULA_LENGTH = MAX_VIEW_FORMULA;

/** A view formula about to be stored: its text, or why it cannot be. */
export type ViewFormulaCheck = { ok: true; value: string } | { ok: false; problem: string };

/** Checks a view sheet's formula: a text starting with "=", at most 65,536 characters. Never throws. */
export const validateViewFormula = (raw: unknown): ViewFormulaCheck => {
  const problems: StoredProblem[] = [];
  const value = viewFormula(raw, 'formula', problems);
  return value !== undefined
    ? { ok: true, value }
    : { ok: false, problem: 'a view formula is a text of at most 65,536 characters starting with "="' };
};
