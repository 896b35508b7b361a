/**
 * "Restore this value" from a cell's history: the old value is written back as if the person had
 * typed it now, through the same edit command (so a column retyped since, a choice removed from
 * its list, a formula that no longer checks or a formula column is refused with the usual
 * sentence), as one edit that Undo takes back. Nothing is written in a workbook open for viewing.
 *
 * @example
 *   const r = restoreValue(ctx, sheetId, rowId, colId, entry.value);
 *   if (!r.ok) show(r.problem);
 */
import { plainText } from '../schema/format-value.ts';
import { isCellFormula, type CellValue } from '../schema/types.ts';
import type { CalcService } from './calc-service.ts';
import { typeIntoCell, type EditContext, type EditResult } from './edit-commands.ts';

/** What restoring needs: the edit context, the display form of formulas, and whether the workbook may be changed. */
export interface RestoreContext extends EditContext {
  calc: Pick<CalcService, 'check' | 'display'>;
  readOnly: boolean;
}

/** The text a person would type to get `value` back in a cell of a column of `type` (formulas by today's names). */
export const valueAsTyped = (ctx: Pick<RestoreContext, 'calc' | 'locale'>, sheetId: string, type: Parameters<typeof plainText>[1], value: CellValue): string => {
  if (!isCellFormula(value)) return plainText(value, type);
  const shown = ctx.calc.display(value.f, sheetId, ctx.locale);
  return shown.startsWith('=') ? shown : `=${shown}`;
};

/** Writes a value from the cell's history back into the cell, typed like any input; refused for viewers. */
export const restoreValue = (ctx: RestoreContext, sheetId: string, rowId: string, colId: string, value: CellValue): EditResult => {
  if (ctx.readOnly) return { ok: false, problem: { kind: 'refused', message: 'This workbook is open for viewing only.' } };
  const col = ctx.wb.column(sheetId, colId);
  if (!col) return { ok: false, problem: { kind: 'refused', message: 'That cell no longer exists.' } };
  return typeIntoCell(ctx, sheetId, rowId, colId, valueAsTyped(ctx, sheetId, col.type, value));
};
