/**
 * Sync with the relay: a stock y-websocket `WebsocketProvider` to ws(s)://<host>/<id>, the token
 * handed over as a websocket subprotocol entry rather than in the URL (proxies log URLs), and
 * around it what a person needs to see: the connection state, whether access was refused, and
 * which edits the relay holds durably. Loaded after the grid shows (it is not part of first load).
 *
 * The token goes with this browser's device key (device-key.ts): the relay binds the Yjs client
 * ids this browser writes under to it, so the provider connects once the key is read.
 *
 * The relay answers every sync step 1 with step 2 and its own state vector, sent after its commit
 * (server/relay/room.ts); this client reads that vector as it passes and asks again, by sending a
 * step 1, shortly after local edits and while some are unconfirmed (and every `resyncInterval`).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { deviceKey } from './device-key.ts';
import type { PendingEdits } from './pending-edits.ts';
import { checkAccess, type StoredSize } from './relay-api.ts';
import { createWatch, type Watch } from './watch.ts';

/** What the connection to the relay is doing. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'denied' | 'trashed';

/** The relay closes with this when the workbook went to its space's trash (server/relay/protocol.ts). */
const CLOSE_TRASHED = 4410;

/** An open connection to the relay for one workbook. */
export interface RelayConnection {
  state: Watch<ConnectionState>;
  /** The relay's sentence when access was refused. */
  deniedMessage(): string | undefined;
  /** The close code when the relay refused the connection for good (4401 revoked, 4403 not this device's, 4413 too big). */
  deniedCode(): number | undefined;
  provider: WebsocketProvider;
  /** The role the relay gives this token now, asked after each sync (an owner may have changed it meanwhile); null until known. */
  role: Watch<'editor' | 'viewer' | null>;
  /** The workbook's stored size against the relay's limit, asked with the role and every SIZE_EVERY edits sent; null until known. */
  size: Watch<StoredSize | null>;
  /** Resolves once the first sync is done (true), or false when access is refused. */
  firstSync(): Promise<boolean>;
  destroy(): void;
}

const MESSAGE_SYNC = 0;
/** After a local edit, ask for the relay's state this much later (edits typed together share one ask). */
const ASK_AFTER_EDIT_MS = 250;
/** While edits are unconfirmed, ask again this often. */
const ASK_WHILE_PENDING_MS = 1500;
/** The provider re-asks on its own this often (a backstop). */
const RESYNC_MS = 5000;
/** Ask the HTTP API why the socket fails at most this often. */
const PROBE_EVERY_MS = 3000;
/** Ask the relay how big the workbook is stored after this many edits of this page (and after each sync). */
const SIZE_EVERY = 500;

/**
 * The subprotocol entries the relay reads (server/relay/subprotocol.ts): the version it selects,
 * then one `owb.<field>.<value>` entry per field: the token, and the device key when there is one.
 */
export const relayProtocols = (token: string, device?: string): string[] => ['owb.v1', `owb.token.${token}`, ...(device ? [`owb.device.${device}`] : [])];

/** The relay's websocket address on this page's host. */
export const relayUrl = (loc: Location = location): string => `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}`;

