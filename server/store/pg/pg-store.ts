/**
 * The PostgreSQL store (DATABASE_URL=postgres://…): the catalog, each workbook's snapshot and log,
 * and compaction claims in one database, shared by any number of relays and the CLI. It implements
 * the store contract (../contract.ts) and passes its numbered suite unchanged. Relays hear of each
 * other's appends, presence and catalog changes through LISTEN/NOTIFY (PgHub).
 */
import type { CompactionClaim, Store, StoreLocation, WorkbookLog } from '../contract.ts';
import { StoreError, WorkbookNotFoundError } from '../errors.ts';
import { checkWorkbookId } from '../workbook-id.ts';
import { errorMessage, silentLogger, type Logger } from '../../log.ts';
import { PgCatalog } from './pg-catalog.ts';
import { describeUrl, PgDb } from './pg-db.ts';
import { PgHub } from './pg-hub.ts';
import { importIntoPg, type ImportData } from './pg-import.ts';
import { PgLog, readSnapshot, readState } from './pg-log.ts';
import { migratePg } from './pg-migrate.ts';
import { requirePgSpace } from './pg-spaces.ts';

/** How a PostgreSQL store is opened. */
export interface PgStoreOptions {
  /** How often the safety-net poll reads heads and the catalog version (default 2000 ms). */
  pollMs?: number;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  log?: Logger;
}

/** The database's clock in ms: claim times compare across relays whose clocks may differ. */
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/** The store in one PostgreSQL database. */
export class PgStore implements Store {
  readonly location: StoreLocation;

  private constructor(
    private readonly db: PgDb,
    private readonly hub: PgHub,
    readonly catalog: PgCatalog,
    private readonly where: string,
  ) {
    this.location = { kind: 'postgres', url: db.url };
  }

