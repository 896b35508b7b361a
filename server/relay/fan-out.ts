/**
 * How a room's committed changes go out to its peers: each as an update message to every peer
 * but its sender. Several changes committed in one append (they came in one turn, as after a
 * pause of the event loop) go as one merged update to every peer that sent none of them: one
 * frame, one socket write and one apply per peer instead of one per change, so the relay catches
 * up sooner after a pause. Their senders get the others' changes one by one, never their own.
 *
 * @example
 *   relayChanges(room.peers.keys(), [{ change, from: peer }]);   // everyone but `peer` gets it
 */
import * as Y from 'yjs';
import { updateMessage } from './protocol.ts';
import type { RoomPeer } from './room-hooks.ts';

/** A committed change and who sent it (null: read from the store, sent to everyone). */
export interface Committed {
  change: Uint8Array;
  from: RoomPeer | null;
}

/** Sends `data` to every peer but `except`. */
export const broadcast = (peers: Iterable<RoomPeer>, data: Uint8Array, except: RoomPeer | null): void => {
  for (const peer of peers) if (peer !== except) peer.send(data);
};

/** Relays the changes of one append to `peers` (see the top of this file). */
export const relayChanges = (peers: Iterable<RoomPeer>, batch: readonly Committed[]): void => {
  const [first] = batch;
  if (!first) return;
  if (batch.length === 1) return broadcast(peers, updateMessage(first.change), first.from);
  const senders = new Set(batch.map((b) => b.from));
  const merged = updateMessage(Y.mergeUpdates(batch.map((b) => b.change)));
  const each = batch.map((b) => updateMessage(b.change));
  for (const peer of peers) {
    if (!senders.has(peer)) peer.send(merged);
    else for (const [i, b] of batch.entries()) if (b.from !== peer) peer.send(each[i] as Uint8Array);
  }
};
