/**
 * Versioned formats of the SQLite store's files, against a data folder written by release 0.1.0
 * (fixtures/release-0.1.0, see its README): an older file is copied aside and migrated when it is
 * opened, a file written by a newer version is refused with a sentence and left untouched, and a
 * migration that fails half-way leaves the old format.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { CATALOG_FORMAT } from '../../../server/store/catalog.ts';
import { DEFAULT_SPACE } from '../../../server/store/catalog-spaces.ts';
import { NewerFormatError } from '../../../server/store/errors.ts';
import { latestFormat, migrateFile, readFormat, type FileFormat } from '../../../server/store/migrate.ts';
import { openDb } from '../../../server/store/sqlite.ts';
import { SqliteStore } from '../../../server/store/store.ts';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { WORKBOOK_FORMAT } from '../../../server/store/workbook-file.ts';
import { connectClient, within } from '../../support/relay-clients.ts';
import { productsWorkbook, runCli, runStartExpectingExit, startRelay, tempDataDir } from '../relay/fixtures.ts';
import { freePort } from '../../support/ports.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'release-0.1.0');
const EXPECTED = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'release-0.1.0.json'), 'utf8')) as unknown;
const EDITOR = 'owb_rE7ZdzpO0uFL2PgHk05oIuNOCfuzxUx9iAxEvXiZ5Ec';
const VIEWER = 'owb_Ocf6hMpBn5q1SJzfP1JOQYwXMZ4-z4hFnIDB2J48D4w';

/** A copy of the 0.1.0 data folder (opening migrates, and the fixture must stay as it is). */
const oldDataDir = (): string => {
  const dir = tempDataDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
};

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The tables and indexes of a SQLite file, as their SQL. */
const layoutOf = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").all() as { sql: string }[]).map((r) => r.sql);
  } finally {
    db.close();
  }
};

const formatOf = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return readFormat(db);
  } finally {
    db.close();
  }
};

