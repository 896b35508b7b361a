/**
 * nginx running deploy/compose/nginx.conf for a test: the file as shipped, with only what a test
 * must change rewritten — the relays' addresses (the test's relays' ports), the port it listens on
 * (a free loopback port), and where it keeps its pid, logs and temporary files (a temp folder).
 * So what is tested is the proxy settings a deployment uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNginx } from '../tools/ensure-nginx.ts';
import { freePort } from './ports.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'deploy', 'compose', 'nginx.conf');

/** A running nginx. */
export interface TestNginx {
  port: number;
  /** What nginx logged (errors and warnings). */
  errors: () => string;
  stop: () => Promise<void>;
}

/** The shipped configuration with the test's relays, port and folder put in; throws when a part to rewrite is missing. */
export const proxyConfig = (relayPorts: readonly number[], port: number, dir: string): string => {
  const shipped = readFileSync(SHIPPED, 'utf8');
  const servers = [...shipped.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm)];
  if (servers.length !== relayPorts.length) throw new Error(`nginx.conf names ${servers.length} relays, the test started ${relayPorts.length}`);
  let i = 0;
  let conf = shipped.replace(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;$/gm, (_, indent: string, rest = '') => `${indent}server 127.0.0.1:${relayPorts[i++]}${rest};`);
  if (!/^\s*listen 8080;$/m.test(conf) || !/^http \{$/m.test(conf)) throw new Error('nginx.conf no longer has "listen 8080;" and "http {" as the test expects');
  conf = conf.replace(/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(dir, k)};`).join('\n');
  conf = conf.replace(/^http \{$/m, `http {\n  access_log off;\n${temp}`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return `${asRoot ? 'user root;\n' : ''}pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\n${conf}`;
};

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** Starts nginx with the shipped configuration in front of the relays on `relayPorts`. */
export const startNginx = async (relayPorts: readonly number[]): Promise<TestNginx> => {
  const bin = ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'wb-nginx-'));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, proxyConfig(relayPorts, port, dir));
  const errors = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  let out = '';
  const proc: ChildProcess = spawn(bin, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${out}\n${errors()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    errors,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (proc.exitCode !== null || proc.signalCode !== null) return done();
        proc.once('exit', done);
        proc.kill('SIGQUIT');
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
      }),
  };
};
