/**
 * The small HTTP API the app uses next to the websocket:
 *   GET  /api/workbooks/:id           → { id, name, role }            (any token of that workbook)
 *   GET  /api/workbooks/:id/state     → the whole workbook as one Yjs update (any token of that workbook), with
 *                                       the caller's role, the workbook's name and (GET) its schema version
 *                                       in X-Workbook-Role / -Name / -Schema:
 *                                       the app's first visit shows it without loading the websocket code first
 *                                       (HEAD: the headers only, to learn a new link's role)
 *   POST /api/workbooks/:id/tokens    { role } → 201 { token, url, role }  (an editor token of that workbook)
 * The token goes in `Authorization: Bearer …`. Errors are JSON `{ error }` with a plain sentence.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAccess } from '../access.ts';
import type { Store } from '../store/store.ts';
import { isRole } from '../store/tokens.ts';
import { errorMessage, type Logger } from '../log.ts';

/** What the API needs from the process. */
export interface ApiContext {
  store: Store;
  auth: boolean;
  /** The base URL for links (PUBLIC_URL, or what the request was addressed to). */
  baseUrl: (req: IncomingMessage) => string;
  log: Logger;
}

const MAX_BODY = 4096;

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(json);
};

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new Error('not JSON'));
      }
    });
    req.on('error', reject);
  });

const bearer = (req: IncomingMessage): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/** The stored workbook as one update (everything in the store is committed, so it is what the relay holds durably). */
const sendState = (ctx: ApiContext, id: string, res: ServerResponse, role: string, headOnly: boolean): void => {
  let bytes: Uint8Array = new Uint8Array(0);
  let schema: number | undefined;
  try {
    if (!headOnly) {
      const wb = ctx.store.load(id);
      bytes = wb.encode();
      schema = wb.schemaVersion();
      wb.doc.destroy();
    }
  } catch (err) {
    ctx.log.error('api.state_failed', { workbook: id, message: errorMessage(err) });
    send(res, 503, { error: 'The workbook cannot be read on the relay right now; try again in a moment.' });
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Workbook-Role': role,
    'X-Workbook-Name': encodeURIComponent(ctx.store.catalog.workbook(id)?.name ?? id),
    ...(headOnly ? {} : { 'Content-Length': bytes.byteLength, 'X-Workbook-Schema': String(schema) }),
  });
  res.end(headOnly ? undefined : bytes);
};

/** Answers a request under /api/; returns false when the path is not the API's. */
export const handleApi = (ctx: ApiContext, req: IncomingMessage, res: ServerResponse): boolean => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!path.startsWith('/api/')) return false;
  const m = /^\/api\/workbooks\/([^/]+)(\/tokens|\/state)?$/.exec(path);
  if (!m) {
    send(res, 404, { error: 'No such API endpoint.' });
    return true;
  }
  const id = decodeURIComponent(m[1] ?? '');
  const tokens = m[2] === '/tokens';
  const want = tokens ? 'POST' : 'GET';
  if (req.method !== want && !(m[2] === '/state' && req.method === 'HEAD')) {
    send(res, 405, { error: `Use ${want} here.` }, { Allow: want });
    return true;
  }
  const access = checkAccess(ctx.store, ctx.auth, id, bearer(req));
  if (!access.ok) {
    send(res, access.status, { error: access.message }, access.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
    return true;
  }
  if (m[2] === '/state') {
    sendState(ctx, id, res, access.role, req.method === 'HEAD');
    return true;
  }
  if (!tokens) {
    send(res, 200, { id, name: ctx.store.catalog.workbook(id)?.name ?? id, role: access.role });
    return true;
  }
  if (access.role !== 'editor') {
    send(res, 403, { error: 'Only editors of this workbook can share it.' });
    return true;
  }
  readJson(req).then(
    (body) => {
      const role = (body as { role?: unknown } | null)?.role;
      if (!isRole(role)) {
        send(res, 400, { error: 'Say which role the link gives: {"role": "editor"} or {"role": "viewer"}.' });
        return;
      }
      const created = ctx.store.catalog.createToken(id, role, 'shared from the app');
      ctx.log.info('token.created', { workbook: id, role, tokenId: created.id, by: access.tokenId ?? 'no-auth' });
      const url = `${ctx.baseUrl(req)}/#/w/${encodeURIComponent(id)}?token=${encodeURIComponent(created.token)}`;
      send(res, 201, { token: created.token, url, role });
    },
    () => send(res, 400, { error: 'Send a JSON body of at most 4 KB, like {"role": "viewer"}.' }),
  );
  return true;
};
