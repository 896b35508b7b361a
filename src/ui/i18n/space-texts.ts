/** The texts of the space pages as a bundle: both languages load with those pages (`i18n.texts(spaceTexts)`). */
import { spaceEn, type SpaceDict } from './space-en.ts';
import { spaceZhCN } from './space-zh-CN.ts';
import type { Bundle } from './translator.ts';

/** The space pages' texts in every language. */
export const spaceTexts: Bundle<SpaceDict> = { en: spaceEn, 'zh-CN': spaceZhCN };
