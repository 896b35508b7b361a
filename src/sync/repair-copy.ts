/**
 * "Repair from the server": this browser's copy of a workbook is replaced by the relay's. For a
 * copy that cannot be read or shown (a damaged stored update, a value that breaks a view), after
 * the relay's copy was set right. Edits on this device that the relay does not have are dropped:
 * that is what makes the copy good again. The page reloads afterwards (see the caller).
 */
import * as Y from 'yjs';
import { deleteLocalCopy } from './local-maintenance.ts';
import { openLocalDoc, whenWritten } from './local-store.ts';
import { askRelay } from './relay-state.ts';
import { forgetPending } from './pending-edits.ts';

/** How a repair went. */
export type RepairResult = { kind: 'done' } | { kind: 'denied'; message: string } | { kind: 'unreachable' };

/**
 * Replaces the local copy of workbook `id` with the relay's. `close` lets go of the copy this page
 * has open (IndexedDB cannot delete a database that is open). Nothing is deleted unless the
 * relay's copy was received first.
 */
export const replaceLocalCopy = async (id: string, token: string, close?: () => Promise<void>): Promise<RepairResult> => {
  const answer = await askRelay(id, token, 'GET');
  if (answer.kind !== 'ok') return answer;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, answer.state, 'relay');
  try {
    await close?.();
  } catch {
    // Closing a copy that could not be read may fail too: it is deleted all the same.
  }
  await deleteLocalCopy(id);
  forgetPending(id);
  // A new database gets the document's whole state when it opens (y-indexeddb).
  const local = await openLocalDoc(id, doc);
  await whenWritten(local.db);
  await local.persistence.destroy();
  doc.destroy();
  return { kind: 'done' };
};
