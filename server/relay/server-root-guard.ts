/**
 * The `server` map of a workbook (see src/model/layout.ts) holds the schema version the workbook
 * is at, and only the relay and the CLI write it: an editor who could set it would make everyone
 * read-only (a version from the future) or let old clients write into a migrated workbook. A
 * client's update that changes it in any way (an item in it, an item placed next to one of it, a
 * deletion of one) is refused as a whole: the room reloads its document from the store, which the
 * update never reached, and the sender is disconnected for good (4403).
 */
import type * as Y from 'yjs';
import { SERVER_ROOT } from '../../src/model/index.ts';

/** Runs `apply` (which applies a client's update to `doc`) and tells whether it changed the server map. */
export const changesServerRoot = (doc: Y.Doc, apply: () => void): boolean => {
  doc.getMap(SERVER_ROOT);
  // The same type, as the transaction's map of changed types keys it.
  const root = doc.share.get(SERVER_ROOT);
  let touched = false;
  const spy = (txn: Y.Transaction) => {
    if (root && txn.changed.has(root)) touched = true;
  };
  doc.on('afterTransaction', spy);
  try {
    apply();
  } finally {
    doc.off('afterTransaction', spy);
  }
  return touched;
};
