/**
 * The PostgreSQL connection pool of a store, with the few things every query needs: 64-bit
 * integers read as numbers (sequence numbers and millisecond times stay far below 2^53),
 * transactions at a chosen isolation level, and a place for the pool's own connection errors
 * (a server restart breaks idle connections; the pool drops them and the next query connects anew).
 */
import pg from 'pg';
import { errorMessage, type Logger } from '../../log.ts';

const INT8_OID = 20;

/** Reads bigint columns as numbers instead of strings. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Something queries can be sent to: the pool, or one connection inside a transaction. */
export interface Queryable {
  query<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * Sets `key` in the meta table inside `tx`; false when it was set already. A second caller waits
 * here for the first one's commit, then finds it set: what follows in `tx` is done once
 * (createTokenOnce, addMemberOnce).
 */
export const setOnce = async (tx: Queryable, key: string): Promise<boolean> =>
  (await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [key, new Date().toISOString()])).length > 0;

/** How a transaction sees the data. */
export type Isolation = 'read committed' | 'repeatable read read only';

/** Where a URL points, without its password: for messages and logs. */
export const describeUrl = (url: string): string => {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL cannot be read as a URL)';
  }
};

/** A pool of connections to one database. */
export class PgDb implements Queryable {
  readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    log: Logger,
    max = 10,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max,
      types: pgTypes,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      // A query on a connection whose server vanished (a network cut) fails instead of hanging:
      // the room then closes its clients, which reconnect and resend.
      query_timeout: 30_000,
      idleTimeoutMillis: 30_000,
      application_name: 'ops-workbook',
    });
    // An idle connection the server closed (a restart): the pool drops it; nothing else to do.
    this.pool.on('error', (err) => log.warn('store.pg_connection_lost', { message: errorMessage(err) }));
  }

  async query<R extends object>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, params as unknown[])).rows;
  }

  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation: Isolation = 'read committed'): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const tx: Queryable = { query: async <R extends object>(sql: string, params: readonly unknown[] = []) => (await client.query<R>(sql, params as unknown[])).rows };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackErr) {
        // The connection itself is gone: it must not go back into the pool.
        broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
