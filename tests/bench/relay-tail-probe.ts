/**
 * Where the relay's tail comes from, run by hand: `npx tsx tests/bench/relay-tail-probe.ts [seconds]`.
 * The reference server and our relay (and, with VARIANTS='{"name":{"ENV":"value"}}', our relay
 * with other settings) each keep 50 stock clients in one room making 2 edits/s each; they take
 * turns of 1 s, so the shared machine's load hits all alike. Every server runs with --trace-gc;
 * per server this prints edit → every peer p50/p99 as the clients' models saw it (everyPeerMs)
 * and as two listening peers joined last read it (relayedMs: the relay had then written it to
 * everyone, without the clients' own lateness), its garbage-collection pauses during the
 * load (count over 2/5/10 ms, longest, total), the largest heap a major collection left (what
 * the heap really holds), and its CPU; with PRINT_GC=1 its long pauses, with PRINT_THREADS=1 its CPU by thread;
 * with SECOND_REFERENCE=1 a second reference server takes turns too (how far two identical servers differ).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '../../src/model/index.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';
import { LoadSession, p50p99 } from './relay-load.ts';
import { cpuOfStat, startOurRelay, startReferenceServer, type ServerProcess } from './relay-processes.ts';

const CLIENTS = 50;
/** Plain peers that only note arrivals (relay-load-observer.ts): edit → relay delivered to every peer. */
const OBSERVERS = 2;
const ROWS = 200;
const seconds = Number(process.argv[2] ?? 30);
/** More Node flags for every server (NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof'). */
const ourFlags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const variants = JSON.parse(process.env.VARIANTS ?? '{}') as Record<string, Record<string, string>>;

/** The isolate of the first GC line --trace-gc printed ("[pid:0xisolate]  123 ms: ..."): the main thread's. */
const firstIsolate = (text: string): string | undefined => /\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: /.exec(text)?.[1];

/** Pause times (ms) of the GC lines --trace-gc printed ("... Scavenge 10.2 (12.3) -> 9.8 (13.3) MB, 1.23 / 0.00 ms"), and whether on `mainIsolate`. */
const gcPauses = (text: string, mainIsolate: string | undefined): { kind: string; ms: number; main: boolean }[] =>
  [...text.matchAll(/\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep|Mark-Compact \(reduce\))[^,]*MB, ([\d.]+) \/ [\d.]+ ms/g)].map((m) => ({
    kind: m[2] ?? '',
    ms: Number(m[3]),
    main: m[1] === mainIsolate,
  }));

/** CPU seconds by thread name of a process (PRINT_THREADS=1: which thread of a server does the work). */
const threadCpu = (pid: number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = tid === String(pid) ? 'main' : `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))} ${tid}`;
    out[name] = +((out[name] ?? 0) + cpuOfStat(stat)).toFixed(2);
  }
  return out;
};

const wb = Workbook.create({ name: 'fan-out' });
const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows(ROWS));
wb.clearHistory();
const initial = wb.encode();

const seed = async (): Promise<{ dir: string; tokens: Map<string, string> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-tail-'));
  const store = await openStore({ dataDir: dir });
  const tokens = new Map<string, string>();
  for (const id of ['warm-up', 'fanout']) {
    await createWorkbook(store, id, wb);
    tokens.set(id, (await store.catalog.createToken(id, 'editor')).token);
  }
  await store.close();
  return { dir, tokens };
};

