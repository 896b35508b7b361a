/**
 * Every workbook opened in this browser lives in IndexedDB (y-indexeddb), one database per
 * workbook, so it opens with no network at all. Two things y-indexeddb leaves to us: its log
 * gains an entry on every load and is only folded at 500 entries, so it is compacted after a load
 * (local-maintenance.ts); and it never says when a write is on disk, which `whenWritten` and
 * saved-state.ts work out.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

/** The IndexedDB database of a workbook. */
export const databaseName = (id: string): string => `ops-workbook:${id}`;

/** y-indexeddb's object store of updates. */
export const UPDATES_STORE = 'updates';

/** A workbook's document with its local store, loaded. */
export interface LocalDoc {
  doc: Y.Doc;
  persistence: IndexeddbPersistence;
  /** The database, open (y-indexeddb opens it before it reports the load). */
  db: IDBDatabase;
}

/** This browser's copy of a workbook cannot be read (IndexedDB refused, or a stored update is damaged). */
export class LocalCopyError extends Error {
  override name = 'LocalCopyError';
}

/**
 * Opens (or creates) the local copy of a workbook and resolves once everything stored is in `doc`.
 * Rejects with LocalCopyError when it cannot be read: y-indexeddb itself would never report that
 * (its load promise stays pending), so the page would hang on "Opening…" before it could sync.
 */
export const openLocalDoc = (id: string, doc: Y.Doc = new Y.Doc()): Promise<LocalDoc> =>
  new Promise((resolve, reject) => {
    const persistence = new IndexeddbPersistence(databaseName(id), doc);
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      doc.off('afterTransaction', watch);
      // Closed, so that a repair can delete the database.
      persistence.destroy().then(
        () => reject(new LocalCopyError(message)),
        () => reject(new LocalCopyError(message)),
      );
    };
    // y-indexeddb applies what it read in one transaction of its own and reports "synced" right
    // after it in the same turn; a transaction that ended without that report threw.
    const watch = (txn: Y.Transaction) => {
      if (txn.origin === persistence) queueMicrotask(() => persistence.synced || fail('a stored change could not be applied'));
    };
    doc.on('afterTransaction', watch);
    persistence._db.catch((err: unknown) => fail(err instanceof Error ? err.message : 'IndexedDB could not be opened'));
    void persistence.whenSynced.then(() => {
      if (settled) return;
      settled = true;
      doc.off('afterTransaction', watch);
      const db = persistence.db;
      if (db) resolve({ doc, persistence, db });
      else reject(new LocalCopyError(`The local copy of workbook ${id} could not be opened.`));
    });
  });

/** True when a document holds nothing (a workbook never stored in this browser). */
export const isEmptyDoc = (doc: Y.Doc): boolean => doc.store.clients.size === 0;

/** Resolves once IndexedDB has finished every write to the log queued before this call. */
export const whenWritten = (db: IDBDatabase): Promise<void> =>
  new Promise((resolve, reject) => {
    // Transactions on one store run in the order they were created: a read started now completes
    // only after the writes y-indexeddb started before it.
    const tx = db.transaction([UPDATES_STORE], 'readonly');
    tx.objectStore(UPDATES_STORE).count();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB read failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB read aborted'));
  });
