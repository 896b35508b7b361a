/**
 * The relay under abuse (issue: "the relay survives anything the network can send it"): a canary
 * editor edits its own small room 10 times a second, and its edit-to-peer latency is measured
 * (a) while two viewer sockets flood sync step 1 on a workbook just under MAX_ROOM_BYTES (reconnecting
 * at once whenever they are cut off), (b) while four clients hammer GET /state of it, each against
 * a quiet stretch of the same run; budget p99 ≤ 100 ms. (c) The longest stall of other rooms while a
 * workbook just under the default MAX_ROOM_BYTES loads (median of five loads, each listed), and, on
 * relays with the limit raised, while larger ones load: the measurements the default was chosen
 * from (stall < 1 s on this machine).
 * Also: a compaction of a workbook just under the limit, in the worker with its heap limit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import { DEFAULT_MAX_ROOM_BYTES } from '../../server/config.ts';
import { silentLogger } from '../../server/log.ts';
import { Compactor, compactionHeapMB, type CompactReply } from '../../server/store/compactor.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook, loadWorkbook } from '../../server/store/stored-workbook.ts';
import { connectClient } from '../support/relay-clients.ts';
import { median, since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';
import { Canary, type CanaryFigures } from './relay-canary.ts';
import { startOurRelay, type ServerProcess } from './relay-processes.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PHASE_S = 15;
const MiB = 1024 * 1024;

/** A workbook of Products rows whose encoded size is just under `bytes` (within 3%). */
const sizedWorkbook = (bytes: number): Uint8Array => {
  let rows = Math.floor(bytes / 137);
  for (;;) {
    const wb = Workbook.create({ name: `${rows} products` });
    const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows(rows));
    wb.clearHistory();
    const update = wb.encode();
    wb.doc.destroy();
    if (update.byteLength <= bytes && update.byteLength > bytes * 0.97) return update;
    rows = Math.floor(rows * (update.byteLength > bytes ? 0.985 : 1.01) * (bytes / update.byteLength) ** 0.5);
  }
};

/** A data folder with the given workbooks (id → encoded content), an editor and a viewer token each. */
const dataDirWith = async (books: Record<string, Uint8Array>): Promise<{ dir: string; editor: Map<string, string>; viewer: Map<string, string> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-abuse-bench-'));
  const store = await openStore({ dataDir: dir });
  const editor = new Map<string, string>();
  const viewer = new Map<string, string>();
  for (const [id, content] of Object.entries(books)) {
    await createWorkbook(store, id, content);
    editor.set(id, (await store.catalog.createToken(id, 'editor')).token);
    viewer.set(id, (await store.catalog.createToken(id, 'viewer')).token);
  }
  await store.close();
  return { dir, editor, viewer };
};

/** Runs an attacker process (relay-attacker.ts) until `stop` is called; resolves with what it counted. */
const attack = (args: string[]): { stop: () => Promise<Record<string, number>> } => {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'relay-attacker.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
      return JSON.parse(/@@attack (.*)/.exec(out)?.[1] ?? '{"attackerFailed":1}') as Record<string, number>;
    },
  };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Progress on stderr (the runner shows it; stdout carries the result). */
const step = (what: string) => console.error(`relay-abuse: ${what}`);

/** The longest relay.stalled the relay logged in `text` (its log since a moment), ms. */
const longestLoggedStall = (text: string): number => Math.max(0, ...[...text.matchAll(/"event":"relay\.stalled","ms":(\d+)/g)].map((m) => Number(m[1])));

/**
 * A viewer joins `room` and receives the whole workbook; returns when. Raw bytes, not a client that
 * would decode them: decoding 8 MB here would stall this process, where the canary is timed.
 */
