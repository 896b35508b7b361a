/**
 * The relay under random input (seeded; FUZZ_SEED repeats a run): 5,000 random HTTP requests
 * (paths of random bytes and escapes, methods, header shapes, bodies, pipelining, requests and
 * responses cut off) and 1,000 random websocket frames from other loopback addresses, while a
 * canary editor keeps editing its own room. At the end the process is alive, its open files and
 * memory are back within a stated margin, no request was answered 500 or logged as failed, and
 * every canary edit arrived.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { seededRandom, type Random } from '../../support/random.ts';
import { connectClient, waitFor, within } from '../../support/relay-clients.ts';
import { openFiles, rawSocket, rssMB, tcp, type RawSocket } from './attack-helpers.ts';
import { health, productsWorkbook, seed, startRelay, tempDataDir, type Tokens } from './fixtures.ts';
import { malformed } from './fuzz-frames.ts';
import { garbage, randomRequest, type FuzzTargets } from './fuzz-requests.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 14_2026);
const REQUESTS = 5000;
const FRAMES = 1000;
/**
 * Stated margins: what the relay may hold more after the run than before it (after a garbage
 * collection): open files, live heap, and resident memory, which also keeps the pages the
 * allocator took for buffers in flight during the run (up to 8 responses on each of 24 sockets).
 */
const MARGIN_FILES = 10;
const MARGIN_HEAP_MB = 20;
const MARGIN_RSS_MB = 100;

let server: AppServer;
let tokens: Tokens;
let targets: FuzzTargets;
beforeAll(async () => {
  const app = mkdtempSync(join(tmpdir(), 'wb-dist-'));
  mkdirSync(join(app, 'assets'));
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>Ops workbook</title>');
  writeFileSync(join(app, 'assets', 'big-1a2b3c.js'), `/* ${'x'.repeat(300 * 1024)} */`);
  writeFileSync(join(app, 'assets', 'app-4d5e6f.js'), 'console.log(1)');
  const dataDir = tempDataDir();
  tokens = await seed(dataDir, ['canary', 'fuzz', 'other'], (id) => productsWorkbook(id === 'fuzz' ? 200 : 3));
  targets = {
    ids: ['canary', 'fuzz', 'other', 'missing', 'UPPER', '-x', 'a'.repeat(65)],
    tokens: [tokens.fuzz?.editor ?? '', tokens.fuzz?.viewer ?? '', tokens.other?.viewer ?? '', 'owb_wrongwrongwrongwrongwrongwrong'],
    files: ['/assets/big-1a2b3c.js', '/assets/app-4d5e6f.js', '/', '/w/fuzz'],
  };
  server = await startRelay({ dataDir, args: ['--app-dir', app], nodeArgs: ['--expose-gc'] });
});
afterAll(async () => {
  await server?.stop();
});

const statuses = new Map<string, number>();
const count = (text: string) => {
  for (const m of text.matchAll(/(?:^|\r\n)HTTP\/1\.1 (\d{3})/g)) statuses.set(m[1] ?? '', (statuses.get(m[1] ?? '') ?? 0) + 1);
};

/** Sends `bytes` from `address` and then reads, stalls, or cuts the exchange off, as `how` says; bounded to 1.5 s. */
const exchange = async (address: string, bytes: Buffer, how: 'read' | 'never-read' | 'cut-request' | 'cut-response'): Promise<void> => {
  const s = await tcp(server.port, address).catch(() => null);
  if (!s) return;
  await new Promise<void>((resolve) => {
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(idle);
      clearTimeout(limit);
      count(Buffer.concat(chunks).toString('latin1'));
      s.destroy();
      resolve();
    };
    const limit = setTimeout(done, 1500);
    s.on('error', () => {});
    s.on('close', done);
    s.on('data', (d: Buffer) => {
      if (how === 'cut-response') return done();
      chunks.push(d);
      clearTimeout(idle);
      idle = setTimeout(done, 150);
    });
    if (how === 'never-read') {
      s.pause();
      setTimeout(done, 300);
    }
    if (how === 'cut-request') {
      s.write(bytes.subarray(0, 1 + Math.floor(bytes.length / 2)));
      setTimeout(done, 50);
    } else s.write(bytes);
  });
};

