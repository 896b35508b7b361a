/**
 * The store contract: what the relay and the CLI need from the place workbooks are kept, and all
 * they may depend on. SQLite files in DATA_DIR (store.ts), memory (memory-store.ts, for tests)
 * and PostgreSQL (pg/pg-store.ts, shared by several relays) implement it. The
 * numbered rules every implementation keeps are the doc comment of
 * tests/integration/store/contract.test.ts, which checks them against each store.
 *
 * Everything that may wait for a disk or a network returns a promise. A workbook is a snapshot
 * (the whole document as one Yjs update) plus a log of the updates appended since, numbered in
 * the order they were committed. `append` resolves only once its updates are committed: the relay
 * relays an update only after that. Other writers (the CLI, another relay) append to the same log;
 * a subscriber hears of it and reads what it has not seen by sequence number.
 *
 * Spaces (issue #17): a workbook may belong to a space; a space's members hold personal tokens
 * (owner, editor or viewer of every workbook of the space), made from invites. The catalog keeps
 * them next to the per-workbook tokens, which stay for people outside the space.
 *
 * Records that must commit with an update (the client-id ownership of issue #16) are part of
 * `append`'s arguments, so the store writes them in the append's transaction. The PostgreSQL store
 * (pg/pg-store.ts) implements `subscribe` and `watch` with LISTEN/NOTIFY, passing the sequence
 * number it was told, and carries presence between the relays that share it.
 */

import type { Role } from './tokens.ts';
import type { SpaceRole } from './space-roles.ts';

export type { Role, SpaceRole };

/** A workbook as the catalog knows it. */
export interface WorkbookEntry {
  id: string;
  name: string;
  createdAt: number;
  /** The space it belongs to; null for a workbook reached only by its own tokens. */
  space: string | null;
  /** When it was moved to its space's trash; null while it is not there. */
  trashedAt: number | null;
  /** The last change the relay recorded: when, by whom (a member's name), and the stored size then (at first, the size it was created with). */
  changedAt: number | null;
  changedBy: string | null;
  bytes: number | null;
}

/** Optional limits of a space; null where there is none. */
export interface SpaceQuota {
  workbooks: number | null;
  bytes: number | null;
}

/** A team space. */
export interface SpaceEntry {
  id: string;
  name: string;
  createdAt: number;
  quota: SpaceQuota;
}

/** A member of a space (their token itself is stored only as a hash). */
export interface MemberEntry {
  /** Also the id their connections carry (like a token's id). */
  id: string;
  space: string;
  name: string;
  role: SpaceRole;
  createdAt: number;
  lastSeenAt: number | null;
  removedAt: number | null;
}

/** What a member token grants. */
export interface MemberGrant {
  memberId: string;
  space: string;
  role: SpaceRole;
  name: string;
}

/** A member just made: the only time their token exists in clear. */
export interface NewMember {
  token: string;
  member: MemberEntry;
}

/** How an invite may be used. */
export interface InviteOptions {
  /** Turned into one member only. */
  singleUse: boolean;
  /** After this time (ms since the epoch) it opens nothing; null: never. */
  expiresAt: number | null;
}

/** An invite as listed. */
export interface InviteEntry extends InviteOptions {
  id: string;
  space: string;
  role: SpaceRole;
  createdAt: number;
  /** How many members it made. */
  uses: number;
  revokedAt: number | null;
}

/** What the relay records of a workbook's last change. */
export interface WorkbookChange {
  at: number;
  by: string | null;
  bytes: number;
}

/** What a valid token grants. */
export interface Grant {
  tokenId: string;
  workbook: string;
  role: Role;
}

/** A token as listed (never the token itself: only its hash is stored). */
export interface TokenEntry {
  id: string;
  workbook: string;
  role: Role;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}

/** A token just made: the only time it exists in clear. */
export interface NewToken {
  token: string;
  id: string;
}

/** One logged update. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
}

/** Everything stored for a workbook, read at one moment. */
export interface StoredState {
  snapshot: Uint8Array;
  /** The snapshot includes every update with seq ≤ snapshotUpto. */
  snapshotUpto: number;
  updates: LoggedUpdate[];
  /** The highest seq included (snapshot or log). */
  lastSeq: number;
}

/** What was logged after a sequence number a reader had reached. */
export interface StoredChanges {
  /** Set when a compaction folded updates the reader had not seen into the snapshot: apply it first. */
  snapshot: Uint8Array | null;
  snapshotUpto: number;
  updates: LoggedUpdate[];
}

/** Size of the log not yet folded into the snapshot. */
export interface LogStats {
  updates: number;
  bytes: number;
  snapshotBytes: number;
}

