/**
 * Relays on PostgreSQL: the relay benchmark's load (50 stock clients in one room, 2 edits a second
 * each) with the clients spread over 1, 2 and 3 relays sharing one PostgreSQL, against one relay
 * on SQLite and @y/websocket-server 0.1.1, all in the same run: every session stays connected and
 * they take turns of a second, so the shared machine's load hits them alike. Figures: edit → every
 * peer p50/p99, relay CPU and RSS (summed over the session's relays), PostgreSQL's CPU.
 * PostgreSQL is a server of the benchmark's own (tests/support/postgres.ts: fsync off, as the
 * SQLite relay runs with DURABILITY=commit).
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '../../src/model/index.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import { startPostgres } from '../support/postgres.ts';
import type { Bench, Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';
import { LoadSession, p50p99, type LoadResult } from './relay-load.ts';
import { startOurRelay, startReferenceServer, type ServerProcess } from './relay-processes.ts';

const CLIENTS = 50;
const SECONDS = 20;
const FANOUT_ROWS = 200;

const workbookOf = (rows: number): Workbook => {
  const wb = Workbook.create({ name: `${rows} products` });
  const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows(rows));
  wb.clearHistory();
  return wb;
};

const figures = (label: string, r: LoadResult, withDb: boolean): Figure[] => {
  const [a50, a99] = p50p99(r.toAll);
  const slow = r.worstPerRun.filter((w) => w > 50).length;
  const late = Math.max(...r.clientLatePerRun);
  return [
    { what: `${label}: edit → every peer, p50`, value: a50, unit: 'ms', note: `${r.edits} edits, ${r.missing} deliveries missing` },
    { what: `${label}: edit → every peer, p99`, value: a99, unit: 'ms', note: `${slow} of ${r.worstPerRun.length} turns had an edit over 50 ms; worst ${Math.max(...r.worstPerRun).toFixed(0)} ms; the clients' threads were up to ${late.toFixed(0)} ms late themselves` },
    { what: `${label}: relay CPU`, value: (r.cpu / r.wall) * 100, unit: '%', note: 'of one core, all its relays together' },
    { what: `${label}: relay RSS after the load`, value: r.rss.now, unit: 'MB', note: 'all its relays together' },
    ...(withDb ? [{ what: `${label}: PostgreSQL CPU`, value: (r.otherCpu / r.wall) * 100, unit: '%' as const, note: 'of one core: postmaster and every backend' }] : []),
  ];
};

/** The PostgreSQL benchmark (see the module comment). */
export const relayPgBench: Bench = {
  name: 'relay-pg',
  title: `Relays on PostgreSQL: ${CLIENTS} clients in one room, 2 edits/s each for ${SECONDS} s, over 1, 2 and 3 relays`,
  run: async () => {
    const fanout = workbookOf(FANOUT_ROWS);
    const fanoutUpdate = fanout.encode();
    const pg = await startPostgres();
    const servers: ServerProcess[] = [];
    try {
      const url = await pg.createDatabase('bench');
      const rooms = ['warm-up', 'over-1', 'over-2', 'over-3'];
      const tokens = new Map<string, string>();
      const pgStore = await openStore({ dataDir: '', databaseUrl: url });
      for (const id of rooms) {
        await createWorkbook(pgStore, id, fanout);
        tokens.set(id, (await pgStore.catalog.createToken(id, 'editor')).token);
      }
      await pgStore.close();
      const dir = mkdtempSync(join(tmpdir(), 'wb-relay-pg-bench-'));
      const sqliteStore = await openStore({ dataDir: dir });
      for (const id of ['warm-up', 'fanout']) {
        await createWorkbook(sqliteStore, id, fanout);
        tokens.set(`sqlite:${id}`, (await sqliteStore.catalog.createToken(id, 'editor')).token);
      }
      await sqliteStore.close();

      const ref = await startReferenceServer();
      const sqlite = await startOurRelay(dir);
      const relays: ServerProcess[] = [];
      for (let i = 0; i < 3; i++) relays.push(await startOurRelay(mkdtempSync(join(tmpdir(), 'wb-relay-pg-bench-')), { DATABASE_URL: url }));
      servers.push(ref, sqlite, ...relays);
      const db = () => pg.pids();

      // A first, unmeasured turn warms up every server and this process.
      const warmUps = [
        await LoadSession.open(ref, 'warm-up', undefined, CLIENTS, FANOUT_ROWS, fanoutUpdate),
        await LoadSession.open(sqlite, 'warm-up', tokens.get('sqlite:warm-up'), CLIENTS, FANOUT_ROWS),
        await LoadSession.open(relays, 'warm-up', tokens.get('warm-up'), CLIENTS, FANOUT_ROWS),
      ];
      for (const w of warmUps) await w.run(3, 500);
      for (const w of warmUps) await w.close();

      const sessions = [
        await LoadSession.open(ref, 'fanout', undefined, CLIENTS, FANOUT_ROWS, fanoutUpdate),
        await LoadSession.open(sqlite, 'fanout', tokens.get('sqlite:fanout'), CLIENTS, FANOUT_ROWS),
        await LoadSession.open(relays.slice(0, 1), 'over-1', tokens.get('over-1'), CLIENTS, FANOUT_ROWS, undefined, db),
        await LoadSession.open(relays.slice(0, 2), 'over-2', tokens.get('over-2'), CLIENTS, FANOUT_ROWS, undefined, db),
        await LoadSession.open(relays, 'over-3', tokens.get('over-3'), CLIENTS, FANOUT_ROWS, undefined, db),
      ];
      const load0 = loadavg()[0] ?? 0;
      for (let turn = 0; turn < SECONDS; turn++) for (const s of sessions) await s.run(1, 500);
      const [refR, sqliteR, one, two, three] = await Promise.all(sessions.map((s) => s.close()));
      const machine = `load average ${load0.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} on ${cpus().length} cores`;
      const out: Figure[] = [];
      if (refR) out.push(...figures('reference (@y/websocket-server)', refR, false));
      if (sqliteR) out.push(...figures('ours, 1 relay on SQLite', sqliteR, false));
      if (one) out.push(...figures('ours, 1 relay on PostgreSQL', one, true));
      if (two) out.push(...figures('ours, 2 relays on PostgreSQL', two, true));
      if (three) out.push(...figures('ours, 3 relays on PostgreSQL', three, true));
      const last = out.at(-1);
      if (last) last.note = `${last.note ?? ''}; ${machine}`;
      return out;
    } finally {
      for (const s of servers) await s.stop();
      await pg.destroy();
    }
  },
};
