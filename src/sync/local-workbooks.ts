/**
 * Workbooks in this browser, as the start page handles them: make one (from a template or a backup
 * file), write a backup, delete. A backup file is the whole workbook as one Yjs update behind a
 * checksum (src/model/backup-file.ts), the same format the CLI's `backup` writes and `restore` reads.
 */
import * as Y from 'yjs';
import { BackupFileError, decodeBackupFile, encodeBackupFile } from '../model/backup-file.ts';
import { Workbook } from '../model/workbook.ts';
import { deleteLocalCopy } from './local-maintenance.ts';
import { isEmptyDoc, openLocalDoc, whenWritten, type LocalDoc } from './local-store.ts';
import { forgetPending } from './pending-edits.ts';
import { remember } from './registry.ts';
import { forget, newLocalId } from './workbook-list.ts';
// Reads or changes charts: the model's chart code comes with this module (not with the grid's first load).
import '../model/charts.ts';

/** A backup file that cannot be read as a workbook; the message says what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Stores a whole workbook (one update) as a new local workbook; resolves with its id. */
export const storeNewWorkbook = async (update: Uint8Array, name: string): Promise<string> => {
  const id = newLocalId();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  // y-indexeddb writes the document's whole state when it opens a new database.
  const local = await openLocalDoc(id, doc);
  await whenWritten(local.db);
  await local.persistence.destroy();
  remember({ id, name, access: 'local', opened: Date.now() });
  return id;
};

/**
 * Reads a backup file: the workbook in it, or BackupError with a sentence. A damaged or altered
 * file is refused by its checksum; one from before checksums (the bare update) is read as it is.
 */
export const readBackup = (file: Uint8Array): Workbook => {
  let bytes: Uint8Array;
  try {
    bytes = decodeBackupFile(file).update;
  } catch (err) {
    throw new BackupError(err instanceof BackupFileError ? err.message : String(err));
  }
  let wb: Workbook;
  try {
    wb = Workbook.load(bytes);
    wb.toJSON();
  } catch {
    throw new BackupError('This file is not a workbook backup; choose a .ywb file saved from the workbook list or made with the backup command.');
  }
  if (wb.doc.store.clients.size === 0 || wb.sheets().length === 0) {
    throw new BackupError('This backup holds no sheets; choose another file.');
  }
  return wb;
};

/** Opens a workbook's local copy only; undefined when there is none (nothing is left behind then). */
const openLocalOnly = async (id: string): Promise<LocalDoc | undefined> => {
  const local = await openLocalDoc(id);
  if (!isEmptyDoc(local.doc)) return local;
  await local.persistence.destroy();
  await deleteLocalCopy(id);
  return undefined;
};

/** The backup of a workbook kept in this browser, or undefined when it has no local copy. */
export const backupOf = async (id: string): Promise<Uint8Array | undefined> => {
  const local = await openLocalOnly(id);
  if (!local) return undefined;
  const bytes = encodeBackupFile(Y.encodeStateAsUpdate(local.doc));
  await local.persistence.destroy();
  return bytes;
};

/** The whole state (history included) of a workbook kept in this browser, or undefined when it has no local copy. */
export const localState = async (id: string): Promise<Uint8Array | undefined> => {
  const local = await openLocalOnly(id);
  if (!local) return undefined;
  const bytes = Y.encodeStateAsUpdate(local.doc);
  await local.persistence.destroy();
  return bytes;
};

/** Deletes a workbook from this browser (its copy, its place in the list, its token). The relay keeps a server workbook. */
export const deleteWorkbook = async (id: string): Promise<void> => {
  forget(id);
  forgetPending(id);
  await deleteLocalCopy(id);
};