/** Runs `n` random exchanges, `parallel` at a time, from 127.0.0.2–9. */
const fuzzRequests = async (rnd: Random, n: number, parallel: number): Promise<void> => {
  let sent = 0;
  const worker = async (w: number) => {
    while (sent < n) {
      const address = `127.0.0.${2 + (w % 8)}`;
      const kind = rnd.int(10);
      if (kind === 0) {
        sent++;
        await exchange(address, garbage(rnd), 'read');
      } else if (kind <= 2) {
        const k = 2 + rnd.int(12);
        sent += k;
        const batch = Buffer.concat(Array.from({ length: k }, () => randomRequest(rnd, targets)));
        await exchange(address, batch, rnd.pick(['read', 'never-read'] as const));
      } else {
        sent++;
        await exchange(address, randomRequest(rnd, targets), rnd.pick(['read', 'read', 'read', 'never-read', 'cut-request', 'cut-response'] as const));
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, (_, w) => worker(w)));
};

/** Sends `n` random frames over raw websockets (editor and viewer tokens), reopening those the relay closes. */
const fuzzFrames = async (rnd: Random, n: number): Promise<number> => {
  const real = productsWorkbook(2).encode();
  let closedByRelay = 0;
  const stream = async (s: number, frames: number) => {
    const token = s % 2 ? tokens.fuzz?.viewer : tokens.fuzz?.editor;
    const open = async (): Promise<RawSocket> => {
      for (;;) {
        try {
          return await rawSocket(`ws://127.0.0.1:${server.port}/fuzz?token=${token}`, { localAddress: `127.0.0.${10 + s}` });
        } catch {
          await new Promise((r) => setTimeout(r, 1000)); // 429: connects are limited per address and token
        }
      }
    };
    let raw = await open();
    for (let i = 0; i < frames; i++) {
      if (raw.closeCode !== null) {
        closedByRelay++;
        raw = await open();
      }
      raw.ws.send(malformed(rnd, real).data);
      await new Promise((r) => setTimeout(r, 5));
    }
    raw.ws.terminate();
  };
  await Promise.all(Array.from({ length: 4 }, (_, s) => stream(s, n / 4)));
  return closedByRelay;
};

test('5,000 random requests and 1,000 random frames while a canary edits: the relay stays up, frees what they held, and every canary edit arrives', async () => {
  console.log(`relay fuzz: seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)`);
  const rnd = seededRandom(SEED);
  const editor = connectClient(server.port, 'canary', tokens.canary?.editor);
  const observer = connectClient(server.port, 'canary', tokens.canary?.editor);
  await Promise.all([within('canary synced', editor.synced()), within('observer synced', observer.synced())]);
  const wb = editor.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  let edits = 0;
  const canary = setInterval(() => wb.insertRows(sheet, { values: [{ [sku]: `CANARY-${edits++}` }] }), 50);

  // Warm up every path once, then take the baseline.
  await fuzzRequests(seededRandom(SEED + 1), 200, 8);
  await new Promise((r) => setTimeout(r, 2000));
  const baseHeap = (await health(server, true)).heapUsedMB;
  const pid = server.proc.pid ?? 0;
  const baseFiles = openFiles(pid);
  const baseRss = rssMB(pid);
  statuses.clear();
  const fail = (what: string) => `seed ${SEED}: ${what}\n${server.stdout().split('\n').filter((l) => /"level":"error"|relay\.crashed/.test(l)).slice(0, 20).join('\n')}`;

  const [, closed] = await Promise.all([fuzzRequests(rnd, REQUESTS, 24), fuzzFrames(seededRandom(SEED + 2), FRAMES)]);
  clearInterval(canary);

  expect(server.proc.exitCode, fail('the relay exited')).toBeNull();
  expect((await health(server)).ok, fail('/healthz')).toBe(true);
  expect(statuses.get('500') ?? 0, fail(`answers: ${JSON.stringify(Object.fromEntries(statuses))}`)).toBe(0);
  expect([...statuses.keys()].length, fail('too few kinds of answers')).toBeGreaterThan(4);
  expect(closed, fail('frames closed nothing')).toBeGreaterThan(100);
  for (const bad of ['relay.crashed', '"event":"http.failed"', '"event":"upgrade.failed"', '"event":"conn.message_failed"']) expect(server.stdout(), fail(bad)).not.toContain(bad);

  const seen = () => {
    const o = observer.wb();
    return new Set(o.rowIds(sheet).map((r) => String(o.cell(sheet, r, sku))).filter((v) => v.startsWith('CANARY-'))).size;
  };
  await waitFor(`all ${edits} canary edits arrived (seed ${SEED})`, () => seen() === edits);
  editor.destroy();
  observer.destroy();
  // Stored too: a new client gets them from the relay.
  const late = connectClient(server.port, 'canary', tokens.canary?.viewer);
  await within('a late client synced', late.synced());
  expect(late.wb().rowCount(sheet), fail('stored canary rows')).toBe(3 + edits);
  late.destroy();

  // What the run held is let go: connections closed, files closed, memory back within the margin.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && ((await health(server)).unauthenticated > 2 || openFiles(pid) > baseFiles + MARGIN_FILES)) await new Promise((r) => setTimeout(r, 250));
  expect(openFiles(pid), fail(`open files: ${baseFiles} before`)).toBeLessThanOrEqual(baseFiles + MARGIN_FILES);
  const heap = (await health(server, true)).heapUsedMB;
  expect(heap - baseHeap, fail(`heap ${baseHeap} MB before, ${heap} MB after`)).toBeLessThan(MARGIN_HEAP_MB);
  expect(rssMB(pid) - baseRss, fail(`RSS ${baseRss.toFixed(0)} MB before, ${rssMB(pid).toFixed(0)} MB after`)).toBeLessThan(MARGIN_RSS_MB);
  console.log(`relay fuzz: seed ${SEED}; answers ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; frames closing their socket ${closed}; canary edits ${edits}; open files ${baseFiles} → ${openFiles(pid)}; heap ${baseHeap} → ${heap} MB; RSS ${baseRss.toFixed(0)} → ${rssMB(pid).toFixed(0)} MB`);
}, 300_000);
