/**
 * Caps the connections that are not (yet) an authorised websocket: at most `max` at a time, each
 * for at most `timeoutMs` unless it is being served an HTTP response. Beyond the cap new
 * connections are dropped at once, so idle or slow clients cannot use up the process.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../log.ts';

interface Pending {
  timer: NodeJS.Timeout;
  /** Requests on this socket that have not finished. */
  busy: number;
}

/** Tracks sockets until they are upgraded. */
export class SocketGuard {
  private readonly pending = new Map<Socket, Pending>();
  private refused = 0;

  constructor(
    server: Server,
    private readonly max: number,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {
    server.on('connection', (socket: Socket) => this.admit(socket));
  }

  /** Sockets currently unauthenticated. */
  get count(): number {
    return this.pending.size;
  }

  /** The socket became an authorised websocket: no longer limited here. */
  upgraded(socket: Socket): void {
    const p = this.pending.get(socket);
    if (p) clearTimeout(p.timer);
    this.pending.delete(socket);
  }

  /** An HTTP request started on `socket`; call the returned function when its response is done. */
  busy(socket: Socket): () => void {
    const p = this.pending.get(socket);
    if (!p) return () => {};
    p.busy++;
    let done = false;
    return () => {
      if (!done) p.busy--;
      done = true;
    };
  }

  private admit(socket: Socket): void {
    if (this.pending.size >= this.max) {
      if (this.refused++ % 100 === 0) this.log.warn('conn.refused_over_cap', { unauthenticated: this.pending.size, refused: this.refused });
      socket.destroy();
      return;
    }
    const p: Pending = { timer: setTimeout(() => this.expire(socket), this.timeoutMs), busy: 0 };
    this.pending.set(socket, p);
    socket.once('close', () => {
      clearTimeout(p.timer);
      this.pending.delete(socket);
    });
  }

  private expire(socket: Socket): void {
    const p = this.pending.get(socket);
    if (!p) return;
    if (p.busy > 0) {
      p.timer = setTimeout(() => this.expire(socket), this.timeoutMs);
      return;
    }
    this.pending.delete(socket);
    socket.destroy();
  }
}
