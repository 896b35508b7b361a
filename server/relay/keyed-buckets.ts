/**
 * Token buckets by key (a client address, a token id): how the relay limits a client across all of
 * its requests and connections, not only within one. The map is bounded: when it is full, keys
 * whose bucket has refilled (clients that went quiet) are dropped first, then the least recently
 * used ones, so a flood of new keys costs memory once and forgets no one who is still over a limit
 * for longer than the flood lasts.
 */
import { TokenBucket, type BucketLimits } from './token-bucket.ts';

/** Token buckets by key. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: BucketLimits,
    private readonly maxKeys = 20_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The bucket of `key` (a full one for a key not seen, or forgotten). */
  of(key: string): TokenBucket {
    let b = this.buckets.get(key);
    if (b) {
      // Most recently used last: the map's order is the eviction order.
      this.buckets.delete(key);
    } else {
      if (this.buckets.size >= this.maxKeys) this.evict();
      b = new TokenBucket(this.limits, this.now);
    }
    this.buckets.set(key, b);
    return b;
  }

  /** Keys held (for tests of the bound). */
  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    for (const [k, b] of this.buckets) if (b.full()) this.buckets.delete(k);
    for (const k of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys * 0.9) break;
      this.buckets.delete(k);
    }
  }
}
