/**
 * The print texts (both languages) as a bundle: they load with the print view and the sheet tab's
 * menu. A module shows them through `app.i18n.texts(printTexts)`.
 */
import type { Bundle } from '../i18n/translator.ts';
import { printEn, type PrintDict } from './print-en.ts';
import { printZhCN } from './print-zh-CN.ts';

/** The print texts in every language. */
export const printTexts: Bundle<PrintDict> = { en: printEn, 'zh-CN': printZhCN };
