/**
 * The one record a view sheet stores besides its identity: its table formula. Like every value read
 * from a document, it is checked before use (written by any editor, or by a buggy old client): a
 * problem is returned, never thrown.
 */

/** Characters a stored formula may have (the formula engine's limit for stored text: 8,192 × 8). */
export const MAX_STORED_FORMULA_LENGTH = 65_536;

/** A view formula read from a document: its stored text, or why it cannot be used. */
export type ViewFormulaCheck = { ok: true; value: string } | { ok: false; problem: string };

/** Checks a view sheet's stored formula: a text starting with "=", at most 65,536 characters. Never throws. */
export const validateViewFormula = (raw: unknown): ViewFormulaCheck =>
  typeof raw === 'string' && raw.startsWith('=') && raw.length <= MAX_STORED_FORMULA_LENGTH
    ? { ok: true, value: raw }
    : { ok: false, problem: 'a view formula is a text of at most 65,536 characters starting with "="' };
