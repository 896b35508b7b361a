/**
 * The y-websocket wire protocol (what a stock WebsocketProvider speaks): a varuint message type,
 * then a y-protocols sync message (step 1 = state vector, step 2 / update = Yjs update) or an
 * awareness update. Incoming messages are decoded completely here, before anything is applied,
 * so that a malformed one is refused as a whole.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { PresenceEntry } from './presence-check.ts';
import { spansOf, type ClientSpans } from './update-spans.ts';

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const MSG_QUERY_AWARENESS = 3;

/**
 * Close codes the relay uses (RFC 6455, and 44xx, after which stock y-websocket clients stop
 * retrying and show the reason: the workbook cannot be had by connecting again).
 */
export const CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidData: 1007,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
  tryAgainLater: 1013,
  revoked: 4401,
  /** An update or presence under a client id that belongs to another device. */
  notYours: 4403,
  /** The workbook went to its space's trash (4400-4499: a stock client stops retrying). */
  trashed: 4410,
  roomTooBig: 4413,
  /** The workbook's space is at its byte quota (server/spaces/space-usage.ts). */
  spaceFull: 4414,
  /** A write only the relay may make (stock clients do not retry 44xx codes). */
  forbidden: 4403,
} as const;

/** A message from a client, decoded and checked. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** Sync step 2 or an update: document changes, and the clock ranges they hold per client id. */
  | { kind: 'update'; update: Uint8Array; spans: ClientSpans[] }
  | { kind: 'awareness'; update: Uint8Array; entries: PresenceEntry[] }
  | { kind: 'query-awareness' }
  /** Auth messages and types this relay does not know: nothing to do. */
  | { kind: 'ignored' };

/** A message that cannot be decoded or taken; the connection that sent it is closed (with `closeCode`, else 1007). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    message: string,
    readonly closeCode?: number,
  ) {
    super(message);
  }
}

/** Decodes an awareness update the way applyAwarenessUpdate will read it, without applying it. */
const readAwareness = (update: Uint8Array): PresenceEntry[] => {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < n; i++) {
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = decoding.readVarString(d);
    JSON.parse(state);
    entries.push({ client, clock, state });
  }
  return entries;
};

/** An awareness update holding `entries` (as readAwareness read them). */
export const presenceUpdate = (entries: readonly PresenceEntry[]): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
};

/** Decodes one binary message; throws ProtocolError when it is malformed in any part. */
export const parseMessage = (data: Uint8Array): ClientMessage => {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MSG_SYNC: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload);
          return { kind: 'sync-step1', stateVector: payload };
        }
        if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
          // Decoding the whole update up front means applying it cannot fail half-way.
          const { structs, ds } = Y.decodeUpdate(payload);
          // An empty one (a client's answer to the relay's step 1 when it has nothing new) is no write.
          if (structs.length === 0 && ds.clients.size === 0) return { kind: 'ignored' };
          return { kind: 'update', update: payload, spans: spansOf(structs) };
        }
        throw new Error(`unknown sync message type ${sub}`);
      }
      case MSG_AWARENESS: {
        const update = decoding.readVarUint8Array(d);
        return { kind: 'awareness', update, entries: readAwareness(update) };
      }
      case MSG_QUERY_AWARENESS:
        return { kind: 'query-awareness' };
      default:
        return { kind: 'ignored' };
    }
  } catch (err) {
    throw new ProtocolError(err instanceof Error ? err.message : String(err));
  }
};

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** Sync step 1 carrying an encoded state vector (the relay's, asking the client for what it lacks). */
export const syncStep1Frame = (stateVector: Uint8Array): Uint8Array =>
  message((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Sync step 2 carrying `update` (what the client lacks). */
export const syncStep2Frame = (update: Uint8Array): Uint8Array =>
  message((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });

/** The update inside a frame made by syncStep2Frame, without copying it. */
export const updateOfStep2Frame = (frame: Uint8Array): Uint8Array => {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  const length = decoding.readVarUint(d);
  return frame.subarray(d.pos, d.pos + length);
};

/** A document update to relay. */
export const updateMessage = (update: Uint8Array): Uint8Array =>
  message((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    syncProtocol.writeUpdate(e, update);
  });

/** The awareness states of `clients`. */
export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  message((e) => {
    encoding.writeVarUint(e, MSG_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });
