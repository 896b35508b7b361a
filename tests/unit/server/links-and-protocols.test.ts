import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { linkBase } from '../../../server/http/public-base.ts';
import { DEVICE_ENTRY, PROTOCOL, selectProtocol, TOKEN_ENTRY, upgradeDevice, upgradeToken } from '../../../server/relay/subprotocol.ts';
import { relayProtocols } from '../../../src/sync/connection.ts';
import { newDeviceKey } from '../../../src/sync/device-key.ts';

const req = (host: string | undefined, opts: { local?: string; port?: number; remote?: string; proto?: string; protocols?: string } = {}): IncomingMessage =>
  ({
    headers: {
      ...(host === undefined ? {} : { host }),
      ...(opts.proto ? { 'x-forwarded-proto': opts.proto } : {}),
      ...(opts.protocols ? { 'sec-websocket-protocol': opts.protocols } : {}),
    },
    socket: { localAddress: opts.local ?? '127.0.0.1', localPort: opts.port ?? 8787, remoteAddress: opts.remote ?? '127.0.0.1' },
  }) as unknown as IncomingMessage;

const noProxy = { publicUrl: undefined, trustProxy: false };

describe('links: PUBLIC_URL, else only a Host that names this machine as the request reached it', () => {
  test('PUBLIC_URL wins over any Host', () => {
    expect(linkBase({ publicUrl: 'https://workbook.example.com', trustProxy: false }, req('evil.example'))).toBe('https://workbook.example.com');
  });

  test.each([
    ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['localhost:8787', 'http://localhost:8787'],
    ['[::1]:8787', 'http://[::1]:8787'],
  ])('a loopback Host %s is believed', (host, base) => {
    expect(linkBase(noProxy, req(host))).toBe(base);
  });

  test('the address the request came in on is believed (HOST=0.0.0.0 reached at 192.168.1.5)', () => {
    expect(linkBase(noProxy, req('192.168.1.5:8787', { local: '192.168.1.5' }))).toBe('http://192.168.1.5:8787');
    expect(linkBase(noProxy, req('192.168.1.5:8787', { local: '::ffff:192.168.1.5' }))).toBe('http://192.168.1.5:8787');
  });

  test.each([
    ['evil.example', 'any other name'],
    ['evil.example:8787', 'any other name, even with the right port'],
    ['127.0.0.1:9999', 'the wrong port'],
    ['10.0.0.9:8787', 'an address this request did not come in on'],
    ['127.0.0.1:8787/x', 'not a host'],
    [undefined, 'no Host'],
  ] as [string | undefined, string][])('%s is not believed (%s): no link', (host) => {
    expect(linkBase(noProxy, req(host, { local: '192.168.1.5' }))).toBeNull();
  });

  test('X-Forwarded-Proto says https only from a proxy on this host with TRUST_PROXY', () => {
    expect(linkBase(noProxy, req('127.0.0.1:8787', { proto: 'https' }))).toBe('http://127.0.0.1:8787');
    expect(linkBase({ publicUrl: undefined, trustProxy: true }, req('127.0.0.1:8787', { proto: 'https' }))).toBe('https://127.0.0.1:8787');
    expect(linkBase({ publicUrl: undefined, trustProxy: true }, req('192.168.1.5:8787', { local: '192.168.1.5', remote: '192.168.1.7', proto: 'https' }))).toBe('http://192.168.1.5:8787');
  });
});

describe('the websocket subprotocol', () => {
  test('the app offers the version first and the token as an entry; the relay reads it and selects only the version', () => {
    const offered = relayProtocols('owb_AbC-123_x');
    expect(offered).toEqual([PROTOCOL, `${TOKEN_ENTRY}owb_AbC-123_x`]);
    expect(upgradeToken(req(undefined, { protocols: offered.join(', ') }), new URLSearchParams())).toBe('owb_AbC-123_x');
    expect(selectProtocol(new Set(offered))).toBe('owb.v1');
    // Every character is an HTTP token character, as a subprotocol must be.
    for (const p of offered) expect(p).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
  });

  test('a stock client sends the token in the query and offers no protocol; fields this relay does not know are ignored', () => {
    expect(upgradeToken(req(undefined), new URLSearchParams('token=owb_q'))).toBe('owb_q');
    expect(selectProtocol(new Set())).toBe(false);
    expect(upgradeToken(req(undefined, { protocols: 'owb.v1, owb.later.d-1, owb.token.owb_p' }), new URLSearchParams('token=owb_q'))).toBe('owb_p');
  });

  test('the app adds its device key as an entry; the relay keeps only a hash of it, and refuses one it did not make', () => {
    const key = newDeviceKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newDeviceKey()).not.toBe(key);
    const offered = relayProtocols('owb_t', key);
    expect(offered).toEqual([PROTOCOL, `${TOKEN_ENTRY}owb_t`, `${DEVICE_ENTRY}${key}`]);
    for (const p of offered) expect(p).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
    const owner = upgradeDevice(req(undefined, { protocols: offered.join(', ') }));
    expect(owner).toMatch(/^device:[A-Za-z0-9_-]{22}$/);
    expect(owner).not.toContain(key);
    expect(upgradeDevice(req(undefined, { protocols: offered.join(', ') }))).toBe(owner);
    expect(upgradeDevice(req(undefined, { protocols: relayProtocols('owb_t', newDeviceKey()).join(', ') }))).not.toBe(owner);
    expect(upgradeDevice(req(undefined, { protocols: 'owb.v1, owb.token.owb_t' }))).toBeUndefined();
    expect(upgradeDevice(req(undefined, { protocols: 'owb.v1, owb.device.short' }))).toBeNull();
  });
});
