/**
 * The relay's fan-out load: N stock y-websocket clients in one room, each making a model edit
 * every `intervalMs` while the session runs; every edit's arrival at every other client is timed
 * (one process, one clock). Sessions stay connected between runs, so several servers can take
 * turns second by second and meet the same machine load.
 */
import type { Workbook } from '../../src/model/index.ts';
import { connectClient, type RelayClient } from '../support/relay-clients.ts';
import { percentile } from './harness.ts';
import { cpuSeconds, rssMB, type ServerProcess } from './relay-processes.ts';

/** What a session measured. */
export interface LoadResult {
  edits: number;
  /** Arrival delay of each edit at each peer, ms. */
  deliveries: number[];
  /** For each edit, the delay until the last peer had it, ms. */
  toAll: number[];
  missing: number;
  /** For each run (turn), the slowest edit-to-every-peer delay, ms. */
  worstPerRun: number[];
  /** Server CPU seconds used while the session ran, and the wall seconds it ran. */
  cpu: number;
  wall: number;
  rss: { now: number; peak: number };
}

/** N clients connected to one room of one server, ready to make edits on demand. */
export class LoadSession {
  private readonly sentAt = new Map<number, number>();
  private readonly arrivals = new Map<number, number[]>();
  private edits = 0;
  private cpu = 0;
  private wall = 0;
  private readonly counters: number[];
  private runs = 0;
  /** The run each edit was made in. */
  private readonly runOf = new Map<number, number>();

  private constructor(
    readonly server: ServerProcess,
    private readonly clients: RelayClient[],
    private readonly sheet: string,
    private readonly rows: readonly string[],
    private readonly column: string,
  ) {
    this.counters = clients.map(() => 0);
    clients.forEach((c, i) => {
      const wb = c.wb();
      wb.onChange((change) => {
        if (change.local) return;
        const now = performance.now();
        for (const [rowId, cols] of change.sheets.get(sheet)?.cells ?? []) {
          if (cols.has(column)) this.arrived(wb, i, rowId, now);
        }
      });
    });
  }

  /** Connects `clients` clients to `room` (the first brings `initial` when the server has no store) and waits until all hold it. */
  static async open(server: ServerProcess, room: string, token: string | undefined, clients: number, initial?: Uint8Array): Promise<LoadSession> {
    const first = connectClient(server.port, room, token);
    if (initial) first.wb().applyUpdate(initial);
    await first.synced();
    const all = [first, ...Array.from({ length: clients - 1 }, () => connectClient(server.port, room, token))];
    await Promise.all(all.map((c) => c.synced()));
    const wb = first.wb();
    const sheet = wb.sheets()[0]?.id ?? '';
    while (!all.every((c) => c.wb().hasSheet(sheet) && c.wb().rowCount(sheet) === wb.rowCount(sheet))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return new LoadSession(server, all, sheet, wb.rowIds(sheet), wb.columnByName(sheet, 'On hand')?.id ?? '');
  }

  /** Every client edits every `intervalMs` (from a random phase) for `seconds`. */
  async run(seconds: number, intervalMs: number): Promise<void> {
    const pid = this.server.proc.pid ?? 0;
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    const timers: NodeJS.Timeout[] = [];
    this.clients.forEach((c, i) => {
      const wb = c.wb();
      const edit = () => {
        // Edit ids encode the writer, so a client ignores its own; each client edits its own rows,
        // since concurrent edits of one cell would hide each other.
        const n = ++this.counters[i];
        const id = i * 1e6 + n;
        this.sentAt.set(id, performance.now());
        this.runOf.set(id, this.runs);
        this.edits++;
        wb.setCell(this.sheet, this.rows[(i + this.clients.length * n) % this.rows.length] ?? '', this.column, id);
      };
      timers.push(
        setTimeout(() => {
          edit();
          timers.push(setInterval(edit, intervalMs));
        }, Math.random() * intervalMs),
      );
    });
    await new Promise((r) => setTimeout(r, seconds * 1000));
    for (const t of timers) clearInterval(t);
    this.runs++;
    this.cpu += cpuSeconds(pid) - cpu0;
    this.wall += (performance.now() - t0) / 1000;
  }

  /** Waits for the last edits to arrive, disconnects, and returns the figures. */
  async close(): Promise<LoadResult> {
    await new Promise((r) => setTimeout(r, 2000));
    const rss = rssMB(this.server.proc.pid ?? 0);
    for (const c of this.clients) c.destroy();
    const deliveries: number[] = [];
    const toAll: number[] = [];
    const worstPerRun: number[] = new Array(this.runs).fill(0);
    let missing = 0;
    const peers = this.clients.length - 1;
    for (const id of this.sentAt.keys()) {
      const got = this.arrivals.get(id) ?? [];
      deliveries.push(...got);
      missing += peers - got.length;
      if (got.length !== peers) continue;
      const all = Math.max(...got);
      toAll.push(all);
      const run = this.runOf.get(id) ?? 0;
      worstPerRun[run] = Math.max(worstPerRun[run] ?? 0, all);
    }
    return { edits: this.edits, deliveries, toAll, missing, worstPerRun, cpu: this.cpu, wall: this.wall, rss };
  }

  private arrived(wb: Workbook, client: number, rowId: string, now: number): void {
    const id = wb.cell(this.sheet, rowId, this.column);
    if (typeof id !== 'number' || Math.floor(id / 1e6) === client) return;
    const t0 = this.sentAt.get(id);
    if (t0 === undefined) return;
    const list = this.arrivals.get(id) ?? [];
    list.push(now - t0);
    this.arrivals.set(id, list);
  }
}

/** p50 and p99 of a list, ms. */
export const p50p99 = (xs: number[]): [number, number] => [percentile(xs, 50), percentile(xs, 99)];
