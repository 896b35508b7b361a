/**
 * Spaces, members and invites in the PostgreSQL catalog (the tables of
 * migrations/0002-owners-and-spaces.sql), with the semantics of the SQLite catalog's SpaceTables.
 * PgCatalog delegates its space methods here; every change runs in one transaction that bumps the
 * catalog's version and notifies the other instances (`change`), except the activity records
 * (touchMember, recordChange), which no other relay needs to hear of at once.
 */
import type { InviteEntry, InviteOptions, MemberEntry, MemberGrant, NewMember, NewToken, SpaceEntry, SpaceQuota, WorkbookChange } from '../contract.ts';
import { StoreError } from '../errors.ts';
import type { SpaceRole } from '../space-roles.ts';
import { hashToken, looksLikeToken, newToken, tokenId } from '../tokens.ts';
import { checkSpaceId } from '../workbook-id.ts';
import { INVITE_COLUMNS, MEMBER_COLUMNS, SPACE_COLUMNS, toInvite, toMember, toSpace, type InviteRow, type MemberRow, type SpaceRow } from '../space-rows.ts';
import { setOnce, type PgDb, type Queryable } from './pg-db.ts';

/** Runs a catalog change in one transaction that also tells the other instances. */
export type PgChange = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/** Throws StoreError when `space` does not exist (inside the caller's transaction). */
export const requirePgSpace = async (q: Queryable, space: string): Promise<void> => {
  if ((await q.query('SELECT 1 FROM spaces WHERE id = $1', [space])).length === 0) {
    throw new StoreError(`There is no space "${space}"; see the spaces with: npm run -s workbook -- space list`);
  }
};

/** The space tables of one PostgreSQL catalog. */
export class PgSpaces {
  constructor(
    private readonly db: PgDb,
    private readonly change: PgChange,
  ) {}

  async createSpace(id: string, name: string, quota: Partial<SpaceQuota> = {}): Promise<SpaceEntry> {
    checkSpaceId(id);
    const [row] = await this.change((tx) =>
      tx.query<SpaceRow>(
        `INSERT INTO spaces (id, name, created_at, max_workbooks, max_bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING ${SPACE_COLUMNS}`,
        [id, name, Date.now(), quota.workbooks ?? null, quota.bytes ?? null],
      ),
    );
    if (!row) throw new StoreError(`Space "${id}" exists already; choose another id.`);
    return toSpace(row);
  }

  async space(id: string): Promise<SpaceEntry | undefined> {
    const [row] = await this.db.query<SpaceRow>(`SELECT ${SPACE_COLUMNS} FROM spaces WHERE id = $1`, [id]);
    return row && toSpace(row);
  }

  async spaces(): Promise<SpaceEntry[]> {
    return (await this.db.query<SpaceRow>(`SELECT ${SPACE_COLUMNS} FROM spaces ORDER BY id COLLATE "C"`)).map(toSpace);
  }

