/**
 * Upkeep of the local copies, not needed to open one: folding a copy's stored log after a load,
 * and deleting a copy.
 */
import * as Y from 'yjs';
import { databaseName, UPDATES_STORE, type LocalDoc } from './local-store.ts';

/** A log longer than this is folded into one entry after a load (see `compactLog`). */
export const COMPACT_ABOVE = 8;

/**
 * Folds the stored log into one entry holding the whole document, when it has more than `above`
 * entries; resolves with the number of entries left. One readwrite transaction: the state is
 * encoded as it is created, so every write queued before it is in the new entry (and deleted as
 * its own entry), and every later write gets a later key and stays.
 */
export const compactLog = ({ doc, db }: LocalDoc, above = COMPACT_ABOVE): Promise<number> =>
  new Promise((resolve, reject) => {
    const tx = db.transaction([UPDATES_STORE], 'readwrite');
    const store = tx.objectStore(UPDATES_STORE);
    let left = 0;
    const count = store.count();
    count.onsuccess = () => {
      left = count.result;
      if (left <= above) return;
      const add = store.add(Y.encodeStateAsUpdate(doc));
      add.onsuccess = () => {
        store.delete(IDBKeyRange.upperBound(add.result, true));
        left = 1;
      };
    };
    tx.oncomplete = () => resolve(left);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB compaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB compaction aborted'));
  });

/** Deletes a workbook's local copy (close its `LocalDoc` first). */
export const deleteLocalCopy = (id: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(databaseName(id));
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('IndexedDB delete failed'));
    // Another tab still has it open: it is deleted once that tab lets go.
    req.onblocked = () => resolve();
  });
