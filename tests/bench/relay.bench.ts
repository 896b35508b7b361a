/**
 * Relay budget: 50 stock clients in one room, each making 2 edits a second for 30 s; p50/p99 from
 * an edit to every peer must be ≤ 50 ms and no worse than @y/websocket-server 0.1.1's, measured
 * in the same run (the 30 s are six alternating 5 s runs per server). Also: server CPU and RSS,
 * the same load with DURABILITY=fsync (a disk flush per commit), and the time a new client takes
 * to join a workbook of 100k rows.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '../../src/model/index.ts';
import { Store } from '../../server/store/store.ts';
import { connectClient } from '../support/relay-clients.ts';
import { since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';
import { mergeLoads, p50p99, runLoad, type LoadResult } from './relay-load.ts';
import { healthOf, rssMB, startOurRelay, startReferenceServer, type ServerProcess } from './relay-processes.ts';
import { delayPercentile, type DelayCounts } from '../../server/relay/delay-histogram.ts';

const CLIENTS = 50;
const SECONDS = 30;
/** The measured time is split in this many alternating runs per server. */
const ROUNDS = 6;

const workbookOf = (rows: number): Workbook => {
  const wb = Workbook.create({ name: `${rows} products` });
  const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows(rows));
  wb.clearHistory();
  return wb;
};

/** Connect → synced → rows readable through the model, for a client with no local state: [ms, rows]. */
const joinOnce = async (server: ServerProcess, room: string, token: string | undefined): Promise<[number, number]> => {
  const t0 = performance.now();
  const c = connectClient(server.port, room, token);
  await c.synced();
  const wb = c.wb();
  const sheet = wb.sheets()[0]?.id;
  const n = sheet === undefined ? 0 : wb.rowIds(sheet).length;
  const ms = since(t0);
  c.destroy();
  return [ms, n];
};

/** The join time of a 100k-row workbook. */
const join100k = async (server: ServerProcess, room: string, token: string | undefined): Promise<number> => {
  const [ms, n] = await joinOnce(server, room, token);
  if (n !== 100_000) throw new Error(`joined with ${n} rows`);
  return ms;
};

const loadFigures = (label: string, r: LoadResult, budget?: { refP99: number }): Figure[] => {
  const [d50, d99] = p50p99(r.deliveries);
  const [a50, a99] = p50p99(r.toAll);
  const ok = budget ? a99 <= 50 && a99 <= budget.refP99 : undefined;
  return [
    { what: `${label}: edit → one peer, p50 / p99`, value: d50, unit: 'ms', note: `p99 ${d99.toFixed(1)} ms; ${r.deliveries.length} deliveries` },
    { what: `${label}: edit → every peer, p50`, value: a50, unit: 'ms', note: `${r.edits} edits, ${r.missing} deliveries missing` },
    {
      what: `${label}: edit → every peer, p99`,
      value: a99,
      unit: 'ms',
      ...(budget ? { budget: `≤ 50 ms and ≤ reference (${budget.refP99.toFixed(1)} ms)`, ok } : {}),
    },
    { what: `${label}: server CPU during the load`, value: (r.cpu / r.wall) * 100, unit: '%', note: 'of one core' },
    { what: `${label}: server RSS after the load`, value: r.rss.now, unit: 'MB', note: `peak ${r.rss.peak.toFixed(0)} MB` },
  ];
};

/** A data folder holding `rooms` (the fan-out workbook, with a token each) and the 100k-row `big`. */
const seedDataDir = (rooms: string[], fanout: Workbook, big: Workbook): { dir: string; tokens: Map<string, string> } => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-relay-bench-'));
  const store = Store.open(dir);
  const tokens = new Map<string, string>();
  for (const id of rooms) {
    store.create(id, fanout);
    tokens.set(id, store.catalog.createToken(id, 'editor').token);
  }
  store.create('big', big);
  tokens.set('big', store.catalog.createToken('big', 'editor').token);
  store.close();
  return { dir, tokens };
};

