/**
 * One client's websocket, after it was authorised: rate limit, decoding, and hand-over to its room.
 * Anything wrong with what it sends closes this connection only.
 */
import type { RawData, WebSocket } from 'ws';
import type { Role } from '../store/tokens.ts';
import { errorMessage, type Logger } from '../log.ts';
import { CLOSE, parseMessage, ProtocolError } from './protocol.ts';
import { RateLimiter, type RateLimits } from './rate-limiter.ts';
import type { Room, RoomPeer } from './room.ts';

let nextId = 1;

const bytesOf = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
};

/** Settings of a connection. */
export interface ConnectionOptions {
  limits: RateLimits;
  maxBufferedBytes: number;
  /** Only for the log line when a client exceeds it (ws enforces it). */
  maxMessageBytes: number;
  log: Logger;
}

/** An authorised client connection in a room. */
export class Connection implements RoomPeer {
  readonly id = nextId++;
  /** Answered the last ping (checked by the relay's liveness sweep). */
  alive = true;
  private readonly limiter: RateLimiter;
  private closing = false;
  private dropped = 0;
  private readonly opened = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly role: Role,
    readonly tokenId: string | null,
    private readonly opts: ConnectionOptions,
    onClosed: (conn: Connection) => void,
  ) {
    this.limiter = new RateLimiter(opts.limits);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    // ws reports protocol violations here (a frame over maxPayload: it closes with 1009 itself).
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        // A stock client sends all its unsynced changes in one message: a big offline change can exceed the limit.
        opts.log.warn('conn.message_too_big', {
          conn: this.id,
          workbook: room.id,
          limit: opts.maxMessageBytes,
          hint: 'if a client keeps reconnecting with a large change, raise MAX_MESSAGE_BYTES',
        });
      } else opts.log.warn('conn.error', { conn: this.id, workbook: room.id, message: errorMessage(err) });
    });
    ws.on('close', (code) => {
      this.closing = true;
      room.leave(this);
      opts.log.info('conn.closed', {
        conn: this.id,
        workbook: room.id,
        code,
        seconds: Math.round((Date.now() - this.opened) / 1000),
        droppedViewerWrites: this.dropped || undefined,
      });
      onClosed(this);
    });
  }

  /** Sends a message; a client that does not read what it is sent is disconnected. */
  send(data: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.opts.maxBufferedBytes) {
      this.close(CLOSE.tryAgainLater, 'not reading fast enough');
      return;
    }
    this.ws.send(data);
  }

  /** Closes with a code and a short reason (no data of the workbook in it). */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.opts.log.info('conn.closing', { conn: this.id, workbook: this.room.id, code, reason });
    this.ws.close(code, reason);
    // A client that does not answer the closing handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }

  droppedWrite(): void {
    if (this.dropped++ === 0) this.opts.log.info('conn.viewer_write_dropped', { conn: this.id, workbook: this.room.id });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    const bytes = bytesOf(data);
    if (!isBinary) return this.close(CLOSE.unsupportedData, 'binary messages only');
    if (!this.limiter.take(bytes.byteLength)) return this.close(CLOSE.policy, 'rate limit exceeded');
    try {
      this.room.receive(this, parseMessage(bytes));
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.opts.log.warn('conn.malformed_message', { conn: this.id, workbook: this.room.id, message: err.message });
        this.close(err.closeCode ?? CLOSE.invalidData, err.closeCode === undefined ? 'malformed message' : 'write refused');
      } else {
        this.opts.log.error('conn.message_failed', { conn: this.id, workbook: this.room.id, message: errorMessage(err) });
        this.close(CLOSE.internal, 'internal error');
      }
    }
  }
}
