/**
 * A room's document: the workbook as stored, with deleted content kept (gc off: the store keeps
 * history, so an export's version can be rebuilt), and what each change adds to it. The document
 * can be replaced by a fresh load of the store (after an update that failed half-way) while the
 * room keeps its clients.
 *
 * @example
 *   const doc = new RoomDoc(() => replies.changed());
 *   doc.load(await log.read(), log.where);
 *   const added = doc.capture(() => Y.applyUpdate(doc.current, update, peer)); // null: nothing new
 */
import * as Y from 'yjs';
import type { StoredState } from '../store/contract.ts';
import { applyStoredState } from '../store/stored-workbook.ts';

/** The room's Y.Doc and the changes made to it, as updates. */
export class RoomDoc {
  private doc = new Y.Doc({ gc: false });
  private captured: Uint8Array[] | null = null;

  /** `changed` is called on every change of the document (a cached sync answer is then stale). */
  constructor(private readonly changed: () => void) {}

  /** The document as it is now (another one after reload). */
  get current(): Y.Doc {
    return this.doc;
  }

  /**
   * Loads a stored state into the document and returns its last seq. Throws UnreadableStoreError
   * naming `where` when it cannot be decoded.
   */
  load(state: StoredState, where: string): number {
    const seq = applyStoredState(this.doc, state, where);
    // Watched only once loaded: with an update listener, Yjs would also encode the whole load
    // as one update event (a quarter more time on a big workbook, every room waiting).
    this.watch(this.doc);
    return seq;
  }

  /**
   * Replaces the document by a fresh one loaded from `state` and returns its last seq, once
   * `keep()` says it is still wanted; throws UnreadableStoreError (the document stays as it was).
   */
  reload(state: StoredState, where: string, keep: () => boolean): number | null {
    const fresh = new Y.Doc({ gc: false });
    let seq: number;
    try {
      seq = applyStoredState(fresh, state, where);
    } catch (err) {
      fresh.destroy();
      throw err;
    }
    if (!keep()) {
      fresh.destroy();
      return null;
    }
    this.watch(fresh);
    this.doc.destroy();
    this.doc = fresh;
    return seq;
  }

  /** Runs `fn` and returns what it added to the document as one update (null when nothing). */
  capture(fn: () => void): Uint8Array | null {
    const got: Uint8Array[] = [];
    this.captured = got;
    try {
      fn();
    } finally {
      this.captured = null;
    }
    if (got.length <= 1) return got[0] ?? null;
    return Y.mergeUpdates(got);
  }

  /** Frees the document. */
  destroy(): void {
    this.doc.destroy();
  }

  private watch(doc: Y.Doc): void {
    doc.on('update', (u: Uint8Array) => {
      this.changed();
      this.captured?.push(u);
    });
  }
}
