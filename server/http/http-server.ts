/** The HTTP side of the process: /healthz, the API, the built app, and websocket upgrades for the relay. */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { RelayConfig } from '../config.ts';
import type { Relay } from '../relay/relay.ts';
import type { SocketGuard } from '../relay/socket-guard.ts';
import { serveStatic, SECURITY_HEADERS } from '../static-files.ts';
import type { Store } from '../store/contract.ts';
import type { Logger } from '../log.ts';
import type { StallCounts } from '../stall-watch.ts';
import { handleApi } from './api.ts';

/** Everything the HTTP server serves from. */
export interface HttpContext {
  config: RelayConfig;
  store: Store;
  log: Logger;
  /** Set once the relay exists (it needs the server's socket guard first). */
  relay: () => Relay | null;
  guard: () => SocketGuard | null;
  /** Event-loop lateness and GC pauses counted so far (shown on /healthz). */
  stalls?: () => StallCounts;
}

const HOST_HEADER = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

/** The base URL for links: PUBLIC_URL, or the host the request was addressed to. */
export const baseUrlFor = (config: RelayConfig, req?: IncomingMessage): string => {
  if (config.publicUrl) return config.publicUrl;
  const host = req?.headers.host;
  // Behind a TLS proxy the request arrives as http; the proxy says what the browser used.
  const scheme = req?.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  if (host && HOST_HEADER.test(host)) return `${scheme}://${host}`;
  const h = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${h}:${config.port}`;
};

/** Creates the (not yet listening) HTTP server. */
export const createHttpServer = (ctx: HttpContext): Server => {
  const started = Date.now();
  const dist = ctx.config.appDir;
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const done = ctx.guard()?.busy(req.socket as Socket) ?? (() => {});
    res.once('close', done);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/healthz') {
      const gc = (globalThis as { gc?: () => void }).gc;
      // Only a process started with --expose-gc (the memory tests) can be asked to collect first.
      if (gc && req.url?.includes('gc=1')) gc();
      const mem = process.memoryUsage();
      const body = JSON.stringify({
        ok: true,
        uptimeS: Math.round((Date.now() - started) / 1000),
        ...(ctx.relay()?.stats() ?? {}),
        ...(ctx.stalls?.() ?? {}),
        heapUsedMB: Math.round(mem.heapUsed / 1048576),
        rssMB: Math.round(mem.rss / 1048576),
      });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
      return;
    }
    if (handleApi({ store: ctx.store, auth: ctx.config.auth, baseUrl: (r) => baseUrlFor(ctx.config, r), log: ctx.log }, req, res)) return;
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(dist, req, res)) return;
    if (!existsSync(join(dist, 'index.html'))) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The app is not built yet: run "npm run build", or start the relay with "npm start", which builds it.\n');
      return;
    }
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  });
  server.headersTimeout = Math.min(ctx.config.unauthenticatedTimeoutMs, 60_000);
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5000;
  server.on('upgrade', (req, socket, head) => {
    const relay = ctx.relay();
    if (relay) relay.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
};
