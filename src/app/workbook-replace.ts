/**
 * Replace and Replace all, in one sheet or the whole workbook, as ONE transaction (one step that
 * one Undo takes back, one update that reaches every teammate). Only input cells change: a
 * column formula's cells, a view sheet's and a cell whose own formula matched only by its result
 * are computed and left as they are. Each new text is read as if typed into the cell, through the
 * edit command (edit-commands.ts), so a text the column cannot take is refused and reported, with
 * the first few examples, never written.
 *
 * @example
 *   const r = replaceAll(ctx, { text: 'Kitchen', scope: 'workbook', sheetId, matchCase: false, wholeCell: true }, 'Home');
 *   if (r.ok) say(`Replaced ${r.replaced} in ${r.sheets} sheets`);
 */
import type { CellEdit } from '../model/index.ts';
import { isCellFormula, isViewSheet, type CellValue, type Column } from '../schema/types.ts';
import { cellText } from './calc-service.ts';
import { sheetShape } from './sheet-shape.ts';
import { readTypedCell, type EditContext, type EditProblem } from './edit-commands.ts';
import { textMatcher, type TextMatcher } from './text-matcher.ts';
import { forEachMatch, typedText, type FindHit, type FindQuery, type FindSource } from './workbook-find.ts';

/** What replacing needs: what find reads, and what an edit needs. */
export type ReplaceContext = FindSource & EditContext;

/** A cell whose new text the column could not take: where, the text, and why. */
export interface ReplaceRefusal {
  hit: FindHit;
  text: string;
  problem: EditProblem;
}

/** Refusals kept as examples (all are counted). */
export const MAX_REFUSAL_EXAMPLES = 3;

/** What a replace did. */
export type ReplaceOutcome =
  | {
      ok: true;
      /** Cells written (a cell whose value would not change is not counted). */
      replaced: number;
      /** Sheets with at least one cell written. */
      sheets: number;
      /** Matches left alone because they are computed (a column formula, a view sheet, a formula's result). */
      computed: number;
      /** Matches whose new text the column refused; `examples` holds the first few. */
      refused: number;
      examples: ReplaceRefusal[];
    }
  /** Nothing can be written here: a viewer's copy, or a workbook of a newer schema. */
  | { ok: false; reason: 'readOnly' };

/** What to do with one matching cell: write a new text, or leave it because it is computed. */
type Plan = { kind: 'write'; text: string } | { kind: 'computed' } | { kind: 'gone' };

/** The new text of a matching cell: from the text it was typed as when that matched, else from the text it shows. */
const planFor = (ctx: ReplaceContext, m: TextMatcher, hit: FindHit, col: Column, by: string): Plan => {
  const { wb, calc, format } = ctx;
  const { sheetId, rowId } = hit;
  if (isViewSheet(wb.sheet(sheetId)) || col.formula !== undefined) return { kind: 'computed' };
  if (!wb.hasRow(sheetId, rowId)) return { kind: 'gone' };
  const value = calc.value(sheetId, rowId, col.id);
  const typed = typedText(ctx, sheetId, rowId, col, value);
  if (typed !== undefined && m.test(typed)) return { kind: 'write', text: m.replace(typed, by) };
  // A cell's own formula that matched by its result: the result is not what was typed.
  if (isCellFormula(wb.cell(sheetId, rowId, col.id))) return { kind: 'computed' };
  const shown = cellText(calc, format, sheetId, rowId, col, value);
  return m.test(shown) ? { kind: 'write', text: m.replace(shown, by) } : { kind: 'gone' };
};

const sameValue = (a: CellValue, b: CellValue): boolean => (isCellFormula(a) && isCellFormula(b) ? a.f === b.f : a === b);

/** Replaces in the matching cells `hits` (with their columns) in one transaction. */
const replaceIn = (ctx: ReplaceContext, m: TextMatcher, matches: readonly { hit: FindHit; col: Column }[], by: string): ReplaceOutcome => {
  if (!ctx.wb.writable) return { ok: false, reason: 'readOnly' };
  const edits = new Map<string, CellEdit[]>();
  let computed = 0;
  let refused = 0;
  const examples: ReplaceRefusal[] = [];
  for (const { hit, col } of matches) {
    const plan = planFor(ctx, m, hit, col, by);
    if (plan.kind === 'computed') computed++;
    if (plan.kind !== 'write') continue;
    const r = readTypedCell(ctx, hit.sheetId, col, hit.rowId, plan.text);
    if (!r.ok) {
      refused++;
      if (examples.length < MAX_REFUSAL_EXAMPLES) examples.push({ hit, text: plan.text, problem: r.problem });
      continue;
    }
    if (sameValue(r.value, ctx.wb.cell(hit.sheetId, hit.rowId, hit.colId))) continue;
    let list = edits.get(hit.sheetId);
    if (!list) edits.set(hit.sheetId, (list = []));
    list.push({ rowId: hit.rowId, colId: hit.colId, value: r.value });
  }
  let replaced = 0;
  if (edits.size > 0) {
    ctx.wb.transact(() => {
      for (const [sheetId, list] of edits) ctx.wb.setCells(sheetId, list);
    });
    for (const list of edits.values()) replaced += list.length;
  }
  return { ok: true, replaced, sheets: edits.size, computed, refused, examples };
};

/** Replaces every match of the query's scope by `by`: one transaction, one undo step. */
export const replaceAll = (ctx: ReplaceContext, query: FindQuery, by: string): ReplaceOutcome => {
  if (!ctx.wb.writable) return { ok: false, reason: 'readOnly' };
  const m = textMatcher(query);
  const matches: { hit: FindHit; col: Column }[] = [];
  if (m) forEachMatch(ctx, query, (hit, col) => matches.push({ hit, col }));
  return m ? replaceIn(ctx, m, matches, by) : { ok: true, replaced: 0, sheets: 0, computed: 0, refused: 0, examples: [] };
};

/** Replaces the match in one cell (the find bar's current one), if it still matches. */
export const replaceOne = (ctx: ReplaceContext, query: FindQuery, hit: FindHit, by: string): ReplaceOutcome => {
  const m = textMatcher(query);
  if (!ctx.wb.writable) return { ok: false, reason: 'readOnly' };
  const col = ctx.wb.hasSheet(hit.sheetId) ? sheetShape(ctx.wb, ctx.calc, hit.sheetId).column(hit.colId) : undefined;
  return m && col ? replaceIn(ctx, m, [{ hit, col }], by) : { ok: true, replaced: 0, sheets: 0, computed: 0, refused: 0, examples: [] };
};
