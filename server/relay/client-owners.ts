/**
 * Who may write under each Yjs client id of a room's workbook, and the check every editor's update
 * and every presence message passes (issue #16 part 4). An owner is a string: `device:<hash>` for a
 * browser that sent its device key, `token:<id>` for a client without one (a stock script),
 * `server` for the CLI. The first owner to use an id (in an edit or in presence) keeps it; ids in
 * the document with no recorded owner (written before owners were kept, or by the CLI) are owned
 * by nobody who connects.
 *
 * Updates: with `s` the relay's state for client `c`, what ends at or below `s` is known already
 * and taken from anyone (re-sends, reloads, copies between tabs); anything past `s` must come from
 * `c`'s owner, start at or below `s` and skip nothing. Otherwise the sender could claim clocks its
 * owner has not synced yet, and the owner's real edits with those clocks would be dropped as known.
 */
import type { ClientOwner } from '../store/contract.ts';
import { continues, endOf, type ClientSpans } from './update-spans.ts';

/** The owner of the CLI's and restores' writes. */
export const SERVER_OWNER = 'server';

/** An owner as others may see it: what kind, and a short tag that tells owners of a kind apart (never a key or a token). */
export interface PublicOwner {
  kind: 'device' | 'link' | 'server';
  tag: string;
}

/** The public form of an owner (`device:<hash>` → a device and the hash's first 6 characters). */
export const publicOwner = (owner: string): PublicOwner => {
  if (owner.startsWith('device:')) return { kind: 'device', tag: owner.slice('device:'.length, 'device:'.length + 6) };
  if (owner.startsWith('token:')) return { kind: 'link', tag: owner.slice('token:'.length, 'token:'.length + 6) };
  if (owner === 'server') return { kind: 'server', tag: '' };
  return { kind: 'link', tag: '' };
};

/** An update may be applied (recording `claims` for the sender), or is refused for `reason`. */
export type UpdateVerdict = { ok: true; claims: number[] } | { ok: false; client: number; reason: string };

/** The owners of one room's client ids: those read from the store, and those claimed since. */
export class ClientOwners {
  private readonly owners = new Map<number, string>();
  private unwritten: ClientOwner[] = [];

  constructor(stored: readonly ClientOwner[]) {
    for (const { clientId, owner } of stored) this.owners.set(clientId, owner);
  }

  /** The owner of `client`, if it has one. */
  ownerOf(client: number): string | undefined {
    return this.owners.get(client);
  }

  /**
   * Gives an unowned id to `owner`; when `durable`, it is written to the store with the next
   * append. A viewer's ids are kept only while the room is loaded: a viewer never writes under
   * them, and its presence cannot grow the store.
   */
  claim(client: number, owner: string, durable = true): void {
    if (this.owners.has(client)) return;
    this.owners.set(client, owner);
    if (durable) this.unwritten.push({ clientId: client, owner });
  }

  /** True when one of `clients` has no known owner. */
  hasUnknown(clients: Iterable<number>): boolean {
    for (const c of clients) if (!this.owners.has(c)) return true;
    return false;
  }

  /**
   * Takes in what the store records now: owners another writer (another relay on the same store,
   * the CLI) recorded with updates this room pulls. The store's record wins: it is the one that lasts.
   */
  learn(stored: readonly ClientOwner[]): void {
    for (const { clientId, owner } of stored) this.owners.set(clientId, owner);
  }

  /** True while claims wait to be written. */
  get hasUnwritten(): boolean {
    return this.unwritten.length > 0;
  }

  /** Puts back claims an append did not write (it failed on another one), to go with the next. */
  requeue(claims: readonly ClientOwner[]): void {
    this.unwritten.unshift(...claims);
  }

  /** The claims not written yet, handed to the append that writes them. */
  takeUnwritten(): ClientOwner[] {
    return this.unwritten.splice(0);
  }

  /**
   * Checks an update of `owner` against the relay's state (`stateOf(c)`: the next clock the relay
   * expects of client c). Pure: nothing is claimed here.
   */
  checkUpdate(spans: readonly ClientSpans[], owner: string, stateOf: (client: number) => number): UpdateVerdict {
    const claims: number[] = [];
    for (const s of spans) {
      const known = stateOf(s.client);
      if (endOf(s) <= known) continue;
      const own = this.owners.get(s.client);
      if (own === undefined && known > 0) return { ok: false, client: s.client, reason: 'it adds to edits of another device' };
      if (own !== undefined && own !== owner) return { ok: false, client: s.client, reason: 'it adds to edits of another device' };
      if (!continues(s, known)) return { ok: false, client: s.client, reason: 'it skips clocks the relay has not seen' };
      if (own === undefined) claims.push(s.client);
    }
    return { ok: true, claims };
  }
}
