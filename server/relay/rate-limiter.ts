/** A per-connection rate limit: two token buckets, one counting messages and one counting bytes. */

/** Limits of one connection. */
export interface RateLimits {
  /** Messages per second, sustained. */
  messagesPerSecond: number;
  /** Messages allowed in a burst. */
  messageBurst: number;
  /** Bytes per second, sustained. */
  bytesPerSecond: number;
  /** Bytes allowed in a burst (at least one maximum-size message). */
  byteBurst: number;
}

/** Token buckets refilled continuously; `take` says whether one more message fits. */
export class RateLimiter {
  private messages: number;
  private bytes: number;
  private at: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.messages = limits.messageBurst;
    this.bytes = limits.byteBurst;
    this.at = now();
  }

  /** Counts one message of `size` bytes; false when it is over the limit. */
  take(size: number): boolean {
    const t = this.now();
    const dt = (t - this.at) / 1000;
    this.at = t;
    const l = this.limits;
    this.messages = Math.min(l.messageBurst, this.messages + dt * l.messagesPerSecond);
    this.bytes = Math.min(l.byteBurst, this.bytes + dt * l.bytesPerSecond);
    if (this.messages < 1 || this.bytes < size) return false;
    this.messages -= 1;
    this.bytes -= size;
    return true;
  }
}
