/**
 * Spaces, members and invites of the memory store (memory-store.ts), kept on its shared backing.
 * Each method runs with no await inside: that is this store's transaction.
 */
import type { InviteEntry, InviteOptions, MemberEntry, MemberGrant, NewMember, NewToken, SpaceEntry, SpaceQuota } from './contract.ts';
import { StoreError } from './errors.ts';
import type { SpaceRole } from './space-roles.ts';
import { hashToken, looksLikeToken, newToken, tokenId } from './tokens.ts';
import { checkSpaceId } from './workbook-id.ts';

interface StoredMember extends MemberEntry {
  hash: string;
}

interface StoredInvite extends InviteEntry {
  hash: string;
}

/** The space data of a memory backing. */
export class MemorySpaceData {
  readonly spaces = new Map<string, SpaceEntry>();
  /** By hash. */
  readonly members = new Map<string, StoredMember>();
  /** By hash. */
  readonly invites = new Map<string, StoredInvite>();
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const memberOf = ({ hash: _hash, ...entry }: StoredMember): MemberEntry => ({ ...entry });
const inviteOf = ({ hash: _hash, ...entry }: StoredInvite): InviteEntry => ({ ...entry });
const spaceOf = (s: SpaceEntry): SpaceEntry => ({ ...s, quota: { ...s.quota } });

/** The space methods of a memory catalog; `changed` tells the other instances' watchers. */
export class MemorySpaces {
  constructor(
    private readonly data: MemorySpaceData,
    private readonly changed: () => void,
  ) {}

  createSpace(id: string, name: string, quota: Partial<SpaceQuota> = {}): SpaceEntry {
    checkSpaceId(id);
    if (this.data.spaces.has(id)) throw new StoreError(`Space "${id}" exists already; choose another id.`);
    const entry: SpaceEntry = { id, name, createdAt: Date.now(), quota: { workbooks: quota.workbooks ?? null, bytes: quota.bytes ?? null } };
    this.data.spaces.set(id, entry);
    this.changed();
    return spaceOf(entry);
  }

  space(id: string): SpaceEntry | undefined {
    const s = this.data.spaces.get(id);
    return s && spaceOf(s);
  }

  spaces(): SpaceEntry[] {
    return [...this.data.spaces.values()].map(spaceOf).sort(byId);
  }

  renameSpace(id: string, name: string): boolean {
    const s = this.data.spaces.get(id);
    if (!s) return false;
    s.name = name;
    this.changed();
    return true;
  }

  setQuota(space: string, quota: Partial<SpaceQuota>): boolean {
    const s = this.data.spaces.get(space);
    if (!s) return false;
    s.quota = { ...s.quota, ...quota };
    this.changed();
    return true;
  }

  /** Throws StoreError when `space` does not exist. */
  requireSpace(space: string): void {
    if (!this.data.spaces.has(space)) throw new StoreError(`There is no space "${space}"; see the spaces with: npm run -s workbook -- space list`);
  }

  addMember(space: string, role: SpaceRole, name: string): NewMember {
    this.requireSpace(space);
    const token = newToken();
    const hash = hashToken(token);
    const member: StoredMember = { id: tokenId(hash), hash, space, name, role, createdAt: Date.now(), lastSeenAt: null, removedAt: null };
    this.data.members.set(hash, member);
    this.changed();
    return { token, member: memberOf(member) };
  }

  verifyMember(token: string): MemberGrant | undefined {
    if (!looksLikeToken(token)) return undefined;
    const m = this.data.members.get(hashToken(token));
    return m && m.removedAt === null ? { memberId: m.id, space: m.space, role: m.role, name: m.name } : undefined;
  }

  private find(id: string): StoredMember | undefined {
    return [...this.data.members.values()].find((m) => m.id === id);
  }

  member(id: string): MemberEntry | undefined {
    const m = this.find(id);
    return m && memberOf(m);
  }

  members(space: string): MemberEntry[] {
    return [...this.data.members.values()]
      .filter((m) => m.space === space && m.removedAt === null)
      .sort((a, b) => a.createdAt - b.createdAt || byId(a, b))
      .map(memberOf);
  }

  isActiveMember(id: string): boolean {
    return this.find(id)?.removedAt === null;
  }

  setMemberRole(id: string, role: SpaceRole): boolean {
    const m = this.find(id);
    if (!m || m.removedAt !== null) return false;
    m.role = role;
    this.changed();
    return true;
  }

  renameMember(id: string, name: string): boolean {
    const m = this.find(id);
    if (!m || m.removedAt !== null) return false;
    m.name = name;
    this.changed();
    return true;
  }

  removeMember(id: string): boolean {
    const m = this.find(id);
    if (!m || m.removedAt !== null) return false;
    m.removedAt = Date.now();
    this.changed();
    return true;
  }

  touchMember(id: string, at: number): void {
    const m = this.find(id);
    if (m) m.lastSeenAt = at;
  }

  createInvite(space: string, role: SpaceRole, options: InviteOptions): NewToken {
    this.requireSpace(space);
    const token = newToken();
    const hash = hashToken(token);
    const id = tokenId(hash);
    this.data.invites.set(hash, { id, hash, space, role, singleUse: options.singleUse, expiresAt: options.expiresAt, createdAt: Date.now(), uses: 0, revokedAt: null });
    this.changed();
    return { token, id };
  }

  acceptInvite(invite: string, name: string, now: number): NewMember | undefined {
    if (!looksLikeToken(invite)) return undefined;
    const i = this.data.invites.get(hashToken(invite));
    if (!i || i.revokedAt !== null || (i.singleUse && i.uses > 0) || (i.expiresAt !== null && i.expiresAt <= now)) return undefined;
    i.uses++;
    return this.addMember(i.space, i.role, name);
  }

  invites(space: string): InviteEntry[] {
    // Made in the same millisecond: the later one first (the map keeps the order they were made in).
    return [...this.data.invites.values()]
      .reverse()
      .filter((i) => i.space === space)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(inviteOf);
  }

  revokeInvite(id: string): boolean {
    const i = [...this.data.invites.values()].find((x) => x.id === id && x.revokedAt === null);
    if (!i) return false;
    i.revokedAt = Date.now();
    this.changed();
    return true;
  }
}
