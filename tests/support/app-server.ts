/** Starts the real `npm start` process (server/start.ts) on a free port for a test, and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A running app server. */
export interface AppServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Everything the process printed so far (stdout and stderr, interleaved). */
  output: () => string;
  /** What it printed on stdout alone (the relay's structured log). */
  stdout: () => string;
  /**
   * The link with an editor token that the first start into an empty data folder made: not
   * printed (stderr is not a terminal here) but written to DATA_DIR/first-start-link.txt.
   */
  firstLink: () => string | undefined;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts the server and resolves once it answers /healthz. */
export const startAppServer = async (
  opts: { port?: number; dataDir?: string; env?: Record<string, string>; args?: string[]; nodeArgs?: string[] } = {},
): Promise<AppServer> => {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'wb-data-'));
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'server', 'start.ts'), ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    stdout += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`The server exited with ${proc.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  const linkFile = join(dataDir, 'first-start-link.txt');
  const firstLink = () => (existsSync(linkFile) ? readFileSync(linkFile, 'utf8').trim() : undefined);
  return { url, port, dataDir, proc, output: () => out, stdout: () => stdout, firstLink, stop };
};
