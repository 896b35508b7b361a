/** Reading the workbook's settings (name, currency, language) from the document. */
import { CURRENCIES, LOCALES, type WorkbookSettings } from '../types.ts';
import type { StoredRead } from './read-record.ts';
import { MAX_NAME, readEnum, readText, type FieldReader, type Problems } from './stored-parts.ts';

/** Settings of a workbook that has none stored yet (and what replaces a damaged one). */
export const DEFAULT_SETTINGS: Readonly<WorkbookSettings> = { name: 'Untitled workbook', currency: 'CNY', locale: 'en' };

/** The settings as stored; each part that is missing or wrong reads as its default. */
export const readSettings = (get: FieldReader): StoredRead<WorkbookSettings> & { value: WorkbookSettings } => {
  const problems: Problems = [];
  const name = readText(problems, 'name', get('name'), MAX_NAME);
  const currency = readEnum(problems, 'currency', get('currency'), CURRENCIES);
  const locale = readEnum(problems, 'locale', get('locale'), LOCALES);
  return {
    value: {
      name: name ?? DEFAULT_SETTINGS.name,
      currency: currency ?? DEFAULT_SETTINGS.currency,
      locale: locale ?? DEFAULT_SETTINGS.locale,
    },
    problems,
  };
};
