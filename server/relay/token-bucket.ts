/** One token bucket: `burst` units at most, refilled continuously at `perSecond`. */

/** Limits of a bucket. */
export interface BucketLimits {
  /** Units refilled per second. */
  perSecond: number;
  /** Units a full bucket holds. */
  burst: number;
}

/** A token bucket; it starts full. */
export class TokenBucket {
  private level: number;
  private at: number;

  constructor(
    private readonly limits: BucketLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.level = limits.burst;
    this.at = now();
  }

  /** Takes `cost` when the bucket holds that much; false (nothing taken) when not. */
  take(cost = 1): boolean {
    this.refill();
    if (this.level < cost) return false;
    this.level -= cost;
    return true;
  }

  /** Takes `cost` whatever the level (a cost known only afterwards); the level may go below zero. */
  charge(cost: number): void {
    this.refill();
    this.level -= cost;
  }

  /** True while the bucket is not empty. */
  allows(): boolean {
    this.refill();
    return this.level > 0;
  }

  /** Seconds until the bucket holds `cost`. */
  secondsUntil(cost = 1): number {
    this.refill();
    return this.level >= cost ? 0 : Math.ceil((cost - this.level) / this.limits.perSecond);
  }

  /** True when the bucket is full (its owner has been quiet long enough to be forgotten). */
  full(): boolean {
    this.refill();
    return this.level >= this.limits.burst;
  }

  private refill(): void {
    const t = this.now();
    this.level = Math.min(this.limits.burst, this.level + ((t - this.at) / 1000) * this.limits.perSecond);
    this.at = t;
  }
}