const servers: ServerProcess[] = [];
try {
  const entries: { server: ServerProcess; tokens?: Map<string, string> }[] = [{ server: await startReferenceServer(['--trace-gc', ...ourFlags]) }];
  // SECOND_REFERENCE=1: a second reference server takes its turns too, so a run shows how far
  // two identical servers' figures differ on this machine (the instrument's own spread).
  if (process.env.SECOND_REFERENCE) entries.push({ server: await startReferenceServer(['--trace-gc', ...ourFlags], 'reference again') });
  for (const [name, env] of Object.entries({ ours: {}, ...variants })) {
    const data = await seed();
    // A variant's NODE_FLAGS are node flags for that server alone.
    const { NODE_FLAGS: flags = '', ...rest }: Record<string, string> = env;
    entries.push({ server: await startOurRelay(data.dir, rest, undefined, name, ['--trace-gc', ...ourFlags, ...flags.split(' ').filter(Boolean)]), tokens: data.tokens });
  }
  servers.push(...entries.map((e) => e.server));
  const open = (e: (typeof entries)[number], room: string) => LoadSession.open(e.server, room, e.tokens?.get(room), CLIENTS, ROWS, e.tokens ? undefined : initial, undefined, room === 'fanout' ? OBSERVERS : 0);
  const warm = [];
  for (const e of entries) warm.push(await open(e, 'warm-up'));
  for (const w of warm) await w.run(3, 500);
  for (const w of warm) await w.close();
  const sessions = [];
  for (const e of entries) sessions.push(await open(e, 'fanout'));
  const marks = servers.map((s) => s.printed());
  const threads0 = servers.map((s) => threadCpu(s.proc.pid ?? 0));
  const load0 = loadavg()[0] ?? 0;
  for (let turn = 0; turn < seconds; turn++) for (const s of sessions) await s.run(1, 500);
  const results = await Promise.all(sessions.map((s) => s.close()));
  if (process.env.PRINT_THREADS) {
    for (const [i, s] of servers.entries()) {
      const before = threads0[i] ?? {};
      const used = Object.entries(threadCpu(s.proc.pid ?? 0)).map(([t, cpu]) => [t, +(cpu - (before[t] ?? 0)).toFixed(2)] as const);
      console.log(s.name, 'CPU s by thread during the load:', JSON.stringify(Object.fromEntries(used.filter(([, cpu]) => cpu > 0))));
    }
  }
  console.log(`load average ${load0.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`);
  for (const [i, s] of servers.entries()) {
    const r = results[i];
    if (!r) continue;
    const [a50, a99] = p50p99(r.toAll);
    const pauses = gcPauses(s.outputSince(marks[i] ?? 0), firstIsolate(s.outputSince(0)));
    const mainPauses = pauses.filter((p) => p.main);
    const over = (ms: number) => pauses.filter((p) => p.ms > ms).length;
    const longest = pauses.reduce((m, p) => (p.ms > m.ms ? p : m), { kind: '-', ms: 0 });
    if (process.env.PRINT_GC) for (const line of s.outputSince(marks[i] ?? 0).split('\n')) if (/Mark-Compact|Mark-sweep|over \d+ ms/.test(line) || /Scavenge[^\n]*, (\d\d|[5-9])\.\d+ \//.test(line)) console.log(`${s.name}: ${line.trim()}`);
    const heaps = [...s.outputSince(marks[i] ?? 0).matchAll(/Mark-Compact[^\n]*-> ([\d.]+) \(/g)].map((m) => Number(m[1]));
    console.log(
      JSON.stringify({
        server: s.name,
        everyPeerMs: [+a50.toFixed(2), +a99.toFixed(1)],
        relayedMs: r.relayedToAll.length ? p50p99(r.relayedToAll).map((x, k) => +x.toFixed(k ? 1 : 2)) : null,
        slowTurns: r.worstPerRun.filter((w) => w > 50).length,
        clientLateMax: Math.max(...r.clientLatePerRun),
        mainGc: { count: mainPauses.length, over5: mainPauses.filter((p) => p.ms > 5).length, over10: mainPauses.filter((p) => p.ms > 10).length, totalMs: +mainPauses.reduce((n, p) => n + p.ms, 0).toFixed(0) },
        gc: { count: pauses.length, over2: over(2), over5: over(5), over10: over(10), longest: `${longest.kind} ${longest.ms}`, totalMs: +pauses.reduce((n, p) => n + p.ms, 0).toFixed(0) },
        heapAfterMajorMB: heaps.length ? Math.max(...heaps) : null,
        cpuPercent: +((r.cpu / r.wall) * 100).toFixed(2),
        rssMB: +r.rss.now.toFixed(0),
        edits: r.edits,
        missing: r.missing,
      }),
    );
  }
} finally {
  for (const s of servers) await s.stop();
}
process.exit(0);
