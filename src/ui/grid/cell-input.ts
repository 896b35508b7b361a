/**
 * Text typed or pasted into a cell → the value to store, or a sentence in the person's language
 * saying why not. Shared by the cell editor, the formula bar and paste.
 */
import type { CellValue, Column } from '../../schema/types.ts';
import { readTypedCell, switchDateReading, typeIntoCell, type EditContext, type EditProblem, type EditWarning } from '../../app/edit-commands.ts';
import { CURRENCY_SYMBOLS } from '../../schema/number-format.ts';
import { formatNumber } from '../../schema/format-value.ts';
import { shiftInto } from '../../app/overlay-place.ts';
// Imported from its own file, not an index: this module is loaded after the grid shows, and the
// parsers should come with it rather than with the first load.
import { parseInput, type ParseProblem } from '../../schema/parse-input.ts';
import type { AppState } from '../app-context.ts';
import type { DialogKey } from '../i18n/dialogs-en.ts';
import type { GridController, Move } from './grid-controller.ts';
import type { ReferenceIndex } from '../../app/reference-index.ts';
import { dialogTexts, type DialogText } from '../i18n/dialog-texts.ts';

export { parseInput };

/** The value to write (with a sentence to show about it, if any), or why it cannot be written. */
export type CellInput = { ok: true; value: CellValue; warning?: string; otherDate?: string } | { ok: false; message: string };

const PROBLEM_KEYS = {
  number: 'parse.number',
  integer: 'parse.integer',
  currency: 'parse.currency',
  percent: 'parse.percent',
  date: 'parse.date',
  boolean: 'parse.boolean',
} as const satisfies Record<Exclude<ParseProblem['kind'], 'choice'>, DialogKey>;

/** A parse problem as a sentence in the UI language. */
export const problemText = (t: DialogText, p: ParseProblem): string =>
  p.kind === 'choice' ? t('parse.choice', p.text, p.choices.join(', ')) : t(PROBLEM_KEYS[p.kind], p.text);

/** An edit command's problem as a sentence in the UI language. */
export const editProblemText = (app: AppState, p: EditProblem): string => {
  const t = app.i18n.texts(dialogTexts);
  switch (p.kind) {
    case 'parse':
      return problemText(t, p.problem);
    case 'formulaColumn':
      return t('edit.formulaColumn', app.label(p.column));
    case 'unknownKey': {
      const sheet = app.wb.sheet(p.sheetId);
      return t('edit.refUnknown', p.key, sheet ? app.label(sheet) : '');
    }
    case 'formula':
    case 'refused':
      return p.message;
  }
};

/** An edit command's warning as a sentence in the UI language. */
export const editWarningText = (app: AppState, w: EditWarning): string => {
  const t = app.i18n.texts(dialogTexts);
  const taken = formatNumber(w.value, 'currency', w.column.options, { ...app.format(), currency: w.currency });
  return t('edit.currencyDiffers', CURRENCY_SYMBOLS[w.typed], app.label(w.column), CURRENCY_SYMBOLS[w.currency], taken);
};

/** Shows a taken value's warning, if any, as a toast (it stays long enough to read). */
const showWarning = (app: AppState, w: EditWarning | undefined): void => {
  if (w) app.toasts.show({ kind: 'info', message: editWarningText(app, w) }, 8_000);
};

/** `2027-10-01` as "1 Oct 2027" (or without its year), in the UI language. */
export const dayText = (app: AppState, iso: string, year: boolean): string =>
  new Intl.DateTimeFormat(app.i18n.locale() === 'zh-CN' ? 'zh-CN' : 'en-GB', { day: 'numeric', month: 'short', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/**
 * After a date that reads both ways was taken (10/01/2027 as 1 Oct in a US workbook), says so with
 * a button that switches the cell to the other reading, as one undoable edit.
 */
export const offerOtherDate = (app: AppState, cell: { sheetId: string; rowId: string; colId: string }, taken: CellValue, other: string | undefined): void => {
  if (other === undefined || typeof taken !== 'string') return;
  const t = app.i18n.texts(dialogTexts);
  app.toasts.show(
    {
      kind: 'info',
      message: t('edit.otherDate', dayText(app, taken, true), dayText(app, other, false)),
      action: { label: t('edit.useOtherDate', dayText(app, other, true)), run: () => void switchDateReading(app.wb, cell.sheetId, cell.rowId, cell.colId, taken, other) },
    },
    10_000,
  );
};

/** After a value typed in the formula bar was written: its warning, and the other reading of an ambiguous date. */
export const afterTaken = (app: AppState, cell: { sheetId: string; rowId: string; colId: string }, r: Extract<CellInput, { ok: true }>): void => {
  if (r.warning) app.toasts.show({ kind: 'info', message: r.warning }, 8_000);
  offerOtherDate(app, cell, r.value, r.otherDate);
};

/** What the grid's edits need: the app's workbook, engine and language, and the keys of referenced sheets. */
export const editContext = (app: AppState, refs: ReferenceIndex): EditContext => ({
  wb: app.wb,
  calc: app.calc,
  locale: app.i18n.locale(),
  hasKey: (sheetId, key) => refs.lookup(sheetId, key) !== undefined,
});

/**
 * Reads `text` for a cell of `col` (row `rowId`, or a row about to be added when empty), through
 * the app's edit command: formula columns take nothing, a cell formula must check, a reference
 * must name an existing key.
 */
export const readCellInput = (app: AppState, refs: ReferenceIndex, sheetId: string, col: Column, rowId: string, text: string): CellInput => {
  const r = readTypedCell(editContext(app, refs), sheetId, col, rowId, text);
  if (!r.ok) return { ok: false, message: editProblemText(app, r.problem) };
  const taken: CellInput = r.warning ? { ok: true, value: r.value, warning: editWarningText(app, r.warning) } : { ok: true, value: r.value };
  return r.otherDate === undefined ? taken : { ...taken, otherDate: r.otherDate };
};

/** Commits the editor's text to the cell being edited; returns the problem, or undefined when saved. */
export const commitEdit = (ctl: GridController, text: string, move: Move): string | undefined => {
  const s = ctl.editing();
  const col = s ? ctl.wb.column(ctl.sheetId, s.colId) : undefined;
  if (!s || !col || !ctl.wb.hasRow(ctl.sheetId, s.rowId)) {
    ctl.endEdit('none');
    return undefined;
  }
  const r = typeIntoCell(editContext(ctl.app, ctl.references), ctl.sheetId, s.rowId, s.colId, text);
  if (!r.ok) return editProblemText(ctl.app, r.problem);
  ctl.endEdit(move);
  showWarning(ctl.app, r.warning);
  offerOtherDate(ctl.app, { sheetId: ctl.sheetId, rowId: s.rowId, colId: s.colId }, r.value, r.otherDate);
  return undefined;
};

/**
 * Moves the editor's message (`bubble`) left so that it stays inside the grid and the window:
 * under the right-most column it would run off screen. It is measured where it is now.
 */
export const keepInside = (bubble: HTMLElement, grid: HTMLElement | undefined): void => {
  const now = Number.parseFloat(bubble.style.marginLeft) || 0;
  const r = bubble.getBoundingClientRect();
  const g = grid?.getBoundingClientRect();
  const min = Math.max(0, g?.left ?? 0);
  const max = Math.min(document.documentElement.clientWidth, g ? g.right : Number.POSITIVE_INFINITY);
  // A few pixels off the edge, so that it does not read as cut.
  bubble.style.marginLeft = `${shiftInto(r.left - now, r.width, min + 4, max - 4)}px`;
};
