/** A space's optional limits, checked before a workbook is added to it (by the API, the CLI or a move). */
import type { Store } from '../store/contract.ts';

/** The sentence for a quota that a new workbook would go past, or null when it fits. */
export const quotaProblem = async (store: Store, space: string, newBytes: number): Promise<string | null> => {
  const entry = await store.catalog.space(space);
  if (!entry) return `There is no space "${space}".`;
  const { workbooks, bytes } = entry.quota;
  if (workbooks === null && bytes === null) return null;
  // Workbooks in the trash still count: they are kept for 30 days and can come back.
  const all = await store.catalog.workbooksIn(space);
  if (workbooks !== null && all.length + 1 > workbooks) {
    return `This space may hold ${workbooks} workbooks (the trash included) and has ${all.length}; an owner can purge the trash, or the person who runs the relay can raise the limit (space quota).`;
  }
  const used = all.reduce((n, w) => n + (w.bytes ?? 0), 0);
  if (bytes !== null && used + newBytes > bytes) {
    return `This space may store ${bytes} bytes and holds ${used}; a workbook of ${newBytes} bytes does not fit. An owner can purge the trash, or the person who runs the relay can raise the limit (space quota).`;
  }
  return null;
};
