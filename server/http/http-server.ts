/**
 * The HTTP side of the process: /healthz, the API, the built app, and websocket upgrades for the
 * relay. Every request is decoded by one guarded path parser and handled inside a guard, so no
 * request can end the process (see guarded.ts); malformed HTTP is answered by Node's parser.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { RelayConfig } from '../config.ts';
import type { Relay } from '../relay/relay.ts';
import type { ClientLimits } from '../relay/client-limits.ts';
import type { SocketGuard } from '../relay/socket-guard.ts';
import { serveStatic, SECURITY_HEADERS } from '../static-files.ts';
import type { Store } from '../store/contract.ts';
import type { Logger } from '../log.ts';
import { throttledLog } from '../log-throttle.ts';
import type { StallCounts } from '../stall-watch.ts';
import { handleApi, type ApiContext } from './api.ts';
import { handleSpaceApi, type SpaceApiContext } from './space-api.ts';
import { guardRequests, guardUpgrades } from './guarded.ts';
import { serveHealth } from './healthz.ts';
import { HttpError } from './http-error.ts';
import { parseTarget } from './request-path.ts';

/** Everything the HTTP server serves from. */
export interface HttpContext {
  config: RelayConfig;
  store: Store;
  log: Logger;
  clients: ClientLimits;
  /** Set once the relay exists (it needs the server's socket guard first). */
  relay: () => Relay | null;
  guard: () => SocketGuard | null;
  /** Event-loop lateness and GC pauses counted so far (shown on /healthz). */
  stalls?: () => StallCounts;
}

/** Node's parser errors → the status a client is told. */
const CLIENT_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADERS_TIMEOUT: '408 Request Timeout',
};

/** Creates the (not yet listening) HTTP server. */
export const createHttpServer = (ctx: HttpContext): Server => {
  const started = Date.now();
  const dist = ctx.config.appDir;
  const refusals = throttledLog(ctx.log);
  const api: ApiContext = {
    store: ctx.store,
    config: ctx.config,
    log: ctx.log,
    refusals,
    clients: ctx.clients,
    wholeState: (id, client) => {
      const relay = ctx.relay();
      if (!relay) throw new HttpError(503, 'The relay is starting; try again in a moment.');
      return relay.wholeState(id, client);
    },
  };
  const spaces: SpaceApiContext = { store: ctx.store, config: ctx.config, log: ctx.log, refusals, clients: ctx.clients, relay: ctx.relay };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const socket = req.socket as Socket;
    // A request parsed after its socket was closed (the rest of a pipelined batch): nothing to answer.
    if (socket.destroyed) return;
    const guard = ctx.guard();
    const done = guard ? guard.busy(socket) : () => {};
    if (done === null) return; // too many requests in flight on this socket: it was closed
    res.once('close', done);
    const target = parseTarget(req.url);
    if (target.path === '/healthz') return serveHealth({ config: ctx.config, store: ctx.store, relay: ctx.relay, stalls: ctx.stalls, started }, req, res, target.query);
    if (target.segments[0] === 'api') {
      const resource = target.segments[1];
      return resource === 'spaces' || resource === 'invites' ? handleSpaceApi(spaces, target, req, res) : handleApi(api, target, req, res);
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(dist, target.path, req, res)) return;
    if (!existsSync(join(dist, 'index.html'))) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The app is not built yet: run "npm run build", or start the relay with "npm start", which builds it.\n');
      return;
    }
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  };
  const server = createServer({ connectionsCheckingInterval: 1000 }, guardRequests(ctx.log, refusals, handle));
  // Connections that have not authenticated get short timeouts: headers within this, a small body soon after.
  server.headersTimeout = Math.min(ctx.config.unauthenticatedTimeoutMs, 10_000);
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5000;
  server.on(
    'upgrade',
    guardUpgrades(ctx.log, (req, socket, head) => {
      const relay = ctx.relay();
      if (relay) relay.handleUpgrade(req, socket, head);
      else socket.destroy();
    }),
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = CLIENT_ERRORS[err.code ?? ''] ?? '400 Bad Request';
    refusals.write('info', 'http.client_error', { code: err.code, status: Number(status.slice(0, 3)) });
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return server;
};
