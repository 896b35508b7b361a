/**
 * One workbook's stored state, in its own SQLite file (DATA_DIR/workbooks/<id>.sqlite): a snapshot
 * (the whole document as one Yjs update, up to some sequence number) plus an append-only log of the
 * updates since. Appends commit durably (synchronous = FULL) before they return. One file per
 * workbook keeps a damaged file from taking other workbooks down and lets a room's file be closed
 * when the room is unloaded.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ClientOwner, LogStats, StoredChanges, StoredState, LoggedUpdate } from './contract.ts';
import { NewerFormatError, OwnerConflictError, UnreadableStoreError } from './errors.ts';
import type { Statement } from 'better-sqlite3';
import { migrateFile, refuseNewer, type FileFormat } from './migrate.ts';
import { changedElsewhere, openDb, type Db, type OpenOptions } from './sqlite.ts';
import { errorMessage } from '../log.ts';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL, at INTEGER NOT NULL);
`;

/**
 * The formats of a workbook file (see migrate.ts). Format 1 is SCHEMA, as release 0.1.0 wrote it.
 * Format 2 adds the compaction claim: who may fold the log into the snapshot, until when.
 * Format 3 adds the owners of Yjs client ids (who may write under each), one row per id.
 */
export const WORKBOOK_FORMAT: FileFormat = {
  migrations: [
    {
      to: 2,
      why: 'compaction claims',
      sql: 'CREATE TABLE compaction_claim (id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT NULL, until INTEGER NOT NULL);',
    },
    {
      to: 3,
      why: 'owners of client ids',
      sql: 'CREATE TABLE client_owners (client_id INTEGER PRIMARY KEY, owner TEXT NOT NULL, at INTEGER NOT NULL);',
    },
  ],
};

const fsyncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** True for the error of a write that found the file locked by another connection. */
export const isBusy = (err: unknown): boolean => (err as { code?: string } | null)?.code?.startsWith('SQLITE_BUSY') === true;

/** A workbook's SQLite file, open. */
export class WorkbookFile {
  private readonly statements = new Map<string, Statement>();

  private constructor(
    readonly path: string,
    private readonly db: Db,
  ) {}

  /**
   * Writes a new file holding `snapshot`, atomically: it is built next to `path` and renamed into
   * place, so a crash leaves either no file or a complete one. Replaces a file already at `path`.
   */
  static create(path: string, snapshot: Uint8Array): void {
    const tmp = `${path}.new`;
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    const db = openDb(tmp, { create: true });
    try {
      db.exec(SCHEMA);
      db.prepare("INSERT INTO meta (key, value) VALUES ('format', '1')").run();
      db.prepare('INSERT INTO snapshot (id, upto, data) VALUES (1, 0, ?)').run(snapshot);
      migrateFile(db, tmp, WORKBOOK_FORMAT, true);
    } finally {
      db.close(); // checkpoints the WAL into the file and removes it
    }
    fsyncPath(tmp);
    renameSync(tmp, path);
    fsyncPath(dirname(path));
  }

