/**
 * Versioned formats of the store's SQLite files. Each file records its format in its `meta` table
 * (`format`); a file without it is format 1, as the first release wrote it. Opening a file:
 *   - of a newer format than this program knows: refused with NewerFormatError, nothing written;
 *   - of an older one: a copy is written next to it first (`<file>.format-<n>-<time>.bak`), then
 *     the migrations run in one transaction, so a crash leaves the old format or the new one.
 * New files are made at format 1 and migrated like any other, so a new file and a migrated one
 * have the same layout.
 */
import { existsSync } from 'node:fs';
import type { Db } from './sqlite.ts';
import { NewerFormatError } from './errors.ts';

/** One step of a file's format. */
export interface Migration {
  /** The format the file has after this step. */
  to: number;
  /** What the step does, for the log and the tests. */
  why: string;
  sql: string;
}

/** The formats of one kind of file (its layout at format 1 is the file's own schema). */
export interface FileFormat {
  /** Every step, in order, starting with `to: 2`. */
  migrations: readonly Migration[];
}

/** The newest format of `format`. */
export const latestFormat = (format: FileFormat): number => format.migrations.at(-1)?.to ?? 1;

/** The format a file records; 1 when it records none. */
export const readFormat = (db: Db): number => {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  if (!hasMeta) return 1;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value: string } | undefined;
  const n = Number(row?.value ?? '1');
  // A value this program cannot read as a format can only come from a newer version: refused.
  return Number.isInteger(n) && n >= 1 ? n : Number.POSITIVE_INFINITY;
};

/** Refuses a file of a newer format than `format` knows (before anything is written to it). */
export const refuseNewer = (db: Db, path: string, format: FileFormat): number => {
  const found = readFormat(db);
  const latest = latestFormat(format);
  if (found > latest) throw new NewerFormatError(path, found, latest);
  return found;
};

/** Where the copy of `path` taken before migrating it from `from` goes. */
export const backupPathFor = (path: string, from: number, now = new Date()): string => {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${path}.format-${from}-${stamp}.bak`;
  for (let i = 2; existsSync(candidate); i++) candidate = `${path}.format-${from}-${stamp}-${i}.bak`;
  return candidate;
};

/**
 * Brings the open file at `path` to the newest format: refuses a newer one, copies an older one
 * aside, then migrates it. Returns the copy's path, or null when the file was new or up to date.
 * `isNew`: the file was just made, so there is nothing to keep a copy of.
 */
export const migrateFile = (db: Db, path: string, format: FileFormat, isNew: boolean): string | null => {
  const found = refuseNewer(db, path, format);
  const latest = latestFormat(format);
  if (found === latest) return null;
  // VACUUM INTO writes a consistent copy, write-ahead log included, without locking out readers.
  const backup = isNew ? null : backupPathFor(path, found);
  if (backup) db.prepare('VACUUM INTO ?').run(backup);
  db.transaction(() => {
    // Another process may have migrated it between the check and this transaction.
    const now = readFormat(db);
    if (now !== found) return;
    for (const m of format.migrations) if (m.to > found) db.exec(m.sql);
    db.prepare("INSERT INTO meta (key, value) VALUES ('format', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(latest));
  }).immediate();
  return backup;
};
