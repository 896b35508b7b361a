/**
 * The store in DATA_DIR: the catalog (workbooks and token hashes) and one SQLite file per workbook.
 * Used by the relay and by the CLI, which may run at the same time: every write is an appended,
 * committed update, which the relay picks up (see Room), so the two never fork a workbook.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import { Catalog } from './catalog.ts';
import { StoreError, UnreadableStoreError, WorkbookNotFoundError } from './errors.ts';
import type { OpenOptions } from './sqlite.ts';
import { WorkbookFile } from './workbook-file.ts';
import { errorMessage } from '../log.ts';

const WORKBOOK_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** True when `id` can name a workbook (it is used in URLs and file names). */
export const isWorkbookId = (id: string): boolean => WORKBOOK_ID.test(id);

/** Returns `id` when it can name a workbook; a StoreError saying what is allowed otherwise. */
export const checkWorkbookId = (id: string): string => {
  if (!isWorkbookId(id)) {
    throw new StoreError(
      `"${id}" cannot be a workbook id: use 1 to 64 lowercase letters, digits, "-" or "_", starting with a letter or digit.`,
    );
  }
  return id;
};

/** The update that `fn` made to `doc` (null when it changed nothing). */
const captureUpdate = (doc: Y.Doc, fn: () => void): Uint8Array | null => {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => updates.push(u);
  doc.on('update', on);
  try {
    fn();
  } finally {
    doc.off('update', on);
  }
  if (updates.length === 0) return null;
  return updates.length === 1 ? (updates[0] ?? null) : Y.mergeUpdates(updates);
};

/** A workbook loaded from an encoded one with its deleted content kept (a backup brings its history along). */
const withHistory = (update: Uint8Array): Workbook => {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update, 'load');
  return new Workbook(doc);
};

/** The store of one data folder. */
export class Store {
  private constructor(
    readonly dataDir: string,
    readonly catalog: Catalog,
  ) {}

  /** Opens the data folder (creating it and the catalog when missing). Throws StoreError with a plain sentence when it cannot. */
  static open(dataDir: string): Store {
    const dir = resolve(dataDir);
    try {
      mkdirSync(join(dir, 'workbooks'), { recursive: true, mode: 0o700 });
      accessSync(dir, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? errorMessage(err);
      throw new StoreError(`The data folder ${dir} cannot be used (${code}); set DATA_DIR to a folder this user can write to.`);
    }
    const path = join(dir, 'catalog.sqlite');
    try {
      return new Store(dir, Catalog.open(path));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (/READONLY|CANTOPEN|EACCES|EROFS/.test(code)) {
        throw new StoreError(`The data folder ${dir} cannot be written (${code}); set DATA_DIR to a folder this user can write to.`);
      }
      throw new StoreError(`The catalog ${path} cannot be read (${errorMessage(err)}); restore it from a backup, or move it away to start with an empty catalog.`);
    }
  }

  close(): void {
    this.catalog.close();
  }

  /** The file of a workbook (whether or not it exists). */
  fileOf(id: string): string {
    return join(this.dataDir, 'workbooks', `${checkWorkbookId(id)}.sqlite`);
  }

  has(id: string): boolean {
    return isWorkbookId(id) && this.catalog.workbook(id) !== undefined;
  }

  /** Creates a workbook from a model workbook or an encoded one. Throws when the id is taken. */
  create(id: string, content: Workbook | Uint8Array): void {
    checkWorkbookId(id);
    if (this.has(id)) throw new StoreError(`Workbook "${id}" exists already; choose another id.`);
    const wb = content instanceof Workbook ? content : withHistory(content);
    WorkbookFile.create(this.fileOf(id), wb.encode());
    this.catalog.addWorkbook(id, wb.settings.name);
  }

  /** Opens a workbook's file. Throws WorkbookNotFoundError or UnreadableStoreError. */
  openFile(id: string, opts: Omit<OpenOptions, 'create'> = {}): WorkbookFile {
    if (!this.has(id)) throw new WorkbookNotFoundError(id);
    return WorkbookFile.open(this.fileOf(id), opts);
  }

  /**
   * The stored workbook, loaded into a fresh model workbook (changes to it are not stored). Its
   * document keeps deleted content, as the store does, so any earlier version can be rebuilt from it.
   */
  load(id: string): Workbook {
    const file = this.openFile(id);
    try {
      const doc = new Y.Doc({ gc: false });
      file.loadInto(doc);
      return new Workbook(doc);
    } finally {
      file.close();
    }
  }

  /**
   * Changes a stored workbook through the model: `fn` gets it loaded, and what it changes is
   * appended as one update (a running relay relays it to connected clients). Returns that update,
   * or null when nothing changed.
   */
  update(id: string, fn: (wb: Workbook) => void): Uint8Array | null {
    const file = this.openFile(id);
    try {
      // gc off: an update that adds and deletes in one go is stored with what it deleted.
      const doc = new Y.Doc({ gc: false });
      file.loadInto(doc);
      const wb = new Workbook(doc);
      const update = captureUpdate(doc, () => fn(wb));
      if (update) {
        file.append(update);
        this.catalog.setWorkbookName(id, wb.settings.name);
      }
      doc.destroy();
      return update;
    } finally {
      file.close();
    }
  }

  /**
   * Replaces a workbook whose file cannot be read: the damaged file is kept next to it under a
   * new name, and a new file holds `content`.
   */
  replaceDamaged(id: string, content: Uint8Array): string {
    const path = this.fileOf(id);
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(path)) renameSync(path, aside);
    const wb = withHistory(content);
    WorkbookFile.create(path, wb.encode());
    if (this.catalog.workbook(id)) this.catalog.setWorkbookName(id, wb.settings.name);
    else this.catalog.addWorkbook(id, wb.settings.name);
    return aside;
  }
}

/**
 * Loads a stored workbook of the data folder `dataDir` for reading (the CLI's `eval --workbook`).
 * Throws WorkbookNotFoundError or UnreadableStoreError with a sentence to show.
 */
export const loadStoredWorkbook = (dataDir: string, id: string): Workbook => {
  const store = Store.open(dataDir);
  try {
    return store.load(id);
  } finally {
    store.close();
  }
};

/** The store's errors, re-exported so callers need one import. */
export { StoreError, UnreadableStoreError, WorkbookNotFoundError };
