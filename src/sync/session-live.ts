/**
 * The part of a session loaded after the grid shows: the relay connection, presence, the count of
 * edits not on the server yet, and the compaction of the stored log.
 */
import { connectRelay, type RelayConnection } from './connection.ts';
import type { Identity } from './identity.ts';
import { compactLog } from './local-maintenance.ts';
import { PendingEdits } from './pending-edits.ts';
import { trackPresence, type Location } from './presence.ts';
import type { SessionCore } from './session.ts';

/** What the session asks of its live part. */
export interface LiveParts {
  deniedMessage(): string | undefined;
  deniedCode(): number | undefined;
  setLocation(at: Location): void;
  setIdentity(identity: Identity): void;
  /** Folds the stored log; resolves with its entries left. */
  compact(): Promise<number>;
  stop(): void;
}

const me = (i: Identity) => ({ id: i.id, name: i.name, color: i.color });

/** Starts the live part of a session (a workbook with a token connects to the relay). */
export const goLive = (core: SessionCore): LiveParts => {
  const compact = () => compactLog(core.local);
  const { token } = core;
  if (!token) {
    core.stopEarly();
    return { deniedMessage: () => undefined, deniedCode: () => undefined, setLocation: () => undefined, setIdentity: () => undefined, compact, stop: () => undefined };
  }
  const pending = new PendingEdits(core.id, core.doc, core.early);
  core.stopEarly();
  const relay: RelayConnection = connectRelay({ id: core.id, token, doc: core.doc, pending });
  const presence = trackPresence(relay.provider.awareness, me(core.identity()));
  presence.setLocation(core.location());
  const stops = [
    relay.state.subscribe((s) => core.connection.set(s)),
    presence.peers.subscribe((p) => core.peers.set(p)),
    pending.pending.subscribe((n) => core.pending.set(n)),
    relay.role.subscribe((r) => r !== null && core.role.set(r)),
    relay.size.subscribe((z) => core.size.set(z)),
  ];
  core.connection.set(relay.state.get());
  core.peers.set(presence.peers.get());
  core.pending.set(pending.pending.get());
  return {
    deniedMessage: () => relay.deniedMessage(),
    deniedCode: () => relay.deniedCode(),
    setLocation: (at) => presence.setLocation(at),
    setIdentity: (i) => presence.setMe(me(i)),
    compact,
    stop: () => {
      for (const stop of stops) stop();
      presence.stop();
      relay.destroy();
      pending.stop();
    },
  };
};
