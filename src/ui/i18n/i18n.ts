/**
 * UI language: a typed dictionary of our own rather than @solid-primitives/i18n. Our needs are a
 * flat key → text (or text function) table in two languages; a `Dict` type derived from English
 * makes a missing or misspelt Chinese key a compile error, the same `t` works inside AG Grid
 * callbacks (outside Solid's tracking) and Chinese is loaded only when chosen.
 *
 * The language is each person's own choice (kept in localStorage), not a workbook setting:
 * two planners of one team may read the same workbook in different languages.
 */
import { ownEntry } from '../../schema/own-entry.ts';
import { createSignal, type Accessor } from 'solid-js';
import { LOCALES, type Locale } from '../../schema/types.ts';
import { en, type Dict, type DictKey, type Texts } from './en.ts';

type Args<K extends DictKey> = Texts[K] extends (...a: infer A) => string ? A : [];

/** Texts registered by the modules that load with the dialogs (dialog-texts.ts), by language. */
const registered: Record<Locale, Record<string, unknown>> = { en: {}, 'zh-CN': {} };

/** Adds texts in every language (see dialog-texts.ts). */
export const registerTexts = (texts: Record<Locale, object>): void => {
  for (const l of LOCALES) Object.assign(registered[l], texts[l]);
};

/** The translator of the app. */
export interface I18n {
  /** The current UI language (reactive). */
  locale: Accessor<Locale>;
  /** Text of `key` in the current language (reactive when read inside a Solid scope). */
  t: <K extends DictKey>(key: K, ...args: Args<K>) => string;
  /** Switches the language, loading its dictionary first. */
  setLocale: (locale: Locale) => Promise<void>;
}

const STORAGE_KEY = 'wb-ui-locale';

const loaders: Record<Locale, () => Promise<Dict>> = {
  en: () => Promise.resolve(en),
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
  const [state, setState] = createSignal<{ locale: Locale; dict: Dict }>({ locale: initial, dict: await ownEntry(loaders, initial, loaders.en)() });
  document.documentElement.lang = initial;
  const t = <K extends DictKey>(key: K, ...args: Args<K>): string => {
    const { dict, locale } = state();
    const entry = ownEntry<unknown>(dict, key, undefined) ?? ownEntry<unknown>(ownEntry(registered, locale, registered.en), key, undefined);
    if (typeof entry === 'function') return (entry as (...a: unknown[]) => string)(...args);
    if (typeof entry !== 'string') throw new Error(`The UI text "${key}" is not loaded: import i18n/dialog-texts.ts where it is shown.`);
    return entry;
  };
  const setLocale = async (locale: Locale): Promise<void> => {
    const dict = await ownEntry(loaders, locale, loaders.en)();
    setState({ locale, dict });
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  };
  return { locale: () => state().locale, t, setLocale };
};
