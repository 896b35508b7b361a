/**
 * Every request and upgrade handler runs inside a guard: whatever it throws (or rejects with) ends
 * that one request, never the process. An HttpError is the answer it names (400, 404, 413, 429 …);
 * anything else is a bug of ours, answered 500 and logged with its stack.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorMessage, type Logger } from '../log.ts';
import type { ThrottledLog } from '../log-throttle.ts';
import { HttpError } from './http-error.ts';
import { pathForLog } from './request-path.ts';
import { SECURITY_HEADERS } from '../static-files.ts';

/** Answers `err` on `res` (as JSON for the API, as text elsewhere) unless a response was already started. */
export const answerError = (res: ServerResponse, err: HttpError, json: boolean): void => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = json ? JSON.stringify({ error: err.message }) : `${err.message}\n`;
  res.writeHead(err.status, {
    ...SECURITY_HEADERS,
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...err.headers,
  });
  res.end(body);
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Wraps a request handler (see the module comment). */
export const guardRequests =
  (log: Logger, refusals: ThrottledLog, handle: Handler): ((req: IncomingMessage, res: ServerResponse) => void) =>
  (req, res) => {
    const fail = (err: unknown): void => {
      const json = (req.url ?? '').startsWith('/api/');
      if (err instanceof HttpError) {
        if (err.status !== 401 && err.status !== 429) refusals.write('info', 'http.refused', { method: req.method?.slice(0, 16), path: pathForLog(req.url), status: err.status, reason: err.message });
        answerError(res, err, json);
        return;
      }
      log.error('http.failed', { method: req.method?.slice(0, 16), path: pathForLog(req.url), message: errorMessage(err), stack: err instanceof Error ? err.stack : undefined });
      answerError(res, new HttpError(500, 'The relay failed to answer this request; its log says why.'), json);
    };
    try {
      const p = handle(req, res);
      if (p) p.catch(fail);
    } catch (err) {
      fail(err);
    }
  };

/** Wraps an upgrade handler: an exception closes that socket with a 500 and is logged. */
export const guardUpgrades =
  (log: Logger, handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void) =>
  (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    try {
      handle(req, socket, head);
    } catch (err) {
      log.error('upgrade.failed', { path: pathForLog(req.url), message: errorMessage(err), stack: err instanceof Error ? err.stack : undefined });
      if (socket.writable) socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    }
  };
