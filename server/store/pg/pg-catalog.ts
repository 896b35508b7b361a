/**
 * The catalog of the PostgreSQL store: workbooks, token hashes and flags, in the tables of
 * migrations/0001-initial.sql; spaces, members and invites (migrations/0002-owners-and-spaces.sql)
 * through PgSpaces. Each method is one query or one short transaction; every change bumps the
 * catalog's version and notifies the other instances in its own transaction (PgHub), so a token
 * revoked through any relay or the CLI closes its connections on every relay.
 */
import { TOKEN_COLUMNS, toTokenEntry, toWorkbook, WORKBOOK_COLUMNS, type TokenRow, type WorkbookRow } from '../catalog-rows.ts';
import type {
  CatalogStore,
  Grant,
  InviteEntry,
  InviteOptions,
  MemberEntry,
  MemberGrant,
  NewMember,
  NewToken,
  SpaceEntry,
  SpaceQuota,
  TokenEntry,
  Unsubscribe,
  WorkbookChange,
  WorkbookEntry,
} from '../contract.ts';
import { WorkbookNotFoundError } from '../errors.ts';
import type { SpaceRole } from '../space-roles.ts';
import { hashToken, looksLikeToken, newToken, tokenId, type Role } from '../tokens.ts';
import { setOnce, type PgDb, type Queryable } from './pg-db.ts';
import type { PgHub } from './pg-hub.ts';
import { PgSpaces } from './pg-spaces.ts';

/** The catalog in PostgreSQL. */
export class PgCatalog implements CatalogStore {
  private readonly spaceTables: PgSpaces;

  constructor(
    private readonly db: PgDb,
    private readonly hub: PgHub,
  ) {
    this.spaceTables = new PgSpaces(db, (fn) => this.change(fn));
  }

