/**
 * The one translator of the UI and the types of its dictionaries. A dictionary is a flat table
 * key → text (a string, or a function of its arguments for plurals and names) in one language; the
 * English one is the reference, and every other language is typed `Shape<typeof english>`, so a
 * missing or misspelt key is a compile error. A bundle is a dictionary in every language: it loads
 * with the modules that import it, and a module can only translate its keys by importing it.
 */
import type { Locale } from '../../schema/types.ts';

/** One text: a string, or a function of its arguments. */
export type Text = string | ((...args: never[]) => string);

/** Texts by key, in one language. */
export type Dictionary = { readonly [key: string]: Text };

/** What every language of a dictionary provides: the English keys, each a string or a function of the same arguments. */
export type Shape<E extends Dictionary> = { readonly [K in keyof E]: E[K] extends string ? string : E[K] };

/** A dictionary in every language, loaded with the modules that import it. */
export type Bundle<D extends Dictionary> = Readonly<Record<Locale, D>>;

type Args<D, K extends keyof D> = D[K] extends (...a: infer A) => string ? A : [];

/** Text of `key` in the current language (reactive when read inside a Solid scope; usable anywhere, AG Grid callbacks included). */
export type Translate<D> = <K extends keyof D & string>(key: K, ...args: Args<D, K>) => string;

/**
 * A translator over `lookup`, which finds a key's text in the current language. The types make an
 * unknown key a compile error; should one reach here anyway, its key is shown rather than thrown.
 */
export const translator =
  <D>(lookup: (key: string) => Text | undefined): Translate<D> =>
  (key, ...args) => {
    const text = (lookup(key) ?? key) as string | ((...a: unknown[]) => string);
    return typeof text === 'function' ? text(...args) : text;
  };
