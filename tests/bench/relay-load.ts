/**
 * The relay's fan-out load: N stock y-websocket clients in one room, each making a model edit
 * every `intervalMs` while the session runs; every edit's arrival at every other client is timed
 * on one monotonic clock. Sessions stay connected between runs, so several servers can take turns
 * second by second and meet the same machine load.
 *
 * The clients live in a few worker threads rather than all in this one: 50 clients each applying
 * the 100 edits a second of the others is some 5,000 updates a second, which kept one thread so
 * busy that its own queueing and garbage collection (pauses of 100-250 ms, measured) were what the
 * tail latency showed, for every server alike.
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../server/ts-worker.ts';
import { percentile } from './harness.ts';
import type { FromObserver, ObserverSetup, ToObserver } from './relay-load-observer.ts';
import type { FromLoadWorker, LoadWorkerSetup, ToLoadWorker } from './relay-load-worker.ts';
import { cpuSeconds, rssMB, type ServerProcess } from './relay-processes.ts';

/** CPU seconds of a process that may have ended meanwhile (a database backend): 0 then. */
const cpuSecondsIfAlive = (pid: number): number => {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
};

/** How often a stock client checks whether its presence needs renewing (y-protocols: outdatedTimeout / 10). */
const PRESENCE_CHECK_MS = 3000;
/** Clients per worker thread. */
const CLIENTS_PER_WORKER = 10;

/** What a session measured. */
export interface LoadResult {
  edits: number;
  /** Arrival delay of each edit at each peer, ms. */
  deliveries: number[];
  /** For each edit, the delay until the last peer had it, ms. */
  toAll: number[];
  /**
   * With observers: for each edit, the delay until the last observer (joined after every client, so
   * written to last) read its frame, ms: when the relay had delivered it to every peer.
   */
  relayedToAll: number[];
  missing: number;
  /** For each run (turn), the slowest edit-to-every-peer delay, ms. */
  worstPerRun: number[];
  /** For each run, how late the clients' threads' own 10 ms timers fired at worst, ms. */
  clientLatePerRun: number[];
  /** Server CPU seconds used while the session ran (every server of the session), and the wall seconds it ran. */
  cpu: number;
  wall: number;
  /** CPU seconds of the other processes named when the session opened (a database), while it ran. */
  otherCpu: number;
  /** Summed over the session's servers. */
  rss: { now: number; peak: number };
}

/** A worker thread of the load (some of the session's clients, or the observers); its replies come in the order asked. */
class LoadWorker<From extends { type: string } = FromLoadWorker, To = ToLoadWorker> {
  private readonly pending: { type: From['type']; resolve: (msg: From) => void; reject: (err: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(readonly thread: Worker) {
    thread.on('message', (msg: From) => {
      const p = this.pending.shift();
      if (!p) return;
      if (msg.type === 'failed') p.reject(new Error('message' in msg ? String(msg.message) : 'a load thread failed'));
      else if (msg.type !== p.type) p.reject(new Error(`a load worker answered ${msg.type}, not ${p.type}`));
      else p.resolve(msg);
    });
    thread.on('error', (err) => this.fail(err));
    thread.on('exit', (code) => this.fail(new Error(`a load worker exited with ${code}`)));
  }

  /** Sends `msg` (if given) and waits for the worker's next reply, which must be of `type`. */
  next<T extends From['type']>(type: T, msg?: To): Promise<Extract<From, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.pending.push({ type, resolve: (got) => resolve(got as Extract<From, { type: T }>), reject });
      if (msg) this.thread.postMessage(msg);
    });
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.splice(0)) p.reject(err);
  }
}

/** N clients connected to one room of one server, ready to make edits on demand. */
export class LoadSession {
  private cpu = 0;
  private otherCpu = 0;
  private wall = 0;
  private runs = 0;
  private readonly clientLate: number[] = [];

  private constructor(
    readonly servers: ServerProcess[],
    private readonly workers: LoadWorker[],
    private readonly clients: number,
    private readonly otherPids: () => number[],
    private readonly observer: LoadWorker<FromObserver, ToObserver> | null,
  ) {}

