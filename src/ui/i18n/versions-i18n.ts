/**
 * The translator of the Versions panel: the same language as the rest of the app, from its own
 * dictionary, which loads with the panel (and the Versions button of the status bar).
 */
import type { Locale } from '../../schema/types.ts';
import { versionsEn, type VersionsDict, type VersionsKey } from './versions-en.ts';
import { versionsZhCN } from './versions-zh-CN.ts';

type Args<K extends VersionsKey> = VersionsDict[K] extends (...a: infer A) => string ? A : [];

const DICTS: Record<Locale, VersionsDict> = { en: versionsEn, 'zh-CN': versionsZhCN };

/** Text of `key` in the language `locale()` names. */
export type VersionsText = <K extends VersionsKey>(key: K, ...args: Args<K>) => string;

/** A translator over a language accessor (reactive when `locale` is a signal). */
export const versionsText =
  (locale: () => Locale): VersionsText =>
  (key, ...args) => {
    const entry = DICTS[locale()][key] as string | ((...a: unknown[]) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  };
