/**
 * Spaces, members and invites in the SQLite catalog (the tables of catalog format 2, see
 * SPACES_MIGRATION). The Catalog delegates its space methods here; every method is one statement
 * or one immediate transaction, so two processes on the same folder never half-apply one.
 */
import type { InviteEntry, InviteOptions, MemberEntry, MemberGrant, NewMember, NewToken, SpaceEntry, SpaceQuota, WorkbookChange } from './contract.ts';
import { StoreError } from './errors.ts';
import type { Migration } from './migrate.ts';
import type { SpaceRole } from './space-roles.ts';
import { onceInMeta, type Db } from './sqlite.ts';
import { INVITE_COLUMNS, MEMBER_COLUMNS, SPACE_COLUMNS, toInvite, toMember, toSpace, type InviteRow, type MemberRow, type SpaceRow } from './space-rows.ts';
import { hashToken, looksLikeToken, newToken, tokenId } from './tokens.ts';
import { checkSpaceId } from './workbook-id.ts';

/** The space every workbook of a data folder written before spaces existed is moved into. */
export const DEFAULT_SPACE = { id: 'team', name: 'Team' } as const;

/**
 * Catalog format 2: spaces, their members and invites; a workbook's space, trash time and last
 * change. A folder that already holds workbooks gets the default space with all of them in it
 * (no owner yet: `space invite --role owner` makes the first).
 */
export const SPACES_MIGRATION: Migration = {
  to: 2,
  why: 'team spaces: spaces, members, invites; workbooks belong to a space and can be trashed',
  sql: `
CREATE TABLE spaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  max_workbooks INTEGER,
  max_bytes INTEGER
);
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  space TEXT NOT NULL REFERENCES spaces(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  removed_at INTEGER
);
CREATE INDEX members_space ON members(space);
CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  space TEXT NOT NULL REFERENCES spaces(id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  single_use INTEGER NOT NULL,
  expires_at INTEGER,
  created_at INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  revoked_at INTEGER
);
CREATE INDEX invites_space ON invites(space);
ALTER TABLE workbooks ADD COLUMN space TEXT;
ALTER TABLE workbooks ADD COLUMN trashed_at INTEGER;
ALTER TABLE workbooks ADD COLUMN changed_at INTEGER;
ALTER TABLE workbooks ADD COLUMN changed_by TEXT;
ALTER TABLE workbooks ADD COLUMN bytes INTEGER;
CREATE INDEX workbooks_space ON workbooks(space);
INSERT INTO spaces (id, name, created_at)
  SELECT '${DEFAULT_SPACE.id}', '${DEFAULT_SPACE.name}', CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE EXISTS (SELECT 1 FROM workbooks);
UPDATE workbooks SET space = '${DEFAULT_SPACE.id}';
`,
};

/** The space tables of one catalog database. */
export class SpaceTables {
  constructor(private readonly db: Db) {}

  createSpace(id: string, name: string, quota: Partial<SpaceQuota> = {}): SpaceEntry {
    checkSpaceId(id);
    return this.db
      .transaction(() => {
        if (this.space(id)) throw new StoreError(`Space "${id}" exists already; choose another id.`);
        this.db
          .prepare('INSERT INTO spaces (id, name, created_at, max_workbooks, max_bytes) VALUES (?, ?, ?, ?, ?)')
          .run(id, name, Date.now(), quota.workbooks ?? null, quota.bytes ?? null);
        return this.space(id) as SpaceEntry;
      })
      .immediate();
  }

  space(id: string): SpaceEntry | undefined {
    const row = this.db.prepare(`SELECT ${SPACE_COLUMNS} FROM spaces WHERE id = ?`).get(id) as SpaceRow | undefined;
    return row && toSpace(row);
  }

  spaces(): SpaceEntry[] {
    return (this.db.prepare(`SELECT ${SPACE_COLUMNS} FROM spaces ORDER BY id`).all() as SpaceRow[]).map(toSpace);
  }

  renameSpace(id: string, name: string): boolean {
    return this.db.prepare('UPDATE spaces SET name = ? WHERE id = ?').run(name, id).changes > 0;
  }

  setQuota(space: string, quota: Partial<SpaceQuota>): boolean {
    const now = this.space(space);
    if (!now) return false;
    const next = { ...now.quota, ...quota };
    this.db.prepare('UPDATE spaces SET max_workbooks = ?, max_bytes = ? WHERE id = ?').run(next.workbooks, next.bytes, space);
    return true;
  }

