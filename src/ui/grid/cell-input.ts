/**
 * Text typed or pasted into a cell → the value to store, or a sentence in the person's language
 * saying why not. Shared by the cell editor, the formula bar and paste.
 */
import { isCellFormula, type CellValue, type Column } from '../../schema/types.ts';
// Imported from its own file, not an index: this module is loaded after the grid shows, and the
// parsers should come with it rather than with the first load.
import { parseInput, type ParseProblem } from '../../schema/parse-input.ts';
import type { AppState } from '../app-context.ts';
import type { DictKey } from '../i18n/en.ts';
import type { GridController, Move } from './grid-controller.ts';
import type { ReferenceIndex } from './reference-index.ts';
import '../i18n/dialog-texts.ts';

export { parseInput };

/** The value to write, or why it cannot be written. */
export type CellInput = { ok: true; value: CellValue } | { ok: false; message: string };

const PROBLEM_KEYS = {
  number: 'parse.number',
  integer: 'parse.integer',
  currency: 'parse.currency',
  percent: 'parse.percent',
  date: 'parse.date',
  boolean: 'parse.boolean',
} as const satisfies Record<Exclude<ParseProblem['kind'], 'choice'>, DictKey>;

/** A parse problem as a sentence in the UI language. */
export const problemText = (t: AppState['t'], p: ParseProblem): string =>
  p.kind === 'choice' ? t('parse.choice', p.text, p.choices.join(', ')) : t(PROBLEM_KEYS[p.kind], p.text);

/**
 * Reads `text` for a cell of `col` (row `rowId`, or a row about to be added when empty). Formula
 * columns take nothing; a cell formula must pass the engine's check and is stored in its stored form;
 * a reference must name an existing key of the referenced sheet.
 */
export const readCellInput = (
  app: AppState,
  refs: ReferenceIndex,
  sheetId: string,
  col: Column,
  rowId: string,
  text: string,
): CellInput => {
  if (col.formula !== undefined) return { ok: false, message: app.t('edit.formulaColumn', app.label(col)) };
  const r = parseInput(text, col, { locale: app.i18n.locale(), formulas: true });
  if (!r.ok) return { ok: false, message: problemText(app.t, r.problem) };
  if (isCellFormula(r.value)) {
    const c = app.calc.check(r.value.f, { kind: 'cell', sheetId, rowId, colId: col.id });
    return c.ok ? { ok: true, value: { f: c.stored } } : { ok: false, message: c.message };
  }
  const refSheet = col.options.refSheet;
  if (col.type === 'reference' && typeof r.value === 'string' && refSheet && app.wb.hasSheet(refSheet)) {
    if (!refs.lookup(refSheet, r.value)) {
      const sheet = app.wb.sheet(refSheet);
      return { ok: false, message: app.t('edit.refUnknown', r.value, sheet ? app.label(sheet) : '') };
    }
  }
  return r;
};

/** Commits the editor's text to the cell being edited; returns the problem, or undefined when saved. */
export const commitEdit = (ctl: GridController, text: string, move: Move): string | undefined => {
  const s = ctl.editing();
  const col = s ? ctl.wb.column(ctl.sheetId, s.colId) : undefined;
  if (!s || !col || !ctl.wb.hasRow(ctl.sheetId, s.rowId)) {
    ctl.endEdit('none');
    return undefined;
  }
  const r = readCellInput(ctl.app, ctl.references, ctl.sheetId, col, s.rowId, text);
  if (!r.ok) return r.message;
  try {
    ctl.wb.setCell(ctl.sheetId, s.rowId, s.colId, r.value);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  ctl.endEdit(move);
  return undefined;
};
