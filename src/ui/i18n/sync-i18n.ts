/**
 * The translator of the sync UI (status, sharing, presence, history, workbook list): the same
 * language as the rest of the app, from its own dictionary, which loads with those parts.
 */
import { ownEntry } from '../../schema/own-entry.ts';
import type { Locale } from '../../schema/types.ts';
import { syncEn, type SyncDict, type SyncKey } from './sync-en.ts';
import { syncZhCN } from './sync-zh-CN.ts';

type Args<K extends SyncKey> = SyncDict[K] extends (...a: infer A) => string ? A : [];

const DICTS: Record<Locale, SyncDict> = { en: syncEn, 'zh-CN': syncZhCN };

/** Text of `key` in the language `locale()` names. */
export type SyncText = <K extends SyncKey>(key: K, ...args: Args<K>) => string;

/** A translator over a language accessor (reactive when `locale` is a signal). */
export const syncText =
  (locale: () => Locale): SyncText =>
  (key, ...args) => {
    const dict = ownEntry(DICTS, locale(), DICTS.en);
    const entry = ownEntry<unknown>(dict, key, key) as string | ((...a: unknown[]) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  };
