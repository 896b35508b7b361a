/**
 * The rows of the catalog's spaces, members and invites tables, as both catalogs (SQLite and
 * PostgreSQL) read them, and the entries of the Store contract made from them (as catalog-rows.ts
 * does for workbooks and tokens).
 */
import type { InviteEntry, MemberEntry, SpaceEntry } from './contract.ts';
import type { SpaceRole } from './space-roles.ts';

/** A row of the spaces table. */
export interface SpaceRow {
  id: string;
  name: string;
  created_at: number;
  max_workbooks: number | null;
  max_bytes: number | null;
}

/** A row of the members table (never its hash). */
export interface MemberRow {
  id: string;
  space: string;
  name: string;
  role: SpaceRole;
  created_at: number;
  last_seen_at: number | null;
  removed_at: number | null;
}

/** A row of the invites table (never its hash); SQLite reads the flag as 0/1, PostgreSQL as a boolean. */
export interface InviteRow {
  id: string;
  space: string;
  role: SpaceRole;
  single_use: number | boolean;
  expires_at: number | null;
  created_at: number;
  uses: number;
  revoked_at: number | null;
}

/** The columns a SpaceRow is selected with. */
export const SPACE_COLUMNS = 'id, name, created_at, max_workbooks, max_bytes';
/** The columns a MemberRow is selected with. */
export const MEMBER_COLUMNS = 'id, space, name, role, created_at, last_seen_at, removed_at';
/** The columns an InviteRow is selected with. */
export const INVITE_COLUMNS = 'id, space, role, single_use, expires_at, created_at, uses, revoked_at';

/** A space's catalog entry. */
export const toSpace = (r: SpaceRow): SpaceEntry => ({ id: r.id, name: r.name, createdAt: r.created_at, quota: { workbooks: r.max_workbooks, bytes: r.max_bytes } });

/** A member's catalog entry. */
export const toMember = (r: MemberRow): MemberEntry => ({
  id: r.id,
  space: r.space,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  removedAt: r.removed_at,
});

/** An invite's catalog entry. */
export const toInvite = (r: InviteRow): InviteEntry => ({
  id: r.id,
  space: r.space,
  role: r.role,
  singleUse: r.single_use === true || r.single_use === 1,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  uses: r.uses,
  revokedAt: r.revoked_at,
});