  /**
   * Connects `clients` clients to `room`, where every client must come to hold `rows` rows (the
   * first brings `initial` when the server has no store), and waits until all of them do. Given
   * several servers (relays sharing a store), the clients are spread over them, ten at a time;
   * `otherPids` are processes whose CPU is counted apart (the database). `observers` plain peers
   * that apply nothing join last, in a thread of their own (relay-load-observer.ts).
   */
  static async open(
    server: ServerProcess | ServerProcess[],
    room: string,
    token: string | undefined,
    clients: number,
    rows: number,
    initial?: Uint8Array,
    otherPids: () => number[] = () => [],
    observers = 0,
  ): Promise<LoadSession> {
    const servers = Array.isArray(server) ? server : [server];
    const threads = Math.ceil(clients / CLIENTS_PER_WORKER);
    // A stock client renews its presence every 15 s, on a 3 s timer started when it was created,
    // and every peer passes each renewal on once: clients created in the same millisecond renew
    // in one burst. People do not join in the same millisecond: the joins are spread over 3 s.
    const joinGapMs = PRESENCE_CHECK_MS / CLIENTS_PER_WORKER;
    const start = (w: number, initialDoc?: Uint8Array): LoadWorker => {
      const first = w * CLIENTS_PER_WORKER;
      const setup: LoadWorkerSetup = { port: servers[w % servers.length]?.port ?? 0, room, token, first, count: Math.min(CLIENTS_PER_WORKER, clients - first), total: clients, rows, joinGapMs, ...(initialDoc ? { initial: initialDoc } : {}) };
      return new LoadWorker(startTsWorker(new URL('./relay-load-worker.ts', import.meta.url), { workerData: setup }));
    };
    // The worker with the first client starts alone, so the workbook is there before the others join.
    const workers = [start(0, initial)];
    await workers[0]?.next('ready');
    for (let w = 1; w < threads; w++) workers.push(start(w));
    await Promise.all(workers.slice(1).map((w) => w.next('ready')));
    let observer: LoadWorker<FromObserver, ToObserver> | null = null;
    if (observers > 0) {
      const setup: ObserverSetup = { port: servers.at(-1)?.port ?? 0, room, token, count: observers };
      observer = new LoadWorker(startTsWorker(new URL('./relay-load-observer.ts', import.meta.url), { workerData: setup }));
      await observer.next('ready');
    }
    return new LoadSession(servers, workers, clients, otherPids, observer);
  }

  /** Every client edits every `intervalMs` (from a random phase) for `seconds`. */
  async run(seconds: number, intervalMs: number): Promise<void> {
    const serverCpu = () => this.servers.reduce((n, s) => n + cpuSeconds(s.proc.pid ?? 0), 0);
    const others = this.otherPids();
    const otherCpu = () => others.reduce((n, pid) => n + cpuSecondsIfAlive(pid), 0);
    const cpu0 = serverCpu();
    const other0 = otherCpu();
    const t0 = performance.now();
    const msg: ToLoadWorker = { type: 'run', seconds, intervalMs, run: this.runs };
    const ran = await Promise.all(this.workers.map((w) => w.next('ran', msg)));
    this.clientLate[this.runs] = Math.max(...ran.map((r) => r.late));
    this.runs++;
    this.cpu += serverCpu() - cpu0;
    this.otherCpu += otherCpu() - other0;
    this.wall += (performance.now() - t0) / 1000;
  }

  /** Waits for the last edits to arrive, disconnects, and returns the figures. */
  async close(): Promise<LoadResult> {
    await new Promise((r) => setTimeout(r, 2000));
    const rss = this.servers
      .map((s) => rssMB(s.proc.pid ?? 0))
      .reduce((a, b) => ({ now: a.now + b.now, peak: a.peak + b.peak }), { now: 0, peak: 0 });
    const collected = await Promise.all(this.workers.map((w) => w.next('collected', { type: 'collect' })));
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
    let observed: [number, number][][] = [];
    if (this.observer) {
      observed = (await this.observer.next('collected', { type: 'collect' })).arrivals;
      await this.observer.thread.terminate();
    }
    const sentAt = new Map<number, [at: number, run: number]>();
    for (const c of collected) for (const [id, at, run] of c.sent) sentAt.set(id, [at, run]);
    const arrivals = new Map<number, number[]>();
    for (const c of collected) {
      for (const [id, at] of c.arrivals) {
        const t0 = sentAt.get(id)?.[0];
        if (t0 === undefined) continue;
        const list = arrivals.get(id) ?? [];
        list.push(at - t0);
        arrivals.set(id, list);
      }
    }
    const deliveries: number[] = [];
    const toAll: number[] = [];
    const worstPerRun: number[] = new Array(this.runs).fill(0);
    let missing = 0;
    const peers = this.clients - 1;
    for (const [id, [, run]] of sentAt) {
      const got = arrivals.get(id) ?? [];
      deliveries.push(...got);
      missing += peers - got.length;
      if (got.length !== peers) continue;
      const all = Math.max(...got);
      toAll.push(all);
      worstPerRun[run] = Math.max(worstPerRun[run] ?? 0, all);
    }
    const relayedToAll: number[] = [];
    if (observed.length > 0) {
      const seen = new Map<number, number[]>();
      for (const list of observed) for (const [id, at] of list) seen.set(id, [...(seen.get(id) ?? []), at]);
      for (const [id, [t0]] of sentAt) {
        const ats = seen.get(id);
        if (ats && ats.length === observed.length) relayedToAll.push(Math.max(...ats) - t0);
        else missing++;
      }
    }
    return { edits: sentAt.size, deliveries, toAll, relayedToAll, missing, worstPerRun, clientLatePerRun: [...this.clientLate], cpu: this.cpu, wall: this.wall, otherCpu: this.otherCpu, rss };
  }
}

/** p50 and p99 of a list, ms. */
export const p50p99 = (xs: number[]): [number, number] => [percentile(xs, 50), percentile(xs, 99)];
