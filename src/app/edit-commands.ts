/**
 * Edit commands: the one place where what a person (or a file, or the CLI) hands in is checked and
 * then written to the model. Typed text is read by the schema's reader for the column; a formula
 * is refused when typed, with where and why, unless the engine's checker takes it (the model
 * itself stores any text starting with "="); a reference must name a key that exists. Problems
 * are data, so each UI language and the CLI can word them. Imports go through import-rows.ts.
 *
 * @example
 *   const r = typeIntoCell(ctx, sheetId, rowId, priceId, '¥1,200'); // writes 1200
 *   if (!r.ok) show(r.problem);
 */
import type { Workbook } from '../model/index.ts';
import { describeProblem, parseInput, type ParseProblem } from '../schema/parse-input.ts';
import { parseNumberText } from '../schema/number-text.ts';
import { regionOf } from '../schema/date-text.ts';
import { isCellFormula, type CellValue, type Column, type CurrencyCode, type Locale } from '../schema/types.ts';
import type { CalcService, FormulaCheck } from './calc-service.ts';

/** Why an edit was not written. */
export type EditProblem =
  /** The text is not a value of the column's type. */
  | { kind: 'parse'; problem: ParseProblem }
  /** The column computes every row: its cells take no input. */
  | { kind: 'formulaColumn'; column: Column }
  /** The formula does not check: the checker's message and where in the text. */
  | { kind: 'formula'; message: string; from: number; to: number }
  /** A reference to a key the referenced sheet does not have. */
  | { kind: 'unknownKey'; key: string; sheetId: string }
  /** The model refused the write (the sheet, row or column is gone, or the workbook is read-only). */
  | { kind: 'refused'; message: string };

/** What an edit needs besides the workbook: the formula checker and how text is read. */
export interface EditContext {
  wb: Workbook;
  calc: Pick<CalcService, 'check'>;
  locale: Locale;
  /** True when the sheet has a row with this key; references are not checked when omitted. */
  hasKey?: (sheetId: string, key: string) => boolean;
}

/** Something to tell the person about a value that was taken. */
export type EditWarning =
  /** An amount typed with another currency's symbol: taken in the column's currency, not converted. */
  { kind: 'currencyDiffers'; typed: CurrencyCode; column: Column; currency: CurrencyCode; value: number };

/**
 * The value to write (and what to tell the person about it), or why not. `otherDate`: the date
 * typed reads both ways (`10/01/2027`), the value is the workbook's regional reading, and this the
 * other one, to offer it (`switchDateReading`).
 */
export type EditResult = { ok: true; value: CellValue; warning?: EditWarning; otherDate?: string } | { ok: false; problem: EditProblem };

/** The currency an amount of `col` is shown in: its own, else the workbook's. */
export const columnCurrency = (wb: Workbook, col: Column): CurrencyCode => col.options.currency ?? wb.settings.currency;

/** A warning when `text` names another currency than the column's (`$1,200` typed into a ¥ column). */
const currencyWarning = (ctx: EditContext, col: Column, text: string, value: CellValue): EditWarning | undefined => {
  if (col.type !== 'currency' || typeof value !== 'number') return undefined;
  const typed = parseNumberText(text.trim())?.currency ?? null;
  const currency = columnCurrency(ctx.wb, col);
  return typed !== null && typed !== currency ? { kind: 'currencyDiffers', typed, column: col, currency, value } : undefined;
};

/**
 * Reads `text` typed into a cell of `col` (row `rowId`, or a row about to be added when empty),
 * without writing it. A cell formula comes back in its stored form.
 */
