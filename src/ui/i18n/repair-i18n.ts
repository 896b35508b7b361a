/** The translator of the "needs repair" notice, and the words for a damaged entry and its problems. */
import type { DamagedEntry, StoredProblem } from '../../schema/stored/index.ts';
import { shortText } from '../../schema/stored/stored-problem.ts';
import { ownEntry } from '../../schema/own-entry.ts';
import type { Locale } from '../../schema/types.ts';
import { repairEn, type RepairDict } from './repair-en.ts';
import { translator, type Bundle, type Text, type Translate } from './translator.ts';
import { repairZhCN } from './repair-zh-CN.ts';

/** The repair texts in every language (the app shows them through `i18n.texts(repairTexts)`). */
export const repairTexts: Bundle<RepairDict> = { en: repairEn, 'zh-CN': repairZhCN };

/** Text of `key` in the current language. */
export type RepairText = Translate<RepairDict>;

/**
 * A translator of the repair texts over a language accessor (reactive when `locale` is a signal),
 * for the pages shown when the app's own translator may not exist (the last-resort page).
 */
export const repairText = (locale: () => Locale): RepairText =>
  translator<RepairDict>((key) => ownEntry<Text | undefined>(ownEntry(repairTexts, locale(), repairEn), key, undefined));

/** What was wrong, in a sentence of the language (stored text is shortened: a peer may have written megabytes). */
export const problemText = (rt: RepairText, p: StoredProblem): string => {
  switch (p.code) {
    case 'type':
      return rt('problem.type', p.field, p.expected, p.got);
    case 'unknown':
      return rt('problem.unknown', p.field, shortText(p.value), p.allowed.map((a) => `“${a}”`).join(', '));
    case 'tooLong':
      return rt('problem.tooLong', p.field, p.length, p.max);
    case 'range':
      return rt('problem.range', p.field, p.value, p.min, p.max);
    case 'format':
      return rt('problem.format', p.field, shortText(p.value), p.expected);
    case 'missing':
      return rt('problem.missing', p.field);
    case 'badKey':
      return rt('problem.badKey', p.field, shortText(p.key));
  }
};

/** Where a damaged entry is, as a person finds it: "Cell · sheet “Products” · row 12 · column “Price”". */
export const entryPlace = (rt: RepairText, e: DamagedEntry): string => {
  const parts = [rt('entry.what', e.kind)];
  if (e.kind !== 'sheet' && e.sheet !== undefined) parts.push(rt('entry.sheet', shortText(e.sheet)));
  if (e.row !== undefined) parts.push(rt('entry.row', e.row));
  if (e.column !== undefined) parts.push(rt('entry.column', shortText(e.column)));
  if (e.kind !== 'cell' && e.kind !== 'row' && e.kind !== 'settings' && e.kind !== 'history') parts.push(rt('entry.named', shortText(e.name ?? e.id)));
  return parts.join(' · ');
};
