/**
 * Regression tests of the websocket findings of the attack on the relay (issue #14), each named
 * after its finding: against the real relay process, stock clients and raw sockets on loopback.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { EMPTY_STEP1, rawSocket, type RawSocket } from './attack-helpers.ts';
import { health, productsWorkbook, runCli, seed, startRelay, tempDataDir, type Tokens } from './fixtures.ts';

/** A canary: an editor whose edits must all reach an observer in the same room. */
let canaries = 0;
const canary = async (port: number, room: string, token: string) => {
  const label = `CANARY-${++canaries}-`;
  const editor = connectClient(port, room, token);
  const observer = connectClient(port, room, token);
  await Promise.all([within('canary synced', editor.synced()), within('observer synced', observer.synced())]);
  const wb = editor.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  let sent = 0;
  const timer = setInterval(() => wb.insertRows(sheet, { values: [{ [sku]: `${label}${sent++}` }] }), 50);
  return {
    /** Stops editing (after at least ten edits, so the canary ran through the attack) and waits until every edit arrived at the observer. */
    stop: async () => {
      await waitFor('the canary made ten edits', () => sent >= 10);
      clearInterval(timer);
      const seen = () => {
        const o = observer.wb();
        return new Set(o.rowIds(sheet).map((r) => String(o.cell(sheet, r, sku))).filter((v) => v.startsWith(label))).size;
      };
      await waitFor(`all ${sent} canary edits arrived`, () => seen() === sent);
      editor.destroy();
      observer.destroy();
      return sent;
    },
  };
};

