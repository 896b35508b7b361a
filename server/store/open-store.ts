/**
 * Chooses and opens the store: the one place that knows which implementations exist. Today that
 * is SQLite in DATA_DIR; a PostgreSQL store (DATABASE_URL) will be chosen here too.
 */
import type { Store, StoreLocation } from './contract.ts';
import { SqliteStore, type SqliteStoreOptions } from './store.ts';

/** Where the store is and how it is opened. */
export interface StoreSettings extends SqliteStoreOptions {
  dataDir: string;
}

/** Opens the store the settings name. Throws StoreError with a sentence when it cannot. */
export const openStore = (settings: StoreSettings): Promise<Store> => SqliteStore.open(settings.dataDir, settings);

/** Opens the store at `location` again, from another thread (the compaction worker). */
export const reopenStore = (location: StoreLocation, options: SqliteStoreOptions = {}): Promise<Store> =>
  SqliteStore.open(location.dataDir, options);
