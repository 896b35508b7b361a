/**
 * Limits per client rather than per connection, shared by the HTTP API and the websocket relay, so
 * that opening more connections (or reconnecting) gets a client nothing more:
 * - requests: each API request and each websocket connect takes one unit from the bucket of its
 *   address and, once its token is known, from the bucket of that token (API_RATE_LIMIT/-BURST);
 *   what the relay sends in answer (GET /state, sync replies) takes one more unit per MiB, so a
 *   client that keeps fetching a big workbook, over however many connections, is slowed to the
 *   rate at which the bucket refills;
 * - encodes: the time the relay spent encoding document state afresh for a client (a sync reply
 *   or GET /state that no cached answer served) is charged to its address and token
 *   (ENCODE_TIME_LIMIT_MS of every second, 20 times that at once): while either is used up, the
 *   client's asks are refused.
 */
import type { RelayConfig } from '../config.ts';
import { addressKey } from '../http/client-address.ts';
import { KeyedBuckets } from './keyed-buckets.ts';

/** Who is asking: their address and, when known, their token's id. */
export interface Client {
  address: string;
  tokenId: string | null;
}

const MiB = 1024 * 1024;

/**
 * A refusal for going over a rate limit (429) is sent after this long: a client that asks back to
 * back then costs the relay one answer a second per connection instead of thousands.
 */
export const RATE_LIMITED_DELAY_MS = 1000;

const keys = (c: Client): string[] => (c.tokenId ? [`a:${addressKey(c.address)}`, `t:${c.tokenId}`] : [`a:${addressKey(c.address)}`]);

/** The relay's per-client limits. */
export class ClientLimits {
  private readonly requests: KeyedBuckets;
  private readonly encodes: KeyedBuckets;

  constructor(config: Pick<RelayConfig, 'apiRatePerSecond' | 'apiRateBurst' | 'encodeMsPerSecond'>) {
    this.requests = new KeyedBuckets({ perSecond: config.apiRatePerSecond, burst: config.apiRateBurst });
    this.encodes = new KeyedBuckets({ perSecond: config.encodeMsPerSecond, burst: 20 * config.encodeMsPerSecond });
  }

  /**
   * Counts one request of `client` from its address and, when its token is known, from its token;
   * false, and nothing counted, when one of those buckets is empty.
   */
  request(client: Client): boolean {
    const buckets = keys(client).map((k) => this.requests.of(k));
    if (!buckets.every((b) => b.secondsUntil() === 0)) return false;
    for (const b of buckets) b.take();
    return true;
  }

  /** Counts a request already counted for its address against the token it turned out to carry. */
  requestOfToken(tokenId: string): boolean {
    return this.requests.of(`t:${tokenId}`).take();
  }

  /** Charges the bytes sent to `client` as requests (one per MiB); its buckets may go below zero. */
  sent(client: Client, bytes: number): void {
    const units = bytes / MiB;
    if (units > 0) for (const k of keys(client)) this.requests.of(k).charge(units);
  }

  /** Seconds until `client` may make a request again. */
  retryAfter(client: Client): number {
    return Math.max(1, ...keys(client).map((k) => this.requests.of(k).secondsUntil()));
  }

  /** True while `client` may have documents encoded for it. */
  mayEncode(client: Client): boolean {
    return keys(client).every((k) => this.encodes.of(k).allows());
  }

  /** Charges `ms` of fresh encoding to `client`. */
  encoded(client: Client, ms: number): void {
    if (ms > 0) for (const k of keys(client)) this.encodes.of(k).charge(ms);
  }
}
