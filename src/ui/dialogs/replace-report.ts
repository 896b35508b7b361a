/**
 * What a replace did, in the person's language, as one toast: "Replaced N in M sheets", how many
 * matches were computed and left, and how many new texts the columns refused, with the first few
 * (where, the text, why).
 */
import type { ReplaceOutcome } from '../../app/workbook-replace.ts';
import { sheetShape } from '../../app/sheet-shape.ts';
import type { AppState } from '../app-context.ts';
import { editProblemText } from '../grid/cell-input.ts';
import type { FindText } from '../i18n/find-texts.ts';
import type { Toast } from '../toasts.ts';

/** Where a cell is: sheet · column, row n (as the sheet's rows are numbered). */
const whereText = (app: AppState, t: FindText, sheetId: string, rowId: string, colId: string): string => {
  const shape = sheetShape(app.wb, app.calc, sheetId);
  const sheet = app.wb.sheet(sheetId);
  const col = shape.column(colId);
  return t('find.where', sheet ? app.label(sheet) : '', col ? app.label(col) : '', shape.rowIndex(rowId) + 1);
};

/** The toast that reports `r`. */
export const replaceReport = (app: AppState, t: FindText, r: ReplaceOutcome): Omit<Toast, 'id'> => {
  if (!r.ok) return { kind: 'error', message: t('find.readOnly') };
  const details: string[] = [];
  if (r.refused > 0) {
    details.push(t('find.refused', r.refused));
    for (const e of r.examples) details.push(t('find.example', whereText(app, t, e.hit.sheetId, e.hit.rowId, e.hit.colId), e.text, editProblemText(app, e.problem)));
  }
  if (r.computed > 0) details.push(t('find.computed', r.computed));
  const message = t('find.replaced', r.replaced, r.sheets);
  return details.length > 0 ? { kind: r.refused > 0 ? 'error' : 'info', message, details } : { kind: 'info', message };
};