const joinRaw = (port: number, room: string, token: string, stay = false): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/${room}?token=${token}`, { localAddress: '127.0.0.9' });
    ws.on('open', () => ws.send(new Uint8Array([0, 0, 1, 0])));
    ws.on('message', (d: Buffer) => {
      if (d[0] !== 0 || d[1] !== 1) return;
      if (!stay) ws.close();
      resolve(ws);
    });
    ws.on('error', reject);
  });

/**
 * The stalls of several loads: the median load's (the machine is shared: one load can meet another
 * process's burst), and a note with each load's stall, the worst, and the CPU time loading took.
 */
const stallsOf = (rs: Awaited<ReturnType<typeof stallWhileLoading>>[]): { median: number; note: string } => {
  const stalls = rs.map((r) => Math.max(r.stall, r.logged));
  return {
    median: median(stalls),
    note: `${rs.length} loads: stalls ${stalls.map((x) => x.toFixed(0)).join(', ')} ms (worst ${Math.max(...stalls).toFixed(0)}); loading took ${rs.map((r) => `${r.load.ms} ms wall / ${r.load.cpuMs} ms CPU`).join(', ')}`,
  };
};

/** The load time (wall, CPU) the relay logged for `room` in `text`. */
const loggedLoad = (text: string, room: string): { ms: number; cpuMs: number } => {
  const m = new RegExp(`"event":"room\\.loaded","workbook":"${room}","ms":(\\d+),"cpuMs":(\\d+)`).exec(text);
  return { ms: Number(m?.[1] ?? Number.NaN), cpuMs: Number(m?.[2] ?? Number.NaN) };
};

/** A viewer joins `room`; returns the longest stall the canary of the same relay saw meanwhile, and the join time. */
const stallWhileLoading = async (
  server: ServerProcess,
  canary: Canary,
  room: string,
  token: string,
): Promise<{ stall: number; logged: number; join: number; load: { ms: number; cpuMs: number } }> => {
  await canary.read();
  canary.every(20);
  await sleep(1000);
  const mark = server.printed();
  const t0 = performance.now();
  await joinRaw(server.port, room, token);
  const join = since(t0);
  await sleep(1500);
  const seen = await canary.read();
  canary.every(100);
  const log = server.outputSince(mark);
  return { stall: seen.max, logged: longestLoggedStall(log), join, load: loggedLoad(log, room) };
};

const vs = (f: CanaryFigures, quiet: CanaryFigures): string =>
  `p50 ${f.p50.toFixed(1)} ms, max ${f.max.toFixed(0)} ms, ${f.edits} edits, ${f.missing} missing; quiet just before: p50 ${quiet.p50.toFixed(1)}, p99 ${quiet.p99.toFixed(1)} ms`;

/** The relay-abuse benchmark (see the module comment). */
export const relayAbuseBench: Bench = {
  name: 'relay-abuse',
  title: 'Relay under abuse: a canary editor while viewers flood sync step 1, while GET /state is hammered, while a big workbook loads',
  run: async () => {
    const limit = DEFAULT_MAX_ROOM_BYTES;
    const small = sizedWorkbook(64 * 1024);
    const underLimit = sizedWorkbook(limit);
    const overLimit = sizedWorkbook(Math.round(limit * 1.1));
    const bigs = ['big-1', 'big-2', 'big-3', 'big-4', 'big-5'];
    const main = await dataDirWith({ canary: small, target: underLimit, ...Object.fromEntries(bigs.map((b) => [b, underLimit])), 'too-big': overLimit });
    const sweepSizes = [4, 6, 8, 12].map((mb) => mb * MiB);
    // The sweep's other loaded workbook is 8 MB, as in the measurements the default was chosen from.
    const eight = sizedWorkbook(8 * MiB);
    const figures: Figure[] = [];
    const servers: ServerProcess[] = [];
    const machine = () => `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`;
    try {
      // At info: its room.loaded lines say how long loading took.
      const relay = await startOurRelay(main.dir, { LOG_LEVEL: 'info' });
      servers.push(relay);
      const canary = new Canary(relay.port, 'canary', main.editor.get('canary') ?? '');
      await canary.start(100);
      step('canary started');
      // The flooded workbook is in use (its room loaded, its whole encode cached), as it would be.
      const holder = connectClient(relay.port, 'target', main.viewer.get('target'));
      await holder.synced();
      step('target room held');
      await sleep(2000);
      await canary.read();

      await sleep(PHASE_S * 1000);
      const quietA = await canary.read();
      step('quiet stretch done');
      const flood = attack(['step1-flood', String(relay.port), 'target', main.viewer.get('target') ?? '', '2', '90']);
      await sleep(PHASE_S * 1000);
      const flooded = await canary.read();
      step('flood stretch done');
      const floodStats = await flood.stop();
      await sleep(3000);
      await canary.read();
      await sleep(PHASE_S * 1000);
      const quietB = await canary.read();
      const hammer = attack(['state-hammer', String(relay.port), 'target', main.viewer.get('target') ?? '', '4']);
      await sleep(PHASE_S * 1000);
      const hammered = await canary.read();
      step('hammer stretch done');
      const hammerStats = await hammer.stop();
      figures.push(
        { what: 'canary edit → peer p99, quiet (before the flood)', value: quietA.p99, unit: 'ms', note: `p50 ${quietA.p50.toFixed(1)} ms, ${quietA.edits} edits; ${machine()}` },
        {
          what: '(a) canary p99 while two viewer sockets flood sync step 1 (90/s each)',
          value: flooded.p99,
          unit: 'ms',
          budget: '≤ 100 ms',
          ok: flooded.p99 <= 100,
          note: `${vs(flooded, quietA)}; workbook ${(underLimit.byteLength / MiB).toFixed(1)} MB; attackers: ${JSON.stringify(floodStats)}`,
        },
        { what: 'canary edit → peer p99, quiet (before the hammering)', value: quietB.p99, unit: 'ms', note: `p50 ${quietB.p50.toFixed(1)} ms, ${quietB.edits} edits` },
        {
          what: '(b) canary p99 while four clients hammer GET /state',
          value: hammered.p99,
          unit: 'ms',
          budget: '≤ 100 ms',
          ok: hammered.p99 <= 100,
          note: `${vs(hammered, quietB)}; attackers: ${JSON.stringify(hammerStats)}`,
        },
      );

      // Five loads of a workbook just under the limit, with another one as big loaded (the flooded one).
      const loads = [];
      for (const id of bigs) loads.push(await stallWhileLoading(relay, canary, id, main.viewer.get(id) ?? ''));
      step('big workbooks loaded');
      const c = stallsOf(loads);
      figures.push({
        what: `(c) longest stall of another room while a workbook just under MAX_ROOM_BYTES (${(underLimit.byteLength / MiB).toFixed(1)} MB) loads, median of 5 loads`,
        value: c.median,
        unit: 'ms',
        budget: '< 1 s',
        ok: c.median < 1000,
        note: `${c.note}; another ${(underLimit.byteLength / MiB).toFixed(1)} MB workbook loaded meanwhile; ${machine()}`,
      });
      const t0 = performance.now();
      const refused = await new Promise<number>((resolve) => {
        const c = connectClient(relay.port, 'too-big', main.viewer.get('too-big'));
        c.provider.once('connection-close', (e: CloseEvent | null) => {
          resolve(e?.code ?? 0);
          setImmediate(() => c.destroy());
        });
      });
      figures.push({ what: `a workbook over the limit (${(overLimit.byteLength / MiB).toFixed(1)} MB): the relay refuses it`, value: since(t0), unit: 'ms', note: `close code ${refused}, nothing loaded` });
      holder.destroy();
      canary.stop();
      await relay.stop();

      // The measurements the default was chosen from: per size, a relay with the limit raised and
      // another workbook as big as the default allows loaded; three loads each.
      for (const size of sweepSizes) {
        const book = sizedWorkbook(size);
        const sweep = await dataDirWith({ canary: small, other: eight, 'w-1': book, 'w-2': book, 'w-3': book });
        const wide = await startOurRelay(sweep.dir, { MAX_ROOM_BYTES: String(64 * MiB), LOG_LEVEL: 'info' });
        servers.push(wide);
        const canary2 = new Canary(wide.port, 'canary', sweep.editor.get('canary') ?? '');
        await canary2.start(100);
        const other = await joinRaw(wide.port, 'other', sweep.viewer.get('other') ?? '', true);
        const rs = [];
        for (const id of ['w-1', 'w-2', 'w-3']) rs.push(await stallWhileLoading(wide, canary2, id, sweep.viewer.get(id) ?? ''));
        const r = stallsOf(rs);
        figures.push({
          what: `stall of another room while a ${(book.byteLength / MiB).toFixed(1)} MB workbook loads (MAX_ROOM_BYTES raised), median of 3`,
          value: r.median,
          unit: 'ms',
          note: `${r.note}; ${machine()}`,
        });
        other.close();
        canary2.stop();
        await wide.stop();
        step(`sweep ${size / MiB} MiB done`);
      }

      // A compaction of the workbook just under the limit with 1,000 logged edits, in the worker and its heap limit.
      const store = await openStore({ dataDir: main.dir });
      const log = await store.openLog('big-1');
      const wb = await loadWorkbook(store, 'big-1');
      const sheet = wb.sheets()[0]?.id ?? '';
      const rows = wb.rowIds(sheet);
      const col = wb.columnByName(sheet, 'Name')?.id ?? '';
      for (let i = 0; i < 1000; i++) {
        const before = Y.encodeStateVector(wb.doc);
        wb.setCell(sheet, rows[(i * 97) % rows.length] ?? '', col, `edited ${i}`);
        await log.append([Y.encodeStateAsUpdate(wb.doc, before)]);
      }
      const c0 = performance.now();
      const reply = await new Promise<CompactReply>((resolve) => {
        const compactor = new Compactor(silentLogger, store, (r) => {
          resolve(r);
          void compactor.close();
        }, limit);
        compactor.request({ workbook: 'big-1', upto: Number.MAX_SAFE_INTEGER });
      });
      await log.close();
      await store.close();
      figures.push({
        what: 'compaction of that workbook with 1,000 logged edits, in the worker',
        value: since(c0),
        unit: 'ms',
        note: reply.ok ? `folded ${reply.folded}; worker heap limit ${compactionHeapMB(limit)} MB (max(256 MB, 32 × MAX_ROOM_BYTES))` : `FAILED: ${reply.message}`,
      });
      return figures;
    } finally {
      for (const s of servers) await s.stop();
    }
  },
};
