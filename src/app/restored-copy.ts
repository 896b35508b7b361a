/**
 * A workbook read from a backup is stored as a new copy named "<name> (restored <date>)", so the
 * list never shows two workbooks with the same name that are not the same workbook.
 */
import type { Workbook } from '../model/index.ts';
import { localIsoDay } from '../schema/calendar-day.ts';

/** Longest workbook name the model takes. */
const MAX_NAME = 100;

/**
 * The name of a copy restored on `day` (YYYY-MM-DD): `suffix(day)` (the UI's words, e.g.
 * " (restored 2026-12-05)") after the original name, shortened so the whole fits a name's length.
 */
export const restoredName = (name: string, day: string, suffix: (day: string) => string): string => {
  const tail = suffix(day);
  const room = Math.max(1, MAX_NAME - [...tail].length);
  const base = [...name.trim()].slice(0, room).join('').trimEnd();
  return `${base}${tail}`;
};

/**
 * Renames a workbook read from a backup as restored at `now` (local date); returns the new name.
 * A backup of a newer schema cannot be written to: only the list shows the new name then.
 */
export const nameRestoredCopy = (wb: Workbook, suffix: (day: string) => string, now: Date): string => {
  const name = restoredName(wb.settings.name, localIsoDay(now), suffix);
  if (wb.writable) wb.setSettings({ name });
  return name;
};
