/**
 * The SQLite store in DATA_DIR: the catalog (workbooks and token hashes) and one SQLite file per
 * workbook; it implements the store contract (contract.ts). Used by the relay and by the CLI, which
 * may run at the same time: every write is an appended, committed update, which the relay picks up
 * (see SqlitePoller), so the two never fork a workbook.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Catalog } from './catalog.ts';
import type { CompactionClaim, Store, StoreLocation, WorkbookLog } from './contract.ts';
import { StoreError, WorkbookNotFoundError } from './errors.ts';
import type { Durability } from './sqlite.ts';
import { SqliteLog } from './sqlite-log.ts';
import { SqlitePoller } from './sqlite-poller.ts';
import { WorkbookFile } from './workbook-file.ts';
import { checkWorkbookId } from './workbook-id.ts';
import { errorMessage, silentLogger, type Logger } from '../log.ts';

/** How a SQLite store is opened. */
export interface SqliteStoreOptions {
  /** How far an append goes before it resolves (default `fsync`; see Durability). */
  durability?: Durability;
  /**
   * Let commits fold the write-ahead log into the file when it grows, which syncs the disk
   * (default true). The relay turns this off: its compaction worker does it off the main thread.
   */
  autoCheckpoint?: boolean;
  /** How often other writers' appends and catalog changes are looked for (default 250 ms). */
  pollMs?: number;
  log?: Logger;
}

/** The store of one data folder. */
export class SqliteStore implements Store {
  readonly location: StoreLocation;

  private constructor(
    readonly dataDir: string,
    readonly catalog: Catalog,
    private readonly poller: SqlitePoller,
    private readonly options: SqliteStoreOptions,
  ) {
    this.location = { kind: 'sqlite', dataDir };
  }

  /** Opens the data folder (creating it and the catalog when missing). Throws StoreError with a plain sentence when it cannot. */
  static async open(dataDir: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const dir = resolve(dataDir);
    try {
      mkdirSync(join(dir, 'workbooks'), { recursive: true, mode: 0o700 });
      accessSync(dir, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? errorMessage(err);
      throw new StoreError(`The data folder ${dir} cannot be used (${code}); set DATA_DIR to a folder this user can write to.`);
    }
    const path = join(dir, 'catalog.sqlite');
    const poller = new SqlitePoller(options.pollMs ?? 250, options.log ?? silentLogger);
    try {
      return new SqliteStore(dir, Catalog.open(path, poller), poller, options);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (/READONLY|CANTOPEN|EACCES|EROFS/.test(code)) {
        throw new StoreError(`The data folder ${dir} cannot be written (${code}); set DATA_DIR to a folder this user can write to.`);
      }
      throw new StoreError(`The catalog ${path} cannot be read (${errorMessage(err)}); restore it from a backup, or move it away to start with an empty catalog.`);
    }
  }

  async close(): Promise<void> {
    this.poller.stop();
    this.catalog.close();
  }

  /** The file of a workbook (whether or not it exists). */
  fileOf(id: string): string {
    return join(this.dataDir, 'workbooks', `${checkWorkbookId(id)}.sqlite`);
  }

  async createWorkbook(id: string, name: string, snapshot: Uint8Array, space?: string): Promise<void> {
    checkWorkbookId(id);
    if (await this.catalog.has(id)) throw new StoreError(`Workbook "${id}" exists already; choose another id.`);
    if (space !== undefined) this.catalog.requireSpace(space);
    WorkbookFile.create(this.fileOf(id), snapshot);
    this.catalog.addWorkbook(id, name, space ?? null, snapshot.byteLength);
  }

  /** The catalog entry goes first: a file left behind by a crash is reported by the start-up check, never served. */
  async purgeWorkbook(id: string): Promise<boolean> {
    checkWorkbookId(id);
    if (!this.catalog.removeWorkbook(id)) return false;
    const path = this.fileOf(id);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    return true;
  }

  /** Opens a workbook's file. Throws WorkbookNotFoundError, UnreadableStoreError or NewerFormatError. */
  private async openFile(id: string, durability = this.options.durability): Promise<WorkbookFile> {
    if (!(await this.catalog.has(id))) throw new WorkbookNotFoundError(id);
    return WorkbookFile.open(this.fileOf(id), { autoCheckpoint: this.options.autoCheckpoint ?? true, ...(durability ? { durability } : {}) });
  }

  async openLog(id: string): Promise<WorkbookLog> {
    return new SqliteLog(id, await this.openFile(id), this.poller);
  }

  /** The damaged (or replaced) file is kept next to the new one, under a new name: that name is returned. */
  async replaceContent(id: string, name: string, snapshot: Uint8Array): Promise<string | null> {
    const path = this.fileOf(id);
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const kept = existsSync(path);
    if (kept) renameSync(path, aside);
    WorkbookFile.create(path, snapshot);
    if (await this.catalog.has(id)) await this.catalog.setWorkbookName(id, name);
    else this.catalog.addWorkbook(id, name);
    return kept ? aside : null;
  }

  async claimCompaction(id: string, owner: string, ttlMs: number): Promise<CompactionClaim | null> {
    // No disk flush per commit here: if a compaction's commit is lost, the old snapshot and the log remain, whole.
    const file = await this.openFile(id, 'commit');
    try {
      if (!file.claim(owner, Date.now() + ttlMs)) {
        file.close();
        return null;
      }
    } catch (err) {
      file.close();
      throw err;
    }
    return {
      workbook: id,
      read: async () => file.readState(),
      replace: async (basedOn, upto, snapshot) => {
        const done = file.compact(basedOn, upto, snapshot, owner);
        // The relay's own connections leave the write-ahead log to this (off the main thread).
        if (done) file.checkpoint();
        return done;
      },
      settle: async () => file.checkpoint(),
      release: async () => {
        try {
          file.releaseClaim(owner);
        } finally {
          file.close();
        }
      },
    };
  }
}
