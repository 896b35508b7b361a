/**
 * The relay: authorises websocket upgrades (before anything of a workbook is loaded), keeps one
 * room per open workbook, unloads rooms nobody uses, watches the store for token revocations made
 * elsewhere (the rooms watch their own workbooks), and shuts down cleanly. It knows the store only
 * by its contract (store/contract.ts).
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { checkAccess } from '../access.ts';
import type { RelayConfig } from '../config.ts';
import { Compactor } from '../store/compactor.ts';
import type { Store, Unsubscribe } from '../store/contract.ts';
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
  /** Rooms being loaded, and rooms being unloaded (a new load of the same workbook waits for that). */
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly conns = new Set<Connection>();
  private readonly compactor: Compactor;
  private readonly hooks: RoomHooks;
  private readonly connOptions: ConnectionOptions;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly delays = new DelayHistogram();
  private readonly unwatch: Unsubscribe;
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly config: RelayConfig,
    private readonly log: Logger,
    private readonly guard: SocketGuard,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
    this.compactor = new Compactor(log, store, (reply) => {
      if (reply.ok && reply.compacted) void this.recordName(reply.job.workbook, reply.name);
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
    this.unwatch = store.catalog.watch(() => void this.recheckTokens());
    this.timers.push(setInterval(() => this.checkLiveness(), LIVENESS_MS));
  }

  stats(): RelayStats {
    return { rooms: this.rooms.size, connections: this.conns.size, unauthenticated: this.guard.count, relayDelayMs: this.delays.toJSON() };
  }

  /** Handles an HTTP upgrade to `ws://HOST:PORT/<workbookId>?token=…`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}); // a client resetting mid-handshake is not an error of ours
    if (this.closing) return refuse(socket, 503, 'The relay is shutting down; try again in a moment.');
    const url = new URL(req.url ?? '/', 'http://relay');
    let id = '';
    try {
      id = decodeURIComponent(url.pathname.slice(1));
    } catch {
      // stays '' and is refused as not a workbook id
    }
    void this.admit(req, socket, head, id, url.searchParams.get('token')).catch((err: unknown) => {
      this.log.error('conn.upgrade_failed', { workbook: id, message: errorMessage(err) });
      refuse(socket, 503, 'The relay cannot answer right now; try again in a moment.');
    });
  }

  /** Checks access, loads the room when needed, and completes the upgrade into it. */
  private async admit(req: IncomingMessage, socket: Duplex, head: Buffer, id: string, token: string | null): Promise<void> {
    const ip = req.socket.remoteAddress;
    const access = await checkAccess(this.store, this.config.auth, id, token);
    if (!access.ok) {
      this.log.info('conn.rejected', { status: access.status, workbook: access.status === 400 ? undefined : id, ip });
      return refuse(socket, access.status, access.message);
    }
    if (this.closing) return refuse(socket, 503, 'The relay is shutting down; try again in a moment.');
    let loaded: Room;
    try {
      loaded = this.rooms.get(id) ?? (await this.roomFor(id));
    } catch (err) {
      this.log.error('room.load_failed', { workbook: id, message: errorMessage(err) });
      return refuse(socket, 503, 'This workbook cannot be loaded; the relay log says why.');
    }
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
    const t0 = performance.now();
    const log = await this.store.openLog(id);
    const room = await Room.load(id, log, this.hooks);
    if (this.closing) {
      await room.destroy();
      throw new Error('the relay is shutting down');
    }
    this.rooms.set(id, room);
    this.log.info('room.loaded', { workbook: id, ms: Math.round(performance.now() - t0), rooms: this.rooms.size });
    return room;
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
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
      conn.ws.ping();
    }
  }
}
