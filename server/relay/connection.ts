/**
 * One client's websocket, after it was authorised: rate limit, decoding, and hand-over to its room.
 * Anything wrong with what it sends closes this connection only. What the relay sends it in reply
 * to its asks is charged to it: the bytes to this connection, the encoding time to its client
 * (address and token, see ClientLimits); a connection that keeps asking is closed with 1008.
 */
import type { RawData, WebSocket } from 'ws';
import type { Role } from '../store/tokens.ts';
import { errorMessage, type Logger } from '../log.ts';
import type { Client, ClientLimits } from './client-limits.ts';
import { SpaceFullError } from '../spaces/space-usage.ts';
import { CLOSE, parseMessage, ProtocolError } from './protocol.ts';
import { RateLimiter, type RateLimits } from './rate-limiter.ts';
import { RoomFullError, type Room, type RoomPeer } from './room.ts';
import { TokenBucket, type BucketLimits } from './token-bucket.ts';

let nextId = 1;

const bytesOf = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
};

/** True for a sync step 2 or update (the messages an editor's backlog travels in), from its first two bytes. */
const isSyncUpdate = (b: Uint8Array): boolean => b[0] === 0 && (b[1] === 1 || b[1] === 2);

/** Settings of a connection. */
export interface ConnectionOptions {
  limits: RateLimits;
  /** Bytes of replies it may be sent (REPLY_RATE_LIMIT_BYTES, burst 2 × MAX_ROOM_BYTES). */
  replies: BucketLimits;
  clients: ClientLimits;
  maxBufferedBytes: number;
  /** Largest message other than an editor's sync update (ws enforces it for viewers). */
  maxMessageBytes: number;
  /** Largest sync update of an editor (ws enforces it for editors). */
  maxSyncBytes: number;
  log: Logger;
}

/** An authorised client connection in a room. */
export class Connection implements RoomPeer {
  readonly id = nextId++;
  /** Answered the last ping (checked by the relay's liveness sweep). */
  alive = true;
  private readonly limiter: RateLimiter;
  private readonly replies: TokenBucket;
  private closing = false;
  private dropped = 0;
  private readonly opened = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly role: Role,
    readonly tokenId: string | null,
    /** Who it writes as (see ClientOwners). */
    readonly owner: string,
    /** Who it is, for the limits shared by all of a client's connections. */
    readonly client: Client,
    private readonly opts: ConnectionOptions,
    onClosed: (conn: Connection) => void,
  ) {
    this.limiter = new RateLimiter(opts.limits);
    this.replies = new TokenBucket(opts.replies);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    // ws reports protocol violations here (a frame over maxPayload: it closes with 1009 itself).
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        // A stock client sends all its unsynced changes in one message: a big offline change can exceed the limit.
        this.tooBig(role === 'editor' ? 'MAX_SYNC_BYTES' : 'MAX_MESSAGE_BYTES');
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

  mayAsk(): boolean {
    return this.replies.allows() && this.opts.clients.mayEncode(this.client);
  }

  charge(bytes: number, encodeMs: number): void {
    this.replies.charge(bytes);
    this.opts.clients.sent(this.client, bytes);
    this.opts.clients.encoded(this.client, encodeMs);
  }

  private tooBig(setting: 'MAX_SYNC_BYTES' | 'MAX_MESSAGE_BYTES'): void {
    // A stock client sends all its unsynced changes in one message: a big offline change can exceed the limit.
    this.opts.log.warn('conn.message_too_big', {
      conn: this.id,
      workbook: this.room.id,
      role: this.role,
      limit: setting === 'MAX_SYNC_BYTES' ? this.opts.maxSyncBytes : this.opts.maxMessageBytes,
      hint:
        setting === 'MAX_SYNC_BYTES'
          ? 'if an editor keeps reconnecting with a large change, raise MAX_SYNC_BYTES'
          : 'only an editor\'s sync messages may be larger; raise MAX_MESSAGE_BYTES if such messages are expected',
    });
  }

  droppedWrite(): void {
    if (this.dropped++ === 0) this.opts.log.info('conn.viewer_write_dropped', { conn: this.id, workbook: this.room.id });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    const bytes = bytesOf(data);
    if (!isBinary) return this.close(CLOSE.unsupportedData, 'binary messages only');
    if (!this.limiter.take(bytes.byteLength)) return this.close(CLOSE.policy, 'rate limit exceeded');
    // Editors' sync updates may be up to MAX_SYNC_BYTES (ws let them through); everything else not.
    if (bytes.byteLength > this.opts.maxMessageBytes && !(this.role === 'editor' && isSyncUpdate(bytes))) {
      this.tooBig('MAX_MESSAGE_BYTES');
      return this.close(CLOSE.tooBig, 'message too big');
    }
    try {
      this.room.receive(this, parseMessage(bytes));
    } catch (err) {
      if (err instanceof RoomFullError) {
        this.opts.log.warn('room.full', { conn: this.id, workbook: this.room.id, message: err.message, hint: 'raise MAX_ROOM_BYTES to let the workbook grow' });
        this.close(CLOSE.roomTooBig, 'This change would make the workbook larger than the relay allows (MAX_ROOM_BYTES).');
      } else if (err instanceof SpaceFullError) {
        this.opts.log.warn('space.full', { conn: this.id, workbook: this.room.id, space: err.space, bytes: err.bytes, limit: err.limit, hint: 'raise the space quota (space quota) or purge its trash' });
        this.close(CLOSE.spaceFull, err.reason);
      } else if (err instanceof ProtocolError) {
        this.opts.log.warn('conn.malformed_message', { conn: this.id, workbook: this.room.id, message: err.message });
        this.close(err.closeCode ?? CLOSE.invalidData, err.closeCode === undefined ? 'malformed message' : 'write refused');
      } else {
        this.opts.log.error('conn.message_failed', { conn: this.id, workbook: this.room.id, message: errorMessage(err) });
        this.close(CLOSE.internal, 'internal error');
      }
    }
  }
}
