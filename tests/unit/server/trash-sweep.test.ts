import { describe, expect, test } from 'vitest';
import { MemoryStore } from '../../../server/store/memory-store.ts';
import { purgeExpiredTrash, TRASH_DAYS } from '../../../server/spaces/trash-sweep.ts';
import { silentLogger } from '../../../server/log.ts';
import { createTemplateWorkbook } from '../../../sheets/index.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('the trash of a space', () => {
  test('keeps a workbook for 30 days, restorable; after that it is purged; workbooks not in the trash are never touched', async () => {
    const store = new MemoryStore();
    await store.catalog.createSpace('shop', 'Shop');
    const blank = () => createTemplateWorkbook('blank').encode();
    for (const id of ['old', 'recent', 'kept']) await store.createWorkbook(id, id, blank(), 'shop');
    await store.createWorkbook('outside', 'outside', blank());
    const now = Date.UTC(2027, 0, 31);
    await store.catalog.trashWorkbook('old', now - TRASH_DAYS * DAY - 1);
    await store.catalog.trashWorkbook('recent', now - TRASH_DAYS * DAY + 60_000);
    expect(await purgeExpiredTrash(store, silentLogger, now)).toEqual(['old']);
    expect((await store.catalog.workbooks()).map((w) => w.id)).toEqual(['kept', 'outside', 'recent']);
    expect(await store.catalog.restoreWorkbook('recent')).toBe(true);
    expect(await purgeExpiredTrash(store, silentLogger, now + 365 * DAY)).toEqual([]);
  });
});
