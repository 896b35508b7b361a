/** What the room tests share: a peer that records what it is sent, and the relay's hooks with a list of failed rooms. */
import { silentLogger } from '../../../server/log.ts';
import type { Room, RoomHooks, RoomPeer } from '../../../server/relay/room.ts';

/** A client of a room in a test: what it was sent, and the code it was closed with. */
export interface TestPeer extends RoomPeer {
  got: Uint8Array[];
  closed: number | null;
}

let nextPeer = 1;

/** A connected client writing as `owner`. */
export const testPeer = (role: 'editor' | 'viewer' = 'editor', owner = 'token:test'): TestPeer => {
  const p: TestPeer = {
    id: nextPeer++,
    role,
    owner,
    got: [],
    closed: null,
    send: (data) => void p.got.push(data),
    close: (code) => void (p.closed = code),
    droppedWrite: () => {},
    mayAsk: () => true,
    charge: () => {},
  };
  return p;
};

/** The relay's hooks as a test needs them: rooms that fail are pushed onto `failed`. */
export const testHooks = (failed: Room[]): RoomHooks => ({
  log: silentLogger,
  graceMs: 60_000,
  compactAfter: 1_000_000,
  maxRoomBytes: 64 * 1024 * 1024,
  onIdle: () => {},
  onFailed: (room) => void failed.push(room),
  compact: () => {},
  relayed: () => {},
});
