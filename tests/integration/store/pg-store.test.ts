/**
 * What the PostgreSQL store does beyond the contract suite (which it also passes), on a real
 * server of this file's own: the slow poll that catches appends whose notification was lost, the
 * versioned migrations (applied once even when relays start together; a newer database refused;
 * a database from before spaces gets the default space),
 * presence between instances (bounded, never back to its sender), and a plain sentence when the
 * database cannot be reached.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../../server/store/contract.ts';
import { NewerFormatError, StoreError } from '../../../server/store/errors.ts';
import { MAX_PRESENCE_BYTES } from '../../../server/store/pg/pg-hub.ts';
import { pgMigrations } from '../../../server/store/pg/pg-migrate.ts';
import { PgStore } from '../../../server/store/pg/pg-store.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { freePort } from '../../support/ports.ts';
import { startPostgres, type TestPostgres } from '../../support/postgres.ts';
import { waitFor } from '../../support/relay-clients.ts';
import { productsWorkbook } from '../relay/fixtures.ts';

let server: TestPostgres;
let databases = 0;
const opened: Store[] = [];

const freshUrl = () => server.createDatabase(`pgstore_${++databases}`);
const open = async (url: string, pollMs = 100): Promise<PgStore> => {
  const s = await PgStore.open(url, { pollMs });
  opened.push(s);
  return s;
};
const sql = async (url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => {});
  await server?.destroy();
});

describe('PostgreSQL store', () => {
  test('an append whose notification never came is found by the slow poll', async () => {
    const url = await freshUrl();
    const store = await open(url, 100);
    await createWorkbook(store, 'plan', productsWorkbook(1));
    const log = await store.openLog('plan');
    const told: (number | undefined)[] = [];
    log.subscribe((seq) => told.push(seq));
    await log.read();
    await sleep(300);
    told.length = 0;
    // Written as another writer would, but with no NOTIFY: only the poll can notice.
    const update = productsWorkbook(1, 'x').encode();
    await sql(url, "WITH h AS (UPDATE workbooks SET head = head + 1 WHERE id = 'plan' RETURNING head) INSERT INTO updates (workbook, seq, data) SELECT 'plan', head, $1 FROM h", [update]);
    await waitFor('the poll told the subscriber', () => told.includes(1), 5000);
    expect((await log.readSince(0)).updates.map((u) => u.seq)).toEqual([1]);
    await log.close();
  });

  test('migrations run once when several instances open a new database at the same moment', async () => {
    const url = await freshUrl();
    await Promise.all([open(url), open(url), open(url)]);
    const { rows } = await sql(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual(pgMigrations().map((m) => m.version));
  });

  test('a database made before spaces gets the default space with its workbooks in it, and keeps their content', async () => {
    const url = await freshUrl();
    // The first layout only, with a workbook in it, as the version before spaces left it.
    const [first] = pgMigrations();
    if (!first) throw new Error('no migrations');
    await sql(url, 'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    await sql(url, first.sql);
    await sql(url, 'INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [first.version, first.name]);
    const snapshot = productsWorkbook(1).encode();
    await sql(url, "INSERT INTO workbooks (id, name, created_at) VALUES ('plan', 'Plan', 1)");
    await sql(url, "INSERT INTO snapshots (workbook, upto, data) VALUES ('plan', 0, $1)", [snapshot]);
    await sql(url, "INSERT INTO compaction_claims (workbook) VALUES ('plan')");
    const store = await open(url);
    expect((await store.catalog.spaces()).map((sp) => [sp.id, sp.name])).toEqual([['team', 'Team']]);
    expect(await store.catalog.workbooksIn('team')).toMatchObject([{ id: 'plan', name: 'Plan', space: 'team', trashedAt: null }]);
    const log = await store.openLog('plan');
    expect(Buffer.from((await log.read()).snapshot).equals(Buffer.from(snapshot))).toBe(true);
    expect(await log.owners()).toEqual([]);
    await log.close();
    // An empty database gets no space of its own: the first start makes it.
    expect(await (await open(await freshUrl())).catalog.spaces()).toEqual([]);
  });

  test('a database migrated by a newer version is refused, and nothing is written to it', async () => {
    const url = await freshUrl();
    await open(url);
    await sql(url, "INSERT INTO schema_migrations (version, name) VALUES (9999, '9999-from-the-future')");
    const before = (await sql(url, 'SELECT count(*)::int AS n FROM schema_migrations')).rows[0];
    const err = await PgStore.open(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewerFormatError);
    expect((err as Error).message).toMatch(/was written by a newer version of the ops workbook \(format 9999; this version reads formats up to \d+\)/);
    expect((await sql(url, 'SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual(before);
  });

  test('presence reaches the other instances, not its sender, and an oversized one is not sent', async () => {
    const url = await freshUrl();
    const a = await open(url);
    const b = await open(url);
    await createWorkbook(a, 'plan', productsWorkbook(1));
    const [logA, logB] = [await a.openLog('plan'), await b.openLog('plan')];
    const atA: Uint8Array[] = [];
    const atB: Uint8Array[] = [];
    logA.onPresence((u) => atA.push(u));
    logB.onPresence((u) => atB.push(u));
    logB.subscribe(() => {});
    await logB.read(); // waits until B listens
    logA.subscribe(() => {});
    await logA.read();
    logA.sendPresence(new Uint8Array([1, 2, 3]));
    logA.sendPresence(new Uint8Array(MAX_PRESENCE_BYTES + 1));
    await waitFor('B got the presence', () => atB.length > 0, 5000);
    await sleep(300);
    expect(atB.map((u) => [...u])).toEqual([[1, 2, 3]]);
    expect(atA).toEqual([]);
    await logA.close();
    await logB.close();
  });

  test('a database that cannot be reached is one sentence naming it, without its password', async () => {
    const port = await freePort();
    const err = await PgStore.open(`postgres://someone:secret@127.0.0.1:${port}/nowhere`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(`The database postgres://127.0.0.1:${port}/nowhere cannot be used (`);
    expect((err as Error).message).toContain('check DATABASE_URL and that PostgreSQL is running');
    expect((err as Error).message).not.toContain('secret');
  });
});
