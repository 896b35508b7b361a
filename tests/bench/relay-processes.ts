/** The two servers the relay benchmark compares, each in its own child process, and their CPU and memory from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../support/ports.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** What is kept of a server's output: enough for a --trace-gc line per collection over a long run. */
const KEPT_CHARS = 2_000_000;

/** A server under measurement. */
export interface ServerProcess {
  name: string;
  port: number;
  proc: ChildProcess;
  /** The last KEPT_CHARS characters it printed. */
  output: () => string;
  /** How many characters it has printed so far (a mark for outputSince). */
  printed: () => number;
  /** What it printed since `mark` (as much of it as is kept). */
  outputSince: (mark: number) => string;
  stop: () => Promise<void>;
}

const waitUntilUp = async (port: number, path: string, proc: ChildProcess, output: () => string): Promise<void> => {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const start = async (name: string, args: string[], env: Record<string, string>, healthPath: string, nodeFlags: string[] = []): Promise<ServerProcess> => {
  const port = await freePort();
  const proc = spawn(process.execPath, [...nodeFlags, ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let total = 0;
  const add = (d: Buffer) => {
    const text = d.toString();
    total += text.length;
    out = (out + text).slice(-KEPT_CHARS);
  };
  proc.stdout?.on('data', add);
  proc.stderr?.on('data', add);
  await waitUntilUp(port, healthPath, proc, () => out);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return { name, port, proc, output: () => out, printed: () => total, outputSince: (mark) => out.slice(Math.max(0, out.length - (total - mark))), stop };
};

/**
 * Our relay (`npm start` without building the app) on a data folder; `root`: the tree to run it
 * from (another checkout, to compare); `nodeFlags`: for Node itself (`--trace-gc`).
 */
export const startOurRelay = (dataDir: string, env: Record<string, string> = {}, root = ROOT, name = 'ours', nodeFlags: string[] = []): Promise<ServerProcess> =>
  start(name, ['--import', 'tsx', join(root, 'server', 'start.ts'), '--no-build'], { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env }, '/healthz', nodeFlags);

/**
 * The reference: @y/websocket-server 0.1.1 as its bin starts it (no persistence unless YPERSISTENCE
 * is set; gc on), pointed at loopback (its default HOST is "localhost", PORT 1234).
 */
export const startReferenceServer = (nodeFlags: string[] = [], name = '@y/websocket-server'): Promise<ServerProcess> =>
  start(name, [join(ROOT, 'node_modules', '@y', 'websocket-server', 'src', 'server.js')], {}, '/', nodeFlags);

/** Our relay's /healthz. */
export const healthOf = async (server: ServerProcess): Promise<Record<string, unknown>> =>
  (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as Record<string, unknown>;

/** CPU seconds (user + system) of a /proc `stat` line (a process's, or one of its threads'). */
export const cpuOfStat = (stat: string): number => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** CPU seconds (user + system) the process has used so far. */
export const cpuSeconds = (pid: number): number => cpuOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** Resident memory now and at its peak, in MB. */
export const rssMB = (pid: number): { now: number; peak: number } => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};
