/**
 * The store's files hold every workbook and the catalog of token hashes: only the user the relay
 * runs as may read them. Files are created 0600 (SQLite gives a database's -wal and -shm files the
 * mode of the database), folders 0700; a data folder made by an earlier version is tightened at
 * start-up, and what was changed is reported.
 */
import { chmodSync, closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Creates `path` as an empty file readable by its owner only, unless it exists (SQLite takes an empty file as a new database). */
export const createPrivateFile = (path: string): void => {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
};

const tighten = (path: string, mode: number, changed: string[]): void => {
  try {
    const s = statSync(path);
    if ((s.mode & 0o777 & ~mode) !== 0) {
      chmodSync(path, mode & (s.mode & 0o777));
      changed.push(path);
    }
  } catch {
    // gone meanwhile, or not ours to change: the start goes on
  }
};

/** Takes group and other permissions off the data folder, its workbooks folder and the store's files; returns the paths changed. */
export const makeDataDirPrivate = (dataDir: string): string[] => {
  const changed: string[] = [];
  tighten(dataDir, 0o700, changed);
  const books = join(dataDir, 'workbooks');
  tighten(books, 0o700, changed);
  for (const [dir, names] of [
    [dataDir, existsSync(dataDir) ? readdirSync(dataDir) : []],
    [books, existsSync(books) ? readdirSync(books) : []],
  ] as const) {
    for (const name of names) if (/\.sqlite(-wal|-shm)?$|\.txt$/.test(name)) tighten(join(dir, name), 0o600, changed);
  }
  return changed;
};
