/**
 * Several real relay processes on one real PostgreSQL server, for the tests of relays that share a
 * store: the server is this file's own (tests/support/postgres.ts), each relay is `npm start` with
 * DATABASE_URL, and the workbook with its tokens is made straight in the store.
 */
import type { Workbook } from '../../../src/model/index.ts';
import { PgStore } from '../../../server/store/pg/pg-store.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import type { AppServer } from '../../support/app-server.ts';
import { startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { productsWorkbook, startRelay } from './fixtures.ts';

/** A PostgreSQL server, its database and the relays on it. */
export interface PgCluster {
  pg: TestPostgres;
  url: string;
  /** The relays by index; null while one is down. */
  relays: (AppServer | null)[];
  /** The port each relay listens on (kept while it is down, so it comes back on the same one). */
  ports: number[];
  editorToken: string;
  viewerToken: string;
  /** Starts relay `i` (again), on its port. */
  start: (i: number) => Promise<AppServer>;
  /** Kills relay `i` with SIGKILL: no shutdown, nothing flushed. */
  kill: (i: number) => Promise<void>;
  /** A store on the database, opened for the test (closed by destroy). */
  store: () => Promise<PgStore>;
  destroy: () => Promise<void>;
}

/** Starts PostgreSQL, creates workbook `id`, and starts `n` relays on it (with `env` added to theirs). */
export const startPgCluster = async (n: number, id = 'plan', content: Workbook = productsWorkbook(2), env: Record<string, string> = {}): Promise<PgCluster> => {
  const pg = await startPostgres();
  const url = await pg.createDatabase('relays');
  const stores: PgStore[] = [];
  const store = async () => {
    const s = await PgStore.open(url, { pollMs: 200 });
    stores.push(s);
    return s;
  };
  const seedStore = await store();
  await createWorkbook(seedStore, id, content);
  const editorToken = (await seedStore.catalog.createToken(id, 'editor')).token;
  const viewerToken = (await seedStore.catalog.createToken(id, 'viewer')).token;
  const relays: (AppServer | null)[] = Array.from({ length: n }, () => null);
  const ports: number[] = [];
  const start = async (i: number): Promise<AppServer> => {
    const relay = await startRelay({ ...(ports[i] ? { port: ports[i] } : {}), env: { DATABASE_URL: url, LOG_LEVEL: 'info', ...env } });
    relays[i] = relay;
    ports[i] = relay.port;
    return relay;
  };
  await Promise.all(relays.map((_, i) => start(i)));
  return {
    pg,
    url,
    relays,
    ports,
    editorToken,
    viewerToken,
    start,
    kill: async (i) => {
      const relay = relays[i];
      relays[i] = null;
      await relay?.stop('SIGKILL');
    },
    store,
    destroy: async () => {
      await Promise.all(relays.map((r) => r?.stop('SIGKILL')));
      for (const s of stores) await s.close().catch(() => {});
      await pg.destroy();
    },
  };
};
