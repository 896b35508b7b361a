/**
 * Moving whole catalogs into the PostgreSQL store (`migrate --to`): workbooks with their creation
 * time, their content as one snapshot, token hashes with their ids, labels and revocations (so
 * every link handed out keeps working), and flags. One transaction: either all of it arrives or
 * none. A workbook id the database already holds is refused before anything is written.
 */
import { StoreError } from '../errors.ts';
import type { Role } from '../tokens.ts';
import type { PgDb, Queryable } from './pg-db.ts';

/** One workbook to import. */
export interface ImportedWorkbook {
  id: string;
  name: string;
  createdAt: number;
  /** The whole content (snapshot and log folded into one update). */
  snapshot: Uint8Array;
}

/** One token to import, as its hash. */
export interface ImportedToken {
  id: string;
  hash: string;
  workbook: string;
  role: Role;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}

/** What `migrate --to` moves. */
export interface ImportData {
  workbooks: ImportedWorkbook[];
  tokens: ImportedToken[];
  meta: { key: string; value: string }[];
}

/** Imports `data` in one transaction (see the module comment). */
export const importIntoPg = (db: PgDb, data: ImportData, notify: (tx: Queryable) => Promise<unknown>): Promise<void> =>
  db.transaction(async (tx) => {
    const ids = data.workbooks.map((w) => w.id);
    const taken = await tx.query<{ id: string }>('SELECT id FROM workbooks WHERE id = ANY($1) ORDER BY id', [ids]);
    if (taken.length > 0) {
      throw new StoreError(`The database already holds workbook(s) ${taken.map((t) => `"${t.id}"`).join(', ')}; nothing was moved. Migrate into a database without them.`);
    }
    for (const w of data.workbooks) {
      await tx.query('INSERT INTO workbooks (id, name, created_at) VALUES ($1, $2, $3)', [w.id, w.name, w.createdAt]);
      await tx.query('INSERT INTO snapshots (workbook, upto, data) VALUES ($1, 0, $2)', [w.id, w.snapshot]);
      await tx.query('INSERT INTO compaction_claims (workbook) VALUES ($1)', [w.id]);
    }
    for (const t of data.tokens) {
      await tx.query('INSERT INTO tokens (id, hash, workbook, role, label, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        t.id,
        t.hash,
        t.workbook,
        t.role,
        t.label,
        t.createdAt,
        t.revokedAt,
      ]);
    }
    for (const m of data.meta) {
      await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [m.key, m.value]);
    }
    await notify(tx);
  });
