/**
 * What a room asks of the relay around it: its client connections (RoomPeer) and its hooks
 * (RoomHooksOf, generic in the room so that this module and room.ts do not import each other).
 */
import type { CompactJob } from '../store/compactor.ts';
import type { Role } from '../store/tokens.ts';
import type { Logger } from '../log.ts';

/** What a room needs from a client connection. */
export interface RoomPeer {
  readonly id: number;
  readonly role: Role;
  /** Who it writes as (ClientOwners): its device, else its token. */
  readonly owner: string;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Told when a viewer's document update was dropped. */
  droppedWrite(): void;
  /** False when the peer has used up what it may ask for (it is then closed with 1008). */
  mayAsk(): boolean;
  /** Charges a reply to the peer: the bytes sent and the ms spent encoding it afresh. */
  charge(bytes: number, encodeMs: number): void;
}

/** A change that would make the stored workbook bigger than the relay may load; the sender is closed. */
export class RoomFullError extends Error {
  override name = 'RoomFullError';
}

/** How a room (of type R: room.ts names it RoomHooks) reports to the relay that owns it. */
export interface RoomHooksOf<R> {
  log: Logger;
  /** Unload delay after the last client leaves. */
  graceMs: number;
  /** Ask for a compaction after this many logged updates at most (sooner by bytes: compaction-due.ts). */
  compactAfter: number;
  /** The room had no client for `graceMs`: the relay unloads it. */
  onIdle(room: R): void;
  /** The room could not keep memory and store in step and closed itself: the relay forgets it. */
  onFailed(room: R): void;
  compact(job: CompactJob): void;
  /** A room's log is halfway to its next compaction job: the relay gets the worker ready. */
  compactionNear?(): void;
  /** How long an update stayed in the room, from arrival to relayed (ms). */
  relayed(ms: number): void;
  /** MAX_ROOM_BYTES: the stored size (snapshot and log) a change may not take the workbook past. */
  maxRoomBytes: number;
  /** Throws when the workbook may not grow to `bytes` stored (its space's byte quota, server/spaces/space-usage.ts). */
  checkGrowth?(room: R, bytes: number): void;
  /** Changes sent by `from` were committed; the workbook now takes `bytes` in the store. */
  committed?(room: R, from: readonly RoomPeer[], bytes: number): void;
}

