/**
 * Auth: tokens are checked before the websocket upgrade. A refused request gets a plain 401 and no
 * byte of the workbook, and nothing is loaded; a viewer reads but its writes go nowhere; a revoked
 * token loses its open connections. Also the HTTP API built on the same check, and --no-auth.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../../server/store/open-store.ts';
import type { AppServer } from '../../support/app-server.ts';
import { freePort } from '../../support/ports.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { health, productsWorkbook, rawUpgrade, runStartExpectingExit, seed, startRelay, tempDataDir, type Tokens } from './fixtures.ts';

const MARKER = 'SECRET-MARKER-42';

const secretWorkbook = () => {
  const wb = productsWorkbook(3, 'Secret plan');
  const sheet = wb.sheets()[0]?.id ?? '';
  wb.setCell(sheet, wb.rowIds(sheet)[0] ?? '', wb.columns(sheet)[1]?.id ?? '', MARKER);
  return wb;
};

const skus = (c: RelayClient): string[] => {
  const wb = c.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return wb.rowIds(sheet).map((r) => String(wb.cell(sheet, r, sku)));
};

describe('rejected at the upgrade, with no document loaded and no document bytes sent', () => {
  let server: AppServer;
  let tokens: Tokens;
  let revoked = '';
  beforeAll(async () => {
    const dataDir = tempDataDir();
    tokens = await seed(dataDir, ['secret', 'other'], (id) => (id === 'secret' ? secretWorkbook() : productsWorkbook()));
    const store = await openStore({ dataDir });
    const r = await store.catalog.createToken('secret', 'editor');
    await store.catalog.revoke(r.id);
    await store.close();
    revoked = r.token;
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const cases: [string, () => string][] = [
    ['no token', () => '/secret'],
    ['an empty token', () => '/secret?token='],
    ['a wrong token', () => '/secret?token=owb_wrongwrongwrongwrongwrongwrongwrongwrong'],
    ['the editor token of another workbook', () => `/secret?token=${tokens.other?.editor}`],
    ['a revoked token', () => `/secret?token=${revoked}`],
  ];
  test.each(cases)('%s: HTTP 401', async (_what, path) => {
    const answer = await rawUpgrade(server.port, path());
    expect(answer.status).toBe(401);
    const text = answer.bytes.toString('latin1');
    expect(text).not.toContain('101 Switching');
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain('Secret plan');
    expect(answer.bytes.length).toBeLessThan(512);
    expect((await health(server)).rooms).toBe(0);
  });

  test('the log names the refusal but never the token', async () => {
    await rawUpgrade(server.port, `/secret?token=${tokens.other?.editor}`);
    expect(server.stdout()).toContain('"event":"conn.rejected"');
    for (const t of [tokens.other?.editor, tokens.secret?.editor, revoked]) expect(server.stdout()).not.toContain(t);
  });

  test('with its own token the same workbook opens (the refusals were about the token)', async () => {
    const c = connectClient(server.port, 'secret', tokens.secret?.viewer);
    try {
      await within('the viewer synced', c.synced());
      const wb = c.wb();
      const sheet = wb.sheets()[0]?.id ?? '';
      expect(wb.cell(sheet, wb.rowIds(sheet)[0] ?? '', wb.columns(sheet)[1]?.id ?? '')).toBe(MARKER);
    } finally {
      c.destroy();
    }
  });
});

describe('roles and revocation', () => {
  let server: AppServer;
  let dataDir: string;
  let tokens: Tokens;
  const open: RelayClient[] = [];
  const client = (id: string, token?: string) => {
    const c = connectClient(server.port, id, token);
    open.push(c);
    return c;
  };
  beforeAll(async () => {
    dataDir = tempDataDir();
    tokens = await seed(dataDir, ['roles', 'revoke']);
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    await server?.stop();
  });

  test('a viewer receives updates; its own updates are never applied, stored or relayed', async () => {
    const editor = client('roles', tokens.roles?.editor);
    const viewer = client('roles', tokens.roles?.viewer);
    await Promise.all([editor.synced(), viewer.synced()]);
    const sheet = editor.wb().sheets()[0]?.id ?? '';
    const sku = editor.wb().columns(sheet)[0]?.id ?? '';
    editor.wb().insertRows(sheet, { values: [{ [sku]: 'FROM-EDITOR' }] });
    await waitFor('the viewer received the editor’s row', () => skus(viewer).includes('FROM-EDITOR'));

    viewer.wb().insertRows(sheet, { values: [{ [sku]: 'FROM-VIEWER' }] });
    // Messages of one connection are handled in order: once the presence sent after the write
    // reaches the editor, the relay has handled (and dropped) the write.
    viewer.provider.awareness.setLocalStateField('after', 'the write');
    await waitFor('the editor saw the viewer’s later presence', () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.after === 'the write');
    expect(skus(editor)).not.toContain('FROM-VIEWER');
    const fresh = client('roles', tokens.roles?.editor);
    await fresh.synced();
    expect(skus(fresh)).toContain('FROM-EDITOR');
    expect(skus(fresh)).not.toContain('FROM-VIEWER');
    expect(server.stdout()).toContain('"event":"conn.viewer_write_dropped"');

    // Not stored either: after a restart, still only the editor's row.
    for (const c of open.splice(0)) c.destroy();
    await server.stop();
    server = await startRelay({ dataDir });
    const after = client('roles', tokens.roles?.editor);
    await after.synced();
    expect(skus(after)).toContain('FROM-EDITOR');
    expect(skus(after)).not.toContain('FROM-VIEWER');
  });

  test('revoking a token (from another process) closes its open connection with 4401, and it stays out', async () => {
    const store = await openStore({ dataDir });
    const { token, id } = await store.catalog.createToken('revoke', 'editor');
    const c = client('revoke', token);
    await c.synced();
    const closed = new Promise<number>((resolve) => c.provider.on('closed', (e) => resolve(e.code)));
    await store.catalog.revoke(id);
    await store.close();
    expect(await within('the connection was closed', closed)).toBe(4401);
    expect(c.provider.shouldConnect).toBe(false);
    expect((await rawUpgrade(server.port, `/revoke?token=${token}`)).status).toBe(401);
  });
});

describe('HTTP API', () => {
  let server: AppServer;
  let tokens: Tokens;
  beforeAll(async () => {
    const dataDir = tempDataDir();
    tokens = await seed(dataDir, ['api', 'elsewhere'], (id) => productsWorkbook(1, id === 'api' ? 'API plan' : 'Elsewhere'));
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });
  const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const post = (path: string, body: string, token?: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });

  test('GET /api/workbooks/:id tells the workbook’s name, the caller’s role, and its stored size against MAX_ROOM_BYTES', async () => {
    const info = (await (await get('/api/workbooks/api', tokens.api?.editor)).json()) as Record<string, unknown>;
    expect(info).toEqual({ id: 'api', name: 'API plan', role: 'editor', bytes: expect.any(Number) as number, maxBytes: 6 * 1024 * 1024 });
    expect(info.bytes).toBeGreaterThan(100);
    expect(await (await get('/api/workbooks/api', tokens.api?.viewer)).json()).toMatchObject({ id: 'api', name: 'API plan', role: 'viewer' });
    expect((await get('/api/workbooks/api')).status).toBe(401);
    expect((await get('/api/workbooks/api', tokens.elsewhere?.editor)).status).toBe(401);
  });

  test('POST /api/workbooks/:id/tokens: an editor makes a share link that opens the workbook with that role', async () => {
    const r = await post('/api/workbooks/api/tokens', '{"role":"viewer"}', tokens.api?.editor);
    expect(r.status).toBe(201);
    const { token, url, role } = (await r.json()) as { token: string; url: string; role: string };
    expect(role).toBe('viewer');
    expect(url).toBe(`${server.url}/#/w/api?token=${encodeURIComponent(token)}`);
    expect(await (await get('/api/workbooks/api', token)).json()).toMatchObject({ role: 'viewer' });
    const c = connectClient(server.port, 'api', token);
    try {
      await within('the shared link’s client synced', c.synced());
    } finally {
      c.destroy();
    }
    expect(server.stdout()).not.toContain(token);
    // X-Forwarded-Proto is believed only with TRUST_PROXY (tested with the findings): here the link stays http.
    const proxied = await fetch(`${server.url}/api/workbooks/api/tokens`, {
      method: 'POST',
      body: '{"role":"editor"}',
      headers: { Authorization: `Bearer ${tokens.api?.editor}`, 'X-Forwarded-Proto': 'https' },
    });
    expect(((await proxied.json()) as { url: string }).url.startsWith(`http://127.0.0.1:${server.port}/#/w/api?token=owb_`)).toBe(true);
  });

  test('sharing is refused to viewers (403), without a token (401), and for a bad body (400)', async () => {
    expect((await post('/api/workbooks/api/tokens', '{"role":"editor"}', tokens.api?.viewer)).status).toBe(403);
    expect((await post('/api/workbooks/api/tokens', '{"role":"editor"}')).status).toBe(401);
    const bad = await post('/api/workbooks/api/tokens', '{"role":"owner"}', tokens.api?.editor);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/editor.*viewer/);
    expect((await post('/api/workbooks/api/tokens', 'not json', tokens.api?.editor)).status).toBe(400);
    expect((await get('/api/workbooks/api/tokens', tokens.api?.editor)).status).toBe(405);
  });
});

describe('--no-auth', () => {
  test('is refused when the relay would listen beyond this machine', async () => {
    const r = await runStartExpectingExit({ HOST: '0.0.0.0', PORT: String(await freePort()), DATA_DIR: tempDataDir() }, ['--no-auth']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--no-auth is only allowed when the relay listens on a loopback address');
  });

  test('on loopback, clients need no token; unknown workbooks still get 404', async () => {
    const dataDir = tempDataDir();
    await seed(dataDir, ['open']);
    const server = await startRelay({ dataDir, args: ['--no-auth'] });
    const c = connectClient(server.port, 'open');
    try {
      await within('a client without token synced', c.synced());
      expect(c.wb().sheets()).toHaveLength(1);
      expect((await rawUpgrade(server.port, '/missing')).status).toBe(404);
    } finally {
      c.destroy();
      await server.stop();
    }
  });
});
