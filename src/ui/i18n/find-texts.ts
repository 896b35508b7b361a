/**
 * The find and replace bar's texts (both languages) as a bundle: they load with the bar, not with
 * the first paint. A module shows them through `app.i18n.texts(findTexts)`.
 */
import type { Dict } from './en.ts';
import { findEn, type FindDict } from './find-en.ts';
import { findZhCN } from './find-zh-CN.ts';
import type { Bundle, Translate } from './translator.ts';

/** The find bar's texts in every language. */
export const findTexts: Bundle<FindDict> = { en: findEn, 'zh-CN': findZhCN };

/** A translator of the main dictionary and the find bar's texts. */
export type FindText = Translate<Dict & FindDict>;
