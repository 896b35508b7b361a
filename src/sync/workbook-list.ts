/** The workbook list as the start page uses it: all known workbooks, forgetting one, ids for new ones. */
import { newId } from '../schema/ids.ts';
import { readList, TOKEN_KEY, writeList, type KnownWorkbook } from './registry.ts';

/** Every known workbook, last opened first. */
export const knownWorkbooks = (): KnownWorkbook[] => readList().sort((a, b) => b.opened - a.opened);

/** Removes a workbook from the list and forgets its token. */
export const forget = (id: string): void => {
  writeList(readList().filter((w) => w.id !== id));
  try {
    localStorage.removeItem(TOKEN_KEY + id);
  } catch {
    // nothing kept
  }
};

/** A new id for a workbook made in this browser (never one the relay could have). */
export const newLocalId = (): string => `local-${newId().slice(0, 8).toLowerCase()}`;
