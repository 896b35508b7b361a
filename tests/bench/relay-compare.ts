/**
 * Compares this tree's relay with another checkout's (BASE_TREE, e.g. main before a change), run
 * by hand: `BASE_TREE=/path/to/checkout npx tsx tests/bench/relay-compare.ts [runs]`. Both relays
 * run at once, each in its own process with 50 stock clients in one room (2 edits/s each); they
 * take turns of 1 s for 30 s, so changes in the shared machine's load hit both alike, and the
 * order alternates between runs. Each tree seeds its own data folder with its own code (their file
 * formats may differ). Prints, per run and tree: edit → every peer p50/p99, the time an update
 * spent in the relay (its /healthz histogram), and server CPU.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { delayPercentile, type DelayCounts } from '../../server/relay/delay-histogram.ts';
import { LoadSession, p50p99 } from './relay-load.ts';
import { healthOf, startOurRelay, type ServerProcess } from './relay-processes.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLIENTS = 50;
const SECONDS = 30;
const ROWS = 200;

const base = process.env.BASE_TREE;
if (!base) {
  console.error('Set BASE_TREE to the checkout to compare with (with node_modules).');
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 2);

/** Seeds a data folder with `root`'s own code: rooms `warm-up` and `fanout` of ROWS rows; returns their editor tokens. */
const seed = (root: string): { dir: string; tokens: Record<string, string> } => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-relay-compare-'));
  const code = `
    import { openStore } from '${root}/server/store/open-store.ts';
    import { createWorkbook } from '${root}/server/store/stored-workbook.ts';
    import { Workbook } from '${root}/src/model/index.ts';
    import { BENCH_COLUMNS, benchRows } from '${root}/tests/bench/model.bench.ts';
    const wb = Workbook.create({ name: 'fan-out' });
    const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows(${ROWS}));
    wb.clearHistory();
    const store = await openStore({ dataDir: ${JSON.stringify(dir)} });
    const tokens = {};
    for (const id of ['warm-up', 'fanout']) {
      await createWorkbook(store, id, wb);
      tokens[id] = (await store.catalog.createToken(id, 'editor')).token;
    }
    await store.close();
    console.log(JSON.stringify(tokens));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`seeding with ${root} failed:\n${r.stderr}`);
  return { dir, tokens: JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string> };
};

for (let run = 0; run < runs; run++) {
  const trees = run % 2 === 0 ? [['base', base], ['this', ROOT]] : [['this', ROOT], ['base', base]];
  const servers: ServerProcess[] = [];
  try {
    const sessions: LoadSession[] = [];
    for (const [name, root] of trees) {
      const { dir, tokens } = seed(root ?? ROOT);
      const server = await startOurRelay(dir, {}, root, name);
      servers.push(server);
      const warm = await LoadSession.open(server, 'warm-up', tokens['warm-up'], CLIENTS, ROWS);
      await warm.run(3, 500);
      await warm.close();
      sessions.push(await LoadSession.open(server, 'fanout', tokens.fanout, CLIENTS, ROWS));
    }
    const before = await Promise.all(servers.map((s) => healthOf(s)));
    const load0 = loadavg()[0] ?? 0;
    for (let turn = 0; turn < SECONDS; turn++) for (const s of sessions) await s.run(1, 500);
    const results = await Promise.all(sessions.map((s) => s.close()));
    const after = await Promise.all(servers.map((s) => healthOf(s)));
    for (const [i, s] of servers.entries()) {
      const r = results[i];
      if (!r) continue;
      const [a50, a99] = p50p99(r.toAll);
      const [d50, d99] = p50p99(r.deliveries);
      const counts = [before[i]?.relayDelayMs, after[i]?.relayDelayMs] as [DelayCounts, DelayCounts];
      console.log(
        JSON.stringify({
          run: run + 1,
          tree: s.name,
          load: `${load0.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`,
          everyPeerMs: [+a50.toFixed(2), +a99.toFixed(1)],
          onePeerMs: [+d50.toFixed(2), +d99.toFixed(1)],
          inRelayMs: { p50: delayPercentile(...counts, 50), p90: delayPercentile(...counts, 90), p99: delayPercentile(...counts, 99) },
          cpuPercent: +((r.cpu / r.wall) * 100).toFixed(2),
          edits: r.edits,
          missing: r.missing,
        }),
      );
    }
  } finally {
    for (const s of servers) await s.stop();
  }
}
process.exit(0);
