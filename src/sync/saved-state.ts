/**
 * "Saved on this device": shown only once every change of the document is committed in IndexedDB,
 * so that a reload right after it never loses the change. y-indexeddb queues a write for each
 * update in its own update handler (registered before this one); a read started after it completes
 * only after that write (see `whenWritten`).
 */
import type * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { whenWritten } from './local-store.ts';
import { createWatch, type Watch } from './watch.ts';

/** Whether every change is in this browser's storage. */
export type SavedState = 'saved' | 'saving' | 'failed';

/** Follows a document's writes to IndexedDB; `state` says whether all of them are done. */
export const trackSaved = (doc: Y.Doc, persistence: IndexeddbPersistence, db: IDBDatabase): { state: Watch<SavedState>; stop: () => void } => {
  const state = createWatch<SavedState>('saved');
  let asked = 0;
  let done = 0;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // The load itself is not a write.
    if (origin === persistence) return;
    const n = ++asked;
    state.set('saving');
    whenWritten(db).then(
      () => {
        done = Math.max(done, n);
        if (done === asked) state.set('saved');
      },
      () => state.set('failed'),
    );
  };
  doc.on('update', onUpdate);
  return { state, stop: () => doc.off('update', onUpdate) };
};
