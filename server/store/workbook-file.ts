/**
 * One workbook's stored state, in its own SQLite file (DATA_DIR/workbooks/<id>.sqlite): a snapshot
 * (the whole document as one Yjs update, up to some sequence number) plus an append-only log of the
 * updates since. Appends commit durably (synchronous = FULL) before they return. One file per
 * workbook keeps a damaged file from taking other workbooks down and lets a room's file be closed
 * when the room is unloaded.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import { UnreadableStoreError } from './errors.ts';
import type { Statement } from 'better-sqlite3';
import { changedElsewhere, openDb, type Db, type OpenOptions } from './sqlite.ts';
import { errorMessage } from '../log.ts';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL, at INTEGER NOT NULL);
`;

/** One logged update. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
}

/** Everything stored for a workbook, read in one consistent transaction. */
export interface StoredState {
  snapshot: Uint8Array;
  /** The snapshot includes every update with seq ≤ snapshotUpto. */
  snapshotUpto: number;
  updates: LoggedUpdate[];
  /** The highest seq included (snapshot or log). */
  lastSeq: number;
}

/** Size of the log not yet folded into the snapshot. */
export interface LogStats {
  updates: number;
  bytes: number;
  snapshotBytes: number;
}

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
  private readonly version = { version: -1 };
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
    } finally {
      db.close(); // checkpoints the WAL into the file and removes it
    }
    fsyncPath(tmp);
    renameSync(tmp, path);
    fsyncPath(dirname(path));
  }

  /**
   * Opens an existing file without writing to it, and checks that it can be read; a file that
   * cannot be read throws UnreadableStoreError and is left as it was.
   */
  static open(path: string, opts: Omit<OpenOptions, 'create'> = {}): WorkbookFile {
    if (!existsSync(path)) throw new UnreadableStoreError(path, 'the file is missing');
    let db: Db | undefined;
    try {
      db = openDb(path, { ...opts, create: false });
      db.prepare('SELECT upto FROM snapshot WHERE id = 1').get();
      db.prepare('SELECT seq FROM updates LIMIT 1').get();
      return new WorkbookFile(path, db);
    } catch (err) {
      db?.close();
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

  /** True when another process or thread (CLI, compactor) committed to this file since the last call. */
  changedElsewhere(): boolean {
    return changedElsewhere(this.db, this.version);
  }

  /** Makes the next changedElsewhere() true (a read of the changes failed and must be tried again). */
  lookAgain(): void {
    this.version.version = -1;
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
      throw new UnreadableStoreError(this.path, errorMessage(err));
    }
  }

  /**
   * Applies the stored state to `doc` (origin 'store') and returns the last seq applied. A state
   * that cannot be decoded throws UnreadableStoreError; the caller then discards `doc`.
   */
  loadInto(doc: Y.Doc): number {
    const state = this.readState();
    try {
      doc.transact(() => {
        Y.applyUpdate(doc, state.snapshot, 'store');
        for (const u of state.updates) Y.applyUpdate(doc, u.data, 'store');
      }, 'store');
    } catch (err) {
      throw new UnreadableStoreError(this.path, `a stored update cannot be decoded: ${errorMessage(err)}`);
    }
    return state.lastSeq;
  }

  /** Updates logged after `seq`, and how far the snapshot reaches now (it may have passed `seq`). */
  readSince(seq: number): { snapshotUpto: number; updates: LoggedUpdate[] } {
    return this.db.transaction(() => {
      const snap = this.sql('SELECT upto FROM snapshot WHERE id = 1').get() as { upto: number } | undefined;
      const updates = this.sql('SELECT seq, data FROM updates WHERE seq > ? ORDER BY seq').all(seq) as LoggedUpdate[];
      return { snapshotUpto: snap?.upto ?? 0, updates };
    })();
  }

  /** The snapshot alone (when the log moved past what a reader had seen). */
  readSnapshot(): Uint8Array {
    const snap = this.sql('SELECT data FROM snapshot WHERE id = 1').get() as { data: Uint8Array } | undefined;
    if (!snap) throw new UnreadableStoreError(this.path, 'the snapshot is missing');
    return snap.data;
  }

  /** Appends an update; when this returns, it is committed (see Durability). Returns its sequence number. */
  append(update: Uint8Array): number {
    return Number(this.sql('INSERT INTO updates (data, at) VALUES (?, ?)').run(update, Date.now()).lastInsertRowid);
  }

  /** Appends several updates in one transaction (at most one sync to disk); returns their sequence numbers. */
  appendAll(updates: readonly Uint8Array[]): number[] {
    return this.db.transaction(() => updates.map((u) => this.append(u)))();
  }

  /**
   * How long a write waits for another connection's write lock before failing with SQLITE_BUSY
   * (see isBusy). The relay sets 0 and retries later itself, so one file's compaction never holds
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

  /**
   * Replaces the snapshot by `snapshot` (which folds in every update up to `upto`, on top of the
   * snapshot that reached `basedOn`) and drops those updates, in one transaction. Returns false and
   * changes nothing when someone else compacted in the meantime.
   */
  compact(basedOn: number, upto: number, snapshot: Uint8Array): boolean {
    return this.db
      .transaction(() => {
        const cur = this.sql('SELECT upto FROM snapshot WHERE id = 1').get() as { upto: number } | undefined;
        if (!cur || cur.upto !== basedOn) return false;
        this.sql('UPDATE snapshot SET upto = ?, data = ? WHERE id = 1').run(upto, snapshot);
        this.sql('DELETE FROM updates WHERE seq <= ?').run(upto);
        return true;
      })
      .immediate();
  }
}
