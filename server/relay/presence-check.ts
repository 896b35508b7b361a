/**
 * The check every presence (awareness) message passes before it is applied and relayed: a
 * connection speaks only for client ids its owner owns, or claims ids nobody has used yet, and
 * for at most MAX_PRESENCE_IDS of them. Entries that change nothing (a stock client echoes every
 * state it is sent, and drops states that timed out, with the clock it saw) are left out quietly;
 * any other entry for someone else's id, or too many ids, refuses the whole message.
 */
import type { ClientOwners } from './client-owners.ts';

/** Most client ids one connection may show presence for (a tab, plus copies from other tabs of one browser). */
export const MAX_PRESENCE_IDS = 8;

/** One client's entry in an awareness update: its id, clock and state (JSON, "null" when it left). */
export interface PresenceEntry {
  client: number;
  clock: number;
  state: string;
}

/** The entries to apply (and the ids the sender claims by them), or why the message is refused. */
export type PresenceVerdict = { ok: true; keep: PresenceEntry[]; claims: number[] } | { ok: false; client: number; reason: string };

/** What the check reads of the room. */
export interface PresenceContext {
  owners: ClientOwners;
  /** The clock of the presence the relay holds (or held) for a client id. */
  clockOf(client: number): number | undefined;
  /** True when the document holds edits of this client id. */
  hasEdits(client: number): boolean;
}

/** Checks the entries of one message of a connection of `owner` that shows presence for `ids` now. */
export const checkPresence = (entries: readonly PresenceEntry[], owner: string, ids: ReadonlySet<number>, room: PresenceContext): PresenceVerdict => {
  const keep: PresenceEntry[] = [];
  const claims: number[] = [];
  const added = new Set<number>();
  for (const e of entries) {
    const clock = room.clockOf(e.client);
    if (clock !== undefined && e.clock <= clock) continue;
    const own = room.owners.ownerOf(e.client);
    if (own === undefined && (clock !== undefined || room.hasEdits(e.client))) return { ok: false, client: e.client, reason: 'it changes the presence of another device' };
    if (own !== undefined && own !== owner) return { ok: false, client: e.client, reason: 'it changes the presence of another device' };
    if (own === undefined && !claims.includes(e.client)) claims.push(e.client);
    if (!ids.has(e.client) && e.state !== 'null') added.add(e.client);
    keep.push(e);
  }
  if (ids.size + added.size > MAX_PRESENCE_IDS) return { ok: false, client: [...added][0] ?? 0, reason: `it shows presence for more than ${MAX_PRESENCE_IDS} client ids` };
  return { ok: true, keep, claims };
};
