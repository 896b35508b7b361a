/**
 * Versioned migrations of the PostgreSQL store: the numbered .sql files next to this module
 * (migrations/NNNN-what.sql), each applied once, in order, in one transaction with its record in
 * `schema_migrations`. Relays starting at the same time take turns (an advisory lock); a database
 * migrated by a newer version of the program is refused before anything is written to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewerFormatError } from '../errors.ts';
import type { PgDb } from './pg-db.ts';

/** One migration file. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

const DIR = join(import.meta.dirname, 'migrations');

/** Every migration in the repository, in order. */
export const pgMigrations = (): PgMigration[] =>
  readdirSync(DIR)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(join(DIR, f), 'utf8') }));

/** A fixed key for the advisory lock that serialises migrations (any relay, any database). */
const LOCK_KEY = 0x6f77_6231;

/** Brings the database to the newest layout; returns the versions applied now. Throws NewerFormatError for a newer database. */
export const migratePg = async (db: PgDb, where: string): Promise<number[]> => {
  const migrations = pgMigrations();
  const latest = migrations.at(-1)?.version ?? 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const [row] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const found = row?.v ?? 0;
    if (found > latest) throw new NewerFormatError(where, found, latest);
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= found) continue;
      await tx.query(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
};
