/**
 * UI language: typed dictionaries of our own (translator.ts) rather than @solid-primitives/i18n.
 * The main dictionary is loaded in the chosen language only (en.ts or zh-CN.ts, each its own
 * chunk, fetched while the workbook opens). The texts of the parts that load later (dialogs, sync, views) are bundles in both
 * languages that load with those parts: a module reaches them with `i18n.texts(bundle)`, which it
 * can only write by importing the bundle, so no text can be shown before it has loaded.
 *
 * The language is each person's own choice (kept in localStorage), not a workbook setting:
 * two planners of one team may read the same workbook in different languages.
 */
import { ownEntry } from '../../schema/own-entry.ts';
import { createSignal, type Accessor } from 'solid-js';
import { LOCALES, type Locale } from '../../schema/types.ts';
import type { Dict } from './en.ts';
import { translator, type Bundle, type Dictionary, type Text, type Translate } from './translator.ts';

/** The translator of the app. */
export interface I18n {
  /** The current UI language (reactive). */
  locale: Accessor<Locale>;
  /** Text of a key of the main dictionary in the current language. */
  t: Translate<Dict>;
  /** A translator of the main dictionary and `bundle` (imported by the module that shows its texts). */
  texts: <D extends Dictionary>(bundle: Bundle<D>) => Translate<Dict & D>;
  /** Switches the language, loading its dictionary first. */
  setLocale: (locale: Locale) => Promise<void>;
}

const STORAGE_KEY = 'wb-ui-locale';

const loaders: Record<Locale, () => Promise<Dict>> = {
  // Each language its own chunk: a Chinese first load does not carry the English texts too.
  en: () => import('./en.ts').then((m) => m.en),
  'zh-CN': () => import('./zh-CN.ts').then((m) => m.zhCN),
};

/** The language this person chose before, or undefined. */
export const savedLocale = (): Locale | undefined => {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : undefined;
  } catch {
    return undefined;
  }
};

/** Creates the translator with `initial` loaded (so the first paint is already in that language). */
export const createI18n = async (initial: Locale): Promise<I18n> => {
  const [state, setState] = createSignal<{ locale: Locale; dict: Dictionary }>({ locale: initial, dict: await ownEntry(loaders, initial, loaders.en)() });
  document.documentElement.lang = initial;
  const setLocale = async (locale: Locale): Promise<void> => {
    // Kept at once: a reload before its texts have loaded still opens in the language chosen.
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
    const dict = await ownEntry(loaders, locale, loaders.en)();
    setState({ locale, dict });
    document.documentElement.lang = locale;
  };
  return {
    locale: () => state().locale,
    t: translator((key) => ownEntry<Text | undefined>(state().dict, key, undefined)),
    texts: (bundle) =>
      translator((key) => {
        const { locale, dict } = state();
        return ownEntry<Text | undefined>(ownEntry(bundle, locale, bundle.en), key, undefined) ?? ownEntry<Text | undefined>(dict, key, undefined);
      }),
    setLocale,
  };
};
