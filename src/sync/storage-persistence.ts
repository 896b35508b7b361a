/**
 * Asks the browser to keep this site's storage (`navigator.storage.persist()`): without it, a
 * browser short of disk may evict IndexedDB, and with it an offline planner's edits that never
 * reached the relay. Browsers decide by their own rules (Chromium grants it to sites a person uses
 * often or installed); a refusal is shown in the status bar.
 */
import { createWatch, type Watch } from './watch.ts';

/** Whether the storage is kept: `granted`, `refused`, `unsupported` (no Storage API), or `asking`. */
export type Persistence = 'granted' | 'refused' | 'unsupported' | 'asking';

let state: Watch<Persistence> | null = null;

/** Asks once per page (later calls get the same answer). */
export const requestPersistence = (): Watch<Persistence> => {
  if (state) return state;
  const s = createWatch<Persistence>('asking');
  state = s;
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') {
    s.set('unsupported');
    return s;
  }
  void (async () => {
    try {
      const already = typeof storage.persisted === 'function' && (await storage.persisted());
      s.set(already || (await storage.persist()) ? 'granted' : 'refused');
    } catch {
      s.set('refused');
    }
  })();
  return s;
};
