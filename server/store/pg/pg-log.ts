/**
 * The update log of one workbook in PostgreSQL. An append is one transaction (one statement): it
 * takes the next sequence numbers with `UPDATE workbooks SET head = head + n … RETURNING head` (the
 * row lock also makes appends to one workbook commit in the order of their numbers, so the numbers
 * are gap-free as readers see them), inserts the updates, and NOTIFYs the workbook's channel, which
 * is delivered only once it commits. A load reads the snapshot and the log in one repeatable-read
 * transaction; a catch-up in one statement. A subscription is listened for before the log is
 * read: reads wait until it is. Owners of client ids given with an append are recorded in the same
 * transaction (client_owners, one owner per id by its primary key); a second owner rolls it back.
 */
import type { ClientOwner, LogStats, StoredChanges, StoredState, Unsubscribe, WorkbookLog } from '../contract.ts';
import { OwnerConflictError, WorkbookNotFoundError } from '../errors.ts';
import type { PgDb, Queryable } from './pg-db.ts';
import { workbookChannel, type PgHub } from './pg-hub.ts';

/** A Buffer over the same bytes (node-postgres writes Buffers in arrays as bytea). */
const toBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

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

/**
 * Appends updates in one statement (one round trip; its own transaction on the pool): the row lock
 * of the UPDATE orders the appends of one workbook, and the NOTIFY goes out only if it commits.
 */
const appendUpdates = async (q: Queryable, id: string, updates: readonly Uint8Array[]): Promise<number[]> => {
  const [row] = await q.query<{ head: number }>(
    `WITH h AS (UPDATE workbooks SET head = head + $2 WHERE id = $1 RETURNING head),
          ins AS (INSERT INTO updates (workbook, seq, data)
                  SELECT $1, h.head - $2 + t.ord, t.d FROM h, unnest($3::bytea[]) WITH ORDINALITY AS t(d, ord) RETURNING seq),
          n AS (SELECT pg_notify($4, 'u ' || h.head) FROM h)
     SELECT h.head, (SELECT count(*) FROM ins) AS inserted, (SELECT count(*) FROM n) AS notified FROM h`,
    [id, updates.length, updates.map(toBuffer), workbookChannel(id)],
  );
  if (!row) throw new WorkbookNotFoundError(id);
  const first = row.head - updates.length + 1;
  return updates.map((_, i) => first + i);
};

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
    // One statement sees one moment, as a transaction would, in one round trip (this is what every
    // relay runs for every notification). The first row carries the snapshot's number, and the
    // snapshot itself only when it reaches past `seq`.
    const rows = await this.db.query<{ seq: number; upto: number | null; data: Uint8Array | null }>(
      `WITH s AS (SELECT upto, data FROM snapshots WHERE workbook = $1)
       SELECT -1 AS seq, s.upto, CASE WHEN s.upto > $2 THEN s.data END AS data FROM s
       UNION ALL
       SELECT u.seq, NULL, u.data FROM updates u, s WHERE u.workbook = $1 AND u.seq > greatest($2::bigint, s.upto)
       ORDER BY seq`,
      [this.workbook, seq],
    );
    const [head, ...updates] = rows;
    if (!head || head.upto === null) throw new WorkbookNotFoundError(this.workbook);
    return { snapshot: head.data, snapshotUpto: head.upto, updates: updates.map((u) => ({ seq: u.seq, data: u.data ?? new Uint8Array() })) };
  }

  async append(updates: readonly Uint8Array[], owners: readonly ClientOwner[] = []): Promise<number[]> {
    if (owners.length > 0) return this.db.transaction((tx) => this.appendWithOwners(tx, updates, owners));
    if (updates.length === 0) return [];
    return appendUpdates(this.db, this.workbook, updates);
  }

  /** The updates first: their row lock on the workbook makes concurrent appends record owners one after the other. */
  private async appendWithOwners(tx: Queryable, updates: readonly Uint8Array[], owners: readonly ClientOwner[]): Promise<number[]> {
    let seqs: number[] = [];
    if (updates.length > 0) seqs = await appendUpdates(tx, this.workbook, updates);
    else if ((await tx.query('SELECT 1 FROM workbooks WHERE id = $1 FOR UPDATE', [this.workbook])).length === 0) throw new WorkbookNotFoundError(this.workbook);
    const ids = owners.map((o) => o.clientId);
    await tx.query(
      `INSERT INTO client_owners (workbook, client_id, owner, at)
       SELECT $1, t.c, t.o, $4 FROM unnest($2::bigint[], $3::text[]) AS t(c, o)
       ON CONFLICT (workbook, client_id) DO NOTHING`,
      [this.workbook, ids, owners.map((o) => o.owner), Date.now()],
    );
    // What is recorded now (this append's rows, or ones recorded before): any other owner rolls the whole append back.
    const rows = await tx.query<{ client_id: number; owner: string }>('SELECT client_id, owner FROM client_owners WHERE workbook = $1 AND client_id = ANY($2::bigint[])', [
      this.workbook,
      ids,
    ]);
    const had = new Map(rows.map((r) => [r.client_id, r.owner]));
    for (const { clientId, owner } of owners) {
      const recorded = had.get(clientId);
      if (recorded !== undefined && recorded !== owner) throw new OwnerConflictError(clientId, recorded, owner);
    }
    return seqs;
  }

  async owners(): Promise<ClientOwner[]> {
    const rows = await this.db.query<{ client_id: number; owner: string }>('SELECT client_id, owner FROM client_owners WHERE workbook = $1 ORDER BY client_id', [this.workbook]);
    return rows.map((r) => ({ clientId: r.client_id, owner: r.owner }));
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
