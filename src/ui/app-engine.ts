/**
 * The formula engine as the app runs it: the one adapter (src/app/engine-calc.ts) with the formula
 * layer's messages written in the UI language. Loaded after the grid shows (main.tsx), with the
 * formula messages' bundle.
 */
import type { Workbook } from '../model/workbook.ts';
import { engineCalc } from '../app/engine-calc.ts';
import type { CalcService } from '../app/calc-service.ts';
import { formulaText } from './i18n/formula-texts.ts';
import type { I18n } from './i18n/i18n.ts';

/** The engine over `wb`: names shown and messages written in the language `i18n` follows. */
export const appEngine = (wb: Workbook, i18n: I18n): CalcService => engineCalc(wb, i18n.locale, { messageText: formulaText(i18n) });
