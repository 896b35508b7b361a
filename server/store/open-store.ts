/**
 * Chooses and opens the store: the one place that knows which implementations exist. SQLite in
 * DATA_DIR by default; PostgreSQL when DATABASE_URL is set (several relays may then share it).
 */
import { checkCatalog } from './catalog-check.ts';
import type { Store, StoreLocation } from './contract.ts';
import { makeDataDirPrivate } from './file-modes.ts';
import { PgStore } from './pg/pg-store.ts';
import { SqliteStore, type SqliteStoreOptions } from './store.ts';

/** Where the store is and how it is opened. */
export interface StoreSettings extends SqliteStoreOptions {
  dataDir: string;
  /** DATABASE_URL: when set, the store is this PostgreSQL database and dataDir holds no workbooks. */
  databaseUrl?: string | undefined;
}

/**
 * Opens the store the settings name. Throws StoreError with a sentence when it cannot, also when
 * DATA_DIR's catalog is missing, empty or damaged next to workbook files (repair-catalog rebuilds
 * it; a new catalog must never silently replace it). The data folder is made private to this user.
 */
export const openStore = async (settings: StoreSettings): Promise<Store> => {
  if (settings.databaseUrl) {
    // Notifications do the work; the poll is only the safety net, so it runs 8 times less often.
    const pollMs = settings.pollMs === undefined ? undefined : 8 * settings.pollMs;
    return PgStore.open(settings.databaseUrl, { ...(settings.log ? { log: settings.log } : {}), ...(pollMs ? { pollMs } : {}) });
  }
  const { unlisted, missing } = checkCatalog(settings.dataDir);
  const store = await SqliteStore.open(settings.dataDir, settings);
  const tightened = makeDataDirPrivate(settings.dataDir);
  const log = settings.log;
  if (tightened.length > 0) log?.warn('store.modes_tightened', { paths: tightened.join(', '), hint: 'the data folder is now readable by this user only' });
  if (unlisted.length > 0) log?.warn('catalog.unlisted_files', { workbooks: unlisted.join(', '), hint: 'run: npm run -s workbook -- repair-catalog' });
  if (missing.length > 0) log?.error('catalog.missing_files', { workbooks: missing.join(', '), hint: 'restore them from backups' });
  return store;
};

/** Opens the store at `location` again, from another thread (the compaction worker). */
export const reopenStore = (location: StoreLocation, options: SqliteStoreOptions = {}): Promise<Store> =>
  location.kind === 'postgres' ? PgStore.open(location.url, { poolSize: 2 }) : SqliteStore.open(location.dataDir, options);
