/** Workbooks stay in a space's trash for TRASH_DAYS, restorable; then they are purged. */
import type { Store } from '../store/contract.ts';
import type { Logger } from '../log.ts';

/** How long a workbook stays in the trash. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges every workbook trashed more than TRASH_DAYS before `now`; returns their ids. */
export const purgeExpiredTrash = async (store: Store, log: Logger, now: number): Promise<string[]> => {
  const purged: string[] = [];
  for (const w of await store.catalog.workbooks()) {
    if (w.trashedAt === null || w.trashedAt + TRASH_DAYS * DAY_MS > now) continue;
    if (await store.purgeWorkbook(w.id)) {
      purged.push(w.id);
      log.info('workbook.purged', { workbook: w.id, space: w.space, reason: `in the trash for ${TRASH_DAYS} days` });
    }
  }
  return purged;
};
