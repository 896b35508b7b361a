/**
 * The texts of the sync UI (status, sharing, presence, history, workbook list) as a bundle: both
 * languages load with those parts. A module shows them through `i18n.texts(syncTexts)`.
 */
import type { Dict } from './en.ts';
import { syncEn, type SyncDict } from './sync-en.ts';
import { syncZhCN } from './sync-zh-CN.ts';
import type { Bundle, Translate } from './translator.ts';

/** The sync UI's texts in every language. */
export const syncTexts: Bundle<SyncDict> = { en: syncEn, 'zh-CN': syncZhCN };

/** A translator of the main dictionary and the sync UI's texts. */
export type SyncText = Translate<Dict & SyncDict>;
