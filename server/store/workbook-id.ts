/** Workbook ids: used in URLs and file names, so only a small alphabet. */
import { StoreError } from './errors.ts';

const WORKBOOK_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** True when `id` can name a workbook (it is used in URLs and file names). */
export const isWorkbookId = (id: string): boolean => WORKBOOK_ID.test(id);

/** Returns `id` when it can name a workbook; a StoreError saying what is allowed otherwise. */
export const checkWorkbookId = (id: string): string => {
  if (!isWorkbookId(id)) {
    throw new StoreError(
      `"${id}" cannot be a workbook id: use 1 to 64 lowercase letters, digits, "-" or "_", starting with a letter or digit.`,
    );
  }
  return id;
};

/** Returns `id` when it can name a space (the same alphabet as workbooks: it is used in links). */
export const checkSpaceId = (id: string): string => {
  if (!isWorkbookId(id)) {
    throw new StoreError(`"${id}" cannot be a space id: use 1 to 64 lowercase letters, digits, "-" or "_", starting with a letter or digit.`);
  }
  return id;
};
