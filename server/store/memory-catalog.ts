/**
 * The catalog of the memory store (memory-store.ts) and the backing that stores opened on it
 * share. Its writes check and change with no await between: that is this store's transaction.
 */
import type {
  CatalogStore,
  Grant,
  InviteEntry,
  InviteOptions,
  MemberEntry,
  MemberGrant,
  NewMember,
  NewToken,
  Role,
  SpaceEntry,
  SpaceQuota,
  SpaceRole,
  TokenEntry,
  Unsubscribe,
  WorkbookChange,
  WorkbookEntry,
} from './contract.ts';
import { WorkbookNotFoundError } from './errors.ts';
import { MemorySpaceData, MemorySpaces } from './memory-spaces.ts';
import { later, type StoredWorkbook } from './memory-log.ts';
import { hashToken, looksLikeToken, newToken, tokenId } from './tokens.ts';

interface StoredToken extends TokenEntry {
  hash: string;
}

/** The data that memory stores opened on it share. */
export class MemoryBacking {
  readonly workbooks = new Map<string, StoredWorkbook>();
  readonly tokens = new Map<string, StoredToken>();
  readonly meta = new Map<string, string>();
  readonly spaces = new MemorySpaceData();
  /** Catalog watchers, by the store that registered them. */
  readonly watchers = new Map<MemoryCatalog, Set<() => void>>();
}

/** The catalog of a memory store: workbooks, tokens, meta and (through MemorySpaces) spaces. */
export class MemoryCatalog implements CatalogStore {
  readonly spaceData: MemorySpaces;

  constructor(private readonly data: MemoryBacking) {
    data.watchers.set(this, new Set());
    this.spaceData = new MemorySpaces(data.spaces, () => this.changed());
  }

  async has(id: string): Promise<boolean> {
    return this.data.workbooks.has(id);
  }

  async workbook(id: string): Promise<WorkbookEntry | undefined> {
    const wb = this.data.workbooks.get(id);
    return wb && { ...wb.entry };
  }

