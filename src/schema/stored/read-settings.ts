/** Reading the workbook's settings (name, currency, language) from the document. */
import { CURRENCIES, LOCALES, REGIONS, type WorkbookSettings } from '../types.ts';
import type { StoredRead } from './read-record.ts';
import { fields, MAX_NAME, oneOf, text, type FieldReader, type Problems } from './stored-parts.ts';

/** Settings of a workbook that has none stored yet (and what replaces a damaged one). */
export const DEFAULT_SETTINGS: Readonly<WorkbookSettings> = { name: 'Untitled workbook', currency: 'CNY', locale: 'en' };

const SETTINGS = { name: text(MAX_NAME), currency: oneOf(CURRENCIES), locale: oneOf(LOCALES), region: oneOf(REGIONS) };

/** The settings as stored; each part that is missing or wrong reads as its default. */
export const readSettings = (get: FieldReader): StoredRead<WorkbookSettings> & { value: WorkbookSettings } => {
  const problems: Problems = [];
  return { value: { ...DEFAULT_SETTINGS, ...fields(SETTINGS, get, '', problems) }, problems };
};
