/**
 * A store held in memory, for tests: the contract suite runs against it next to SQLite, and tests
 * of the room run on it with a delay put in front of its appends. Stores opened on one
 * MemoryBacking see each other's writes, as processes sharing a data folder do; each open log is
 * one "connection", told of appends made through the others. Stored bytes are copied in and out,
 * so a caller that changes an array afterwards changes nothing stored.
 */
import type {
  CatalogStore,
  ClientOwner,
  CompactionClaim,
  Grant,
  InviteEntry,
  InviteOptions,
  LogStats,
  MemberEntry,
  MemberGrant,
  NewMember,
  NewToken,
  Role,
  SpaceEntry,
  SpaceQuota,
  SpaceRole,
  Store,
  StoredChanges,
  StoredState,
  TokenEntry,
  Unsubscribe,
  WorkbookChange,
  WorkbookEntry,
  WorkbookLog,
} from './contract.ts';
import { OwnerConflictError, StoreError, WorkbookNotFoundError } from './errors.ts';
import { MemorySpaceData, MemorySpaces } from './memory-spaces.ts';
import { hashToken, looksLikeToken, newToken, tokenId } from './tokens.ts';
import { checkWorkbookId } from './workbook-id.ts';

interface StoredWorkbook {
  entry: WorkbookEntry;
  snapshot: Uint8Array;
  snapshotUpto: number;
  log: { seq: number; data: Uint8Array }[];
  lastSeq: number;
  claim: { owner: string; until: number } | null;
  /** Who owns each client id. */
  owners: Map<number, string>;
  /** The logs open on this workbook, each told of the others' appends. */
  open: Set<MemoryLog>;
}

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

const copy = (b: Uint8Array): Uint8Array => b.slice();

/** Delivered after the current turn, as a notification from another process would be. */
const later = (fn: () => void): void => void setTimeout(fn, 0);

class MemoryCatalog implements CatalogStore {
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
    if (this.data.meta.has(once)) return null;
    const made = this.spaceData.addMember(space, role, name);
    this.data.meta.set(once, new Date().toISOString());
    return made;
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
    // Checked and set in one step, with no await between: that is this store's transaction.
    if (this.data.meta.has(once)) return null;
    const made = this.insertToken(workbook, role, label);
    this.data.meta.set(once, new Date().toISOString());
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

const stateOf = (wb: StoredWorkbook): StoredState => ({
  snapshot: copy(wb.snapshot),
  snapshotUpto: wb.snapshotUpto,
  updates: wb.log.map((u) => ({ seq: u.seq, data: copy(u.data) })),
  lastSeq: wb.log.at(-1)?.seq ?? wb.snapshotUpto,
});

class MemoryLog implements WorkbookLog {
  private readonly listeners = new Set<(seq: number | undefined) => void>();
  private readonly presence = new Set<(update: Uint8Array) => void>();
  readonly where: string;

  constructor(
    readonly workbook: string,
    private readonly wb: StoredWorkbook,
  ) {
    this.where = `memory:${workbook}`;
    wb.open.add(this);
  }

  async read(): Promise<StoredState> {
    return stateOf(this.wb);
  }

  async readSince(seq: number): Promise<StoredChanges> {
    const wb = this.wb;
    return {
      snapshot: wb.snapshotUpto > seq ? copy(wb.snapshot) : null,
      snapshotUpto: wb.snapshotUpto,
      updates: wb.log.filter((u) => u.seq > seq).map((u) => ({ seq: u.seq, data: copy(u.data) })),
    };
  }

  async append(updates: readonly Uint8Array[], owners: readonly ClientOwner[] = []): Promise<number[]> {
    // Every owner is checked before anything is written: the append is all or nothing.
    for (const { clientId, owner } of owners) {
      const had = this.wb.owners.get(clientId);
      if (had !== undefined && had !== owner) throw new OwnerConflictError(clientId, had, owner);
    }
    for (const { clientId, owner } of owners) this.wb.owners.set(clientId, owner);
    const seqs = updates.map((u) => {
      const seq = ++this.wb.lastSeq;
      this.wb.log.push({ seq, data: copy(u) });
      return seq;
    });
    const last = seqs.at(-1);
    if (last !== undefined) for (const other of this.wb.open) if (other !== this) other.tell(last);
    return seqs;
  }

