/**
 * Which state of a workbook something was made from, as text: `snap:` and the base64 of a Yjs
 * snapshot (the state vector, which says which edits were seen, and the delete set, which says
 * which of them had been undone or overwritten). Two replicas that have seen the same edits give
 * the same text, and a store that keeps deleted content can rebuild exactly that state from it
 * (see server/store/rebuild-version.ts), so an export can name the state it shows.
 *
 * Exports made before snapshots recorded `sv:` and the state vector alone; without the delete
 * set such a version cannot be rebuilt exactly, and `snapshotOfVersion` says so.
 */
import * as Y from 'yjs';
import type { WorkbookBase } from './workbook-base.ts';

const PREFIX = 'snap:';
const OLD_PREFIX = 'sv:';

/** A version text that names no state that can be rebuilt; the message says why and what to do. */
export class VersionError extends Error {
  override name = 'VersionError';
}

const toBase64 = (bytes: Uint8Array): string => {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i] ?? 0);
  return btoa(bin);
};

const fromBase64 = (text: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The workbook's state as `snap:<base64 Yjs snapshot>`. */
export const stateVersion = (wb: WorkbookBase): string => `${PREFIX}${toBase64(Y.encodeSnapshot(Y.snapshot(wb.doc)))}`;

/** The Yjs snapshot a version names. Throws VersionError, with a sentence to show, for any other text. */
export const snapshotOfVersion = (version: string): Y.Snapshot => {
  const text = version.trim();
  if (text.startsWith(OLD_PREFIX)) {
    throw new VersionError(
      'This version was recorded by an older export and names only which edits were seen, not which were deleted, ' +
        'so that state cannot be rebuilt exactly; export again to get a version that can.',
    );
  }
  const bytes = text.startsWith(PREFIX) ? fromBase64(text.slice(PREFIX.length)) : null;
  let snapshot: Y.Snapshot | null = null;
  if (bytes && bytes.length > 0) {
    try {
      const decoded = Y.decodeSnapshot(bytes);
      // A damaged text can still decode to something: only one that encodes back to itself is taken.
      if (sameBytes(Y.encodeSnapshot(decoded), bytes)) snapshot = decoded;
    } catch {
      snapshot = null;
    }
  }
  if (!snapshot) {
    throw new VersionError(
      `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not a workbook version; copy the "version" of an export's manifest.json (it starts with "snap:").`,
    );
  }
  return snapshot;
};