export const readTypedCell = (ctx: EditContext, sheetId: string, col: Column, rowId: string, text: string): EditResult => {
  if (col.formula !== undefined) return { ok: false, problem: { kind: 'formulaColumn', column: col } };
  // Dates are read in the workbook's regional order, the same for everyone, whatever their UI language.
  const r = parseInput(text, col, { locale: ctx.locale, region: regionOf(ctx.wb.settings), formulas: true });
  if (!r.ok) return { ok: false, problem: { kind: 'parse', problem: r.problem } };
  if (isCellFormula(r.value)) {
    const c = ctx.calc.check(r.value.f, { kind: 'cell', sheetId, rowId, colId: col.id });
    return c.ok ? { ok: true, value: { f: c.stored } } : { ok: false, problem: { kind: 'formula', message: c.message, from: c.from, to: c.to } };
  }
  const refSheet = col.options.refSheet;
  if (col.type === 'reference' && typeof r.value === 'string' && refSheet && ctx.hasKey && ctx.wb.hasSheet(refSheet) && !ctx.hasKey(refSheet, r.value)) {
    return { ok: false, problem: { kind: 'unknownKey', key: r.value, sheetId: refSheet } };
  }
  const warning = currencyWarning(ctx, col, text, r.value);
  const taken: EditResult = warning ? { ok: true, value: r.value, warning } : { ok: true, value: r.value };
  return r.otherDate === undefined ? taken : { ...taken, otherDate: r.otherDate };
};

/** Reads `text` for the cell and writes it; nothing is written when it does not check. */
export const typeIntoCell = (ctx: EditContext, sheetId: string, rowId: string, colId: string, text: string): EditResult => {
  const col = ctx.wb.column(sheetId, colId);
  if (!col || !ctx.wb.hasRow(sheetId, rowId)) return { ok: false, problem: { kind: 'refused', message: 'That cell no longer exists.' } };
  const r = readTypedCell(ctx, sheetId, col, rowId, text);
  if (!r.ok) return r;
  try {
    ctx.wb.setCell(sheetId, rowId, colId, r.value);
  } catch (err) {
    return { ok: false, problem: { kind: 'refused', message: err instanceof Error ? err.message : String(err) } };
  }
  return r;
};

/**
 * Writes the other reading of an ambiguous date (one undoable edit), if the cell still holds the
 * reading that was taken; false when it changed meanwhile (a teammate's edit stays).
 */
export const switchDateReading = (wb: Workbook, sheetId: string, rowId: string, colId: string, taken: string, other: string): boolean => {
  if (!wb.hasRow(sheetId, rowId) || wb.cell(sheetId, rowId, colId) !== taken) return false;
  wb.setCell(sheetId, rowId, colId, other);
  return true;
};

/** What setting a column's formula gave: done, or the checker's refusal (where and why). */
export type ColumnFormulaResult = { ok: true } | Extract<FormulaCheck, { ok: false }>;

/**
 * Sets the formula of a column from the text typed (display form) once the checker takes it, or
 * removes it when the text is blank. Nothing is written when it does not check.
 */
export const setColumnFormulaText = (ctx: Pick<EditContext, 'wb' | 'calc'>, sheetId: string, colId: string, text: string): ColumnFormulaResult => {
  if (text.trim() === '') {
    ctx.wb.setColumnFormula(sheetId, colId, undefined);
    return { ok: true };
  }
  const r = ctx.calc.check(text, { kind: 'column', sheetId, colId });
  if (!r.ok) return r;
  ctx.wb.setColumnFormula(sheetId, colId, r.stored);
  return { ok: true };
};

/** The English sentence of a warning, for the CLI and logs (the UI words them in its language). */
export const describeEditWarning = (w: EditWarning): string =>
  `${w.typed} was typed, but "${w.column.name}" is in ${w.currency}: the amount is taken as ${w.value} ${w.currency}, not converted.`;

/** The English sentence of a problem, for the CLI and logs (the UI words them in its language). */
export const describeEditProblem = (p: EditProblem): string => {
  switch (p.kind) {
    case 'parse':
      return describeProblem(p.problem);
    case 'formulaColumn':
      return `"${p.column.name}" is computed by its formula; change the formula instead.`;
    case 'formula':
    case 'refused':
      return p.message;
    case 'unknownKey':
      return `There is no "${p.key}" to refer to; add it to that sheet first.`;
  }
};
