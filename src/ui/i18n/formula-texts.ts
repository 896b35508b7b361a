/**
 * The formula layer's messages (checker refusals, error values' reasons) as a bundle: English from
 * src/formula itself, Chinese from formula-zh-CN.ts. It loads with the formula engine, after the
 * first paint; the engine adapter is given `formulaText` to write each message in the UI language.
 */
import { MESSAGES_EN } from '../../formula/messages-en.ts';
import type { FormulaMessage, MessageTexts } from '../../formula/messages.ts';
import { formulaZhCN } from './formula-zh-CN.ts';
import type { I18n } from './i18n.ts';
import type { Bundle } from './translator.ts';

/** Every formula message in every language. */
export const formulaTexts: Bundle<MessageTexts> = { en: MESSAGES_EN, 'zh-CN': formulaZhCN };

/** Writes a formula message in the current UI language. */
export const formulaText = (i18n: I18n): ((m: FormulaMessage) => string) => {
  // One cast for the union: each message's code and arguments match (FormulaMessage), which a call by a code of the union cannot show.
  const t = i18n.texts(formulaTexts) as (code: string, ...args: readonly unknown[]) => string;
  return (m) => t(m.code, ...m.args);
};
