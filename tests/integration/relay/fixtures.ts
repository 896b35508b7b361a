/** Shared set-up of the relay tests: seeded stores, a relay process, raw upgrade requests. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '../../../src/model/index.ts';
import type { Store } from '../../../server/store/contract.ts';
import { openStore } from '../../../server/store/open-store.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import type { Role } from '../../../server/store/tokens.ts';
import { ROOT, startAppServer, type AppServer } from '../../support/app-server.ts';

/** A new empty data folder. */
export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'wb-relay-'));

/** A workbook with a Products sheet of `rows` rows (SKU, Name, Cost, On hand). */
export const productsWorkbook = (rows = 3, name = 'Test shop'): Workbook => {
  const wb = Workbook.create({ name });
  const sheet = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'SKU', type: 'text', options: { key: true } },
      { name: 'Name', type: 'text' },
      { name: 'Cost', type: 'currency' },
      { name: 'On hand', type: 'integer' },
    ],
  });
  const data = Array.from({ length: rows }, (_, i) => [`SKU-${1000 + i}`, `Product ${i}`, 10 + i, i]);
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), data);
  wb.clearHistory();
  return wb;
};

/** Runs `fn` with the store of `dataDir` open (as the CLI opens it), and closes it. */
export const withTestStore = async <T,>(dataDir: string, fn: (store: Store) => T | Promise<T>): Promise<T> => {
  const store = await openStore({ dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
};

/** Tokens made by `seed`, by workbook id then role. */
export type Tokens = Record<string, Record<Role, string>>;

/** Creates workbooks (content from `make`) with one editor and one viewer token each, straight in the store. */
export const seed = async (dataDir: string, ids: string[], make: (id: string) => Workbook = () => productsWorkbook()): Promise<Tokens> => {
  const store = await openStore({ dataDir });
  const tokens: Tokens = {};
  try {
    for (const id of ids) {
      if (!(await store.catalog.has(id))) await createWorkbook(store, id, make(id));
      tokens[id] = {
        editor: (await store.catalog.createToken(id, 'editor')).token,
        viewer: (await store.catalog.createToken(id, 'viewer')).token,
      };
    }
  } finally {
    await store.close();
  }
  return tokens;
};

/** Starts the real relay (server/start.ts) without building the app, with short timers for tests. */
export const startRelay = (
  opts: { dataDir?: string; port?: number; env?: Record<string, string>; args?: string[]; nodeArgs?: string[] } = {},
): Promise<AppServer> =>
  startAppServer({
    ...opts,
    args: ['--no-build', ...(opts.args ?? [])],
    env: { ROOM_GRACE_MS: '200', STORE_POLL_MS: '50', ...opts.env },
  });

/** The answer to a raw websocket upgrade request: status and every byte the server sent before closing. */
export interface RawAnswer {
  status: number;
  bytes: Buffer;
}

/** Sends a websocket upgrade for `path` on a plain TCP socket and collects everything until the server closes. */
export const rawUpgrade = (port: number, path: string): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      ),
    );
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const bytes = Buffer.concat(chunks);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(bytes.toString('latin1'))?.[1] ?? 0), bytes });
    });
    // An accepted upgrade stays open: the test gets what arrived in the first moments.
    setTimeout(() => socket.destroy(), 1500).unref();
  });

/** Relay health as /healthz reports it. */
export interface Health {
  ok: boolean;
  rooms: number;
  connections: number;
  unauthenticated: number;
  /** Counts by bucket (ms) of how late the event loop ran, and of garbage-collection pauses. */
  eventLoopLateMs: Record<string, number>;
  gcPauseMs: Record<string, number>;
  heapUsedMB: number;
  rssMB: number;
}

/** GET /healthz (`gc` asks a relay started with --expose-gc to collect garbage first). */
export const health = async (server: AppServer, gc = false): Promise<Health> =>
  (await (await fetch(`${server.url}/healthz${gc ? '?gc=1' : ''}`)).json()) as Health;

/** Runs the CLI (`npm run -s workbook -- …`) as its own process on `dataDir`. */
export const runCli = (
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

/** Runs server/start.ts expecting it to stop by itself (a startup error); resolves with its exit code and output. */
export const runStartExpectingExit = (
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'start.ts'), '--no-build', ...args], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`The relay did not stop by itself:\n${stdout}\n${stderr}`));
    }, 30_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