  /** Connects and brings the database to the newest layout. Throws StoreError with a sentence when it cannot. */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const log = options.log ?? silentLogger;
    const where = describeUrl(url);
    let db: PgDb;
    try {
      db = new PgDb(url, log, options.poolSize ?? 10);
    } catch (err) {
      throw new StoreError(`DATABASE_URL cannot be used (${errorMessage(err)}); it looks like postgres://user:password@host:5432/database.`);
    }
    try {
      const applied = await migratePg(db, `The database ${where}`);
      if (applied.length > 0) log.info('store.pg_migrated', { database: where, versions: applied.join(', ') });
    } catch (err) {
      await db.close().catch(() => {});
      if (err instanceof StoreError) throw err;
      throw new StoreError(`The database ${where} cannot be used (${errorMessage(err)}); check DATABASE_URL and that PostgreSQL is running.`);
    }
    const hub = new PgHub(db, log, options.pollMs ?? 2000);
    return new PgStore(db, hub, new PgCatalog(db, hub), where);
  }

  /** Imports whole workbooks, their tokens and flags in one transaction (`migrate --to`, see pg-import.ts). */
  importData(data: ImportData): Promise<void> {
    return importIntoPg(this.db, data, (tx) => this.hub.notifyCatalog(tx));
  }

  async close(): Promise<void> {
    await this.hub.close();
    await this.db.close();
  }

  async createWorkbook(id: string, name: string, snapshot: Uint8Array, space?: string): Promise<void> {
    checkWorkbookId(id);
    await this.catalog.change(async (tx) => {
      if (space !== undefined) await requirePgSpace(tx, space);
      const made = await tx.query('INSERT INTO workbooks (id, name, created_at, space, bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id', [
        id,
        name,
        Date.now(),
        space ?? null,
        snapshot.byteLength,
      ]);
      if (made.length === 0) throw new StoreError(`Workbook "${id}" exists already; choose another id.`);
      await tx.query('INSERT INTO snapshots (workbook, upto, data) VALUES ($1, 0, $2)', [id, snapshot]);
      await tx.query('INSERT INTO compaction_claims (workbook) VALUES ($1)', [id]);
    });
  }

  /** Its snapshot, log, owners and claim go with its row (ON DELETE CASCADE); its tokens first. */
  async purgeWorkbook(id: string): Promise<boolean> {
    checkWorkbookId(id);
    return this.catalog.change(async (tx) => {
      await tx.query('DELETE FROM tokens WHERE workbook = $1', [id]);
      return (await tx.query('DELETE FROM workbooks WHERE id = $1 RETURNING id', [id])).length > 0;
    });
  }

  async openLog(id: string): Promise<WorkbookLog> {
    if (!(await this.catalog.has(id))) throw new WorkbookNotFoundError(id);
    return new PgLog(id, `${this.where} (workbook ${id})`, this.db, this.hub);
  }

  /** Nothing is kept aside: the old state is gone once this commits (PostgreSQL's own backups keep it). */
  async replaceContent(id: string, name: string, snapshot: Uint8Array): Promise<string | null> {
    const replaced = await this.catalog.change(async (tx) => {
      const [row] = await tx.query<{ head: number }>('SELECT head FROM workbooks WHERE id = $1 FOR UPDATE', [id]);
      if (!row) return false;
      // The numbers go on from where they were: a reader never sees a number twice.
      await tx.query('UPDATE snapshots SET data = $2, upto = $3 WHERE workbook = $1', [id, snapshot, row.head]);
      await tx.query('DELETE FROM updates WHERE workbook = $1', [id]);
      // As a new SQLite file does: the ids in the new snapshot have no recorded owner.
      await tx.query('DELETE FROM client_owners WHERE workbook = $1', [id]);
      await tx.query('UPDATE workbooks SET name = $2 WHERE id = $1', [id, name]);
      await PgHub.notifyAppend(tx, id, row.head);
      return true;
    });
    if (!replaced) await this.createWorkbook(id, name, snapshot);
    return null;
  }

  async claimCompaction(id: string, owner: string, ttlMs: number): Promise<CompactionClaim | null> {
    const got = await this.db.transaction(async (tx) => {
      // SKIP LOCKED: while another relay is taking or checking the claim, this one moves on at once.
      const [row] = await tx.query<{ owner: string | null; until_ms: number; now: number }>(
        `SELECT owner, until_ms, ${NOW_MS} AS now FROM compaction_claims WHERE workbook = $1 FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!row) {
        if (!(await this.catalog.has(id))) throw new WorkbookNotFoundError(id);
        return false;
      }
      if (row.owner !== null && row.owner !== owner && row.until_ms > row.now) return false;
      await tx.query(`UPDATE compaction_claims SET owner = $2, until_ms = ${NOW_MS} + $3 WHERE workbook = $1`, [id, owner, ttlMs]);
      return true;
    });
    if (!got) return null;
    return {
      workbook: id,
      read: () => readState(this.db, id),
      replace: (basedOn, upto, snapshot) =>
        this.db.transaction(async (tx) => {
          const [claim] = await tx.query<{ held: boolean }>(`SELECT owner = $2 AND until_ms > ${NOW_MS} AS held FROM compaction_claims WHERE workbook = $1 FOR UPDATE`, [id, owner]);
          if (!claim?.held) return false;
          const snap = await readSnapshot(tx, id);
          if (snap.upto !== basedOn) return false;
          await tx.query('UPDATE snapshots SET data = $2, upto = $3 WHERE workbook = $1', [id, snapshot, upto]);
          await tx.query('DELETE FROM updates WHERE workbook = $1 AND seq <= $2', [id, upto]);
          return true;
        }),
      // PostgreSQL keeps its own write-ahead log.
      settle: async () => {},
      release: async () => {
        await this.db.query('UPDATE compaction_claims SET owner = NULL, until_ms = 0 WHERE workbook = $1 AND owner = $2', [id, owner]);
      },
    };
  }
}
