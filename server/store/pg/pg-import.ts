/**
 * Moving whole catalogs into the PostgreSQL store (`migrate --to`): workbooks with their creation
 * time, space, trash time and last change, their content as one snapshot and the owners of their
 * client ids, token hashes with their ids, labels and revocations (so every link handed out keeps
 * working), spaces with their members (token hashes) and invites, and flags. One transaction:
 * either all of it arrives or none. A workbook or space id the database already holds is refused
 * before anything is written.
 */
import type { ClientOwner, InviteEntry, MemberEntry, SpaceEntry, TokenEntry, WorkbookEntry } from '../contract.ts';
import { StoreError } from '../errors.ts';
import type { PgDb, Queryable } from './pg-db.ts';

/** One workbook to import: its catalog entry, content and owners. */
export interface ImportedWorkbook extends WorkbookEntry {
  /** The whole content (snapshot and log folded into one update). */
  snapshot: Uint8Array;
  /** Who may write under each client id (kept: a device's later edits stay its own). */
  owners: ClientOwner[];
}

/** One member to import, with their token's hash. */
export interface ImportedMember extends MemberEntry {
  hash: string;
}

/** One invite to import, with its hash. */
export interface ImportedInvite extends InviteEntry {
  hash: string;
}

/** One token to import, with its hash. */
export interface ImportedToken extends TokenEntry {
  hash: string;
}

/** What `migrate --to` moves. */
export interface ImportData {
  spaces: SpaceEntry[];
  members: ImportedMember[];
  invites: ImportedInvite[];
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
    const spaces = await tx.query<{ id: string }>('SELECT id FROM spaces WHERE id = ANY($1) ORDER BY id', [data.spaces.map((sp) => sp.id)]);
    if (spaces.length > 0) {
      throw new StoreError(`The database already holds space(s) ${spaces.map((t) => `"${t.id}"`).join(', ')}; nothing was moved. Migrate into a database without them.`);
    }
    for (const sp of data.spaces) {
      await tx.query('INSERT INTO spaces (id, name, created_at, max_workbooks, max_bytes) VALUES ($1, $2, $3, $4, $5)', [sp.id, sp.name, sp.createdAt, sp.quota.workbooks, sp.quota.bytes]);
    }
    for (const m of data.members) {
      await tx.query('INSERT INTO members (id, hash, space, name, role, created_at, last_seen_at, removed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        m.id,
        m.hash,
        m.space,
        m.name,
        m.role,
        m.createdAt,
        m.lastSeenAt,
        m.removedAt,
      ]);
    }
    for (const i of data.invites) {
      await tx.query('INSERT INTO invites (id, hash, space, role, single_use, expires_at, created_at, uses, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        i.id,
        i.hash,
        i.space,
        i.role,
        i.singleUse,
        i.expiresAt,
        i.createdAt,
        i.uses,
        i.revokedAt,
      ]);
    }
    for (const w of data.workbooks) {
      await tx.query('INSERT INTO workbooks (id, name, created_at, space, trashed_at, changed_at, changed_by, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        w.id,
        w.name,
        w.createdAt,
        w.space,
        w.trashedAt,
        w.changedAt,
        w.changedBy,
        w.bytes,
      ]);
      await tx.query('INSERT INTO snapshots (workbook, upto, data) VALUES ($1, 0, $2)', [w.id, w.snapshot]);
      await tx.query('INSERT INTO compaction_claims (workbook) VALUES ($1)', [w.id]);
      if (w.owners.length > 0) {
        await tx.query('INSERT INTO client_owners (workbook, client_id, owner, at) SELECT $1, t.c, t.o, $4 FROM unnest($2::bigint[], $3::text[]) AS t(c, o)', [
          w.id,
          w.owners.map((o) => o.clientId),
          w.owners.map((o) => o.owner),
          Date.now(),
        ]);
      }
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
