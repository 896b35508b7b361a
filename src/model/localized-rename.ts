/**
 * A sheet or column renamed by a person reading the workbook in one language. Its name of their
 * own (no labels) is the same in every language, so it simply changes. A template's sheet or column
 * has a name in each language (labels): only the one this language shows changes, and the others
 * are kept (pinned as labels, so a language that showed the plain name still shows it).
 */
import type * as Y from 'yjs';
import { LOCALES, type Labels, type Locale } from '../schema/types.ts';

/** The name and labels after renaming `item` to `name` in `locale` (in every language when no locale is given). */
export const localizedRename = (item: { name: string; labels?: Labels }, name: string, locale?: Locale): { name: string; labels?: Labels } => {
  if (locale === undefined || !item.labels) return { name };
  const labels: Labels = {};
  for (const l of LOCALES) labels[l] = l === locale ? name : (item.labels[l] ?? item.name);
  // The plain name stays the name of whatever language still shows it, or follows this one.
  const shownHere = item.labels[locale] ?? item.name;
  return { name: shownHere === item.name ? name : item.name, labels };
};

/** Writes `localizedRename` into the map of a sheet or column (inside the caller's transaction). */
export const writeRename = (m: Y.Map<unknown>, item: { name: string; labels?: Labels }, name: string, locale?: Locale): void => {
  const next = localizedRename(item, name, locale);
  m.set('name', next.name);
  if (next.labels) m.set('labels', next.labels);
  else m.delete('labels');
};