/**
 * Who may write under a Yjs client id of a workbook (issue #16 part 4): the first device (or, for
 * a client without one, the token) that used it, `server` for the CLI's writes. Recorded once per
 * client id and never changed; compaction leaves it alone.
 */
export interface ClientOwner {
  clientId: number;
  owner: string;
}

/** Stops a subscription. */
export type Unsubscribe = () => void;

/** The catalog: which workbooks exist, their access tokens (as hashes) and a few flags. */
export interface CatalogStore {
  /** True when a workbook with this id exists. */
  has(id: string): Promise<boolean>;
  workbook(id: string): Promise<WorkbookEntry | undefined>;
  /** Every workbook, by id. */
  workbooks(): Promise<WorkbookEntry[]>;
  /** Records a workbook's current name (shown in listings). */
  setWorkbookName(id: string, name: string): Promise<void>;
  /** A flag kept in the catalog (e.g. when the demo workbook was created). */
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  /** Creates a token for an existing workbook. */
  createToken(workbook: string, role: Role, label?: string): Promise<NewToken>;
  /**
   * Creates a token only when none was made under the flag `once` before, and sets that flag (to
   * the time) in the same transaction; null when it was set already (another start got there first).
   */
  createTokenOnce(once: string, workbook: string, role: Role, label?: string): Promise<NewToken | null>;
  /** What `token` grants, or undefined when it is unknown, malformed or revoked. */
  verify(token: string): Promise<Grant | undefined>;
  /** True while the token with this id exists and is not revoked, or the member with this id was not removed. */
  isActive(tokenId: string): Promise<boolean>;
  /** The entry of a token given in clear, or by its id. */
  findToken(tokenOrId: string): Promise<TokenEntry | undefined>;
  /** Revokes a token by id; false when it was not active. */
  revoke(tokenId: string): Promise<boolean>;
  /** The tokens of a workbook, newest first. */
  tokens(workbook: string): Promise<TokenEntry[]>;
  /** Calls `listener` after another writer changed the catalog (a token revoked by the CLI, say). */
  watch(listener: () => void): Unsubscribe;

  // Spaces, members and invites (see the module comment).
  /** Creates a space. Throws StoreError when the id is taken or cannot be an id. */
  createSpace(id: string, name: string, quota?: Partial<SpaceQuota>): Promise<SpaceEntry>;
  space(id: string): Promise<SpaceEntry | undefined>;
  /** Every space, by id. */
  spaces(): Promise<SpaceEntry[]>;
  /** Renames a space. False when there is no such space. */
  renameSpace(id: string, name: string): Promise<boolean>;
  /** Sets a space's limits (the fields given). False when there is no such space. */
  setQuota(space: string, quota: Partial<SpaceQuota>): Promise<boolean>;
  /** The workbooks of a space, trashed ones included, by id. */
  workbooksIn(space: string): Promise<WorkbookEntry[]>;
  /** Moves a workbook to its space's trash (at `at`); false when it is not there or already in it. */
  trashWorkbook(id: string, at?: number): Promise<boolean>;
  /** Takes a workbook out of the trash; false when it was not in it. */
  restoreWorkbook(id: string): Promise<boolean>;
  /** Records the last change of a workbook (shown in the space's list); advisory, so a store may write it without a disk flush. */
  recordChange(id: string, change: WorkbookChange): Promise<void>;
  /** Adds a member with a new personal token. Throws StoreError when there is no such space. */
  addMember(space: string, role: SpaceRole, name: string): Promise<NewMember>;
  /** Adds a member only when the flag `once` was never set, and sets it in the same transaction; null when it was. */
  addMemberOnce(once: string, space: string, role: SpaceRole, name: string): Promise<NewMember | null>;
  /** What a member token grants, or undefined when it is unknown, malformed or its member was removed. */
  verifyMember(token: string): Promise<MemberGrant | undefined>;
  member(id: string): Promise<MemberEntry | undefined>;
  /** The members of a space who were not removed, oldest first. */
  members(space: string): Promise<MemberEntry[]>;
  /** Changes a member's role; false when there is no such active member. */
  setMemberRole(id: string, role: SpaceRole): Promise<boolean>;
  /** Changes a member's display name; false when there is no such active member. */
  renameMember(id: string, name: string): Promise<boolean>;
  /** Removes a member (their token opens nothing from then on); false when not active. */
  removeMember(id: string): Promise<boolean>;
  /** Records a member's last activity; advisory, so a store may write it without a disk flush. */
  touchMember(id: string, at: number): Promise<void>;
  /** Creates an invite to a space. Throws StoreError when there is no such space. */
  createInvite(space: string, role: SpaceRole, options: InviteOptions): Promise<NewToken>;
  /**
   * Turns an invite into a new member named `name`, in one transaction (a single-use invite makes
   * one member, whoever asks first); undefined when it is unknown, used up, expired or revoked.
   */
  acceptInvite(invite: string, name: string, now?: number): Promise<NewMember | undefined>;
  /** The invites of a space, newest first. */
  invites(space: string): Promise<InviteEntry[]>;
  /** Revokes an invite by id; false when it was not active. */
  revokeInvite(id: string): Promise<boolean>;
}

