/**
 * The relay: authorises websocket upgrades (before anything of a workbook is loaded), keeps one
 * room per open workbook, unloads rooms nobody uses, watches the store for CLI writes and token
 * revocations, and shuts down cleanly.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { checkAccess } from '../access.ts';
import type { RelayConfig } from '../config.ts';
import { Compactor } from '../store/compactor.ts';
import type { Store } from '../store/store.ts';
import { errorMessage, type Logger } from '../log.ts';
import { Connection, type ConnectionOptions } from './connection.ts';
import { CLOSE } from './protocol.ts';
import { DelayHistogram, type DelayCounts } from './delay-histogram.ts';
import { Room, type RoomHooks } from './room.ts';
import type { SocketGuard } from './socket-guard.ts';

const LIVENESS_MS = 30_000;

/** Counts for /healthz. */
export interface RelayStats {
  rooms: number;
  connections: number;
  unauthenticated: number;
  /** How long updates stayed in the relay (arrival → relayed, commit included), by bucket. */
  relayDelayMs: DelayCounts;
}

/** Answers an upgrade request with a plain HTTP error and closes the socket: no websocket, no data. */
const refuse = (socket: Duplex, status: number, message: string): void => {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};

/** The y-websocket relay of one process. */
export class Relay {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly conns = new Set<Connection>();
  private readonly compactor: Compactor;
  private readonly hooks: RoomHooks;
  private readonly connOptions: ConnectionOptions;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly delays = new DelayHistogram();
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly config: RelayConfig,
    private readonly log: Logger,
    private readonly guard: SocketGuard,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
    this.compactor = new Compactor(log, (reply) => {
      if (reply.ok && reply.compacted && this.store.has(reply.job.workbook)) this.store.catalog.setWorkbookName(reply.job.workbook, reply.name);
    });
    this.hooks = {
      log,
      graceMs: config.roomGraceMs,
      compactAfter: config.compactAfter,
      onIdle: (room) => this.unload(room),
      onFailed: (room) => {
        if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
      },
      compact: (job) => this.compactor.request(job),
      relayed: (ms) => this.delays.record(ms),
    };
    this.connOptions = {
      log,
      maxBufferedBytes: config.maxBufferedBytes,
      maxMessageBytes: config.maxMessageBytes,
      limits: {
        messagesPerSecond: config.messagesPerSecond,
        messageBurst: config.messageBurst,
        bytesPerSecond: config.bytesPerSecond,
        byteBurst: Math.max(config.bytesPerSecond, 2 * config.maxMessageBytes),
      },
    };
    this.timers.push(setInterval(() => this.pollStore(), config.storePollMs));
    this.timers.push(setInterval(() => this.checkLiveness(), LIVENESS_MS));
  }

  stats(): RelayStats {
    return { rooms: this.rooms.size, connections: this.conns.size, unauthenticated: this.guard.count, relayDelayMs: this.delays.toJSON() };
  }

  /** Handles an HTTP upgrade to `ws://HOST:PORT/<workbookId>?token=…`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}); // a client resetting mid-handshake is not an error of ours
    const ip = req.socket.remoteAddress;
    if (this.closing) return refuse(socket, 503, 'The relay is shutting down; try again in a moment.');
    const url = new URL(req.url ?? '/', 'http://relay');
    let id = '';
    try {
      id = decodeURIComponent(url.pathname.slice(1));
    } catch {
      // stays '' and is refused as not a workbook id
    }
    const access = checkAccess(this.store, this.config.auth, id, url.searchParams.get('token'));
    if (!access.ok) {
      this.log.info('conn.rejected', { status: access.status, workbook: access.status === 400 ? undefined : id, ip });
      return refuse(socket, access.status, access.message);
    }
    let room = this.rooms.get(id);
    if (!room) {
      try {
        room = this.load(id);
      } catch (err) {
        this.log.error('room.load_failed', { workbook: id, message: errorMessage(err) });
        return refuse(socket, 503, 'This workbook cannot be loaded; the relay log says why.');
      }
    }
    const loaded = room;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.guard.upgraded(socket as Socket);
      if (this.rooms.get(id) !== loaded) {
        ws.close(CLOSE.tryAgainLater, 'room closed, reconnect');
        return;
      }
      const conn = new Connection(ws, loaded, access.role, access.tokenId, this.connOptions, (c) => this.conns.delete(c));
      this.conns.add(conn);
      loaded.join(conn);
      this.log.info('conn.opened', { conn: conn.id, workbook: id, role: access.role, ip });
    });
  }

  /** Closes every connection (1001), unloads every room and stops the compactor. */
  async close(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    for (const room of this.rooms.values()) room.close(CLOSE.goingAway, 'relay shutting down');
    this.rooms.clear();
    await this.compactor.close();
    const deadline = Date.now() + 1500;
    while (this.conns.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const c of this.conns) c.ws.terminate();
  }

  private load(id: string): Room {
    const t0 = performance.now();
    const file = this.store.openFile(id, { durability: this.config.durability, autoCheckpoint: false });
    const room = Room.load(id, file, this.hooks);
    this.rooms.set(id, room);
    this.log.info('room.loaded', { workbook: id, ms: Math.round(performance.now() - t0), rooms: this.rooms.size });
    return room;
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    room.destroy();
    this.log.info('room.unloaded', { workbook: room.id, rooms: this.rooms.size });
  }

  private pollStore(): void {
    try {
      if (this.store.catalog.changedElsewhere()) this.recheckTokens();
    } catch (err) {
      this.log.error('catalog.poll_failed', { message: errorMessage(err) });
    }
    for (const room of [...this.rooms.values()]) room.pullFromStore();
  }

  /** Closes connections whose token was revoked (by the CLI) since they connected. */
  private recheckTokens(): void {
    for (const conn of this.conns) {
      if (conn.tokenId !== null && !this.store.catalog.isActive(conn.tokenId)) conn.close(CLOSE.revoked, 'access revoked');
    }
  }

  private checkLiveness(): void {
    for (const conn of this.conns) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }
}
