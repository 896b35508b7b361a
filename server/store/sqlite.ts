/** Opening SQLite files (better-sqlite3) the same way everywhere: WAL, a chosen durability, a busy timeout. */
import Database from 'better-sqlite3';
import { createPrivateFile } from './file-modes.ts';

/** An open SQLite database. */
export type Db = Database.Database;

/**
 * How far a commit goes before it returns. `commit`: into SQLite's write-ahead log, which survives
 * the process being killed (the operating system writes it out within seconds; a power cut can
 * lose those seconds). `fsync`: onto the disk itself, which survives a power cut too and costs a
 * disk flush per commit.
 */
export type Durability = 'commit' | 'fsync';

/** Options for opening a SQLite file. */
export interface OpenOptions {
  /** Create the file (in WAL mode) when missing; without it nothing is written to an existing file. */
  create: boolean;
  readonly?: boolean;
  /** Default `fsync`. */
  durability?: Durability;
  /**
   * Let commits on this connection fold the write-ahead log into the file when it grows (which
   * syncs the disk). The relay turns this off for its rooms: the compactor does it off the main thread.
   */
  autoCheckpoint?: boolean;
}

/**
 * Opens an existing file (`create: false`: nothing is written to it, it may be damaged and must be
 * left as it was) or creates it in WAL mode.
 */
export const openDb = (path: string, { create, readonly = false, durability = 'fsync', autoCheckpoint = true }: OpenOptions): Db => {
  // Created 0600 before SQLite opens it; its -wal and -shm files get the same mode.
  if (create && !readonly) createPrivateFile(path);
  const db = new Database(path, { fileMustExist: !create, readonly });
  try {
    // Another process (the CLI, the compactor) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    if (!readonly) db.pragma(durability === 'fsync' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    if (!autoCheckpoint) db.pragma('wal_autocheckpoint = 0');
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

/**
 * Runs `make` once for `key`: in one immediate transaction with setting `key` in the meta table,
 * skipped (null) when it is set already, by this process or another (createTokenOnce, addMemberOnce).
 */
export const onceInMeta = <T>(db: Db, key: string, make: () => T): T | null =>
  db
    .transaction(() => {
      if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(key) !== undefined) return null;
      const made = make();
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, new Date().toISOString());
      return made;
    })
    .immediate();

/**
 * Runs `write` on `db` with commits that go into the write-ahead log without a disk flush (as
 * `commit` durability does), then restores the connection's setting. For advisory writes (last
 * activity, last change) a busy relay makes every few seconds: with a flush each, they stalled
 * every room on the main thread for as long as the disk took (6–50 ms, measured).
 */
export const withoutDiskFlush = <T>(db: Db, write: () => T): T => {
  const before = Number(db.pragma('synchronous', { simple: true }));
  if (before <= 1) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
};
