import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { addressKey, clientAddress, isLoopbackAddress } from '../../../server/http/client-address.ts';
import { KeyedBuckets } from '../../../server/relay/keyed-buckets.ts';
import { TokenBucket } from '../../../server/relay/token-bucket.ts';
import { ClientLimits } from '../../../server/relay/client-limits.ts';
import { throttledLog } from '../../../server/log-throttle.ts';
import type { Logger } from '../../../server/log.ts';

const req = (remote: string, xff?: string): IncomingMessage =>
  ({ socket: { remoteAddress: remote }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

describe('client address', () => {
  test('is the peer unless TRUST_PROXY is on and the peer is on loopback: then the last X-Forwarded-For entry', () => {
    expect(clientAddress(req('203.0.113.9', '198.51.100.1'), false)).toBe('203.0.113.9');
    expect(clientAddress(req('127.0.0.1', '198.51.100.1'), false)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 198.51.100.1'), true)).toBe('198.51.100.1');
    expect(clientAddress(req('::ffff:127.0.0.1', '198.51.100.1'), true)).toBe('198.51.100.1');
    // A peer that is not the local proxy is never believed, nor is a header that is not an address.
    expect(clientAddress(req('203.0.113.9', '198.51.100.1'), true)).toBe('203.0.113.9');
    expect(clientAddress(req('127.0.0.1', 'evil'), true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1'), true)).toBe('127.0.0.1');
    expect(clientAddress(req('::ffff:10.0.0.2'), false)).toBe('10.0.0.2');
  });

  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['', false],
  ])('%s on loopback: %s', (ip, loop) => {
    expect(isLoopbackAddress(ip)).toBe(loop);
  });

  test('limits count IPv4 addresses one by one and IPv6 by their /64', () => {
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('token buckets', () => {
  test('a bucket refills at its rate up to its burst; a charge may take it below zero', () => {
    let t = 0;
    const b = new TokenBucket({ perSecond: 10, burst: 5 }, () => t);
    for (let i = 0; i < 5; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    expect(b.secondsUntil()).toBe(1);
    t = 200; // 2 refilled
    expect(b.take(2)).toBe(true);
    b.charge(10);
    expect(b.allows()).toBe(false);
    t = 1200;
    expect(b.allows()).toBe(false);
    t = 1300;
    expect(b.allows()).toBe(true);
    t = 100_000;
    expect(b.full()).toBe(true);
  });

  test('keyed buckets stay bounded: quiet keys go first, then the least recently used', () => {
    let t = 0;
    const k = new KeyedBuckets({ perSecond: 1, burst: 2 }, 100, () => t);
    for (let i = 0; i < 100; i++) k.of(`busy-${i}`).take(2);
    t = 500;
    k.of('busy-0').take();
    k.of('newcomer');
    expect(k.size).toBeLessThanOrEqual(100);
    // The one that was used last is remembered with its empty bucket.
    expect(k.of('busy-0').take()).toBe(false);
  });

  test('client limits: a request counts against the address and, once known, the token; encoding time is charged to both', () => {
    const limits = new ClientLimits({ apiRatePerSecond: 1, apiRateBurst: 3, encodeMsPerSecond: 100 });
    const a = { address: '198.51.100.7', tokenId: null };
    expect([1, 2, 3].map(() => limits.request(a))).toEqual([true, true, true]);
    expect(limits.request(a)).toBe(false);
    expect(limits.retryAfter(a)).toBeGreaterThanOrEqual(1);
    // Another address with the same token: its own address bucket, the token's shared one.
    expect(limits.requestOfToken('t1')).toBe(true);
    expect(limits.request({ address: '198.51.100.8', tokenId: 't1' })).toBe(true);
    const c = { address: '198.51.100.9', tokenId: 't2' };
    expect(limits.mayEncode(c)).toBe(true);
    limits.encoded(c, 2500);
    expect(limits.mayEncode(c)).toBe(false);
    expect(limits.mayEncode({ address: '198.51.100.9', tokenId: 't3' })).toBe(false);
    expect(limits.mayEncode({ address: '198.51.100.10', tokenId: 't2' })).toBe(false);
    expect(limits.mayEncode({ address: '198.51.100.10', tokenId: 't3' })).toBe(true);
  });
});

describe('throttled log lines', () => {
  test('at most N lines a second per event; the next window says how many were left out', () => {
    let t = 0;
    const lines: string[] = [];
    const log = { info: (e: string, f?: object) => lines.push(`${e} ${JSON.stringify(f ?? {})}`) } as unknown as Logger;
    const th = throttledLog(log, 3, () => t);
    for (let i = 0; i < 10; i++) th.write('info', 'http.refused', { i });
    th.write('info', 'other', {});
    expect(lines).toHaveLength(4);
    t = 1000;
    th.write('info', 'http.refused', { i: 10 });
    expect(lines.at(-1)).toBe('http.refused {"i":10,"leftOut":7}');
  });
});
