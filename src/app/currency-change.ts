/**
 * Changing the workbook's currency relabels amounts, it does not convert them: every amount column
 * without its own currency (and every formula column that computes an amount) shows the new symbol
 * on the same numbers, for everyone in the workbook. This says what a change would touch, for the
 * confirmation, and makes it (one undo step).
 */
import type { Workbook } from '../model/index.ts';
import type { CurrencyCode } from '../schema/types.ts';

/** What relabelling the workbook's amounts as `to` touches. */
export interface CurrencyChange {
  from: CurrencyCode;
  to: CurrencyCode;
  /** Amount columns that follow the workbook's currency, and the ids of the sheets they are on. */
  columns: number;
  sheetIds: string[];
}

/**
 * The columns whose amounts would change symbol: currency columns (typed or computed) without a
 * currency of their own. `resultType` says what a formula column computes (the engine knows).
 */
export const currencyChange = (
  wb: Workbook,
  to: CurrencyCode,
  resultType: (sheetId: string, colId: string) => string | undefined,
): CurrencyChange => {
  let columns = 0;
  const sheetIds: string[] = [];
  for (const sheet of wb.sheets()) {
    let here = 0;
    for (const col of wb.columns(sheet.id)) {
      if (col.options.currency !== undefined) continue;
      const type = col.formula !== undefined ? (resultType(sheet.id, col.id) ?? col.type) : col.type;
      if (type === 'currency') here++;
    }
    if (here > 0) sheetIds.push(sheet.id);
    columns += here;
  }
  return { from: wb.settings.currency, to, columns, sheetIds };
};

/** Relabels the workbook's amounts as `to` (nothing is converted); one undo step. */
export const relabelCurrency = (wb: Workbook, to: CurrencyCode): void => {
  if (wb.settings.currency !== to) wb.setSettings({ currency: to });
};