/** Marks a file as written by a newer version. */
const makeNewer = (path: string, format: number): void => {
  const db = new Database(path);
  db.prepare("INSERT INTO meta (key, value) VALUES ('format', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(format));
  db.close();
};

describe('a data folder written by release 0.1.0', () => {
  test('opens with everything in it; its workbook file is copied aside, then migrated to the newest format', async () => {
    const dir = oldDataDir();
    const plan = join(dir, 'workbooks', 'plan.sqlite');
    const before = sha(plan);
    expect(formatOf(plan)).toBe(1);
    const store = await SqliteStore.open(dir);
    try {
      expect((await store.catalog.workbooks()).map((w) => [w.id, w.name])).toEqual([['plan', 'Fixture plan']]);
      expect(await store.catalog.verify(EDITOR)).toMatchObject({ workbook: 'plan', role: 'editor' });
      expect(await store.catalog.verify(VIEWER)).toBeUndefined();
      expect((await loadWorkbook(store, 'plan')).toJSON()).toEqual(EXPECTED);
    } finally {
      await store.close();
    }
    expect(formatOf(plan)).toBe(latestFormat(WORKBOOK_FORMAT));
    const backups = readdirSync(join(dir, 'workbooks')).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual([expect.stringMatching(/^plan\.sqlite\.format-1-\d{4}-\d\d-\d\dT[\d-]+Z\.bak$/)]);
    // The copy is the old file's content, still at format 1, readable by release 0.1.0's layout.
    const copy = join(dir, 'workbooks', backups[0] ?? '');
    expect(formatOf(copy)).toBe(1);
    const untouched = oldDataDir(); // the fixture itself is never opened: a reader would leave files next to it
    expect(layoutOf(copy)).toEqual(layoutOf(join(untouched, 'workbooks', 'plan.sqlite')));
    expect(sha(plan)).not.toBe(before);
    // The catalog went from format 1 to the newest (team spaces), after a copy of it was taken.
    expect(formatOf(join(dir, 'catalog.sqlite'))).toBe(latestFormat(CATALOG_FORMAT));
    const catalogBackups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(catalogBackups).toEqual([expect.stringMatching(/^catalog\.sqlite\.format-1-[\dT:Z-]+\.bak$/)]);
    expect(layoutOf(join(dir, catalogBackups[0] ?? ''))).toEqual(layoutOf(join(untouched, 'catalog.sqlite')));
  });

  test('its workbooks and tokens move into the default space, which has no owner until one is invited', async () => {
    const dir = oldDataDir();
    const store = await SqliteStore.open(dir);
    try {
      expect((await store.catalog.spaces()).map((s) => [s.id, s.name])).toEqual([[DEFAULT_SPACE.id, DEFAULT_SPACE.name]]);
      expect((await store.catalog.workbooksIn(DEFAULT_SPACE.id)).map((w) => [w.id, w.name, w.trashedAt])).toEqual([['plan', 'Fixture plan', null]]);
      expect(await store.catalog.members(DEFAULT_SPACE.id)).toEqual([]);
      expect(await store.catalog.verify(EDITOR)).toMatchObject({ workbook: 'plan', role: 'editor' });
    } finally {
      await store.close();
    }
    const invite = await runCli(dir, ['space', 'invite', '--space', DEFAULT_SPACE.id, '--role', 'owner']);
    expect(invite.code, invite.stderr).toBe(0);
    expect(invite.stdout).toMatch(new RegExp(`/#/join/${DEFAULT_SPACE.id}\\?invite=owb_[A-Za-z0-9_-]+`));
  });

  test('a new data folder and a migrated one have catalogs of the same layout', async () => {
    const dir = oldDataDir();
    await (await SqliteStore.open(dir)).close();
    const fresh = tempDataDir();
    await (await SqliteStore.open(fresh)).close();
    expect(layoutOf(join(dir, 'catalog.sqlite'))).toEqual(layoutOf(join(fresh, 'catalog.sqlite')));
  });

  test('a migrated file has the layout of a new one, and opening it again changes nothing more', async () => {
    const dir = oldDataDir();
    const store = await SqliteStore.open(dir);
    await store.createWorkbook('fresh', 'Fresh', productsWorkbook().encode());
    await (await store.openLog('plan')).close();
    await (await store.openLog('plan')).close();
    await store.close();
    expect(layoutOf(join(dir, 'workbooks', 'plan.sqlite'))).toEqual(layoutOf(join(dir, 'workbooks', 'fresh.sqlite')));
    expect(readdirSync(join(dir, 'workbooks')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  test('the relay serves it: the old token opens the old content, and edits are stored in the migrated file', async () => {
    const dir = oldDataDir();
    const server = await startRelay({ dataDir: dir });
    try {
      const c = connectClient(server.port, 'plan', EDITOR);
      await within('the 0.1.0 workbook synced', c.synced());
      expect(c.wb().toJSON()).toEqual(EXPECTED);
      c.destroy();
    } finally {
      await server.stop();
    }
    const r = await runCli(dir, ['eval', '--workbook', 'plan', '=COUNTA(Products[SKU])']);
    expect(r.stdout.trim()).toBe('{"value":4,"type":"integer"}');
    expect(formatOf(join(dir, 'workbooks', 'plan.sqlite'))).toBe(latestFormat(WORKBOOK_FORMAT));
  });
});

describe('a file written by a newer version', () => {
  test('a workbook file of a newer format is refused with a sentence and left untouched', async () => {
    const dir = oldDataDir();
    const plan = join(dir, 'workbooks', 'plan.sqlite');
    makeNewer(plan, 99);
    const before = sha(plan);
    const store = await SqliteStore.open(dir);
    try {
      await expect(store.openLog('plan')).rejects.toThrow(NewerFormatError);
      await expect(store.openLog('plan')).rejects.toThrow(
        `${plan} was written by a newer version of the ops workbook (format 99; this version reads formats up to ${latestFormat(WORKBOOK_FORMAT)}), so it was left untouched.`,
      );
    } finally {
      await store.close();
    }
    const r = await runCli(dir, ['backup', '--workbook', 'plan', '--out', join(dir, 'plan.ywb')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('was written by a newer version of the ops workbook (format 99');
    expect(sha(plan)).toBe(before);
    expect(readdirSync(join(dir, 'workbooks')).filter((f) => f.startsWith('plan'))).toEqual(['plan.sqlite']);
  });

  test('a catalog of a newer format stops the relay and the CLI with a sentence, and is left untouched', async () => {
    const dir = oldDataDir();
    const catalog = join(dir, 'catalog.sqlite');
    makeNewer(catalog, 7);
    const before = sha(catalog);
    await expect(SqliteStore.open(dir)).rejects.toThrow(NewerFormatError);
    const cli = await runCli(dir, ['token', 'list', '--workbook', 'plan']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`${catalog} was written by a newer version of the ops workbook (format 7; this version reads formats up to ${latestFormat(CATALOG_FORMAT)})`);
    const relay = await runStartExpectingExit({ PORT: String(await freePort()), DATA_DIR: dir });
    expect(relay.code).toBe(1);
    expect(relay.stderr).toContain('was written by a newer version of the ops workbook (format 7');
    expect(sha(catalog)).toBe(before);
  });
});

describe('the migration runner', () => {
  const steps: FileFormat = {
    migrations: [
      { to: 2, why: 'a table', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT);' },
      { to: 3, why: 'a column', sql: "ALTER TABLE extra ADD COLUMN added TEXT NOT NULL DEFAULT 'x';" },
    ],
  };

  const v1File = (): string => {
    const path = join(tempDataDir(), 'file.sqlite');
    const db = openDb(path, { create: true });
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('kept', 'yes');");
    db.close();
    return path;
  };

  test('runs every step from the file’s format to the newest, after a copy, in order', () => {
    const path = v1File();
    const db = openDb(path, { create: false });
    const backup = migrateFile(db, path, steps, false);
    expect(readFormat(db)).toBe(3);
    expect(db.prepare("INSERT INTO extra (note) VALUES ('n') RETURNING added").get()).toEqual({ added: 'x' });
    expect(migrateFile(db, path, steps, false)).toBeNull();
    db.close();
    expect(backup).not.toBeNull();
    expect(formatOf(backup ?? '')).toBe(1);
  });

  test('a step that fails leaves the file at its old format, with the copy taken before', () => {
    const path = v1File();
    const broken: FileFormat = { migrations: [...steps.migrations, { to: 4, why: 'broken', sql: 'ALTER TABLE missing ADD COLUMN x TEXT;' }] };
    const db = openDb(path, { create: false });
    expect(() => migrateFile(db, path, broken, false)).toThrow(/no such table: missing/);
    expect(readFormat(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
    expect(db.prepare("SELECT value FROM meta WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    db.close();
    expect(readdirSync(join(path, '..')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  test('a format this program cannot read as a number counts as newer', () => {
    const path = v1File();
    const db = openDb(path, { create: false });
    db.prepare("INSERT INTO meta VALUES ('format', 'two')").run();
    expect(() => migrateFile(db, path, steps, false)).toThrow(NewerFormatError);
    db.close();
  });
});
