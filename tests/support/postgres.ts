/**
 * A real PostgreSQL server for a test file: its own cluster in a temporary folder, made with initdb
 * and run by pg_ctl as the `postgres` user (when the tests run as root), listening on a free
 * loopback port only; stopped and removed afterwards. Each test file starts its own, so files run
 * in parallel without sharing ports, folders or data. Durability settings are relaxed (fsync off):
 * a stopped or restarted server keeps every commit, which is all the tests rely on.
 */
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ensurePostgres } from '../tools/ensure-postgres.ts';
import { freePort } from './ports.ts';

const run = promisify(execFile);

/** A running test cluster. */
export interface TestPostgres {
  port: number;
  /** The URL of database `db` (the default `postgres` database when omitted). */
  url: (db?: string) => string;
  /** Creates an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  /** Stops the server (immediately: as a crash, keeping every commit) and starts it again on the same port after `downMs`. */
  restart: (downMs?: number) => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and removes its folder. */
  destroy: () => Promise<void>;
  /** The server's processes now: the postmaster and its children (backends, writers), for CPU figures. */
  pids: () => number[];
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program as the `postgres` user (PostgreSQL refuses to run as root). */
const asPostgres = async (bin: string, args: string[]): Promise<void> => {
  const [cmd, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  await run(cmd, all, { env: { ...process.env, LC_ALL: 'C.UTF-8' }, timeout: 60_000 });
};

/** Starts a new cluster (installing PostgreSQL first when missing). */
export const startPostgres = async (): Promise<TestPostgres> => {
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'wb-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  await asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c shared_buffers=16MB',
    '-c max_connections=80',
  ].join(' ');
  const pgCtl = join(bin, 'pg_ctl');
  const start = async () => {
    try {
      await asPostgres(pgCtl, ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', options]);
    } catch (err) {
      let log = '';
      try {
        log = readFileSync(logFile, 'utf8').slice(-2000);
      } catch {
        // no log written
      }
      throw new Error(`PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n${log}`);
    }
  };
  const stop = () => asPostgres(pgCtl, ['stop', '-w', '-D', data, '-m', 'immediate']).catch(() => {});
  await start();
  const url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    restart: async (downMs = 0) => {
      await stop();
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    stop,
    start,
    pids: () => {
      let main: number;
      try {
        main = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return [];
      }
      const children = readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
          try {
            const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
            return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === main;
          } catch {
            return false;
          }
        })
        .map(Number);
      return [main, ...children];
    },
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
