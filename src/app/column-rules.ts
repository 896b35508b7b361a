/**
 * Rules a person puts on a column (conditional formatting with an alert): a comparison or a
 * formula giving TRUE or FALSE, a colour of the palette and a message. Saved as the sheet's rules
 * are (one ordinary edit the team receives and Undo takes back), after the formula checker took the
 * condition: the model is never handed an unchecked formula.
 */
import type { Workbook } from '../model/index.ts';
import type { Locale, Rule, RuleColor } from '../schema/types.ts';
import type { CalcService } from './calc-service.ts';
import { comparisonFormula, comparisonOf, type RuleComparison } from './rule-conditions.ts';

/** What a rule's condition is, as the person gave it: a comparison, or a formula in display form. */
export type RuleCondition = RuleComparison | { kind: 'formula'; text: string };

/** A rule as the dialog edits it. `id` is the rule being changed; a new one is made without it. */
export interface RuleDraft {
  id?: string;
  condition: RuleCondition;
  color: RuleColor;
  message: string;
}

/** A saved rule's id, or why the condition was refused (the checker's message and where, in the formula's text). */
export type RuleSaveResult = { ok: true; id: string } | { ok: false; message: string; from: number; to: number };

/** What saving a rule needs: the workbook, the formula checker and the language names are written in. */
export interface RuleContext {
  wb: Workbook;
  calc: CalcService;
  locale: Locale;
}

/** A rule of a column as the dialog lists it. */
export interface ColumnRule {
  rule: Rule;
  /** Made by a person on this column (it has a colour): it can be edited. A template's alert can only be removed. */
  editable: boolean;
  /** Its condition: the comparison it is, else its formula in display form. */
  condition: RuleCondition;
}

/** A rule's name is at most this long (the stored name's limit). */
const NAME_MAX = 100;

/** The rules that mark column `colId`: a person's first, then the template's, each by name. */
export const columnRules = (ctx: RuleContext, sheetId: string, colId: string): ColumnRule[] =>
  ctx.wb
    .rules(sheetId)
    .filter((r) => r.columns.includes(colId))
    .map((rule) => {
      const comparison = rule.columns.length === 1 ? comparisonOf(rule.when, colId) : undefined;
      return {
        rule,
        editable: rule.color !== undefined && rule.columns.length === 1,
        condition: comparison ?? { kind: 'formula' as const, text: ctx.calc.display(rule.when, sheetId, ctx.locale) },
      };
    })
    .sort((a, b) => Number(b.editable) - Number(a.editable));

/** The shown type of a column: a formula column's result type, else its own. */
const shownType = (ctx: RuleContext, sheetId: string, colId: string) =>
  ctx.calc.resultType(sheetId, colId) ?? ctx.wb.column(sheetId, colId)?.type ?? 'text';

/**
 * Adds or changes the rule `draft` on column `colId`: the condition is checked as a formula in row
 * context that must give TRUE or FALSE, then written with the colour, the message and a name (the
 * message, else the condition as written). Nothing is written when the checker refuses it.
 */
export const saveColumnRule = (ctx: RuleContext, sheetId: string, colId: string, draft: RuleDraft): RuleSaveResult => {
  const c = draft.condition;
  // A comparison is built in stored form and read back in the person's language, so it goes through the checker like typed text.
  const text = c.kind === 'formula' ? c.text.trim() : ctx.calc.display(comparisonFormula(colId, shownType(ctx, sheetId, colId), c), sheetId, ctx.locale);
  const checked = ctx.calc.check(text, { kind: 'rule', sheetId });
  if (!checked.ok) return { ok: false, message: checked.message, from: checked.from, to: checked.to };
  const message = draft.message.trim();
  const name = (message || text.slice(1).trim()).slice(0, NAME_MAX);
  const id = ctx.wb.setRule(sheetId, {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    name,
    when: checked.stored,
    level: draft.color === 'red' ? 'error' : 'warning',
    message,
    columns: [colId],
    color: draft.color,
  });
  return { ok: true, id };
};

/** Removes a rule (any rule of the sheet: a template's alert too); one edit, undone by Undo. */
export const removeColumnRule = (ctx: RuleContext, sheetId: string, ruleId: string): void => {
  ctx.wb.deleteRule(sheetId, ruleId);
};