  async renameSpace(id: string, name: string): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE spaces SET name = $2 WHERE id = $1 RETURNING id', [id, name])).length > 0);
  }

  async setQuota(space: string, quota: Partial<SpaceQuota>): Promise<boolean> {
    return this.change(async (tx) => {
      const [row] = await tx.query<SpaceRow>(`SELECT ${SPACE_COLUMNS} FROM spaces WHERE id = $1 FOR UPDATE`, [space]);
      if (!row) return false;
      const next = { ...toSpace(row).quota, ...quota };
      await tx.query('UPDATE spaces SET max_workbooks = $2, max_bytes = $3 WHERE id = $1', [space, next.workbooks ?? null, next.bytes ?? null]);
      return true;
    });
  }

  async trash(id: string, at: number): Promise<boolean> {
    return this.change(
      async (tx) => (await tx.query('UPDATE workbooks SET trashed_at = $2 WHERE id = $1 AND space IS NOT NULL AND trashed_at IS NULL RETURNING id', [id, at])).length > 0,
    );
  }

  async restore(id: string): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE workbooks SET trashed_at = NULL WHERE id = $1 AND trashed_at IS NOT NULL RETURNING id', [id])).length > 0);
  }

  async recordChange(id: string, change: WorkbookChange): Promise<void> {
    await this.db.query('UPDATE workbooks SET changed_at = $2, changed_by = $3, bytes = $4 WHERE id = $1', [id, change.at, change.by, change.bytes]);
  }

  async addMember(space: string, role: SpaceRole, name: string): Promise<NewMember> {
    return this.change((tx) => this.insertMember(tx, space, role, name));
  }

  async addMemberOnce(once: string, space: string, role: SpaceRole, name: string): Promise<NewMember | null> {
    return this.change(async (tx) => ((await setOnce(tx, once)) ? this.insertMember(tx, space, role, name) : null));
  }

  private async insertMember(tx: Queryable, space: string, role: SpaceRole, name: string): Promise<NewMember> {
    await requirePgSpace(tx, space);
    const token = newToken();
    const hash = hashToken(token);
    const [row] = await tx.query<MemberRow>(`INSERT INTO members (id, hash, space, name, role, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${MEMBER_COLUMNS}`, [
      tokenId(hash),
      hash,
      space,
      name,
      role,
      Date.now(),
    ]);
    if (!row) throw new StoreError(`The member could not be added to space "${space}".`);
    return { token, member: toMember(row) };
  }

  async verifyMember(token: string): Promise<MemberGrant | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const [row] = await this.db.query<{ id: string; space: string; role: SpaceRole; name: string }>(
      'SELECT id, space, role, name FROM members WHERE hash = $1 AND removed_at IS NULL',
      [hashToken(token)],
    );
    return row && { memberId: row.id, space: row.space, role: row.role, name: row.name };
  }

  async member(id: string): Promise<MemberEntry | undefined> {
    const [row] = await this.db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1`, [id]);
    return row && toMember(row);
  }

  async members(space: string): Promise<MemberEntry[]> {
    const rows = await this.db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE space = $1 AND removed_at IS NULL ORDER BY created_at, id COLLATE "C"`, [space]);
    return rows.map(toMember);
  }

  /** True while the member with this id was not removed. */
  async isActiveMember(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM members WHERE id = $1 AND removed_at IS NULL', [id])).length > 0;
  }

  async setMemberRole(id: string, role: SpaceRole): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE members SET role = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id', [id, role])).length > 0);
  }

  async renameMember(id: string, name: string): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE members SET name = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id', [id, name])).length > 0);
  }

  async removeMember(id: string): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE members SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id', [id, Date.now()])).length > 0);
  }

  async touchMember(id: string, at: number): Promise<void> {
    await this.db.query('UPDATE members SET last_seen_at = $2 WHERE id = $1', [id, at]);
  }

  async createInvite(space: string, role: SpaceRole, options: InviteOptions): Promise<NewToken> {
    return this.change(async (tx) => {
      await requirePgSpace(tx, space);
      const token = newToken();
      const hash = hashToken(token);
      const id = tokenId(hash);
      await tx.query('INSERT INTO invites (id, hash, space, role, single_use, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        hash,
        space,
        role,
        options.singleUse,
        options.expiresAt,
        Date.now(),
      ]);
      return { token, id };
    });
  }

  async acceptInvite(invite: string, name: string, now: number): Promise<NewMember | undefined> {
    if (!looksLikeToken(invite)) return undefined;
    return this.change(async (tx) => {
      // One conditional UPDATE takes a use: a concurrent acceptance waits for this row's lock and
      // then re-checks the condition against the committed row, so a single-use invite makes one member.
      const [row] = await tx.query<{ space: string; role: SpaceRole }>(
        `UPDATE invites SET uses = uses + 1
          WHERE hash = $1 AND revoked_at IS NULL AND (NOT single_use OR uses = 0) AND (expires_at IS NULL OR expires_at > $2)
          RETURNING space, role`,
        [hashToken(invite), now],
      );
      if (!row) return undefined;
      return this.insertMember(tx, row.space, row.role, name);
    });
  }

  async invites(space: string): Promise<InviteEntry[]> {
    const rows = await this.db.query<InviteRow>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE space = $1 ORDER BY created_at DESC, made DESC`, [space]);
    return rows.map(toInvite);
  }

  async revokeInvite(id: string): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE invites SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, Date.now()])).length > 0);
  }
}
