/**
 * Registers the dialogs' texts (both languages, a few KB) with the translator. Every module that
 * shows a dialog text imports this file, so the texts arrive with the first dialog that needs
 * them instead of with the first paint; `t` of a text not registered yet throws.
 */
import { dialogsEn } from './dialogs-en.ts';
import { dialogsZhCN } from './dialogs-zh-CN.ts';
import { registerTexts } from './i18n.ts';

registerTexts({ en: dialogsEn, 'zh-CN': dialogsZhCN });
