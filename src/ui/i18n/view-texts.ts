/**
 * The texts of the charts, calendar and dashboard as a bundle: both languages load with those
 * views. A module shows them through `app.i18n.texts(viewTexts)`.
 */
import type { Dict } from './en.ts';
import { viewsEn, type ViewDict } from './views-en.ts';
import { viewsZhCN } from './views-zh-CN.ts';
import type { Bundle, Translate } from './translator.ts';

/** The views' texts in every language. */
export const viewTexts: Bundle<ViewDict> = { en: viewsEn, 'zh-CN': viewsZhCN };

/** A translator of the main dictionary and the views' texts. */
export type ViewText = Translate<Dict & ViewDict>;
