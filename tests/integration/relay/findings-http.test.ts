/**
 * Regression tests of the HTTP findings of the attack on the relay (issue #14), each named after
 * its finding, against the real relay process on loopback (127.0.0.2+ as other clients).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within } from '../../support/relay-clients.ts';
import { openFiles, rawGet, rawRequest, rssMB, tcp } from './attack-helpers.ts';
import { health, seed, startRelay, tempDataDir, withTestStore, type Tokens } from './fixtures.ts';

/** A built app with a 2 MB asset (big enough that a download is in flight when it is aborted). */
const builtApp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Ops workbook</title>');
  writeFileSync(join(dir, 'assets', 'big-1a2b3c.js'), `/* ${'x'.repeat(2 * 1024 * 1024)} */`);
  return dir;
};

let server: AppServer;
let tokens: Tokens;
beforeAll(async () => {
  const dataDir = tempDataDir();
  tokens = await seed(dataDir, ['shop']);
  server = await startRelay({ dataDir, args: ['--app-dir', builtApp()], env: { UNAUTHENTICATED_TIMEOUT_MS: '2000' }, nodeArgs: ['--expose-gc'] });
});
afterAll(async () => {
  await server?.stop();
});

const pid = () => server.proc.pid ?? 0;
const alive = async () => {
  expect(server.proc.exitCode).toBeNull();
  expect((await health(server)).ok).toBe(true);
  expect(server.stdout()).not.toContain('relay.crashed');
  expect(server.stdout()).not.toContain('"event":"http.failed"');
};

describe('finding: one unauthenticated request ended the process', () => {
  test.each([
    ['/%', 400],
    ['/api/workbooks/%', 400],
    ['/x%00.js', 400],
    ['/assets/%c0%ae%c0%ae/x.js', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 400],
    ['/assets/..%5c..%5cpackage.json', 400],
    ['/index.html/x.js', 404],
    [`/${'a'.repeat(300)}.js`, 404],
    ['/api/workbooks/%ff/state', 400],
  ])('GET %s answers %i and the relay goes on', async (path, status) => {
    const r = await rawRequest(server.port, rawGet(path));
    expect(r.status).toBe(status);
    expect(r.text).not.toContain('root:');
    await alive();
  });

  test('the same through a websocket upgrade', async () => {
    const r = await rawRequest(server.port, `GET /%c0%ae HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    expect(r.status).toBe(400);
    await alive();
  });
});

describe('finding: aborted downloads leaked file descriptors', () => {
  test('100 downloads aborted after their first bytes leave no file open', async () => {
    const base = openFiles(pid());
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const s = await tcp(server.port, '127.0.0.2');
          await new Promise<void>((resolve) => {
            s.once('data', () => {
              s.destroy();
              resolve();
            });
            s.on('error', () => resolve());
            s.write(rawGet('/assets/big-1a2b3c.js').replace('Connection: close', 'Connection: keep-alive'));
          });
        }),
      );
    }
    await waitFor('the aborted downloads’ files were closed', () => openFiles(pid()) <= base + 3, 10_000);
    await alive();
  });

  test('1,000 pipelined requests never read: the connection is closed and the memory comes back', async () => {
    const gc = async () => (await health(server, true)).rssMB;
    await gc();
    const before = rssMB(pid());
    const files = openFiles(pid());
    const s = await tcp(server.port, '127.0.0.2');
    let closed = false;
    s.on('close', () => (closed = true));
    s.on('error', () => {});
    s.pause(); // never reads
    s.write(rawGet('/assets/big-1a2b3c.js').replace('Connection: close', 'Connection: keep-alive').repeat(1000));
    await waitFor('the relay closed the pipelining connection', () => closed, 10_000);
    await waitFor('its files were closed', () => openFiles(pid()) <= files + 3, 10_000);
    await gc();
    // Margin: the allocator keeps some of what it used; 1,000 buffered responses were 160 MB.
    expect(rssMB(pid()) - before).toBeLessThan(40);
    await alive();
  });
});

describe('finding: one client could lock everyone out', () => {
  const sockets: Socket[] = [];
  afterAll(() => {
    for (const s of sockets) s.destroy();
  });

  test('130 idle sockets from one address: every new /healthz, API and websocket connection from another still works at once', async () => {
    for (let i = 0; i < 130; i++) {
      const s = await tcp(server.port, '127.0.0.3').catch(() => null);
      if (s) {
        s.on('error', () => {});
        sockets.push(s);
      }
    }
    expect((await health(server)).unauthenticated).toBeLessThanOrEqual(64 + 2);
    const api = await fetch(`${server.url}/api/workbooks/shop`, { headers: { Authorization: `Bearer ${tokens.shop?.viewer}` } });
    expect(api.status).toBe(200);
    const c = connectClient(server.port, 'shop', tokens.shop?.editor);
    try {
      await within('a websocket client connected', c.synced(), 5000);
    } finally {
      c.destroy();
    }
  });

  test('128 sockets pipelining requests they never read: others are served, and those are cut once they stop making progress', async () => {
    // The idle sockets of the test before are cut first (2 s here).
    let base = (await health(server)).unauthenticated;
    for (const deadline = Date.now() + 10_000; base > 4 && Date.now() < deadline; base = (await health(server)).unauthenticated) {
      await new Promise((r) => setTimeout(r, 200));
    }
    for (let i = 0; i < 128; i++) {
      const s = await tcp(server.port, '127.0.0.4').catch(() => null);
      if (!s) continue;
      s.on('error', () => {});
      s.pause();
      s.write(rawGet('/assets/big-1a2b3c.js').replace('Connection: close', 'Connection: keep-alive').repeat(4));
      sockets.push(s);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/workbooks/shop`, { headers: { Authorization: `Bearer ${tokens.shop?.viewer}` } })).status).toBe(200);
    // UNAUTHENTICATED_TIMEOUT_MS is 2 s here: a response that makes no progress for that long ends.
    // (Seen from the relay: a paused client socket does not notice it was closed.)
    const held = (await health(server)).unauthenticated;
    expect(held).toBeGreaterThan(base + 32);
    const deadline = Date.now() + 15_000;
    while ((await health(server)).unauthenticated > base + 1) {
      if (Date.now() > deadline) throw new Error(`the stuck sockets were not cut: ${(await health(server)).unauthenticated} of ${held} left`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await alive();
  });
});