/** The relay benchmark (see the module comment). */
export const relayBench: Bench = {
  name: 'relay',
  title: `Relay: ${CLIENTS} clients in one room, 2 edits/s each for ${SECONDS} s; joining a 100k-row workbook`,
  run: async () => {
    const fanout = workbookOf(1000);
    const fanoutUpdate = fanout.encode();
    const big = workbookOf(100_000);
    const bigUpdate = big.encode();
    const rooms = ['warm-up', ...Array.from({ length: ROUNDS }, (_, i) => `fanout-${i}`)];
    const commitData = seedDataDir(rooms, fanout, big);
    const fsyncData = seedDataDir(rooms, fanout, big);
    big.doc.destroy();
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
    const servers: ServerProcess[] = [];
    try {
      const ref = await startReferenceServer();
      const ours = await startOurRelay(commitData.dir);
      const oursFsync = await startOurRelay(fsyncData.dir, { DURABILITY: 'fsync' });
      servers.push(ref, ours, oursFsync);
      const tokensOf = new Map([
        [ours, commitData.tokens],
        [oursFsync, fsyncData.tokens],
      ]);
      // A short unmeasured run on each warms up the servers and this (client) process. Then the
      // measured runs alternate, so changes in the machine's load hit every server alike; only one
      // server has clients at a time. The reference has no store: its first client brings the workbook.
      const load = (server: ServerProcess, room: string, seconds: number) =>
        server === ref
          ? runLoad(ref, room, undefined, { clients: CLIENTS, intervalMs: 500, seconds, initial: fanoutUpdate })
          : runLoad(server, room, tokensOf.get(server)?.get(room), { clients: CLIENTS, intervalMs: 500, seconds });
      const subjects = [ref, ours, oursFsync];
      for (const s of subjects) await load(s, 'warm-up', 5);
      const delaysBefore = (await healthOf(ours)).relayDelayMs as DelayCounts;
      const loadAverage = loadavg()[0] ?? 0;
      const runs = new Map<ServerProcess, LoadResult[]>(subjects.map((s) => [s, []]));
      for (let i = 0; i < ROUNDS; i++) {
        for (const s of subjects) {
          gc();
          runs.get(s)?.push(await load(s, `fanout-${i}`, SECONDS / ROUNDS));
        }
      }
      const [refLoad, ourLoad, fsyncLoad] = subjects.map((s) => mergeLoads(runs.get(s) ?? []));
      const delaysAfter = (await healthOf(ours)).relayDelayMs as DelayCounts;
      const machine = `load average ${loadAverage.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`;
      await oursFsync.stop();
      gc();

      const bigToken = commitData.tokens.get('big');
      const cold = await join100k(ours, 'big', bigToken);
      const holder = connectClient(ours.port, 'big', bigToken);
      await holder.synced();
      const warm = await join100k(ours, 'big', bigToken);
      const ourRss = rssMB(ours.proc.pid ?? 0).now;
      holder.destroy();
      await ours.stop();

      const uploader = connectClient(ref.port, 'big', undefined);
      uploader.wb().applyUpdate(bigUpdate);
      await uploader.synced();
      // The reference answers joins before it has taken the upload in: wait until it has.
      const deadline = Date.now() + 120_000;
      while ((await joinOnce(ref, 'big', undefined))[1] !== 100_000) {
        if (Date.now() > deadline) throw new Error('the reference server never held the uploaded workbook');
        await new Promise((r) => setTimeout(r, 200));
      }
      const refJoin = await join100k(ref, 'big', undefined);
      const refRss = rssMB(ref.proc.pid ?? 0).now;
      uploader.destroy();
      await ref.stop();

      const refP99 = p50p99(refLoad?.toAll ?? [])[1];
      const inRelay = (p: number) => delayPercentile(delaysBefore, delaysAfter, p);
      return [
        ...(ourLoad ? loadFigures('ours', ourLoad, { refP99 }) : []),
        {
          what: 'ours: time an update spends in the relay (arrival → relayed, commit included), p99',
          value: inRelay(99),
          unit: 'ms',
          note: `bucket bound; p50 ≤ ${inRelay(50)} ms; ${machine}`,
        },
        ...(refLoad ? loadFigures('reference', refLoad) : []),
        ...(fsyncLoad ? loadFigures('ours, DURABILITY=fsync', fsyncLoad) : []),
        { what: 'join 100k rows, ours, room not loaded (store → relay → client)', value: cold, unit: 'ms', note: `${(bigUpdate.byteLength / 1048576).toFixed(1)} MB workbook` },
        { what: 'join 100k rows, ours, room loaded', value: warm, unit: 'ms', note: `relay RSS ${ourRss.toFixed(0)} MB` },
        { what: 'join 100k rows, reference, room loaded', value: refJoin, unit: 'ms', note: `server RSS ${refRss.toFixed(0)} MB` },
      ];
    } finally {
      for (const s of servers) await s.stop();
    }
  },
};
