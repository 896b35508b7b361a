/**
 * The one record a view sheet stores besides its identity: its table formula. Like every value read
 * from a document, it is checked before use (written by any editor, or by a buggy old client): a
 * problem is returned, never thrown.
 */

/** Characters a stored formula may have (the formula engine's limit for stored text: 8,192 × 8). */
export const MAX_STORED_FORMULA_LENGTH = 65_536;

/** A view formula read from a document: its stored text, or why it cannot be used. */
export type ViewFormulaCheck = { ok: true; value: string } | { ok: false; problem: string };

/** Checks a view sheet’s stored formula: a text starting with "=", not longer than the limit. Never throws. */
export const validateViewFormula = (raw: unknown): ViewFormulaCheck => {
  if (typeof raw !== 'string') return { ok: false, problem: `a view sheet’s formula must be a text, not ${raw === null ? 'null' : typeof raw}` };
  if (!raw.startsWith('=')) return { ok: false, problem: 'a view sheet’s formula must start with "="' };
  if (raw.length > MAX_STORED_FORMULA_LENGTH) {
    return { ok: false, problem: `a view sheet’s formula has ${raw.length.toLocaleString('en')} characters; at most ${MAX_STORED_FORMULA_LENGTH.toLocaleString('en')} are allowed` };
  }
  return { ok: true, value: raw };
};