/** Connects a workbook's document to the relay. */
export const connectRelay = (opts: { id: string; token: string; doc: Y.Doc; pending: PendingEdits; url?: string }): RelayConnection => {
  const { id, token, doc, pending } = opts;
  const state = createWatch<ConnectionState>(navigator.onLine ? 'connecting' : 'offline');
  const role = createWatch<'editor' | 'viewer' | null>(null);
  const size = createWatch<StoredSize | null>(null);
  /** Asks the relay for the token's role and the workbook's stored size. */
  const askAccess = () =>
    void checkAccess(id, token).then((r) => {
      if (r.kind !== 'ok') return;
      role.set(r.role);
      if (r.size) size.set(r.size);
    });
  let editsSinceAsked = 0;
  let denied: string | undefined;
  let deniedCode: number | undefined;
  /** The relay refused this connection for good (a revoked token, a trashed workbook): no more retries. */
  const stopped = (): boolean => state.get() === 'denied' || state.get() === 'trashed';
  let everOnline = false;
  /** The device key was read and set: the provider may connect. */
  let ready = false;
  let destroyed = false;
  const provider = new WebsocketProvider(opts.url ?? relayUrl(), id, doc, {
    protocols: relayProtocols(token),
    connect: false,
    resyncInterval: RESYNC_MS,
    maxBackoffTime: 2500,
  });

  const ask = () => {
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
    ws.send(encoding.toUint8Array(e));
  };
  let askTimer: ReturnType<typeof setTimeout> | undefined;
  const askSoon = (ms: number) => {
    if (askTimer === undefined) askTimer = setTimeout(() => ((askTimer = undefined), ask()), ms);
  };

  // Read the relay's state vector from its step 1 as it passes to the stock handler.
  const stock = provider.messageHandlers[MESSAGE_SYNC];
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) {
      pending.confirmed(Y.decodeStateVector(decoding.readVarUint8Array(peek)));
      if (pending.pending.get() > 0) askSoon(ASK_WHILE_PENDING_MS);
    }
    stock?.(encoder, decoder, p, emitSynced, type);
  };
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    askSoon(ASK_AFTER_EDIT_MS);
    if (++editsSinceAsked >= SIZE_EVERY && state.get() === 'online') {
      editsSinceAsked = 0;
      askAccess();
    }
  };
  doc.on('update', onUpdate);

  let lastProbe = 0;
  const probe = () => {
    if (Date.now() - lastProbe < PROBE_EVERY_MS || stopped()) return;
    lastProbe = Date.now();
    void checkAccess(id, token).then((r) => {
      if (r.kind !== 'denied') return;
      denied = r.message;
      provider.disconnect();
      state.set(r.trashed ? 'trashed' : 'denied');
    });
  };
  const lost = () => {
    if (stopped()) return;
    if (!navigator.onLine) state.set('offline');
    else {
      state.set(everOnline ? 'reconnecting' : 'connecting');
      probe();
    }
  };
  provider.on('sync', (synced: boolean) => {
    if (!synced || stopped()) return;
    everOnline = true;
    state.set('online');
    ask();
    // A role changed while connected closes the connection (1013) and it comes back with the new
    // one; so does one changed while offline. Each sync asks which, so the page can follow.
    askAccess();
  });
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') lost();
  });
  provider.on('connection-close', lost);
  provider.on('connection-error', lost);
  // 4400-4499 (the relay closes with 4401 when a token is revoked): the provider stops retrying.
  provider.on('closed', ({ code, reason }: { code: number; reason: string }) => {
    denied = reason || undefined;
    deniedCode = code;
    state.set(code === CLOSE_TRASHED ? 'trashed' : 'denied');
  });

  // The browser knows when the network is gone: stop trying until it is back, then sync at once.
  const offline = () => {
    provider.disconnect();
    if (!stopped()) state.set('offline');
  };
  const online = () => {
    if (stopped()) return;
    state.set(everOnline ? 'reconnecting' : 'connecting');
    if (ready) provider.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  void deviceKey().then((key) => {
    if (destroyed) return;
    provider.protocols = relayProtocols(token, key);
    ready = true;
    if (navigator.onLine) provider.connect();
  });

  return {
    state,
    deniedMessage: () => denied,
    deniedCode: () => deniedCode,
    provider,
    role,
    size,
    firstSync: () =>
      new Promise((resolve) => {
        if (provider.synced) return resolve(true);
        if (stopped()) return resolve(false);
        const offSync = (s: boolean) => s && done(true);
        const offState = state.subscribe((s) => (s === 'denied' || s === 'trashed') && done(false));
        const done = (ok: boolean) => {
          provider.off('sync', offSync);
          offState();
          resolve(ok);
        };
        provider.on('sync', offSync);
      }),
    destroy: () => {
      destroyed = true;
      if (askTimer !== undefined) clearTimeout(askTimer);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      doc.off('update', onUpdate);
      provider.destroy();
    },
  };
};