  /**
   * Opens an existing file and checks that it can be read; a file that cannot be read throws
   * UnreadableStoreError and is left as it was, one of a newer format NewerFormatError. A file of
   * an older format is copied aside and migrated (not when opened read-only).
   */
  static open(path: string, opts: Omit<OpenOptions, 'create'> = {}): WorkbookFile {
    if (!existsSync(path)) throw new UnreadableStoreError(path, 'the file is missing');
    let db: Db | undefined;
    try {
      db = openDb(path, { ...opts, create: false });
      refuseNewer(db, path, WORKBOOK_FORMAT);
      db.prepare('SELECT upto FROM snapshot WHERE id = 1').get();
      db.prepare('SELECT seq FROM updates LIMIT 1').get();
      if (!opts.readonly) migrateFile(db, path, WORKBOOK_FORMAT, false);
      return new WorkbookFile(path, db);
    } catch (err) {
      db?.close();
      if (err instanceof NewerFormatError) throw err;
      throw new UnreadableStoreError(path, errorMessage(err));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A prepared statement, compiled once per file. */
  private sql(text: string): Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** True when another process or thread (CLI, compactor) committed to this file since the last call with `last`. */
  changedElsewhere(last: { version: number }): boolean {
    return changedElsewhere(this.db, last);
  }

  /** The snapshot and the log, read in one transaction. */
  readState(): StoredState {
    try {
      return this.db.transaction(() => {
        const snap = this.sql('SELECT upto, data FROM snapshot WHERE id = 1').get() as
          | { upto: number; data: Uint8Array }
          | undefined;
        if (!snap) throw new Error('the snapshot is missing');
        const updates = this.sql('SELECT seq, data FROM updates WHERE seq > ? ORDER BY seq').all(snap.upto) as LoggedUpdate[];
        const lastSeq = updates.at(-1)?.seq ?? snap.upto;
        return { snapshot: snap.data, snapshotUpto: snap.upto, updates, lastSeq };
      })();
    } catch (err) {
      if (isBusy(err)) throw err; // locked for a moment, not damaged: the caller tries again
      throw new UnreadableStoreError(this.path, errorMessage(err));
    }
  }

  /**
   * Updates logged after `seq`, how far the snapshot reaches now, and the snapshot itself when it
   * passed `seq` (a compaction folded updates the reader had not seen), in one transaction.
   */
  readSince(seq: number): StoredChanges {
    return this.db.transaction(() => {
      const snap = this.sql('SELECT upto FROM snapshot WHERE id = 1').get() as { upto: number } | undefined;
      const upto = snap?.upto ?? 0;
      const updates = this.sql('SELECT seq, data FROM updates WHERE seq > ? ORDER BY seq').all(seq) as LoggedUpdate[];
      const moved = upto > seq ? (this.sql('SELECT data FROM snapshot WHERE id = 1').get() as { data: Uint8Array } | undefined) : undefined;
      return { snapshot: moved?.data ?? null, snapshotUpto: upto, updates };
    })();
  }

  /** Appends an update; when this returns, it is committed (see Durability). Returns its sequence number. */
  append(update: Uint8Array): number {
    return Number(this.sql('INSERT INTO updates (data, at) VALUES (?, ?)').run(update, Date.now()).lastInsertRowid);
  }

  /**
   * Appends several updates and records `owners` in one transaction (at most one sync to disk);
   * returns their sequence numbers. A client id owned by someone else throws OwnerConflictError
   * and nothing is written.
   */
  appendAll(updates: readonly Uint8Array[], owners: readonly ClientOwner[] = []): number[] {
    // Made once: better-sqlite3 builds five wrappers per transaction(), and this runs on every commit.
    this.appendTx ??= this.db.transaction((us: readonly Uint8Array[], os: readonly ClientOwner[]) => {
      const now = Date.now();
      for (const { clientId, owner } of os) {
        if (this.sql('INSERT INTO client_owners (client_id, owner, at) VALUES (?, ?, ?) ON CONFLICT(client_id) DO NOTHING').run(clientId, owner, now).changes > 0) continue;
        const had = this.sql('SELECT owner FROM client_owners WHERE client_id = ?').get(clientId) as { owner: string } | undefined;
        if (had && had.owner !== owner) throw new OwnerConflictError(clientId, had.owner, owner);
      }
      const insert = this.sql('INSERT INTO updates (data, at) VALUES (?, ?)');
      return us.map((u) => Number(insert.run(u, now).lastInsertRowid));
    });
    return this.appendTx(updates, owners);
  }
  private appendTx: ((updates: readonly Uint8Array[], owners: readonly ClientOwner[]) => number[]) | null = null;

  /** Every client id's recorded owner. */
  owners(): ClientOwner[] {
    const rows = this.sql('SELECT client_id, owner FROM client_owners ORDER BY client_id').all() as { client_id: number; owner: string }[];
    return rows.map((r) => ({ clientId: r.client_id, owner: r.owner }));
  }

  /**
   * How long a write waits for another connection's write lock before failing with SQLITE_BUSY
   * (see isBusy). SqliteLog sets 0 and retries later itself, so one file's compaction never holds
   * up the other rooms.
   */
  setBusyTimeout(ms: number): void {
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  }

  /** Folds the write-ahead log into the file, without waiting for readers or writers. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** How much log has piled up since the snapshot. */
  stats(): LogStats {
    const log = this.sql('SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS b FROM updates').get() as { n: number; b: number };
    const snap = this.sql('SELECT length(data) AS b FROM snapshot WHERE id = 1').get() as { b: number } | undefined;
    return { updates: log.n, bytes: log.b, snapshotBytes: snap?.b ?? 0 };
  }

  /** Claims the compaction for `owner` until `until` (ms since the epoch); false while another owner's claim runs. */
  claim(owner: string, until: number): boolean {
    return this.db
      .transaction(() => {
        const cur = this.sql('SELECT owner, until FROM compaction_claim WHERE id = 1').get() as { owner: string; until: number } | undefined;
        if (cur && cur.owner !== owner && cur.until > Date.now()) return false;
        this.sql('INSERT INTO compaction_claim (id, owner, until) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, until = excluded.until').run(owner, until);
        return true;
      })
      .immediate();
  }

  /** Gives up `owner`'s claim (nothing when the claim is someone else's now). */
  releaseClaim(owner: string): void {
    this.sql('DELETE FROM compaction_claim WHERE id = 1 AND owner = ?').run(owner);
  }

  /**
   * Replaces the snapshot by `snapshot` (which folds in every update up to `upto`, on top of the
   * snapshot that reached `basedOn`) and drops those updates, in one transaction. Returns false and
   * changes nothing when someone else compacted in the meantime, or `owner`'s claim ran out.
   */
  compact(basedOn: number, upto: number, snapshot: Uint8Array, owner: string): boolean {
    return this.db
      .transaction(() => {
        const claim = this.sql('SELECT owner, until FROM compaction_claim WHERE id = 1').get() as { owner: string; until: number } | undefined;
        if (!claim || claim.owner !== owner || claim.until <= Date.now()) return false;
        const cur = this.sql('SELECT upto FROM snapshot WHERE id = 1').get() as { upto: number } | undefined;
        if (!cur || cur.upto !== basedOn) return false;
        this.sql('UPDATE snapshot SET upto = ?, data = ? WHERE id = 1').run(upto, snapshot);
        this.sql('DELETE FROM updates WHERE seq <= ?').run(upto);
        return true;
      })
      .immediate();
  }
}
