/** The demo workbook `demo` that `npm start` creates on first start: the ops templates with a shop's plan in them. */
import type { Workbook, WorkbookOptions } from '../src/model/index.ts';
import { compileTemplateFormula } from './compile.ts';
import { buildDemoWorkbook } from './demo/build.ts';

/** Today's date where this runs, as `YYYY-MM-DD` (the demo's campaigns are laid out around it). */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** A fresh demo workbook, deterministic for a given day. */
export const createDemoWorkbook = (today: string = localToday(), ids?: WorkbookOptions): Workbook =>
  buildDemoWorkbook({ today, compile: compileTemplateFormula, ...(ids ? { ids } : {}) });