describe('finding: a POST body over 4 KB reset the connection instead of 413', () => {
  test('it gets 413 with a sentence', async () => {
    const r = await fetch(`${server.url}/api/workbooks/shop/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.shop?.editor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'viewer', pad: 'x'.repeat(5000) }),
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toContain('at most 4 KB');
    // Sent in pieces without a declared length, the same.
    const chunked = await rawRequest(
      server.port,
      `POST /api/workbooks/shop/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokens.shop?.editor}\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `${(3000).toString(16)}\r\n${'x'.repeat(3000)}\r\n${(3000).toString(16)}\r\n${'y'.repeat(3000)}\r\n0\r\n\r\n`,
    );
    expect(chunked.status).toBe(413);
  });
});

describe('finding: share links were built from the Host header', () => {
  test('a Host that is not this machine gets no link (and no token is made): the API says to set PUBLIC_URL', async () => {
    const count = () => withTestStore(server.dataDir, async (s) => (await s.catalog.tokens('shop')).length);
    const before = await count();
    const r = await rawRequest(
      server.port,
      `POST /api/workbooks/shop/tokens HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer ${tokens.shop?.editor}\r\nContent-Type: application/json\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{"role":"viewer"}`,
    );
    expect(r.status).toBe(400);
    expect(r.text).toContain('PUBLIC_URL');
    expect(r.text).not.toContain('evil.example');
    expect(await count()).toBe(before);
  });

  test('with PUBLIC_URL links use it whatever the Host, and a page of another origin is refused', async () => {
    const dataDir = tempDataDir();
    const t = await seed(dataDir, ['pub']);
    const relay = await startRelay({ dataDir, env: { PUBLIC_URL: 'https://workbook.example.com' } });
    try {
      const headers = { Authorization: `Bearer ${t.pub?.editor}`, 'Content-Type': 'application/json' };
      const r = await fetch(`${relay.url}/api/workbooks/pub/tokens`, { method: 'POST', headers, body: '{"role":"viewer"}' });
      expect(((await r.json()) as { url: string }).url).toMatch(/^https:\/\/workbook\.example\.com\/#\/w\/pub\?token=owb_/);
      const foreign = await fetch(`${relay.url}/api/workbooks/pub/tokens`, { method: 'POST', headers: { ...headers, Origin: 'https://evil.example' }, body: '{"role":"viewer"}' });
      expect(foreign.status).toBe(403);
      // The space API too (joining with an invite needs no token: only the origin is refused).
      const join = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"invite":"owb_nope","name":"Eve"}' };
      expect((await fetch(`${relay.url}/api/invites/accept`, join)).status).toBe(401);
      expect((await fetch(`${relay.url}/api/invites/accept`, { ...join, headers: { ...join.headers, Origin: 'https://evil.example' } })).status).toBe(403);
      const upgrade = await rawRequest(
        relay.port,
        `GET /pub?token=${t.pub?.editor} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
      expect(upgrade.status).toBe(403);
    } finally {
      await relay.stop();
    }
  });
});

describe('finding: failed API logins were not logged', () => {
  test('a refused token is logged with the address and the workbook, never the token', async () => {
    const wrong = 'owb_wrongwrongwrongwrongwrongwrongwrong';
    expect((await fetch(`${server.url}/api/workbooks/shop/state`, { headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
    await waitFor('the refusal was logged', () => server.stdout().includes('"event":"api.rejected"'));
    const line = server.stdout().split('\n').find((l) => l.includes('"event":"api.rejected"')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ status: 401, workbook: 'shop', ip: '127.0.0.1' });
    expect(server.stdout()).not.toContain(wrong);
  });
});

describe('finding: /healthz showed rooms and memory to anyone', () => {
  test('figures go to loopback and to ADMIN_TOKEN; anyone else gets a plain ok', async () => {
    const dataDir = tempDataDir();
    const relay = await startRelay({ dataDir, env: { TRUST_PROXY: '1', ADMIN_TOKEN: 'an-admin-token-of-some-length' } });
    try {
      const asRemote = { 'X-Forwarded-For': '203.0.113.7' };
      expect(await (await fetch(`${relay.url}/healthz`, { headers: asRemote })).json()).toEqual({ ok: true });
      const admin = await (await fetch(`${relay.url}/healthz`, { headers: { ...asRemote, Authorization: 'Bearer an-admin-token-of-some-length' } })).json();
      expect(admin).toHaveProperty('rssMB');
      expect(await (await fetch(`${relay.url}/healthz`, { headers: { ...asRemote, Authorization: 'Bearer a-wrong-token-of-some-length' } })).json()).toEqual({ ok: true });
      expect(await (await fetch(`${relay.url}/healthz`)).json()).toHaveProperty('rooms');
    } finally {
      await relay.stop();
    }
  });
});