describe('finding: a viewer could slow every room without being cut off', () => {
  let server: AppServer;
  let tokens: Tokens;
  beforeAll(async () => {
    const dataDir = tempDataDir();
    tokens = await seed(dataDir, ['canary', 'target'], (id) => productsWorkbook(id === 'target' ? 20_000 : 3));
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('two viewer sockets flooding sync step 1 are closed with 1008, and the canary’s edits all arrive', async () => {
    const c = await canary(server.port, 'canary', tokens.canary?.editor ?? '');
    const flooders: RawSocket[] = [];
    const timers: NodeJS.Timeout[] = [];
    for (const address of ['127.0.0.2', '127.0.0.3']) {
      const raw = await rawSocket(`ws://127.0.0.1:${server.port}/target?token=${tokens.target?.viewer}`, { localAddress: address });
      flooders.push(raw);
      timers.push(setInterval(() => raw.ws.readyState === raw.ws.OPEN && raw.ws.send(EMPTY_STEP1), 11));
    }
    try {
      await waitFor('both flooders were closed', () => flooders.every((f) => f.closeCode !== null), 20_000);
    } finally {
      for (const t of timers) clearInterval(t);
    }
    for (const f of flooders) {
      expect(f.closeCode).toBe(1008);
      expect(f.closeReason).toBe('asking for the workbook too often');
    }
    expect(await c.stop()).toBeGreaterThanOrEqual(10);
    expect(server.proc.exitCode).toBeNull();
  });

  test('GET /state hammered from one address: 429 with Retry-After after its burst; the canary’s edits all arrive', async () => {
    const c = await canary(server.port, 'canary', tokens.canary?.editor ?? '');
    const statuses = new Map<number, number>();
    let retryAfter: string | null = null;
    for (let i = 0; i < 150; i++) {
      const r = await fetch(`${server.url}/api/workbooks/target/state`, { headers: { Authorization: `Bearer ${tokens.target?.viewer}` } });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(429)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await c.stop()).toBeGreaterThanOrEqual(10);
  });
});

describe('finding: loading a big workbook froze every room', () => {
  let server: AppServer;
  let tokens: Tokens;
  let dataDir: string;
  const LIMIT = 256 * 1024;
  beforeAll(async () => {
    dataDir = tempDataDir();
    tokens = await seed(dataDir, ['huge', 'small'], (id) => productsWorkbook(id === 'huge' ? 8000 : 3));
    server = await startRelay({ dataDir, env: { MAX_ROOM_BYTES: String(LIMIT) } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('a workbook stored over MAX_ROOM_BYTES is not loaded: the client is told why (4413) and stops retrying; the log says so', async () => {
    const c = connectClient(server.port, 'huge', tokens.huge?.viewer);
    try {
      const closed = await within('the relay refused the room', new Promise<{ code: number; reason: string }>((resolve) => c.provider.once('closed', (e) => resolve(e))));
      expect(closed.code).toBe(4413);
      expect(closed.reason).toMatch(/^This workbook is too large for this relay \(\d+\.\d MB stored; MAX_ROOM_BYTES is 0\.3 MB\)\.$/);
      expect(c.provider.shouldConnect).toBe(false);
    } finally {
      c.destroy();
    }
    expect((await health(server)).rooms).toBe(0);
    expect(server.stdout()).toContain('"event":"room.too_big"');
    const state = await fetch(`${server.url}/api/workbooks/huge/state`, { headers: { Authorization: `Bearer ${tokens.huge?.viewer}` } });
    expect(state.status).toBe(507);
    expect(((await state.json()) as { error: string }).error).toContain('raise MAX_ROOM_BYTES');
  });

  test('a change that would take a loaded workbook past the limit is refused (4413); the room and its other clients go on', async () => {
    const [writer, other] = [connectClient(server.port, 'small', tokens.small?.editor), connectClient(server.port, 'small', tokens.small?.editor)];
    try {
      await Promise.all([writer.synced(), other.synced()]);
      const closed = new Promise<{ code: number; reason: string }>((resolve) => writer.provider.once('closed', (e) => resolve(e)));
      const wb = writer.wb();
      const sheet = wb.sheets()[0]?.id ?? '';
      const name = wb.columns(sheet)[1]?.id ?? '';
      wb.insertRows(sheet, { values: [{ [name]: 'x'.repeat(300 * 1024) }] });
      expect((await within('the writer was refused', closed)).code).toBe(4413);
      expect(server.stdout()).toContain('"event":"room.full"');
      expect(other.provider.wsconnected).toBe(true);
      expect(other.wb().rowCount(sheet)).toBe(3);
    } finally {
      writer.destroy();
      other.destroy();
    }
  });

  test('the CLI refuses, with a sentence, an import or a restore that would take a workbook past the limit', async () => {
    const csv = join(dataDir, 'many.csv');
    writeFileSync(csv, `SKU,Name,Cost,On hand\n${Array.from({ length: 6000 }, (_, i) => `NEW-${i},Imported product ${i},${i}.5,${i}`).join('\n')}\n`);
    const r = await runCli(dataDir, ['import', '--workbook', 'small', '--sheet', 'Products', csv], { MAX_ROOM_BYTES: String(LIMIT) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('This import would make workbook "small"');
    expect(r.stderr).toContain('over the relay\'s limit of 0.3 MB (MAX_ROOM_BYTES): the relay would refuse to open it. Nothing was imported.');
    const backup = join(dataDir, 'huge.ywb');
    expect((await runCli(dataDir, ['backup', '--workbook', 'huge', '--out', backup])).code).toBe(0);
    const restore = await runCli(dataDir, ['restore', '--workbook', 'huge-copy', backup], { MAX_ROOM_BYTES: String(LIMIT) });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('more than the relay opens (MAX_ROOM_BYTES is 0.3 MB); nothing was restored');
  });
});

describe('finding: the websocket token travelled only in the query string', () => {
  test('the token as a subprotocol entry opens the workbook; the relay answers owb.v1 and logs no token', async () => {
    const dataDir = tempDataDir();
    const t = await seed(dataDir, ['proto']);
    const server = await startRelay({ dataDir });
    try {
      const raw = await rawSocket(`ws://127.0.0.1:${server.port}/proto`, { protocols: ['owb.v1', `owb.token.${t.proto?.editor}`] });
      expect(raw.ws.protocol).toBe('owb.v1');
      await waitFor('the relay sent its sync step 1', () => raw.received > 0);
      raw.ws.close();
      await expect(rawSocket(`ws://127.0.0.1:${server.port}/proto`, { protocols: ['owb.v1', 'owb.token.owb_wrongwrongwrongwrongwrong'] })).rejects.toThrow('401');
      expect(server.stdout()).not.toContain(t.proto?.editor);
    } finally {
      await server.stop();
    }
  });
});

describe('finding: a backlog bigger than MAX_MESSAGE_BYTES was closed with 1009 on every reconnect', () => {
  test('an editor reconnecting with 2 MB of offline edits gets them to the relay and to another client', async () => {
    const dataDir = tempDataDir();
    const t = await seed(dataDir, ['backlog']);
    const server = await startRelay({ dataDir });
    const clients: RelayClient[] = [];
    try {
      const away = connectClient(server.port, 'backlog', t.backlog?.editor);
      const peer = connectClient(server.port, 'backlog', t.backlog?.editor);
      clients.push(away, peer);
      await Promise.all([away.synced(), peer.synced()]);
      away.provider.disconnect();
      const wb = away.wb();
      const sheet = wb.sheets()[0]?.id ?? '';
      const name = wb.columns(sheet)[1]?.id ?? '';
      for (let i = 0; i < 40; i++) wb.insertRows(sheet, { values: [{ [name]: `${i}:`.padEnd(52 * 1024, 'offline ') }] });
      away.provider.connect();
      await waitFor('the other client got the 40 rows', () => peer.wb().rowCount(sheet) === 43, 30_000);
      expect(server.stdout()).not.toContain('conn.message_too_big');
      // A viewer's message is still held to MAX_MESSAGE_BYTES.
      const viewer = await rawSocket(`ws://127.0.0.1:${server.port}/backlog?token=${t.backlog?.viewer}`);
      viewer.ws.send(new Uint8Array(1024 * 1024 + 16));
      await waitFor('the viewer was closed', () => viewer.closeCode !== null);
      expect(viewer.closeCode).toBe(1009);
    } finally {
      for (const c of clients) c.destroy();
      await server.stop();
    }
  });
});