/** The update log of one workbook, open. */
export interface WorkbookLog {
  readonly workbook: string;
  /** Where it is kept, for messages (a file's path, say). */
  readonly where: string;
  /** The snapshot and the log, read at one moment. */
  read(): Promise<StoredState>;
  /** The updates logged after `seq`, and the snapshot when it moved past `seq`. */
  readSince(seq: number): Promise<StoredChanges>;
  /**
   * Appends updates in one transaction and resolves with their sequence numbers once they are
   * committed (as far as the store's durability setting goes). Rejects when they were not stored.
   * `owners` are recorded in the same transaction (also with no updates); recording an owner a
   * client id has already is nothing, another owner rejects the whole append with
   * OwnerConflictError and stores nothing.
   */
  append(updates: readonly Uint8Array[], owners?: readonly ClientOwner[]): Promise<number[]>;
  /** The owner recorded for each client id of this workbook. */
  owners(): Promise<ClientOwner[]>;
  stats(): Promise<LogStats>;
  /**
   * Calls `listener` after another writer appended to this workbook, with the highest sequence
   * number when the store knows it. Calls may be merged or spurious, and may come for this log's
   * own appends: the subscriber reads since what it has and finds nothing new.
   */
  subscribe(listener: (seq: number | undefined) => void): Unsubscribe;
  /**
   * Sends a presence (awareness) update to the other relays that have this workbook loaded. Never
   * stored; a store that no other relay shares (SQLite) sends nothing, and one over a size bound is
   * dropped (presence is sent again every few seconds).
   */
  sendPresence(update: Uint8Array): void;
  /** Calls `listener` with the presence updates that other relays sent for this workbook. */
  onPresence(listener: (update: Uint8Array) => void): Unsubscribe;
  close(): Promise<void>;
}

/** An exclusive right to fold a workbook's log into its snapshot, for a limited time. */
export interface CompactionClaim {
  readonly workbook: string;
  read(): Promise<StoredState>;
  /**
   * Replaces the snapshot by `snapshot` (which folds in every update up to `upto` on top of the
   * snapshot that reached `basedOn`) and drops those updates, at once. False, and nothing changed,
   * when the snapshot moved on meanwhile or the claim was lost.
   */
  replace(basedOn: number, upto: number, snapshot: Uint8Array): Promise<boolean>;
  /**
   * Tidies what the appends since the last fold left behind, without folding: SQLite folds its
   * write-ahead log into the file (the relay's connections leave that to the compactor); nothing
   * in stores that have nothing of the kind.
   */
  settle(): Promise<void>;
  /** Gives the claim up (also after a failure). */
  release(): Promise<void>;
}

/** How another thread opens the same store (the compaction worker does). */
export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

/** A store: the catalog, and the snapshot and log of each workbook. */
export interface Store {
  readonly catalog: CatalogStore;
  /** Null when the store cannot be opened from another thread (memory): compactions then run in this one. */
  readonly location: StoreLocation | null;
  /**
   * Creates a workbook holding `snapshot`, named `name`, in `space` when given. Throws StoreError
   * when the id is taken or not an id, or the space does not exist.
   */
  createWorkbook(id: string, name: string, snapshot: Uint8Array, space?: string): Promise<void>;
  /** Deletes a workbook for good: its entry, its tokens and its content. False when there was none. */
  purgeWorkbook(id: string): Promise<boolean>;
  /** Opens a workbook's log. Throws WorkbookNotFoundError, UnreadableStoreError or NewerFormatError. */
  openLog(id: string): Promise<WorkbookLog>;
  /**
   * Replaces a workbook's stored state by `snapshot` and an empty log, also when it cannot be
   * read. Returns where the old state was kept aside, when the store keeps it.
   */
  replaceContent(id: string, name: string, snapshot: Uint8Array): Promise<string | null>;
  /** Claims the compaction of a workbook for `owner` for `ttlMs`; null while someone else holds it. */
  claimCompaction(id: string, owner: string, ttlMs: number): Promise<CompactionClaim | null>;
  close(): Promise<void>;
}
