/** Opening SQLite files (better-sqlite3) the same way everywhere: WAL, full sync, a busy timeout. */
import Database from 'better-sqlite3';

/** An open SQLite database. */
export type Db = Database.Database;

/**
 * Opens an existing file (`create: false`, nothing is written to it: it may be damaged and must be
 * left as it was) or creates it in WAL mode. `synchronous = FULL` makes every commit reach the disk
 * before it returns, which is what "written durably before it is relayed" needs.
 */
export const openDb = (path: string, { create, readonly = false }: { create: boolean; readonly?: boolean }): Db => {
  const db = new Database(path, { fileMustExist: !create, readonly });
  try {
    // Another process (the CLI, the compactor) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    if (!readonly) db.pragma('synchronous = FULL');
    if (create) db.pragma('journal_mode = WAL');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
};

/** True when the SQLite file of `db` was changed by another connection since the last call. */
export const changedElsewhere = (db: Db, last: { version: number }): boolean => {
  const v = Number(db.pragma('data_version', { simple: true }));
  if (v === last.version) return false;
  last.version = v;
  return true;
};
