/**
 * Operability: the app's headers, /healthz, one JSON log line per event with no token in any,
 * the link printed on first start (and only then), and start-up errors that say what to do.
 */
import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { writeCompressed } from '../../../server/build/precompress.ts';
import { openStore } from '../../../server/store/open-store.ts';
import { freePort } from '../../support/ports.ts';
import { connectClient, within } from '../../support/relay-clients.ts';
import { health, runStartExpectingExit, startRelay, tempDataDir } from './fixtures.ts';

const builtApp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Ops workbook</title><script type="module" src="/assets/app-3f2a1b.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-3f2a1b.js'), 'console.log("app")');
  return dir;
};

describe('serving the app', () => {
  test('with a strict Content-Security-Policy, long caching for hashed assets and none for the page', async () => {
    const server = await startRelay({ args: ['--app-dir', builtApp()] });
    try {
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('Ops workbook');

      const asset = await fetch(`${server.url}/assets/app-3f2a1b.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toContain('text/javascript');

      // App routes are the page; files outside the app are not served.
      expect(await (await fetch(`${server.url}/w/demo`)).text()).toContain('Ops workbook');
      expect((await fetch(`${server.url}/assets/missing-123.js`)).status).toBe(404);
      // An encoded "/" is refused outright.
      const escape = await fetch(`${server.url}/..%2f..%2f..%2fetc%2fpasswd.txt`);
      expect(escape.status).toBe(400);
      expect(await escape.text()).not.toContain('root:');

      const h = await health(server);
      expect(h).toMatchObject({ ok: true, rooms: 0, connections: 0 });
      // How late the event loop ran and how long GC paused it, for a monitor to tell where a slow delivery came from.
      expect(Object.values(h.eventLoopLateMs).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(Object.keys(h.gcPauseMs)).toContain('>500');
    } finally {
      await server.stop();
    }
  });

  test('sends the build’s brotli or gzip copy of a file to a browser that accepts it, the file itself otherwise', async () => {
    const dir = builtApp();
    const js = `const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(', ')}];\n`;
    const file = join(dir, 'assets', 'grid-9c1e2d.js');
    writeFileSync(file, js);
    await writeCompressed(file, Buffer.from(js));
    const server = await startRelay({ args: ['--app-dir', dir] });
    try {
      const get = async (acceptEncoding: string) => {
        const r = await rawGet(`${server.url}/assets/grid-9c1e2d.js`, { 'Accept-Encoding': acceptEncoding });
        const body = r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;
        expect(body.toString()).toBe(js);
        expect(r.headers.vary).toBe('Accept-Encoding');
        expect(Number(r.headers['content-length'])).toBe(r.body.byteLength);
        return { encoding: r.headers['content-encoding'], bytes: r.body.byteLength };
      };
      const br = await get('gzip, deflate, br');
      expect(br.encoding).toBe('br');
      expect(br.bytes).toBeLessThan(js.length / 3);
      expect((await get('gzip, deflate')).encoding).toBe('gzip');
      expect((await get('gzip, br;q=0')).encoding).toBe('gzip');
      expect((await get('identity')).encoding).toBeUndefined();
      // A file replaced after the build wrote its copies is sent as it now is, not as the stale copy.
      const replaced = `${js}// patched\n`;
      writeFileSync(file, replaced);
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      const fresh = await rawGet(`${server.url}/assets/grid-9c1e2d.js`, { 'Accept-Encoding': 'gzip, br' });
      expect(fresh.headers['content-encoding']).toBeUndefined();
      expect(fresh.body.toString()).toBe(replaced);
      // A file the build wrote no copy of is sent as it is.
      expect((await rawGet(`${server.url}/assets/app-3f2a1b.js`, { 'Accept-Encoding': 'gzip, br' })).headers['content-encoding']).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
const rawGet = (url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> =>
  new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    }).on('error', reject);
  });

describe('first start, logs and tokens', () => {
  test('the first start makes the team space’s owner link (not printed to a pipe: written to a 0600 file); later starts make none', async () => {
    const dataDir = tempDataDir();
    let server = await startRelay({ dataDir });
    const file = join(dataDir, 'first-start-link.txt');
    expect(server.output()).not.toContain('token=owb_');
    expect(server.output()).toContain(`it is in ${file} (readable by this user only)`);
    expect(server.stdout()).toContain(`"event":"relay.first_link_written","path":${JSON.stringify(file)}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const link = new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#/s/team\\?token=(owb_[A-Za-z0-9_-]+)$`).exec(server.firstLink() ?? '');
    const token = link?.[1] ?? '';
    expect(token).not.toBe('');
    // The token is the owner's: the space lists the demo, and the demo opens over the API and the websocket.
    const space = await (await fetch(`${server.url}/api/spaces/team`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(space).toMatchObject({ id: 'team', role: 'owner', member: { name: 'Owner' } });
    const info = await (await fetch(`${server.url}/api/workbooks/demo`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(info).toMatchObject({ id: 'demo', role: 'editor' });
    const c = connectClient(server.port, 'demo', token);
    await within('the demo opened with the printed token', c.synced());
    expect(c.wb().sheets().length).toBeGreaterThan(0);
    c.destroy();
    await server.stop();

    // One JSON object per line, each with a time, a level and an event, and never a token.
    const lines = server.stdout().trim().split('\n');
    for (const line of lines) {
      const entry = JSON.parse(line) as { time?: string; level?: string; event?: string };
      expect(entry.time && entry.level && entry.event, line).toBeTruthy();
    }
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(expect.arrayContaining(['relay.listening', 'conn.opened', 'relay.stopped']));
    expect(server.stdout()).not.toContain('owb_');

    server = await startRelay({ dataDir });
    try {
      expect(server.output()).not.toContain('token=owb_');
      expect(server.output()).toContain('space invite --space ID --role owner');
    } finally {
      await server.stop();
    }
    const store = await openStore({ dataDir });
    expect(await store.catalog.members('team')).toHaveLength(1);
    expect(await store.catalog.tokens('demo')).toHaveLength(0);
    await store.close();
  });
});

describe('start-up errors say what to do', () => {
  test('port in use', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      const r = await runStartExpectingExit({ PORT: String(port), DATA_DIR: tempDataDir() });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use; stop the program using it or set PORT to another port.`);
      expect(r.stdout).toContain('"event":"relay.start_failed"');
    } finally {
      blocker.close();
    }
  });

  test('a data folder that cannot be written', async () => {
    const file = join(tempDataDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const r = await runStartExpectingExit({ PORT: String(await freePort()), DATA_DIR: file });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The data folder ${file} cannot be used`);
    expect(r.stderr).toContain('set DATA_DIR to a folder this user can write to');
  });

  test('a setting that cannot be used', async () => {
    const bad = await runStartExpectingExit({ PORT: 'eighty', DATA_DIR: tempDataDir() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PORT must be a whole number from 0 to 65535; it is "eighty".');
    const unknown = await runStartExpectingExit({ PORT: String(await freePort()), DATA_DIR: tempDataDir() }, ['--tokenless']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --tokenless');
  });
});
