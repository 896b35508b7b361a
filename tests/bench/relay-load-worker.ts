/**
 * A worker thread of the relay's fan-out load: it holds some of a session's stock clients, makes
 * their edits when told, and notes when each edit was made and when it arrived at each of its
 * clients, on the process's monotonic clock (the same in every thread), for LoadSession to add up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Workbook } from '../../src/model/index.ts';
import { connectClient, type RelayClient } from '../support/relay-clients.ts';

/** What the session tells a worker when it starts it. */
export interface LoadWorkerSetup {
  port: number;
  room: string;
  token: string | undefined;
  /** Session-wide index of this worker's first client, and how many it holds. */
  first: number;
  count: number;
  /** Clients in the whole session (each edits its own rows). */
  total: number;
  /** Rows every client must hold before the worker is ready. */
  rows: number;
  /** Pause between two joins, ms. */
  joinGapMs: number;
  /** The first client brings this workbook (a server without a store starts empty). */
  initial?: Uint8Array;
}

/** Session → worker. */
export type ToLoadWorker = { type: 'run'; seconds: number; intervalMs: number; run: number } | { type: 'collect' };

/** Worker → session. Times are ms on the monotonic clock. */
export type FromLoadWorker =
  | { type: 'ready' }
  | { type: 'ran'; late: number }
  | { type: 'collected'; sent: [id: number, at: number, run: number][]; arrivals: [id: number, at: number][] }
  | { type: 'failed'; message: string };

/** The process's monotonic clock in ms: comparable between threads, unlike performance.now(). */
const clockMs = (): number => Number(process.hrtime.bigint()) / 1e6;

const port = parentPort;
if (!port) throw new Error('relay-load-worker.ts runs as a worker thread of the relay benchmark.');
const setup = workerData as LoadWorkerSetup;
const send = (msg: FromLoadWorker) => port.postMessage(msg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sent: [number, number, number][] = [];
const arrivals: [number, number][] = [];
const clients: RelayClient[] = [];
let sheet = '';
let rows: readonly string[] = [];
let column = '';
const counters: number[] = [];

/** Notes the arrival of the edit now in `rowId` at client `index` (not its own). */
const arrived = (wb: Workbook, index: number, rowId: string, at: number): void => {
  const id = wb.cell(sheet, rowId, column);
  if (typeof id !== 'number' || Math.floor(id / 1e6) === index) return;
  arrivals.push([id, at]);
};

const open = async (): Promise<void> => {
  for (let k = 0; k < setup.count; k++) {
    if (k > 0) await sleep(setup.joinGapMs);
    const c = connectClient(setup.port, setup.room, setup.token);
    if (k === 0 && setup.initial) {
      c.wb().applyUpdate(setup.initial);
      await c.synced();
    }
    clients.push(c);
  }
  await Promise.all(clients.map((c) => c.synced()));
  const holds = (c: RelayClient) => {
    const wb = c.wb();
    const id = wb.sheets()[0]?.id;
    return id !== undefined && wb.rowCount(id) === setup.rows;
  };
  const deadline = Date.now() + 60_000;
  while (!clients.every(holds)) {
    if (Date.now() > deadline) throw new Error(`the clients never held ${setup.rows} rows`);
    await sleep(50);
  }
  const wb = clients[0]?.wb();
  if (!wb) throw new Error('a worker without clients');
  sheet = wb.sheets()[0]?.id ?? '';
  rows = wb.rowIds(sheet);
  column = wb.columnByName(sheet, 'On hand')?.id ?? '';
  clients.forEach((c, k) => {
    const index = setup.first + k;
    counters.push(0);
    const cwb = c.wb();
    cwb.onChange((change) => {
      if (change.local) return;
      const at = clockMs();
      for (const [rowId, cols] of change.sheets.get(sheet)?.cells ?? []) if (cols.has(column)) arrived(cwb, index, rowId, at);
    });
  });
};

/** Every client edits every `intervalMs` (from a random phase) for `seconds`; answers with this thread's worst timer lateness. */
const run = async (seconds: number, intervalMs: number, runIndex: number): Promise<number> => {
  const timers: NodeJS.Timeout[] = [];
  let late = 0;
  let tick = performance.now();
  timers.push(
    setInterval(() => {
      const now = performance.now();
      late = Math.max(late, now - tick - 10);
      tick = now;
    }, 10),
  );
  clients.forEach((c, k) => {
    const index = setup.first + k;
    const wb = c.wb();
    const edit = () => {
      // Edit ids encode the writer, so a client ignores its own; each client edits its own rows,
      // since concurrent edits of one cell would hide each other.
      const n = ++counters[k]!;
      const id = index * 1e6 + n;
      sent.push([id, clockMs(), runIndex]);
      wb.setCell(sheet, rows[(index + setup.total * n) % rows.length] ?? '', column, id);
    };
    timers.push(
      setTimeout(() => {
        edit();
        timers.push(setInterval(edit, intervalMs));
      }, Math.random() * intervalMs),
    );
  });
  await sleep(seconds * 1000);
  for (const t of timers) clearInterval(t);
  return late;
};

port.on('message', (msg: ToLoadWorker) => {
  if (msg.type === 'run') {
    void run(msg.seconds, msg.intervalMs, msg.run).then((late) => send({ type: 'ran', late }));
  } else {
    send({ type: 'collected', sent, arrivals });
    for (const c of clients) c.destroy();
  }
});

open().then(
  () => send({ type: 'ready' }),
  (err: unknown) => send({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);