  /** Throws StoreError when `space` does not exist. */
  requireSpace(space: string): void {
    if (!this.space(space)) throw new StoreError(`There is no space "${space}"; see the spaces with: npm run -s workbook -- space list`);
  }

  trash(id: string, at: number): boolean {
    return this.db.prepare('UPDATE workbooks SET trashed_at = ? WHERE id = ? AND space IS NOT NULL AND trashed_at IS NULL').run(at, id).changes > 0;
  }

  restore(id: string): boolean {
    return this.db.prepare('UPDATE workbooks SET trashed_at = NULL WHERE id = ? AND trashed_at IS NOT NULL').run(id).changes > 0;
  }

  recordChange(id: string, change: WorkbookChange): void {
    this.db.prepare('UPDATE workbooks SET changed_at = ?, changed_by = ?, bytes = ? WHERE id = ?').run(change.at, change.by, change.bytes, id);
  }

  addMember(space: string, role: SpaceRole, name: string): NewMember {
    this.requireSpace(space);
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    this.db.prepare('INSERT INTO members (id, hash, space, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, hash, space, name, role, Date.now());
    return { token, member: this.member(id) as MemberEntry };
  }

  addMemberOnce(once: string, space: string, role: SpaceRole, name: string): NewMember | null {
    return onceInMeta(this.db, once, () => this.addMember(space, role, name));
  }

  verifyMember(token: string): MemberGrant | undefined {
    if (!looksLikeToken(token)) return undefined;
    const row = this.db.prepare('SELECT id, space, role, name FROM members WHERE hash = ? AND removed_at IS NULL').get(hashToken(token)) as
      | { id: string; space: string; role: SpaceRole; name: string }
      | undefined;
    return row && { memberId: row.id, space: row.space, role: row.role, name: row.name };
  }

  member(id: string): MemberEntry | undefined {
    const row = this.db.prepare(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`).get(id) as MemberRow | undefined;
    return row && toMember(row);
  }

  members(space: string): MemberEntry[] {
    const rows = this.db.prepare(`SELECT ${MEMBER_COLUMNS} FROM members WHERE space = ? AND removed_at IS NULL ORDER BY created_at, id`).all(space) as MemberRow[];
    return rows.map(toMember);
  }

  isActiveMember(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM members WHERE id = ? AND removed_at IS NULL').get(id) !== undefined;
  }

  setMemberRole(id: string, role: SpaceRole): boolean {
    return this.db.prepare('UPDATE members SET role = ? WHERE id = ? AND removed_at IS NULL').run(role, id).changes > 0;
  }

  renameMember(id: string, name: string): boolean {
    return this.db.prepare('UPDATE members SET name = ? WHERE id = ? AND removed_at IS NULL').run(name, id).changes > 0;
  }

  removeMember(id: string): boolean {
    return this.db.prepare('UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(Date.now(), id).changes > 0;
  }

  touchMember(id: string, at: number): void {
    this.db.prepare('UPDATE members SET last_seen_at = ? WHERE id = ?').run(at, id);
  }

  createInvite(space: string, role: SpaceRole, options: InviteOptions): NewToken {
    this.requireSpace(space);
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    this.db
      .prepare('INSERT INTO invites (id, hash, space, role, single_use, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, hash, space, role, options.singleUse ? 1 : 0, options.expiresAt, Date.now());
    return { token, id };
  }

  acceptInvite(invite: string, name: string, now: number): NewMember | undefined {
    if (!looksLikeToken(invite)) return undefined;
    return this.db
      .transaction(() => {
        const row = this.db.prepare(`SELECT ${INVITE_COLUMNS} FROM invites WHERE hash = ?`).get(hashToken(invite)) as InviteRow | undefined;
        if (!row || row.revoked_at !== null || (row.single_use === 1 && row.uses > 0) || (row.expires_at !== null && row.expires_at <= now)) return undefined;
        this.db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?').run(row.id);
        return this.addMember(row.space, row.role, name);
      })
      .immediate();
  }

  invites(space: string): InviteEntry[] {
    const rows = this.db.prepare(`SELECT ${INVITE_COLUMNS} FROM invites WHERE space = ? ORDER BY created_at DESC, rowid DESC`).all(space) as InviteRow[];
    return rows.map(toInvite);
  }

  revokeInvite(id: string): boolean {
    return this.db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id).changes > 0;
  }
}
