/**
 * Guards the connections that are not (yet) an authorised websocket, so that no client can use
 * them up for the others:
 * - at most `max` at a time, and at most `maxPerAddress` from one address: when a new connection
 *   would pass either cap, the oldest idle one (of that address, or of all) is closed to make room
 *   (a browser reopens a closed keep-alive connection by itself), and only when every one of them
 *   is busy is the new connection refused. Idle sockets, however many, thus lock nobody out.
 * - a connection is closed `timeoutMs` after it opened or last started a request, unless it is
 *   serving a response that makes progress (a client that never reads what it asked for is cut off like an idle one);
 * - at most `maxInFlight` requests at a time on one connection (pipelined requests beyond that
 *   close it: browsers never pipeline, and each unanswered request holds a response in memory).
 * Behind a proxy on this host (TRUST_PROXY), the proxy's connections are not capped per address:
 * they carry every client, which are limited per address by the API and relay limits instead.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../log.ts';
import { addressKey, isLoopbackAddress } from '../http/client-address.ts';

interface Pending {
  socket: Socket;
  key: string;
  timer: NodeJS.Timeout;
  /** Requests on this socket whose response has not finished. */
  busy: number;
  /** Bytes handed to the network when the timer last looked: a busy socket must have moved on since. */
  written: number;
}

/** Settings of the guard. */
export interface SocketGuardOptions {
  max: number;
  maxPerAddress: number;
  timeoutMs: number;
  trustProxy: boolean;
  maxInFlight?: number;
}

/** Tracks sockets until they are upgraded. */
export class SocketGuard {
  // Insertion order is age order: the first idle one found is the oldest.
  private readonly pending = new Map<Socket, Pending>();
  private readonly perKey = new Map<string, number>();
  private refused = 0;
  private evicted = 0;
  private readonly maxInFlight: number;

  constructor(
    server: Server,
    private readonly opts: SocketGuardOptions,
    private readonly log: Logger,
  ) {
    this.maxInFlight = opts.maxInFlight ?? 8;
    server.on('connection', (socket: Socket) => this.admit(socket));
  }

  /** Sockets currently unauthenticated. */
  get count(): number {
    return this.pending.size;
  }

  /** The socket became an authorised websocket: no longer limited here. */
  upgraded(socket: Socket): void {
    this.forget(socket);
  }

  /**
   * An HTTP request started on `socket`: returns the function to call when its response is done,
   * or null when the socket has too many requests in flight (it is then closed).
   */
  busy(socket: Socket): (() => void) | null {
    const p = this.pending.get(socket);
    if (!p) return () => {};
    if (p.busy >= this.maxInFlight) {
      socket.destroy();
      return null;
    }
    p.busy++;
    // The idle time counts from the last request.
    clearTimeout(p.timer);
    p.timer = setTimeout(() => this.expire(socket), this.opts.timeoutMs);
    let done = false;
    return () => {
      if (!done) p.busy--;
      done = true;
    };
  }

  private admit(socket: Socket): void {
    const address = socket.remoteAddress ?? '';
    const capped = !(this.opts.trustProxy && isLoopbackAddress(address));
    const key = capped ? addressKey(address.replace(/^::ffff:(?=\d+\.)/, '')) : '';
    const fromKey = this.perKey.get(key) ?? 0;
    if ((capped && fromKey >= this.opts.maxPerAddress && !this.evictIdle(key)) || (this.pending.size >= this.opts.max && !this.evictIdle(null))) {
      if (this.refused++ % 100 === 0) this.log.warn('conn.refused_over_cap', { unauthenticated: this.pending.size, fromAddress: fromKey, refused: this.refused });
      socket.destroy();
      return;
    }
    const p: Pending = { socket, key, timer: setTimeout(() => this.expire(socket), this.opts.timeoutMs), busy: 0, written: 0 };
    this.pending.set(socket, p);
    this.perKey.set(key, fromKey + 1);
    socket.once('close', () => this.forget(socket));
  }

  /** Closes the oldest idle socket (of `key`, or of any when null); false when every one is busy. */
  private evictIdle(key: string | null): boolean {
    for (const p of this.pending.values()) {
      if (p.busy > 0 || (key !== null && p.key !== key)) continue;
      if (this.evicted++ % 100 === 0) this.log.info('conn.idle_closed_for_room', { evicted: this.evicted });
      this.forget(p.socket);
      p.socket.destroy();
      return true;
    }
    return false;
  }

  private forget(socket: Socket): void {
    const p = this.pending.get(socket);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(socket);
    const n = (this.perKey.get(p.key) ?? 1) - 1;
    if (n > 0) this.perKey.set(p.key, n);
    else this.perKey.delete(p.key);
  }

  private expire(socket: Socket): void {
    const p = this.pending.get(socket);
    if (!p) return;
    // bytesWritten counts what is still queued in the process too: progress is what left it.
    const sent = socket.bytesWritten - socket.writableLength;
    if (p.busy > 0 && sent > p.written) {
      p.written = sent;
      p.timer = setTimeout(() => this.expire(socket), this.opts.timeoutMs);
      return;
    }
    this.forget(socket);
    socket.destroy();
  }
}
