/**
 * The catalog of the SQLite store (DATA_DIR/catalog.sqlite): which workbooks exist, their names,
 * and the hashes of their access tokens. Workbook content lives in one file per workbook (see
 * WorkbookFile).
 */
import { TOKEN_COLUMNS, toTokenEntry, toWorkbook, WORKBOOK_COLUMNS, type TokenRow, type WorkbookRow } from './catalog-rows.ts';
import { existsSync } from 'node:fs';
import { SpaceTables, SPACES_MIGRATION } from './catalog-spaces.ts';
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
} from './contract.ts';
import { WorkbookNotFoundError } from './errors.ts';
import type { SpaceRole } from './space-roles.ts';
import { migrateFile, refuseNewer, type FileFormat } from './migrate.ts';
import { changedElsewhere, onceInMeta, openDb, withoutDiskFlush, type Db } from './sqlite.ts';
import type { SqlitePoller } from './sqlite-poller.ts';
import { hashToken, looksLikeToken, newToken, tokenId, type Role } from './tokens.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS workbooks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  workbook TEXT NOT NULL REFERENCES workbooks(id),
  role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
  label TEXT,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_workbook ON tokens(workbook);
`;

/**
 * The catalog's formats (see migrate.ts): format 1 is the layout above, as release 0.1.0 wrote it;
 * format 2 adds team spaces.
 */
export const CATALOG_FORMAT: FileFormat = { migrations: [SPACES_MIGRATION] };

/** The catalog database. */
export class Catalog implements CatalogStore {
  private readonly spaceTables: SpaceTables;

  private constructor(
    readonly db: Db,
    private readonly poller: SqlitePoller,
  ) {
    this.spaceTables = new SpaceTables(db);
  }

  /**
   * Opens (creating when missing) the catalog at `path`, at the newest format: one of a newer
   * format is refused before anything is written to it (NewerFormatError), an older one is copied
   * aside and migrated.
   */
  static open(path: string, poller: SqlitePoller): Catalog {
    const isNew = !existsSync(path);
    const db = openDb(path, { create: true });
    try {
      if (!isNew) refuseNewer(db, path, CATALOG_FORMAT);
      db.exec(SCHEMA);
      migrateFile(db, path, CATALOG_FORMAT, isNew);
    } catch (err) {
      db.close();
      throw err;
    }
    return new Catalog(db, poller);
  }

  close(): void {
    this.db.close();
  }

  watch(listener: () => void): Unsubscribe {
    // Each watcher keeps its own count: data_version says what changed since *its* last look.
    const last = { version: -1 };
    changedElsewhere(this.db, last);
    return this.poller.add(() => changedElsewhere(this.db, last), listener);
  }

  async has(id: string): Promise<boolean> {
    return this.entry(id) !== undefined;
  }

  /** A flag kept in the catalog (e.g. whether the demo workbook was created). */
  async getMeta(key: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async workbook(id: string): Promise<WorkbookEntry | undefined> {
    return this.entry(id);
  }

  private entry(id: string): WorkbookEntry | undefined {
    const row = this.db.prepare(`SELECT ${WORKBOOK_COLUMNS} FROM workbooks WHERE id = ?`).get(id) as WorkbookRow | undefined;
    return row && toWorkbook(row);
  }

  /** Every workbook, by id. */
  async workbooks(): Promise<WorkbookEntry[]> {
    return (this.db.prepare(`SELECT ${WORKBOOK_COLUMNS} FROM workbooks ORDER BY id`).all() as WorkbookRow[]).map(toWorkbook);
  }

  /**
   * Registers a workbook whose file has been written (in `space` when given: check that it exists
   * first), with its stored size when known.
   */
  addWorkbook(id: string, name: string, space: string | null = null, bytes: number | null = null): void {
    this.db.prepare('INSERT INTO workbooks (id, name, created_at, space, bytes) VALUES (?, ?, ?, ?, ?)').run(id, name, Date.now(), space, bytes);
  }

  /** Forgets a workbook and its tokens; false when there was none. */
  removeWorkbook(id: string): boolean {
    return this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM tokens WHERE workbook = ?').run(id);
        return this.db.prepare('DELETE FROM workbooks WHERE id = ?').run(id).changes > 0;
      })
      .immediate();
  }

  /** Throws StoreError when there is no space `space`. */
  requireSpace(space: string): void {
    this.spaceTables.requireSpace(space);
  }

  async createSpace(id: string, name: string, quota?: Partial<SpaceQuota>): Promise<SpaceEntry> {
    return this.spaceTables.createSpace(id, name, quota);
  }

  async space(id: string): Promise<SpaceEntry | undefined> {
    return this.spaceTables.space(id);
  }

  async spaces(): Promise<SpaceEntry[]> {
    return this.spaceTables.spaces();
  }

  async renameSpace(id: string, name: string): Promise<boolean> {
    return this.spaceTables.renameSpace(id, name);
  }

  async setQuota(space: string, quota: Partial<SpaceQuota>): Promise<boolean> {
    return this.spaceTables.setQuota(space, quota);
  }

  async workbooksIn(space: string): Promise<WorkbookEntry[]> {
    return (this.db.prepare(`SELECT ${WORKBOOK_COLUMNS} FROM workbooks WHERE space = ? ORDER BY id`).all(space) as WorkbookRow[]).map(toWorkbook);
  }

  async trashWorkbook(id: string, at = Date.now()): Promise<boolean> {
    return this.spaceTables.trash(id, at);
  }

  async restoreWorkbook(id: string): Promise<boolean> {
    return this.spaceTables.restore(id);
  }

  async recordChange(id: string, change: WorkbookChange): Promise<void> {
    withoutDiskFlush(this.db, () => this.spaceTables.recordChange(id, change));
  }

  async addMember(space: string, role: SpaceRole, name: string): Promise<NewMember> {
    return this.spaceTables.addMember(space, role, name);
  }

  async addMemberOnce(once: string, space: string, role: SpaceRole, name: string): Promise<NewMember | null> {
    return this.spaceTables.addMemberOnce(once, space, role, name);
  }

  async verifyMember(token: string): Promise<MemberGrant | undefined> {
    return this.spaceTables.verifyMember(token);
  }

  async member(id: string): Promise<MemberEntry | undefined> {
    return this.spaceTables.member(id);
  }

  async members(space: string): Promise<MemberEntry[]> {
    return this.spaceTables.members(space);
  }

  async renameMember(id: string, name: string): Promise<boolean> {
    return this.spaceTables.renameMember(id, name);
  }

  async setMemberRole(id: string, role: SpaceRole): Promise<boolean> {
    return this.spaceTables.setMemberRole(id, role);
  }

  async removeMember(id: string): Promise<boolean> {
    return this.spaceTables.removeMember(id);
  }

  async touchMember(id: string, at: number): Promise<void> {
    withoutDiskFlush(this.db, () => this.spaceTables.touchMember(id, at));
  }

  async createInvite(space: string, role: SpaceRole, options: InviteOptions): Promise<NewToken> {
    return this.spaceTables.createInvite(space, role, options);
  }

  async acceptInvite(invite: string, name: string, now = Date.now()): Promise<NewMember | undefined> {
    return this.spaceTables.acceptInvite(invite, name, now);
  }

  async invites(space: string): Promise<InviteEntry[]> {
    return this.spaceTables.invites(space);
  }

  async revokeInvite(id: string): Promise<boolean> {
    return this.spaceTables.revokeInvite(id);
  }

  /** Records a workbook's current name (shown in listings). */
  async setWorkbookName(id: string, name: string): Promise<void> {
    this.db.prepare('UPDATE workbooks SET name = ? WHERE id = ?').run(name, id);
  }

  /** Creates a token for a workbook and returns it; this is the only time it exists in clear. */
  async createToken(workbook: string, role: Role, label?: string): Promise<NewToken> {
    return this.insertToken(workbook, role, label);
  }

  async createTokenOnce(once: string, workbook: string, role: Role, label?: string): Promise<NewToken | null> {
    return onceInMeta(this.db, once, () => this.insertToken(workbook, role, label));
  }

  private insertToken(workbook: string, role: Role, label?: string): NewToken {
    if (this.entry(workbook) === undefined) throw new WorkbookNotFoundError(workbook);
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    this.db
      .prepare('INSERT INTO tokens (id, hash, workbook, role, label, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, hash, workbook, role, label ?? null, Date.now());
    return { token, id };
  }

  /** What `token` grants, or undefined when it is unknown or revoked. */
  async verify(token: string): Promise<Grant | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const row = this.db.prepare('SELECT id, workbook, role FROM tokens WHERE hash = ? AND revoked_at IS NULL').get(hashToken(token)) as
      | { id: string; workbook: string; role: Role }
      | undefined;
    return row && { tokenId: row.id, workbook: row.workbook, role: row.role };
  }

  /** True while the token (or the member) with this id exists and is not revoked (removed). */
  async isActive(id: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM tokens WHERE id = ? AND revoked_at IS NULL').get(id) !== undefined || this.spaceTables.isActiveMember(id);
  }

  /** The token entry for a token given in clear, or by its id. */
  async findToken(tokenOrId: string): Promise<TokenEntry | undefined> {
    const byHash = looksLikeToken(tokenOrId);
    const row = this.db
      .prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE ${byHash ? 'hash' : 'id'} = ?`)
      .get(byHash ? hashToken(tokenOrId) : tokenOrId) as TokenRow | undefined;
    return row && toTokenEntry(row);
  }

  /** Revokes a token by id; returns false when it was not active. */
  async revoke(id: string): Promise<boolean> {
    return this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id).changes > 0;
  }

  /** The tokens of a workbook, newest first. */
  async tokens(workbook: string): Promise<TokenEntry[]> {
    const rows = this.db
      .prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE workbook = ? ORDER BY created_at DESC, id`)
      .all(workbook) as TokenRow[];
    return rows.map(toTokenEntry);
  }
}
