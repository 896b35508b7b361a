/**
 * A stored workbook through the model, on any store: create one, load it, change it by appending
 * one update (which a running relay relays), replace its content. Used by the CLI, the HTTP API
 * and the relay's first start; the relay's rooms read and append through the log themselves.
 */
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import type { ClientOwner, Store, StoredState, WorkbookLog } from './contract.ts';
import { UnreadableStoreError } from './errors.ts';
import { checkWorkbookId } from './workbook-id.ts';
import { errorMessage } from '../log.ts';

/** The update that `fn` made to `doc` (null when it changed nothing). */
const captureUpdate = (doc: Y.Doc, fn: () => void): Uint8Array | null => {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => updates.push(u);
  doc.on('update', on);
  try {
    fn();
  } finally {
    doc.off('update', on);
  }
  if (updates.length === 0) return null;
  return updates.length === 1 ? (updates[0] ?? null) : Y.mergeUpdates(updates);
};

/** The owner of the CLI's and restores' writes (see server/relay/client-owners.ts). */
export const SERVER_OWNER = 'server';

/** The client ids that `update` starts (ids `before` had no edits of): the server owns them. */
const serverOwned = (update: Uint8Array, before: Map<number, number>): ClientOwner[] => {
  const ids = new Set<number>();
  for (const s of Y.decodeUpdate(update).structs) if (!before.has(s.id.client)) ids.add(s.id.client);
  return [...ids].map((clientId) => ({ clientId, owner: SERVER_OWNER }));
};

/** A workbook loaded from an encoded one with its deleted content kept (a backup brings its history along). */
export const withHistory = (update: Uint8Array): Workbook => {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update, 'load');
  return new Workbook(doc);
};

/**
 * Applies a stored state to `doc` (origin 'store') and returns the last seq applied. A state that
 * cannot be decoded throws UnreadableStoreError naming `where`; the caller then discards `doc`.
 */
export const applyStoredState = (doc: Y.Doc, state: StoredState, where: string): number => {
  try {
    doc.transact(() => {
      Y.applyUpdate(doc, state.snapshot, 'store');
      for (const u of state.updates) Y.applyUpdate(doc, u.data, 'store');
    }, 'store');
  } catch (err) {
    throw new UnreadableStoreError(where, `a stored update cannot be decoded: ${errorMessage(err)}`);
  }
  return state.lastSeq;
};

/** Runs `fn` with the workbook's log open. */
const withLog = async <T,>(store: Store, id: string, fn: (log: WorkbookLog) => Promise<T>): Promise<T> => {
  const log = await store.openLog(id);
  try {
    return await fn(log);
  } finally {
    await log.close();
  }
};

/** Loads the stored workbook into a new document with deleted content kept (gc off), and its last seq. */
const loadDoc = async (log: WorkbookLog): Promise<Y.Doc> => {
  const doc = new Y.Doc({ gc: false });
  try {
    applyStoredState(doc, await log.read(), log.where);
  } catch (err) {
    doc.destroy();
    throw err;
  }
  return doc;
};

/** Creates a workbook from a model workbook or an encoded one. Throws StoreError when the id is taken. */
export const createWorkbook = async (store: Store, id: string, content: Workbook | Uint8Array, space?: string): Promise<void> => {
  checkWorkbookId(id);
  const wb = content instanceof Workbook ? content : withHistory(content);
  await store.createWorkbook(id, wb.settings.name, wb.encode(), space);
};

/**
 * The stored workbook, loaded into a fresh model workbook (changes to it are not stored). Its
 * document keeps deleted content, as the store does, so any earlier version can be rebuilt from it.
 * Throws WorkbookNotFoundError or UnreadableStoreError.
 */
export const loadWorkbook = (store: Store, id: string): Promise<Workbook> =>
  withLog(store, id, async (log) => new Workbook(await loadDoc(log)));

/**
 * Changes a stored workbook through the model: `fn` gets it loaded, and what it changes is
 * appended as one update (a running relay relays it to connected clients), its new client ids
 * owned by the server. Returns that update, or null when nothing changed.
 */
export const updateWorkbook = (store: Store, id: string, fn: (wb: Workbook) => void): Promise<Uint8Array | null> =>
  withLog(store, id, async (log) => {
    // gc off: an update that adds and deletes in one go is stored with what it deleted.
    const doc = await loadDoc(log);
    try {
      const wb = new Workbook(doc);
      const before = Y.decodeStateVector(Y.encodeStateVector(doc));
      const update = captureUpdate(doc, () => fn(wb));
      if (update) {
        // Its client ids (a restore's undo step brings one more) are recorded as the server's.
        await log.append([update], serverOwned(update, before));
        await store.catalog.setWorkbookName(id, wb.settings.name);
      }
      return update;
    } finally {
      doc.destroy();
    }
  });

/**
 * Replaces a workbook whose stored state cannot be read by `content` (with its history); returns
 * where the store kept the damaged state, when it keeps it.
 */
export const replaceDamaged = async (store: Store, id: string, content: Uint8Array): Promise<string | null> => {
  const wb = withHistory(content);
  try {
    return await store.replaceContent(id, wb.settings.name, wb.encode());
  } finally {
    wb.doc.destroy();
  }
};
