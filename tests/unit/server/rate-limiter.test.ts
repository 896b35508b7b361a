import { describe, expect, test } from 'vitest';
import { RateLimiter } from '../../../server/relay/rate-limiter.ts';

const limits = { messagesPerSecond: 10, messageBurst: 20, bytesPerSecond: 1000, byteBurst: 2000 };

describe('per-connection rate limit', () => {
  test('a burst up to the limit passes, the next message does not', () => {
    const now = 0;
    const r = new RateLimiter(limits, () => now);
    for (let i = 0; i < 20; i++) expect(r.take(10)).toBe(true);
    expect(r.take(10)).toBe(false);
  });

  test('the allowance refills with time, up to the burst', () => {
    let now = 0;
    const r = new RateLimiter(limits, () => now);
    for (let i = 0; i < 20; i++) r.take(1);
    now += 500; // half a second: 5 more messages
    for (let i = 0; i < 5; i++) expect(r.take(1)).toBe(true);
    expect(r.take(1)).toBe(false);
    now += 60_000;
    for (let i = 0; i < 20; i++) expect(r.take(1)).toBe(true);
    expect(r.take(1)).toBe(false);
  });

  test('bytes are limited too: a few large messages can exhaust it before the message count does', () => {
    let now = 0;
    const r = new RateLimiter(limits, () => now);
    expect(r.take(1500)).toBe(true);
    expect(r.take(600)).toBe(false);
    now += 100; // 100 bytes back
    expect(r.take(600)).toBe(true);
  });
});
