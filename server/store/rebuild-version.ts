/**
 * Rebuilding an earlier state of a stored workbook from the version an export recorded (a Yjs
 * snapshot, see src/model/state-version.ts). The store keeps deleted content (its documents run
 * with gc off), so every edit the version saw is still there with its content, and the version's
 * delete set says which of them were deleted then.
 *
 * Two things make a version impossible to rebuild, and each is refused with a sentence: edits the
 * store never received (made on a device that has not synced since), and content the store no
 * longer holds (deleted before it reached the store, or folded away by a compaction made before
 * history was kept).
 */
import * as Y from 'yjs';
import { snapshotOfVersion, VersionError, Workbook } from '../../src/model/index.ts';
import { StoreError } from './errors.ts';

/** A version this store cannot rebuild; the message says why and what can be done. */
export class VersionUnavailableError extends StoreError {
  override name = 'VersionUnavailableError';
}

/** True when every clock in [from, to) of `client` is deleted in `ds`. */
const deletedIn = (ds: Y.Snapshot['ds'], client: number, from: number, to: number): boolean => {
  let at = from;
  // Delete sets read from an encoding are sorted by clock.
  for (const d of ds.clients.get(client) ?? []) {
    if (d.clock > at) return false;
    if (d.clock + d.len > at) at = d.clock + d.len;
    if (at >= to) return true;
  }
  return at >= to;
};

/** Why the store's document cannot give back the state of `snap`, or null when it can. */
const whyNot = (history: Y.Doc, snap: Y.Snapshot): string | null => {
  for (const [client, clock] of snap.sv) {
    if (clock === 0) continue;
    if (Y.getState(history.store, client) < clock) {
      return (
        'The store has not received every edit of that version: some were made on a device that has not synced ' +
        'since. Open the workbook on that device while connected to the relay, then try again.'
      );
    }
    for (const s of history.store.clients.get(client) ?? []) {
      if (s.id.clock >= clock) break;
      const lost = s instanceof Y.GC || (s instanceof Y.Item && s.content instanceof Y.ContentDeleted);
      if (lost && !deletedIn(snap.ds, client, s.id.clock, Math.min(s.id.clock + s.length, clock))) {
        return (
          'The store no longer holds everything that version showed (content deleted before it reached the store, ' +
          'or folded away before history was kept), so it cannot be rebuilt exactly.'
        );
      }
    }
  }
  return null;
};

/**
 * The workbook as it was at `version`, rebuilt from `history` (the stored workbook loaded with gc
 * off, see loadWorkbook). Throws VersionUnavailableError with a sentence when it cannot be rebuilt
 * exactly. The result is a separate workbook: `history` is left as it was (apart from the way its
 * items are split, which does not change its content).
 */
export const workbookAtVersion = (history: Y.Doc, version: string): Workbook => {
  if (history.gc) throw new TypeError('workbookAtVersion needs a document loaded with gc off (loadWorkbook).');
  let snap: Y.Snapshot;
  try {
    snap = snapshotOfVersion(version);
  } catch (err) {
    if (err instanceof VersionError) throw new VersionUnavailableError(err.message);
    throw err;
  }
  const problem = whyNot(history, snap);
  if (problem) throw new VersionUnavailableError(problem);
  return new Workbook(Y.createDocFromSnapshot(history, snap));
};
