/**
 * This browser's device key: 32 random bytes (base64url), made once and kept in IndexedDB, sent
 * to the relay with the token (the `owb.device.<key>` protocol entry). The relay binds every Yjs
 * client id this browser uses to it, so that nobody else can write or show presence under them,
 * and several people sharing one link are still told apart. It is a secret of this browser: it is
 * never shown or put in the document (the relay keeps only a hash of it). All tabs share it; two
 * tabs making it at once keep whichever was stored first.
 */

const DB = 'owb-device';
const STORE = 'device';
const KEY = 'key';

const base64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A new random device key. */
export const newDeviceKey = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

const VALID = /^[A-Za-z0-9_-]{43}$/;

const request = <T,>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const openDb = (): Promise<IDBDatabase> => {
  const req = indexedDB.open(DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
};

/** Stores `made` unless a key is stored already (another tab was first); resolves with the one kept. */
const keep = async (db: IDBDatabase, made: string): Promise<string> => {
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  const had: unknown = await request(store.get(KEY));
  if (typeof had === 'string' && VALID.test(had)) return had;
  await request(store.put(made, KEY));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  return made;
};

let cached: Promise<string> | undefined;

/**
 * This browser's device key, made on first use. Where IndexedDB cannot be used (some private
 * modes), a key for this visit only: edits of this visit are still this device's, but a later
 * visit counts as another device (it has no stored copy to send from either).
 */
export const deviceKey = (): Promise<string> =>
  (cached ??= (async () => {
    try {
      const db = await openDb();
      try {
        return await keep(db, newDeviceKey());
      } finally {
        db.close();
      }
    } catch {
      return newDeviceKey();
    }
  })());
