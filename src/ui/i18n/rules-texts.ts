/**
 * The texts of rules on columns as a bundle: both languages load with the column menu and the
 * rules dialog, not with the first paint. A module shows them through `app.i18n.texts(rulesTexts)`.
 */
import type { Dict } from './en.ts';
import { rulesEn, type RulesDict } from './rules-en.ts';
import { rulesZhCN } from './rules-zh-CN.ts';
import type { Bundle, Translate } from './translator.ts';

/** The rules' texts in every language. */
export const rulesTexts: Bundle<RulesDict> = { en: rulesEn, 'zh-CN': rulesZhCN };

/** A translator of the main dictionary and the rules' texts. */
export type RulesText = Translate<Dict & RulesDict>;
