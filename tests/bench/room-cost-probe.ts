/**
 * The relay's own cost per edit, in one process, run by hand: `npx tsx tests/bench/room-cost-probe.ts`.
 * 50 clients' edits (each client overwriting cells of its own rows of a 200-row workbook, as the
 * fan-out benchmark's clients do) are fed round-robin, one edit per event-loop turn, to (a) our
 * room on a real SQLite store with 50 peers, and (b) what the reference server does per message
 * (apply to a gc-on document, encode one message on its update event, send it to every peer).
 * Prints CPU ms per 1,000 edits and the garbage-collection time each took (ONLY=ours|reference
 * runs one of them, for a CPU profile).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Workbook } from '../../src/model/index.ts';
import { silentLogger } from '../../server/log.ts';
import { parseMessage } from '../../server/relay/protocol.ts';
import { Room, type RoomPeer } from '../../server/relay/room.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';

const CLIENTS = 50;
const ROWS = 200;
const EDITS_PER_CLIENT = Number(process.argv[2] ?? 100);

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

const base = Workbook.create({ name: 'fan-out' });
const sheet = base.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
base.appendRows(sheet, base.columns(sheet).map((c) => c.id), benchRows(ROWS));
base.clearHistory();
const initial = base.encode();

/** The sync-update frames of every client's edits, interleaved round-robin. */
const frames = (): Uint8Array[] => {
  const perClient: Uint8Array[][] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const wb = Workbook.load(initial);
    const s = wb.sheets()[0]?.id ?? '';
    const rows = wb.rowIds(s);
    const column = wb.columns(s)[1]?.id ?? '';
    const out: Uint8Array[] = [];
    wb.doc.on('update', (u: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, u);
      out.push(encoding.toUint8Array(e));
    });
    for (let n = 0; n < EDITS_PER_CLIENT; n++) wb.setCell(s, rows[(c + CLIENTS * n) % rows.length] ?? '', column, `c${c}-e${n}-${'x'.repeat(8)}`);
    perClient.push(out);
  }
  const all: Uint8Array[] = [];
  for (let n = 0; n < EDITS_PER_CLIENT; n++) for (const list of perClient) all.push(list[n] as Uint8Array);
  return all;
};

const turn = () => new Promise((r) => setImmediate(r));

const measure = async (label: string, run: () => Promise<void>) => {
  global.gc?.();
  const gc0 = gcMs;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const cpu = process.cpuUsage(cpu0);
  const edits = CLIENTS * EDITS_PER_CLIENT;
  console.log(
    JSON.stringify({ label, edits, cpuMsPer1000: +(((cpu.user + cpu.system) / 1000 / edits) * 1000).toFixed(1), wallMs: +(performance.now() - t0).toFixed(0), gcMs: +(gcMs - gc0).toFixed(1), heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(1) }),
  );
};

const ours = async (list: Uint8Array[]) => {
  const store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'wb-room-cost-')), durability: 'commit', autoCheckpoint: false });
  await createWorkbook(store, 'fanout', Workbook.load(initial));
  const room = await Room.load('fanout', await store.openLog('fanout'), {
    log: silentLogger, graceMs: 60_000, compactAfter: 1_000_000, maxRoomBytes: 64 * 1024 * 1024,
    onIdle: () => {}, onFailed: () => {}, compact: () => {}, relayed: () => {},
  });
  let sent = 0;
  const peers: RoomPeer[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const peer: RoomPeer = { id: i, role: 'editor', owner: `device-${i}`, send: () => void sent++, close: (code, reason) => { throw new Error(`closed ${code} ${reason}`); }, droppedWrite: () => {}, mayAsk: () => true, charge: () => {} };
    peers.push(peer);
    room.join(peer);
  }
  await measure('ours (room + SQLite)', async () => {
    for (const [i, f] of list.entries()) {
      const peer = peers[i % CLIENTS] as RoomPeer;
      room.receive(peer, parseMessage(f));
      await turn();
    }
    await turn();
  });
  await room.destroy();
  await store.close();
};

const reference = async (list: Uint8Array[]) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initial);
  let sent = 0;
  const conns = Array.from({ length: CLIENTS }, () => (_m: Uint8Array) => void sent++);
  doc.on('update', (u: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, u);
    const m = encoding.toUint8Array(e);
    for (const c of conns) c(m);
  });
  await measure('reference-like (apply, encode, send)', async () => {
    for (const f of list) {
      const d = f.subarray(2);
      // readSyncMessage: read the update's length prefix, apply it
      let len = 0, shift = 0, p = 0;
      for (;;) { const b = d[p++] ?? 0; len |= (b & 0x7f) << shift; shift += 7; if (b < 0x80) break; }
      Y.applyUpdate(doc, d.subarray(p, p + len), 'conn');
      await turn();
    }
    await turn();
  });
};

const list = frames();
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  if (process.env.ONLY !== 'ours') await reference(list);
  if (process.env.ONLY !== 'reference') await ours(list);
}
process.exit(0);
