/**
 * Rebuilds the catalog from the workbook files (`npm run -s workbook -- repair-catalog`). A
 * readable catalog is kept, with its tokens, and the files it does not list are added to it. One
 * that is missing, empty or unreadable is set aside (renamed, never deleted) and a new one lists
 * every file. Tokens cannot be rebuilt: only their hashes were kept, in the catalog. The workbooks
 * it adds go into the default team space (made when there is none), as a migrated folder's do, so
 * the team finds them again once an owner is invited (`space invite --role owner`).
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import { createLogger, errorMessage } from '../log.ts';
import { Catalog } from './catalog.ts';
import { DEFAULT_SPACE } from './catalog-spaces.ts';
import { checkCatalog, workbookFileIds } from './catalog-check.ts';
import { SqlitePoller } from './sqlite-poller.ts';
import { applyStoredState } from './stored-workbook.ts';
import { WorkbookFile } from './workbook-file.ts';

/** What a repair did. */
export interface RepairResult {
  /** Workbooks added to the catalog, with the name read from each file (or why it could not be read). */
  added: { id: string; name: string; unreadable?: string }[];
  /** Where the old catalog was moved, when it was replaced. */
  setAside: string | null;
  /** Workbooks the catalog lists whose file is missing. */
  missing: string[];
}

/** The name stored in a workbook file, or why the file cannot be read. */
const nameOf = (path: string): { name: string } | { unreadable: string } => {
  let file: WorkbookFile | undefined;
  const doc = new Y.Doc({ gc: false });
  try {
    file = WorkbookFile.open(path);
    applyStoredState(doc, file.readState(), path);
    return { name: new Workbook(doc).settings.name };
  } catch (err) {
    return { unreadable: errorMessage(err) };
  } finally {
    file?.close();
    doc.destroy();
  }
};

/** Repairs the catalog of `dataDir` (see the module comment). */
export const repairCatalog = async (dataDir: string): Promise<RepairResult> => {
  const path = join(dataDir, 'catalog.sqlite');
  let setAside: string | null = null;
  try {
    checkCatalog(dataDir);
  } catch {
    if (existsSync(path)) {
      setAside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(path, setAside);
      for (const side of ['-wal', '-shm']) if (existsSync(path + side)) renameSync(path + side, setAside + side);
    }
  }
  // Nothing here watches the catalog: the poller never runs.
  const catalog = Catalog.open(path, new SqlitePoller(60_000, createLogger('error')));
  try {
    const listed = new Set((await catalog.workbooks()).map((w) => w.id));
    const added: RepairResult['added'] = [];
    const unlisted = workbookFileIds(dataDir).filter((id) => !listed.has(id));
    if (unlisted.length > 0 && !(await catalog.space(DEFAULT_SPACE.id))) await catalog.createSpace(DEFAULT_SPACE.id, DEFAULT_SPACE.name);
    for (const id of unlisted) {
      const read = nameOf(join(dataDir, 'workbooks', `${id}.sqlite`));
      const name = 'name' in read && read.name ? read.name : id;
      catalog.addWorkbook(id, name, DEFAULT_SPACE.id);
      added.push({ id, name, ...('unreadable' in read ? { unreadable: read.unreadable } : {}) });
    }
    // A data folder that held workbooks never gets the first-start demo.
    if (added.length > 0 && !(await catalog.getMeta('demo_created'))) await catalog.setMeta('demo_created', new Date().toISOString());
    const files = new Set(workbookFileIds(dataDir));
    return { added, setAside, missing: (await catalog.workbooks()).filter((w) => !files.has(w.id)).map((w) => w.id) };
  } finally {
    catalog.close();
  }
};
