/**
 * The relay: authorises websocket upgrades (before anything of a workbook is loaded), keeps one
 * room per open workbook, unloads rooms nobody uses, watches the store for token revocations made
 * elsewhere (the rooms watch their own workbooks), and shuts down cleanly. It knows the store only
 * by its contract (store/contract.ts).
 *
 * Editors and viewers are accepted by two websocket servers that differ only in the largest
 * message they take (ws sets it per server): an editor's backlog arrives as one sync message, up
 * to MAX_SYNC_BYTES; a viewer never needs more than MAX_MESSAGE_BYTES. A workbook whose stored
 * size is over MAX_ROOM_BYTES is not loaded: loading is one Yjs transaction that would stall
 * every room for as long as it takes.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { checkAccess } from '../access.ts';
import type { RelayConfig } from '../config.ts';
import { clientAddress } from '../http/client-address.ts';
import { HttpError } from '../http/http-error.ts';
import { parseTarget } from '../http/request-path.ts';
import { throttledLog, type ThrottledLog } from '../log-throttle.ts';
import { Compactor } from '../store/compactor.ts';
import type { SpaceRelay } from '../http/space-api.ts';
import { Activity } from '../spaces/activity.ts';
import { connectionOwner } from '../spaces/member-owner.ts';
import { SpaceUsage } from '../spaces/space-usage.ts';
import { purgeExpiredTrash } from '../spaces/trash-sweep.ts';
import type { Store, Unsubscribe } from '../store/contract.ts';
import { errorMessage, type Logger } from '../log.ts';
import { RATE_LIMITED_DELAY_MS, type Client, type ClientLimits } from './client-limits.ts';
import { Connection, type ConnectionOptions } from './connection.ts';
import { CLOSE } from './protocol.ts';
import { DelayHistogram, type DelayCounts } from './delay-histogram.ts';
import type { Room, RoomHooks, RoomPeer } from './room.ts';
import { RoomLoader, RoomTooBigError } from './room-loader.ts';
import type { SocketGuard } from './socket-guard.ts';
import { selectProtocol, upgradeDevice, upgradeToken } from './subprotocol.ts';

const LIVENESS_MS = 30_000;
/** Tokens are checked again this often too, whatever the store told: a lost notification cannot keep a revoked link open for long. */
const TOKEN_RECHECK_MS = 60_000;

/** Counts for /healthz. */
export interface RelayStats {
  rooms: number;
  connections: number;
  unauthenticated: number;
  /** How long updates stayed in the relay (arrival → relayed, commit included), by bucket. */
  relayDelayMs: DelayCounts;
}

/** Answers an upgrade request with a plain HTTP error and closes the socket: no websocket, no data. */
const refuse = (socket: Duplex, status: number, message: string, headers: Record<string, string> = {}): void => {
  const body = `${message}\n`;
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};

/** A 429 for an upgrade over the rate limit, sent after RATE_LIMITED_DELAY_MS. */
const refuseSlowly = (socket: Duplex, message: string, retryAfter: number): void => {
  setTimeout(() => {
    if (!socket.destroyed) refuse(socket, 429, message, { 'Retry-After': String(retryAfter) });
  }, RATE_LIMITED_DELAY_MS).unref();
};

