/**
 * The update log of one workbook in PostgreSQL. An append is one transaction: it takes the next
 * sequence numbers with `UPDATE workbooks SET head = head + n … RETURNING head` (the row lock also
 * makes appends to one workbook commit in the order of their numbers, so the numbers are gap-free
 * as readers see them), inserts the updates, and NOTIFYs the workbook's channel, which is
 * delivered only once it commits. Reads see the snapshot and the log at one moment (repeatable
 * read). A subscription is listened for before the log is read: reads wait until it is.
 */
import type { LogStats, StoredChanges, StoredState, Unsubscribe, WorkbookLog } from '../contract.ts';
import { WorkbookNotFoundError } from '../errors.ts';
import type { PgDb, Queryable } from './pg-db.ts';
import { PgHub } from './pg-hub.ts';

/** Rows per INSERT: bound the parameters of one statement (PostgreSQL takes up to 65535). */
const ROWS_PER_INSERT = 1000;

interface SnapshotRow {
  upto: number;
  data: Uint8Array;
}

/** Reads a workbook's snapshot (throws WorkbookNotFoundError when it has none: the workbook is gone). */
export const readSnapshot = async (q: Queryable, id: string): Promise<SnapshotRow> => {
  const [row] = await q.query<SnapshotRow>('SELECT upto, data FROM snapshots WHERE workbook = $1', [id]);
  if (!row) throw new WorkbookNotFoundError(id);
  return row;
};

/** The snapshot and log of a workbook in one repeatable-read transaction. */
export const readState = (db: PgDb, id: string): Promise<StoredState> =>
  db.transaction(async (tx) => {
    const snap = await readSnapshot(tx, id);
    const updates = await tx.query<{ seq: number; data: Uint8Array }>('SELECT seq, data FROM updates WHERE workbook = $1 AND seq > $2 ORDER BY seq', [id, snap.upto]);
    return { snapshot: snap.data, snapshotUpto: snap.upto, updates, lastSeq: updates.at(-1)?.seq ?? snap.upto };
  }, 'repeatable read read only');

/** A workbook's log on the store's pool (see the module comment). */
export class PgLog implements WorkbookLog {
  private readonly stops = new Set<Unsubscribe>();
  /** Resolves once every subscription of this log is listened for. */
  private listening: Promise<unknown> = Promise.resolve();

  constructor(
    readonly workbook: string,
    readonly where: string,
    private readonly db: PgDb,
    private readonly hub: PgHub,
  ) {}

  async read(): Promise<StoredState> {
    await this.listening;
    return readState(this.db, this.workbook);
  }

  async readSince(seq: number): Promise<StoredChanges> {
    await this.listening;
    return this.db.transaction(async (tx) => {
      const snap = await readSnapshot(tx, this.workbook);
      const updates = await tx.query<{ seq: number; data: Uint8Array }>('SELECT seq, data FROM updates WHERE workbook = $1 AND seq > $2 ORDER BY seq', [
        this.workbook,
        Math.max(seq, snap.upto),
      ]);
      return { snapshot: snap.upto > seq ? snap.data : null, snapshotUpto: snap.upto, updates };
    }, 'repeatable read read only');
  }

  async append(updates: readonly Uint8Array[]): Promise<number[]> {
    if (updates.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ head: number }>('UPDATE workbooks SET head = head + $2 WHERE id = $1 RETURNING head', [this.workbook, updates.length]);
      if (!row) throw new WorkbookNotFoundError(this.workbook);
      const first = row.head - updates.length + 1;
      const seqs = updates.map((_, i) => first + i);
      for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
        const chunk = updates.slice(start, start + ROWS_PER_INSERT);
        const values = chunk.map((_, i) => `($1, $${2 * i + 2}, $${2 * i + 3})`).join(', ');
        await tx.query(`INSERT INTO updates (workbook, seq, data) VALUES ${values}`, [this.workbook, ...chunk.flatMap((u, i) => [first + start + i, u])]);
      }
      await PgHub.notifyAppend(tx, this.workbook, row.head);
      return seqs;
    });
  }

  async stats(): Promise<LogStats> {
    const [row] = await this.db.query<{ updates: number; bytes: number; snapshot_bytes: number | null }>(
      `SELECT count(u.seq) AS updates, coalesce(sum(octet_length(u.data)), 0)::bigint AS bytes,
              (SELECT octet_length(data) FROM snapshots WHERE workbook = $1) AS snapshot_bytes
         FROM updates u WHERE u.workbook = $1`,
      [this.workbook],
    );
    if (!row || row.snapshot_bytes === null) throw new WorkbookNotFoundError(this.workbook);
    return { updates: row.updates, bytes: row.bytes, snapshotBytes: row.snapshot_bytes };
  }

  subscribe(listener: (seq: number | undefined) => void): Unsubscribe {
    const { ready, stop } = this.hub.subscribe(this.workbook, listener);
    this.listening = Promise.all([this.listening, ready]);
    return this.keep(stop);
  }

  sendPresence(update: Uint8Array): void {
    this.hub.sendPresence(this.workbook, update);
  }

  onPresence(listener: (update: Uint8Array) => void): Unsubscribe {
    return this.keep(this.hub.onPresence(this.workbook, listener));
  }

  async close(): Promise<void> {
    for (const stop of [...this.stops]) stop();
  }

  private keep(stop: Unsubscribe): Unsubscribe {
    const once = () => {
      if (this.stops.delete(once)) stop();
    };
    this.stops.add(once);
    return once;
  }
}
