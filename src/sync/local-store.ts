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

/** Opens (or creates) the local copy of a workbook and resolves once everything stored is in `doc`. */
export const openLocalDoc = async (id: string, doc: Y.Doc = new Y.Doc()): Promise<LocalDoc> => {
  const persistence = new IndexeddbPersistence(databaseName(id), doc);
  await persistence.whenSynced;
  const db = persistence.db;
  if (!db) throw new Error(`The local copy of workbook ${id} could not be opened.`);
  return { doc, persistence, db };
};

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