  async owners(): Promise<ClientOwner[]> {
    return [...this.wb.owners].map(([clientId, owner]) => ({ clientId, owner })).sort((a, b) => a.clientId - b.clientId);
  }

  async stats(): Promise<LogStats> {
    return {
      updates: this.wb.log.length,
      bytes: this.wb.log.reduce((n, u) => n + u.data.byteLength, 0),
      snapshotBytes: this.wb.snapshot.byteLength,
    };
  }

  subscribe(listener: (seq: number | undefined) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sendPresence(update: Uint8Array): void {
    for (const other of this.wb.open) if (other !== this) other.tellPresence(copy(update));
  }

  onPresence(listener: (update: Uint8Array) => void): Unsubscribe {
    this.presence.add(listener);
    return () => this.presence.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.presence.clear();
    this.wb.open.delete(this);
  }

  /** Another log sent a presence update. */
  tellPresence(update: Uint8Array): void {
    for (const l of this.presence) later(() => l(update));
  }

  /** Another log appended up to `seq`. */
  tell(seq: number): void {
    for (const l of this.listeners) later(() => l(seq));
  }
}

/** A store in memory; see the module comment. */
export class MemoryStore implements Store {
  readonly location = null;
  readonly catalog: MemoryCatalog;

  /** A new store on `data` (a new, empty backing when none is given). */
  constructor(readonly data = new MemoryBacking()) {
    this.catalog = new MemoryCatalog(data);
  }

  async createWorkbook(id: string, name: string, snapshot: Uint8Array, space?: string): Promise<void> {
    checkWorkbookId(id);
    if (this.data.workbooks.has(id)) throw new StoreError(`Workbook "${id}" exists already; choose another id.`);
    if (space !== undefined) this.catalog.spaceData.requireSpace(space);
    this.data.workbooks.set(id, {
      entry: { id, name, createdAt: Date.now(), space: space ?? null, trashedAt: null, changedAt: null, changedBy: null, bytes: snapshot.byteLength },
      snapshot: copy(snapshot),
      snapshotUpto: 0,
      log: [],
      lastSeq: 0,
      claim: null,
      owners: new Map(),
      open: new Set(),
    });
    this.catalog.changed();
  }

  async purgeWorkbook(id: string): Promise<boolean> {
    if (!this.data.workbooks.delete(id)) return false;
    for (const [hash, t] of this.data.tokens) if (t.workbook === id) this.data.tokens.delete(hash);
    this.catalog.changed();
    return true;
  }

  async openLog(id: string): Promise<WorkbookLog> {
    const wb = this.data.workbooks.get(id);
    if (!wb) throw new WorkbookNotFoundError(id);
    return new MemoryLog(id, wb);
  }

  async replaceContent(id: string, name: string, snapshot: Uint8Array): Promise<string | null> {
    const wb = this.data.workbooks.get(id);
    if (!wb) {
      await this.createWorkbook(id, name, snapshot);
      return null;
    }
    // The numbers go on from where they were: a reader never sees a number twice.
    wb.snapshot = copy(snapshot);
    wb.snapshotUpto = wb.lastSeq;
    wb.log = [];
    // As a new file does: the ids in the new snapshot have no recorded owner.
    wb.owners = new Map();
    wb.entry.name = name;
    for (const log of wb.open) log.tell(wb.lastSeq);
    return null;
  }

  async claimCompaction(id: string, owner: string, ttlMs: number): Promise<CompactionClaim | null> {
    const wb = this.data.workbooks.get(id);
    if (!wb) throw new WorkbookNotFoundError(id);
    const now = Date.now();
    if (wb.claim && wb.claim.owner !== owner && wb.claim.until > now) return null;
    wb.claim = { owner, until: now + ttlMs };
    const held = () => wb.claim?.owner === owner && wb.claim.until > Date.now();
    return {
      workbook: id,
      read: async () => stateOf(wb),
      replace: async (basedOn, upto, snapshot) => {
        if (!held() || wb.snapshotUpto !== basedOn) return false;
        wb.snapshot = copy(snapshot);
        wb.snapshotUpto = upto;
        wb.log = wb.log.filter((u) => u.seq > upto);
        return true;
      },
      release: async () => {
        if (wb.claim?.owner === owner) wb.claim = null;
      },
    };
  }

  async close(): Promise<void> {
    this.catalog.close();
  }
}