  async workbooks(): Promise<WorkbookEntry[]> {
    return [...this.data.workbooks.values()].map((w) => ({ ...w.entry })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async workbooksIn(space: string): Promise<WorkbookEntry[]> {
    return (await this.workbooks()).filter((w) => w.space === space);
  }

  async trashWorkbook(id: string, at = Date.now()): Promise<boolean> {
    const wb = this.data.workbooks.get(id);
    if (!wb || wb.entry.space === null || wb.entry.trashedAt !== null) return false;
    wb.entry.trashedAt = at;
    this.changed();
    return true;
  }

  async restoreWorkbook(id: string): Promise<boolean> {
    const wb = this.data.workbooks.get(id);
    if (!wb || wb.entry.trashedAt === null) return false;
    wb.entry.trashedAt = null;
    this.changed();
    return true;
  }

  async recordChange(id: string, change: WorkbookChange): Promise<void> {
    const wb = this.data.workbooks.get(id);
    if (!wb) return;
    wb.entry.changedAt = change.at;
    wb.entry.changedBy = change.by;
    wb.entry.bytes = change.bytes;
  }

  async createSpace(id: string, name: string, quota?: Partial<SpaceQuota>): Promise<SpaceEntry> {
    return this.spaceData.createSpace(id, name, quota);
  }

  async space(id: string): Promise<SpaceEntry | undefined> {
    return this.spaceData.space(id);
  }

  async spaces(): Promise<SpaceEntry[]> {
    return this.spaceData.spaces();
  }

  async renameSpace(id: string, name: string): Promise<boolean> {
    return this.spaceData.renameSpace(id, name);
  }

  async setQuota(space: string, quota: Partial<SpaceQuota>): Promise<boolean> {
    return this.spaceData.setQuota(space, quota);
  }

  async addMember(space: string, role: SpaceRole, name: string): Promise<NewMember> {
    return this.spaceData.addMember(space, role, name);
  }

  async addMemberOnce(once: string, space: string, role: SpaceRole, name: string): Promise<NewMember | null> {
    return this.once(once, () => this.spaceData.addMember(space, role, name));
  }

  async verifyMember(token: string): Promise<MemberGrant | undefined> {
    return this.spaceData.verifyMember(token);
  }

  async member(id: string): Promise<MemberEntry | undefined> {
    return this.spaceData.member(id);
  }

  async members(space: string): Promise<MemberEntry[]> {
    return this.spaceData.members(space);
  }

  async renameMember(id: string, name: string): Promise<boolean> {
    return this.spaceData.renameMember(id, name);
  }

  async setMemberRole(id: string, role: SpaceRole): Promise<boolean> {
    return this.spaceData.setMemberRole(id, role);
  }

  async removeMember(id: string): Promise<boolean> {
    return this.spaceData.removeMember(id);
  }

  async touchMember(id: string, at: number): Promise<void> {
    this.spaceData.touchMember(id, at);
  }

  async createInvite(space: string, role: SpaceRole, options: InviteOptions): Promise<NewToken> {
    return this.spaceData.createInvite(space, role, options);
  }

  async acceptInvite(invite: string, name: string, now = Date.now()): Promise<NewMember | undefined> {
    return this.spaceData.acceptInvite(invite, name, now);
  }

  async invites(space: string): Promise<InviteEntry[]> {
    return this.spaceData.invites(space);
  }

  async revokeInvite(id: string): Promise<boolean> {
    return this.spaceData.revokeInvite(id);
  }

  async setWorkbookName(id: string, name: string): Promise<void> {
    const wb = this.data.workbooks.get(id);
    if (wb) wb.entry.name = name;
    this.changed();
  }

  async getMeta(key: string): Promise<string | undefined> {
    return this.data.meta.get(key);
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.data.meta.set(key, value);
    this.changed();
  }

  async createToken(workbook: string, role: Role, label?: string): Promise<NewToken> {
    return this.insertToken(workbook, role, label);
  }

  async createTokenOnce(once: string, workbook: string, role: Role, label?: string): Promise<NewToken | null> {
    return this.once(once, () => this.insertToken(workbook, role, label));
  }

  /** Runs `make` unless `key` is set in meta, and sets it: null when it was set already. */
  private once<T>(key: string, make: () => T): T | null {
    // Checked and set in one step, with no await between: that is this store's transaction.
    if (this.data.meta.has(key)) return null;
    const made = make();
    this.data.meta.set(key, new Date().toISOString());
    return made;
  }

  private insertToken(workbook: string, role: Role, label?: string): NewToken {
    if (!this.data.workbooks.has(workbook)) throw new WorkbookNotFoundError(workbook);
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    this.data.tokens.set(hash, { id, hash, workbook, role, label: label ?? null, createdAt: Date.now(), revokedAt: null });
    this.changed();
    return { token, id };
  }

  async verify(token: string): Promise<Grant | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const t = this.data.tokens.get(hashToken(token));
    return t && t.revokedAt === null ? { tokenId: t.id, workbook: t.workbook, role: t.role } : undefined;
  }

  async isActive(id: string): Promise<boolean> {
    return [...this.data.tokens.values()].some((t) => t.id === id && t.revokedAt === null) || this.spaceData.isActiveMember(id);
  }

  async findToken(tokenOrId: string): Promise<TokenEntry | undefined> {
    const t = looksLikeToken(tokenOrId)
      ? this.data.tokens.get(hashToken(tokenOrId))
      : [...this.data.tokens.values()].find((x) => x.id === tokenOrId);
    return t && entryOf(t);
  }

  async revoke(id: string): Promise<boolean> {
    const t = [...this.data.tokens.values()].find((x) => x.id === id && x.revokedAt === null);
    if (!t) return false;
    t.revokedAt = Date.now();
    this.changed();
    return true;
  }

  async tokens(workbook: string): Promise<TokenEntry[]> {
    return [...this.data.tokens.values()]
      .filter((t) => t.workbook === workbook)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
      .map(entryOf);
  }

  watch(listener: () => void): Unsubscribe {
    const mine = this.data.watchers.get(this);
    mine?.add(listener);
    return () => mine?.delete(listener);
  }

  close(): void {
    this.data.watchers.delete(this);
  }

  /** Tells the other stores' watchers, as SQLite's data_version tells other connections. */
  changed(): void {
    for (const [catalog, listeners] of this.data.watchers) {
      if (catalog !== this) for (const l of listeners) later(l);
    }
  }
}

const entryOf = ({ id, workbook, role, label, createdAt, revokedAt }: StoredToken): TokenEntry => ({ id, workbook, role, label, createdAt, revokedAt });
