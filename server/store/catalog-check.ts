/**
 * Start-up check of DATA_DIR: the catalog (which lists the workbooks and holds their tokens'
 * hashes) must agree with the workbook files next to it. A catalog that is missing, empty or
 * unreadable while workbook files exist stops the start with a sentence saying how to recover,
 * instead of the relay making a new catalog (and a new demo) and ignoring every file. Read-only:
 * nothing is created or changed here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../log.ts';
import { StoreError } from './errors.ts';
import { openDb } from './sqlite.ts';

const FILE = /^([a-z0-9][a-z0-9_-]{0,63})\.sqlite$/;

/** Ids of the workbook files in `dataDir`/workbooks (SQLite's side files and set-aside copies excluded). */
export const workbookFileIds = (dataDir: string): string[] => {
  const dir = join(dataDir, 'workbooks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => FILE.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
};

/** The catalog's state, when it can be read. */
export interface CatalogCheck {
  /** Workbook files the catalog does not list (the relay cannot open them). */
  unlisted: string[];
  /** Workbooks the catalog lists whose file is missing. */
  missing: string[];
}

const RECOVER =
  'Restore catalog.sqlite from a backup, or rebuild it from the workbook files with: npm run -s workbook -- repair-catalog ' +
  '(every access token must then be issued again).';

/** The ids a catalog lists, or why it cannot be read. */
const listed = (path: string): string[] | { problem: string } => {
  if (!existsSync(path)) return { problem: 'missing' };
  if (statSync(path).size === 0) return { problem: 'empty' };
  let db: ReturnType<typeof openDb> | undefined;
  try {
    db = openDb(path, { create: false });
    return (db.prepare('SELECT id FROM workbooks ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } catch (err) {
    return { problem: `unreadable (${errorMessage(err)})` };
  } finally {
    db?.close();
  }
};

/**
 * Checks `dataDir` before the store is opened: throws StoreError when the catalog is missing, empty
 * or unreadable while workbook files exist (an unreadable one also when none do). A new, empty
 * DATA_DIR passes.
 */
export const checkCatalog = (dataDir: string): CatalogCheck => {
  const files = workbookFileIds(dataDir);
  const path = join(dataDir, 'catalog.sqlite');
  const ids = listed(path);
  if (!Array.isArray(ids)) {
    if (ids.problem === 'missing' && files.length === 0) return { unlisted: [], missing: [] };
    if (ids.problem === 'empty' && files.length === 0) return { unlisted: [], missing: [] };
    const what = ids.problem === 'missing' ? `there is no catalog (${path})` : `the catalog ${path} is ${ids.problem}`;
    throw new StoreError(`DATA_DIR ${dataDir} holds ${files.length} workbook file(s), but ${what}. The relay does not start, so as not to replace them with a new, empty catalog. ${RECOVER}`);
  }
  if (ids.length === 0 && files.length > 0) {
    throw new StoreError(`The catalog ${path} lists no workbook, but DATA_DIR holds ${files.length} workbook file(s) (${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}). The relay does not start, so as not to ignore them. ${RECOVER}`);
  }
  return { unlisted: files.filter((f) => !ids.includes(f)), missing: ids.filter((i) => !files.includes(i)) };
};
