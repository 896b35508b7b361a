/**
 * A room's presence (awareness): who is here and where their cursor is. It lives on its own small
 * doc, so the workbook doc can be reloaded without losing it. A client's presence passes the
 * ownership check (presence-check.ts) before it is applied; every change is relayed to every
 * client of the room, and a client's own change (or its leaving) to the other relays through the
 * store, never stored. What another relay sent is applied here like a client's, not sent back.
 */
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { errorMessage, type Logger } from '../log.ts';
import type { ClientOwners } from './client-owners.ts';
import { checkPresence, type PresenceEntry } from './presence-check.ts';
import { awarenessMessage, presenceUpdate } from './protocol.ts';
import type { RoomPeer } from './room-hooks.ts';

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** The origin of presence that came from another relay through the store. */
const STORE = 'store';
/** The origin of presence withdrawn here because its claim was refused (the other relays keep the owner's). */
const REFUSED = 'refused';

/** What the presence reads and asks of its room. */
export interface PresenceHost {
  readonly id: string;
  readonly log: Logger;
  /** The room's clients, each with the client ids it shows presence for. */
  readonly peers: Map<RoomPeer, Set<number>>;
  owners(): ClientOwners;
  /** True when the workbook holds edits of this client id. */
  hasEdits(client: number): boolean;
  /** Records the ids a client claims by its presence (durable for editors). */
  claim(clients: readonly number[], owner: string, durable: boolean): void;
  /** Closes a client that spoke for someone else's id. */
  refuse(peer: RoomPeer, event: string, client: number, reason: string): void;
  /** True once the room is closed (nothing more goes to the store). */
  closed(): boolean;
  /** Passes presence to the other relays that have the workbook loaded. */
  sendToStore(update: Uint8Array): void;
}

/** The presence of one room's clients. */
export class RoomPresence {
  readonly awareness = new Awareness(new Y.Doc());

  constructor(private readonly host: PresenceHost) {
    // The relay itself has no presence; only clients' states are kept and relayed.
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.relay(change, origin));
  }

  /** Sends a joining client everyone's presence. */
  greet(peer: RoomPeer): void {
    const states = this.awareness.getStates();
    if (states.size > 0) peer.send(awarenessMessage(this.awareness, [...states.keys()]));
  }

  /** A client left: its presence goes, here and on the other relays. */
  leave(ids: ReadonlySet<number>): void {
    if (ids.size > 0) removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** A client's presence message: checked, then applied (the sender is closed when refused). */
  receive(peer: RoomPeer, update: Uint8Array, entries: readonly PresenceEntry[]): void {
    const ids = this.host.peers.get(peer) ?? new Set<number>();
    const verdict = checkPresence(entries, peer.owner, ids, {
      owners: this.host.owners(),
      clockOf: (c) => this.awareness.meta.get(c)?.clock,
      hasEdits: (c) => this.host.hasEdits(c),
    });
    if (!verdict.ok) return this.host.refuse(peer, 'room.presence_refused', verdict.client, verdict.reason);
    this.host.claim(verdict.claims, peer.owner, peer.role === 'editor');
    if (verdict.keep.length > 0) applyAwarenessUpdate(this.awareness, verdict.keep.length === entries.length ? update : presenceUpdate(verdict.keep), peer);
  }

  /** Everyone's presence, for a client that asked (charged to it). */
  answerQuery(peer: RoomPeer): void {
    const states = awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]);
    peer.charge(states.byteLength, 0);
    peer.send(states);
  }

  /** Presence that another relay sent for this workbook. */
  fromStore(update: Uint8Array): void {
    if (this.host.closed()) return;
    try {
      applyAwarenessUpdate(this.awareness, update, STORE);
    } catch (err) {
      this.host.log.warn('room.presence_dropped', { workbook: this.host.id, message: errorMessage(err) });
    }
  }

  /** Withdraws the presence shown under `client` here only (its claim was refused; its owner's stays elsewhere). */
  withdraw(client: number): void {
    if (this.awareness.getStates().has(client)) removeAwarenessStates(this.awareness, [client], REFUSED);
    for (const ids of this.host.peers.values()) ids.delete(client);
  }

  destroy(): void {
    this.awareness.doc.destroy();
  }

  private relay({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const ids = this.host.peers.get(origin as RoomPeer);
    if (ids) {
      for (const id of added) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    const changed = added.concat(updated, removed);
    // Sent to the sender too: the echo is what keeps a lone client's connection from looking dead.
    const msg = awarenessMessage(this.awareness, changed);
    for (const peer of this.host.peers.keys()) peer.send(msg);
    // A client's change, or its leaving (origin null), goes to the other relays; what they sent
    // (origin STORE) and states that timed out here (each relay times them out itself) do not.
    if ((ids || origin === null) && !this.host.closed()) this.host.sendToStore(encodeAwarenessUpdate(this.awareness, changed));
  }
}
