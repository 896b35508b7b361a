/**
 * The grid menus' texts as a bundle: both languages load with the menus. A module shows them
 * through `app.i18n.texts(gridTexts)`.
 */
import type { Dict } from './en.ts';
import { gridEn, type GridDict } from './grid-en.ts';
import { gridZhCN } from './grid-zh-CN.ts';
import type { Bundle, Translate } from './translator.ts';

/** The grid menus' texts in every language. */
export const gridTexts: Bundle<GridDict> = { en: gridEn, 'zh-CN': gridZhCN };

/** A translator of the main dictionary and the grid menus' texts. */
export type GridText = Translate<Dict & GridDict>;
