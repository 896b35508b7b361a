/**
 * Edit commands of view sheets: the view's formula is checked by the engine (it must give a list or a
 * table, over sheets that are not views) before anything is written, as every formula is.
 *
 * @example
 *   const r = addViewSheet(ctx, 'To reorder', '=SORTBY(FILTER(Inventory, Inventory[Status] = "Reorder"), Inventory[Days of cover], 1)');
 *   if (r.ok) openSheet(r.sheetId);
 */
import { addViewSheet as addView, setViewFormula } from '../model/index.ts';
import { describeEditProblem, type EditContext, type EditProblem } from './edit-commands.ts';

/** A view command's outcome. */
export type ViewCommandResult<T> = ({ ok: true } & T) | { ok: false; problem: EditProblem };

/** The formula as typed ("=" added when left out) checked as a view's, in its stored form, or why not. */
const checked = (ctx: Pick<EditContext, 'calc'>, text: string): { ok: true; stored: string } | { ok: false; problem: EditProblem } => {
  const formula = text.trimStart().startsWith('=') ? text.trim() : `=${text.trim()}`;
  const r = ctx.calc.check(formula, { kind: 'view' });
  return r.ok ? { ok: true, stored: r.stored } : { ok: false, problem: { kind: 'formula', message: r.message, from: r.from, to: r.to } };
};

const refused = (err: unknown): { ok: false; problem: EditProblem } => ({
  ok: false,
  problem: { kind: 'refused', message: err instanceof Error ? err.message : String(err) },
});

/** Adds a view sheet named `name` showing the rows of formula `text`, at tab position `index` (the end when omitted). */
export const addViewSheet = (ctx: Pick<EditContext, 'wb' | 'calc'>, name: string, text: string, index?: number): ViewCommandResult<{ sheetId: string }> => {
  const c = checked(ctx, text);
  if (!c.ok) return c;
  try {
    return { ok: true, sheetId: addView(ctx.wb, { name, formula: c.stored, ...(index === undefined ? {} : { index }) }) };
  } catch (err) {
    return refused(err);
  }
};

/** Gives view sheet `sheetId` the formula `text`. */
export const changeViewFormula = (ctx: Pick<EditContext, 'wb' | 'calc'>, sheetId: string, text: string): ViewCommandResult<object> => {
  const c = checked(ctx, text);
  if (!c.ok) return c;
  try {
    setViewFormula(ctx.wb, sheetId, c.stored);
    return { ok: true };
  } catch (err) {
    return refused(err);
  }
};

/** A view's formula typed in the formula bar: written when it checks, else the message and where (as the bar shows a check). */
export const typeViewFormula = (ctx: Pick<EditContext, 'wb' | 'calc'>, sheetId: string, text: string): { ok: true } | { ok: false; message: string; from: number; to: number } => {
  const r = changeViewFormula(ctx, sheetId, text);
  if (r.ok) return r;
  const p = r.problem;
  return p.kind === 'formula' ? { ok: false, message: p.message, from: p.from, to: p.to } : { ok: false, message: describeEditProblem(p), from: 0, to: 0 };
};
