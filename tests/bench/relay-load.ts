/**
 * The relay's fan-out load: N stock y-websocket clients in one room, each making an edit every
 * `intervalMs`; every edit's arrival at every other client is timed (one process, one clock).
 */
import { Workbook } from '../../src/model/index.ts';
import { connectClient, type RelayClient } from '../support/relay-clients.ts';
import { percentile } from './harness.ts';
import { cpuSeconds, rssMB, type ServerProcess } from './relay-processes.ts';

/** What one load run measured. */
export interface LoadResult {
  edits: number;
  /** Arrival delay of each edit at each peer, ms. */
  deliveries: number[];
  /** For each edit, the delay until the last peer had it, ms. */
  toAll: number[];
  missing: number;
  /** Server CPU seconds used, and wall seconds of the load. */
  cpu: number;
  wall: number;
  rss: { now: number; peak: number };
}

/** Several runs as one: all their samples, CPU over their summed time, the last memory figures. */
export const mergeLoads = (runs: LoadResult[]): LoadResult => ({
  edits: runs.reduce((n, r) => n + r.edits, 0),
  deliveries: runs.flatMap((r) => r.deliveries),
  toAll: runs.flatMap((r) => r.toAll),
  missing: runs.reduce((n, r) => n + r.missing, 0),
  cpu: runs.reduce((n, r) => n + r.cpu, 0),
  wall: runs.reduce((n, r) => n + r.wall, 0),
  rss: runs.at(-1)?.rss ?? { now: 0, peak: 0 },
});

/** Runs the load against `server`, in room `room` (with `token` for ours); the room holds a Products sheet. */
export const runLoad = async (
  server: ServerProcess,
  room: string,
  token: string | undefined,
  opts: { clients: number; intervalMs: number; seconds: number; initial?: Uint8Array },
): Promise<LoadResult> => {
  const clients: RelayClient[] = [];
  // The reference has no store: its first client brings the workbook.
  const first = connectClient(server.port, room, token);
  if (opts.initial) first.wb().applyUpdate(opts.initial);
  clients.push(first);
  await first.synced();
  for (let i = 1; i < opts.clients; i++) clients.push(connectClient(server.port, room, token));
  await Promise.all(clients.map((c) => c.synced()));
  const sheet = first.wb().sheets()[0]?.id ?? '';
  const ready = () => clients.every((c) => c.wb().hasSheet(sheet) && c.wb().rowCount(sheet) === first.wb().rowCount(sheet));
  while (!ready()) await new Promise((r) => setTimeout(r, 50));
  const rows = first.wb().rowIds(sheet);
  const onHand = first.wb().columnByName(sheet, 'On hand')?.id ?? '';

  const sentAt = new Map<number, number>();
  const arrivals = new Map<number, number[]>();
  const wbs: Workbook[] = clients.map((c) => c.wb());
  wbs.forEach((wb, i) => {
    wb.onChange((change) => {
      if (change.local) return;
      const now = performance.now();
      for (const [rowId, cols] of change.sheets.get(sheet)?.cells ?? []) {
        if (!cols.has(onHand)) continue;
        const id = wb.cell(sheet, rowId, onHand);
        const t0 = typeof id === 'number' ? sentAt.get(id) : undefined;
        if (t0 === undefined || Math.floor((id as number) / 1e6) === i) continue;
        const list = arrivals.get(id as number) ?? [];
        list.push(now - t0);
        arrivals.set(id as number, list);
      }
    });
  });

  const pid = server.proc.pid ?? 0;
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  let seq = 0;
  const timers = wbs.map((wb, i) => {
    let n = 0;
    const editOnce = () => {
      // Edit ids encode the writer, so a client ignores its own edits.
      const id = i * 1e6 + ++n;
      sentAt.set(id, performance.now());
      seq++;
      // Each client edits its own rows: concurrent edits of one cell would hide each other.
      wb.setCell(sheet, rows[(i + opts.clients * n) % rows.length] ?? '', onHand, id);
    };
    const start = setTimeout(() => {
      editOnce();
      timers[i] = setInterval(editOnce, opts.intervalMs);
    }, Math.random() * opts.intervalMs);
    return start;
  });
  await new Promise((r) => setTimeout(r, opts.seconds * 1000));
  for (const t of timers) clearInterval(t);
  const cpu = cpuSeconds(pid) - cpu0;
  const wall = (performance.now() - t0) / 1000;
  const rss = rssMB(pid);
  // Let the last edits arrive.
  await new Promise((r) => setTimeout(r, 2000));
  for (const c of clients) c.destroy();

  const deliveries: number[] = [];
  const toAll: number[] = [];
  let missing = 0;
  for (const id of sentAt.keys()) {
    const got = arrivals.get(id) ?? [];
    deliveries.push(...got);
    missing += opts.clients - 1 - got.length;
    if (got.length === opts.clients - 1) toAll.push(Math.max(...got));
  }
  return { edits: seq, deliveries, toAll, missing, cpu, wall, rss };
};

/** p50 and p99 of a list, ms. */
export const p50p99 = (xs: number[]): [number, number] => [percentile(xs, 50), percentile(xs, 99)];