/** The y-websocket relay of one process. */
export class Relay implements SpaceRelay {
  private readonly editors: WebSocketServer;
  private readonly viewers: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  /** Rooms being loaded, and rooms being unloaded (a new load of the same workbook waits for that). */
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly conns = new Set<Connection>();
  private readonly compactor: Compactor;
  private readonly loader: RoomLoader;
  private readonly connOptions: ConnectionOptions;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly delays = new DelayHistogram();
  private readonly unwatch: Unsubscribe;
  private readonly refusals: ThrottledLog;
  private readonly publicOrigin: string | undefined;
  /** Who each connection is, as lists name the last change (a member's name, or a link's label). */
  private readonly names = new WeakMap<RoomPeer, string>();
  private readonly activity: Activity;
  /** Each space's stored bytes, kept running for its byte quota. */
  private readonly usage: SpaceUsage;
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly config: RelayConfig,
    private readonly log: Logger,
    private readonly guard: SocketGuard,
    private readonly clients: ClientLimits,
  ) {
    const options = { noServer: true, perMessageDeflate: false, clientTracking: false, handleProtocols: selectProtocol } as const;
    this.editors = new WebSocketServer({ ...options, maxPayload: config.maxSyncBytes });
    this.viewers = new WebSocketServer({ ...options, maxPayload: config.maxMessageBytes });
    this.refusals = throttledLog(log);
    this.publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : undefined;
    this.compactor = new Compactor(
      log,
      store,
      (reply) => {
        if (reply.ok && reply.compacted) void this.recordName(reply.job.workbook, reply.name);
      },
      config.maxRoomBytes,
    );
    this.usage = new SpaceUsage(store);
    const hooks: RoomHooks = {
      log,
      graceMs: config.roomGraceMs,
      compactAfter: config.compactAfter,
      maxRoomBytes: config.maxRoomBytes,
      onIdle: (room) => this.unload(room),
      onFailed: (room) => {
        if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
        if (this.rooms.size === 0) this.compactor.warm(false);
      },
      compact: (job) => this.compactor.request(job),
      compactionNear: () => this.compactor.warm(true),
      relayed: (ms) => this.delays.record(ms),
      checkGrowth: (room, bytes) => this.usage.check(room.id, bytes),
      committed: (room, from, bytes) => {
        this.usage.stored(room.id, bytes);
        const names = [...new Set(from.map((p) => this.names.get(p)).filter((n) => n !== undefined))];
        this.activity.changed(room.id, names.length > 0 ? names.join(', ') : null, bytes);
      },
    };
    this.loader = new RoomLoader(store, config, log, hooks);
    const bytesBurst = (maxMessage: number) => Math.max(config.bytesPerSecond, 2 * maxMessage);
    this.connOptions = {
      log,
      clients,
      maxBufferedBytes: config.maxBufferedBytes,
      maxMessageBytes: config.maxMessageBytes,
      maxSyncBytes: config.maxSyncBytes,
      replies: { perSecond: config.replyBytesPerSecond, burst: 2 * config.maxRoomBytes },
      limits: {
        messagesPerSecond: config.messagesPerSecond,
        messageBurst: config.messageBurst,
        bytesPerSecond: config.bytesPerSecond,
        byteBurst: bytesBurst(config.maxSyncBytes),
      },
    };
    this.unwatch = store.catalog.watch(() => {
      // A damaged workbook restored meanwhile (restore --replace) may be read again at once.
      this.loader.forgetFailures();
      void this.usage.refresh().catch((err: unknown) => log.error('catalog.read_failed', { message: errorMessage(err) }));
      void this.recheckTokens();
    });
    this.timers.push(setInterval(() => this.checkLiveness(), LIVENESS_MS));
    this.timers.push(setInterval(() => void this.recheckTokens(), TOKEN_RECHECK_MS));
    this.activity = new Activity(store, log);
    // Workbooks in a space's trash for 30 days are purged: now, and every hour.
    const sweep = () => void purgeExpiredTrash(store, log, Date.now()).catch((err: unknown) => log.error('trash.sweep_failed', { message: errorMessage(err) }));
    sweep();
    this.timers.push(setInterval(sweep, 60 * 60 * 1000));
  }

  /** Closes a member's open connections: for good when removed, else (a new role) they reconnect with it. */
  closeMember(memberId: string, removed: boolean): void {
    for (const conn of [...this.conns]) {
      if (conn.tokenId !== memberId) continue;
      if (removed) conn.close(CLOSE.revoked, 'access revoked');
      else conn.close(CLOSE.tryAgainLater, 'role changed, reconnect');
    }
  }

  /** Closes the open connections of a workbook that went to the trash. */
  closeWorkbook(id: string): void {
    for (const conn of [...this.conns]) if (conn.room.id === id) conn.close(CLOSE.trashed, 'This workbook was moved to the trash of its space.');
  }

  /** Notes a member's activity (shown to the space's owners). */
  seen(memberId: string): void {
    this.activity.seen(memberId);
  }

  stats(): RelayStats {
    return { rooms: this.rooms.size, connections: this.conns.size, unauthenticated: this.guard.count, relayDelayMs: this.delays.toJSON() };
  }

  /** Handles an HTTP upgrade to `ws://HOST:PORT/<workbookId>` (token in the protocol entries or `?token=`). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}); // a client resetting mid-handshake is not an error of ours
    const ip = clientAddress(req, this.config.trustProxy);
    if (this.closing) return refuse(socket, 503, 'The relay is shutting down; try again in a moment.');
    let target: ReturnType<typeof parseTarget>;
    try {
      target = parseTarget(req.url);
    } catch (err) {
      return refuse(socket, 400, err instanceof HttpError ? err.message : 'Bad request.');
    }
    const origin = req.headers.origin;
    if (this.publicOrigin && origin !== undefined && origin !== this.publicOrigin) {
      this.refusals.write('info', 'conn.rejected', { status: 403, reason: 'origin', ip });
      return refuse(socket, 403, 'This relay takes connections only from its own pages (PUBLIC_URL).');
    }
    const client: Client = { address: ip, tokenId: null };
    if (!this.clients.request(client)) {
      this.refusals.write('warn', 'conn.rate_limited', { ip });
      return refuseSlowly(socket, 'Too many connections from this address; try again in a moment.', this.clients.retryAfter(client));
    }
    const id = target.segments.length === 1 ? (target.segments[0] ?? '') : '';
    const device = upgradeDevice(req);
    if (device === null) return refuse(socket, 400, 'The device key sent with the connection is not one this app makes; reload the page.');
    void this.admit(req, socket, head, id, upgradeToken(req, target.query), client, device).catch((err: unknown) => {
      this.log.error('conn.upgrade_failed', { workbook: id, message: errorMessage(err) });
      refuse(socket, 503, 'The relay cannot answer right now; try again in a moment.');
    });
  }

  /** Checks access, loads the room when needed, and completes the upgrade into it. */
  private async admit(req: IncomingMessage, socket: Duplex, head: Buffer, id: string, token: string | null | undefined, client: Client, device: string | undefined): Promise<void> {
    const ip = client.address;
    const access = await checkAccess(this.store, this.config.auth, id, token);
    if (!access.ok) {
      this.refusals.write('info', 'conn.rejected', { status: access.status, workbook: access.status === 400 ? undefined : id, ip });
      return refuse(socket, access.status, access.message);
    }
    client.tokenId = access.tokenId;
    if (access.tokenId !== null && !this.clients.requestOfToken(access.tokenId)) {
      this.refusals.write('warn', 'conn.rate_limited', { ip, workbook: id });
      return refuseSlowly(socket, 'Too many connections with this link; try again in a moment.', this.clients.retryAfter(client));
    }
    await this.usage.prime(id);
    if (this.closing) return refuse(socket, 503, 'The relay is shutting down; try again in a moment.');
    let room = this.rooms.get(id);
    let tooBig: RoomTooBigError | null = null;
    if (!room) {
      try {
        room = await this.roomFor(id);
      } catch (err) {
        if (!(err instanceof RoomTooBigError)) return refuse(socket, 500, this.loader.explain(id, err));
        tooBig = err;
      }
    }
    const loaded = room;
    const wss = access.role === 'editor' ? this.editors : this.viewers;
    wss.handleUpgrade(req, socket, head, (ws) => {
      this.guard.upgraded(socket as Socket);
      // Told over the websocket, where the app shows it (after a 44xx close a stock client stops retrying).
      if (tooBig) return ws.close(CLOSE.roomTooBig, tooBig.reason);
      if (!loaded || this.rooms.get(id) !== loaded) return ws.close(CLOSE.tryAgainLater, 'room closed, reconnect');
      // A browser is its device; a client without one (a stock script) is its token; a member's connection names the member too.
      const owner = connectionOwner(device, access.tokenId, access.member);
      const conn = new Connection(ws, loaded, access.role, access.tokenId, owner, client, this.connOptions, (c) => this.conns.delete(c));
      this.conns.add(conn);
      if (access.member) {
        this.names.set(conn, access.member.name);
        this.activity.seen(access.member.memberId);
      }
      loaded.join(conn);
      this.log.info('conn.opened', { conn: conn.id, workbook: id, role: access.role, ip, owner });
    });
  }

  /**
   * The whole stored workbook as one update, for GET /state: from its room (loaded for this when it
   * is not), so a cached encode answers. Throws HttpError (429, 500, 507).
   */
  async wholeState(id: string, client: Client): Promise<{ update: Uint8Array; schema: number }> {
    if (!this.clients.mayEncode(client)) throw new HttpError(429, 'This workbook was asked for too often; try again in a few seconds.', { 'Retry-After': '5' });
    let room = this.rooms.get(id);
    if (!room) {
      try {
        room = await this.roomFor(id);
      } catch (err) {
        if (err instanceof RoomTooBigError) throw new HttpError(507, `${err.reason} Ask the person who runs the relay to raise MAX_ROOM_BYTES.`);
        throw new HttpError(500, this.loader.explain(id, err));
      }
    }
    const loaded = room;
    const state = await new Promise<{ update: Uint8Array; encodeMs: number; schema: number } | null>((resolve) => loaded.wholeState(resolve));
    if (!state) throw new HttpError(503, 'The relay could not store the latest changes of this workbook; try again in a moment.');
    this.clients.encoded(client, state.encodeMs);
    return { update: state.update, schema: state.schema };
  }

  /** Closes every connection (1001), unloads every room (committing what is pending) and stops the compactor. */
  async close(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    this.unwatch();
    // Rooms still loading are closed as they arrive (see load).
    await Promise.allSettled([...this.loading.values()]);
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all([...rooms.map((room) => room.close(CLOSE.goingAway, 'relay shutting down')), ...this.unloading.values()]);
    await this.compactor.close();
    await this.activity.close();
    const deadline = Date.now() + 1500;
    while (this.conns.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const c of this.conns) c.ws.terminate();
  }

  /** The room of `id`: one load at a time per workbook, shared by every connection that waits for it. */
  private roomFor(id: string): Promise<Room> {
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, loading);
    }
    return loading;
  }

  private async load(id: string): Promise<Room> {
    // What an unloading room of this workbook still commits must be in what this one reads.
    await this.unloading.get(id);
    const room = await this.loader.load(id);
    if (this.closing) {
      await room.destroy();
      throw new Error('the relay is shutting down');
    }
    this.rooms.set(id, room);
    return room;
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    if (this.rooms.size === 0) this.compactor.warm(false);
    const done = room.destroy().finally(() => {
      if (this.unloading.get(room.id) === done) this.unloading.delete(room.id);
    });
    this.unloading.set(room.id, done);
    this.log.info('room.unloaded', { workbook: room.id, rooms: this.rooms.size });
  }

  /** Records a compacted workbook's name in the catalog (it is what listings show). */
  private async recordName(id: string, name: string): Promise<void> {
    try {
      if (await this.store.catalog.has(id)) await this.store.catalog.setWorkbookName(id, name);
    } catch (err) {
      this.log.error('catalog.write_failed', { message: errorMessage(err) });
    }
  }

  /** Closes connections whose token was revoked (by the CLI) since they connected. */
  private async recheckTokens(): Promise<void> {
    for (const conn of [...this.conns]) {
      try {
        if (conn.tokenId !== null && !(await this.store.catalog.isActive(conn.tokenId))) conn.close(CLOSE.revoked, 'access revoked');
      } catch (err) {
        this.log.error('catalog.poll_failed', { message: errorMessage(err) });
        return;
      }
    }
  }

  private checkLiveness(): void {
    for (const conn of this.conns) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.ws.ping();
      } catch {
        conn.ws.terminate();
      }
    }
  }
}
