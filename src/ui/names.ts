/**
 * Checks a sheet or column name before it goes to the model, so the person reads why not in their
 * own language (the model checks again and throws in English if something slips through).
 */
import type { AppState } from './app-context.ts';

/** Why `name` cannot name a sheet (except `exceptId` itself), or undefined. */
export const sheetNameProblem = (app: AppState, name: string, exceptId?: string): string | undefined => {
  const n = name.trim();
  if (!n) return app.t('tabs.nameEmpty');
  const other = app.wb.sheetByName(n);
  return other && other.id !== exceptId ? app.t('tabs.nameTaken', n) : undefined;
};

/** Why `name` cannot name a column of `sheetId` (except `exceptId`), or undefined. */
export const columnNameProblem = (app: AppState, sheetId: string, name: string, exceptId?: string): string | undefined => {
  const n = name.trim();
  if (!n) return app.t('col.nameEmpty');
  const other = app.wb.columnByName(sheetId, n);
  return other && other.id !== exceptId ? app.t('col.nameTaken', n) : undefined;
};

/** The first of `make(1)`, `make(2)` … that `free` accepts: "Sheet 3", "Column 7". */
export const nextFreeName = (make: (n: number) => string, free: (name: string) => boolean, start = 1): string => {
  for (let n = start; n < start + 10_000; n++) {
    const name = make(n);
    if (free(name)) return name;
  }
  return make(Date.now());
};
