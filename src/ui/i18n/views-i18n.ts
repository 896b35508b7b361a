/**
 * The translator of the charts, calendar and dashboard: the same language as the rest of the app
 * (each person's choice), from the views' own dictionary, which loads with those views.
 */
import { ownEntry } from '../../schema/own-entry.ts';
import type { Locale } from '../../schema/types.ts';
import { viewsEn, type ViewDict, type ViewKey } from './views-en.ts';
import { viewsZhCN } from './views-zh-CN.ts';

type Args<K extends ViewKey> = ViewDict[K] extends (...a: infer A) => string ? A : [];

const DICTS: Record<Locale, ViewDict> = { en: viewsEn, 'zh-CN': viewsZhCN };

/** Text of `key` in the language `locale()` names (reactive when `locale` is a signal). */
export type ViewText = <K extends ViewKey>(key: K, ...args: Args<K>) => string;

/** A translator over a language accessor. */
export const viewText =
  (locale: () => Locale): ViewText =>
  (key, ...args) => {
    const dict = ownEntry(DICTS, locale(), DICTS.en);
    const entry = ownEntry<unknown>(dict, key, key) as string | ((...a: unknown[]) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  };