  /** Runs a change in one transaction that also tells the other instances. */
  async change<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const result = await fn(tx);
      await this.hub.notifyCatalog(tx);
      return result;
    });
  }

  async has(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM workbooks WHERE id = $1', [id])).length > 0;
  }

  async workbook(id: string): Promise<WorkbookEntry | undefined> {
    const [row] = await this.db.query<WorkbookRow>(`SELECT ${WORKBOOK_COLUMNS} FROM workbooks WHERE id = $1`, [id]);
    return row && toWorkbook(row);
  }

  async workbooks(): Promise<WorkbookEntry[]> {
    return (await this.db.query<WorkbookRow>(`SELECT ${WORKBOOK_COLUMNS} FROM workbooks ORDER BY id COLLATE "C"`)).map(toWorkbook);
  }

  async workbooksIn(space: string): Promise<WorkbookEntry[]> {
    return (await this.db.query<WorkbookRow>(`SELECT ${WORKBOOK_COLUMNS} FROM workbooks WHERE space = $1 ORDER BY id COLLATE "C"`, [space])).map(toWorkbook);
  }

  trashWorkbook(id: string, at = Date.now()): Promise<boolean> {
    return this.spaceTables.trash(id, at);
  }

  restoreWorkbook(id: string): Promise<boolean> {
    return this.spaceTables.restore(id);
  }

  recordChange(id: string, change: WorkbookChange): Promise<void> {
    return this.spaceTables.recordChange(id, change);
  }

  async setWorkbookName(id: string, name: string): Promise<void> {
    await this.change((tx) => tx.query('UPDATE workbooks SET name = $2 WHERE id = $1', [id, name]));
  }

  async getMeta(key: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    return row?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.change((tx) => tx.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]));
  }

  async createToken(workbook: string, role: Role, label?: string): Promise<NewToken> {
    return this.change((tx) => this.insertToken(tx, workbook, role, label));
  }

  async createTokenOnce(once: string, workbook: string, role: Role, label?: string): Promise<NewToken | null> {
    return this.change(async (tx) => ((await setOnce(tx, once)) ? this.insertToken(tx, workbook, role, label) : null));
  }

  private async insertToken(tx: Queryable, workbook: string, role: Role, label?: string): Promise<NewToken> {
    if ((await tx.query('SELECT 1 FROM workbooks WHERE id = $1', [workbook])).length === 0) throw new WorkbookNotFoundError(workbook);
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    await tx.query('INSERT INTO tokens (id, hash, workbook, role, label, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, hash, workbook, role, label ?? null, Date.now()]);
    return { token, id };
  }

  async verify(token: string): Promise<Grant | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const [row] = await this.db.query<{ id: string; workbook: string; role: Role }>('SELECT id, workbook, role FROM tokens WHERE hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
    return row && { tokenId: row.id, workbook: row.workbook, role: row.role };
  }

  async isActive(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM tokens WHERE id = $1 AND revoked_at IS NULL', [id])).length > 0 || (await this.spaceTables.isActiveMember(id));
  }

  async findToken(tokenOrId: string): Promise<TokenEntry | undefined> {
    const byHash = looksLikeToken(tokenOrId);
    const [row] = await this.db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE ${byHash ? 'hash' : 'id'} = $1`, [byHash ? hashToken(tokenOrId) : tokenOrId]);
    return row && toTokenEntry(row);
  }

  async revoke(id: string): Promise<boolean> {
    return this.change(async (tx) => (await tx.query('UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, Date.now()])).length > 0);
  }

  async tokens(workbook: string): Promise<TokenEntry[]> {
    return (await this.db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE workbook = $1 ORDER BY created_at DESC, id COLLATE "C"`, [workbook])).map(toTokenEntry);
  }

  watch(listener: () => void): Unsubscribe {
    return this.hub.watchCatalog(listener);
  }

  createSpace(id: string, name: string, quota?: Partial<SpaceQuota>): Promise<SpaceEntry> {
    return this.spaceTables.createSpace(id, name, quota);
  }

  space(id: string): Promise<SpaceEntry | undefined> {
    return this.spaceTables.space(id);
  }

  spaces(): Promise<SpaceEntry[]> {
    return this.spaceTables.spaces();
  }

  renameSpace(id: string, name: string): Promise<boolean> {
    return this.spaceTables.renameSpace(id, name);
  }

  setQuota(space: string, quota: Partial<SpaceQuota>): Promise<boolean> {
    return this.spaceTables.setQuota(space, quota);
  }

  addMember(space: string, role: SpaceRole, name: string): Promise<NewMember> {
    return this.spaceTables.addMember(space, role, name);
  }

  addMemberOnce(once: string, space: string, role: SpaceRole, name: string): Promise<NewMember | null> {
    return this.spaceTables.addMemberOnce(once, space, role, name);
  }

  verifyMember(token: string): Promise<MemberGrant | undefined> {
    return this.spaceTables.verifyMember(token);
  }

  member(id: string): Promise<MemberEntry | undefined> {
    return this.spaceTables.member(id);
  }

  members(space: string): Promise<MemberEntry[]> {
    return this.spaceTables.members(space);
  }

  renameMember(id: string, name: string): Promise<boolean> {
    return this.spaceTables.renameMember(id, name);
  }

  setMemberRole(id: string, role: SpaceRole): Promise<boolean> {
    return this.spaceTables.setMemberRole(id, role);
  }

  removeMember(id: string): Promise<boolean> {
    return this.spaceTables.removeMember(id);
  }

  touchMember(id: string, at: number): Promise<void> {
    return this.spaceTables.touchMember(id, at);
  }

  createInvite(space: string, role: SpaceRole, options: InviteOptions): Promise<NewToken> {
    return this.spaceTables.createInvite(space, role, options);
  }

  acceptInvite(invite: string, name: string, now = Date.now()): Promise<NewMember | undefined> {
    return this.spaceTables.acceptInvite(invite, name, now);
  }

  invites(space: string): Promise<InviteEntry[]> {
    return this.spaceTables.invites(space);
  }

  revokeInvite(id: string): Promise<boolean> {
    return this.spaceTables.revokeInvite(id);
  }
}
