/**
 * The dialogs' texts (both languages, a few KB) as a bundle: they load with the dialogs and panels
 * that import this file, not with the first paint. A module shows them through
 * `app.i18n.texts(dialogTexts)`, so it cannot show one without importing them.
 */
import type { Dict } from './en.ts';
import { dialogsEn, type DialogDict } from './dialogs-en.ts';
import { dialogsZhCN } from './dialogs-zh-CN.ts';
import type { Bundle, Translate } from './translator.ts';

/** The dialogs' texts in every language. */
export const dialogTexts: Bundle<DialogDict> = { en: dialogsEn, 'zh-CN': dialogsZhCN };

/** A translator of the main dictionary and the dialogs' texts. */
export type DialogText = Translate<Dict & DialogDict>;
