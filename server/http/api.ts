/**
 * The small HTTP API the app uses next to the websocket:
 *   GET  /api/workbooks/:id           → { id, name, role }            (any token of that workbook)
 *   GET  /api/workbooks/:id/state     → the whole workbook as one Yjs update (any token of that workbook), with
 *                                       the caller's role, the workbook's name and (GET) its schema version
 *                                       in X-Workbook-Role / -Name / -Schema:
 *                                       the app's first visit shows it without loading the websocket code first
 *                                       (HEAD: the headers only, to learn a new link's role)
 *   POST /api/workbooks/:id/tokens    { role } → 201 { token, url, role }  (an editor token of that workbook)
 *   GET  /api/workbooks/:id/owners    → { owners: [{ clientId, kind, tag, name? }] }  (any token of that workbook): who
 *                                       owns each Yjs client id (a device, a link, the server), for cell history
 * The token goes in `Authorization: Bearer …`. Errors are JSON `{ error }` with a plain sentence
 * (thrown as HttpError and answered by the request guard). Requests are limited per client address
 * and per token; the state comes from the workbook's room, whose cached encode answers repeated asks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAccess } from '../access.ts';
import type { RelayConfig } from '../config.ts';
import type { ThrottledLog } from '../log-throttle.ts';
import type { Logger } from '../log.ts';
import { RATE_LIMITED_DELAY_MS, type Client, type ClientLimits } from '../relay/client-limits.ts';
import { namedOwners } from '../spaces/member-owner.ts';
import type { Store } from '../store/contract.ts';
import { isRole } from '../store/tokens.ts';
import { clientAddress } from './client-address.ts';
import { HttpError } from './http-error.ts';
import { linkBase } from './public-base.ts';
import type { RequestTarget } from './request-path.ts';

/** What the API needs from the process. */
export interface ApiContext {
  store: Store;
  config: Pick<RelayConfig, 'auth' | 'publicUrl' | 'trustProxy' | 'maxRoomBytes'>;
  log: Logger;
  refusals: ThrottledLog;
  clients: ClientLimits;
  /** The whole workbook as one update (the relay's room answers it). */
  wholeState: (id: string, client: Client) => Promise<{ update: Uint8Array; schema: number }>;
}

const MAX_BODY = 4096;

/** Answers 429 after RATE_LIMITED_DELAY_MS (thrown as HttpError). */
export const rateLimited = async (message: string, retryAfter: number): Promise<never> => {
  await new Promise((r) => setTimeout(r, RATE_LIMITED_DELAY_MS));
  // The connection is closed too: a client that keeps asking has to connect again for each try.
  throw new HttpError(429, message, { 'Retry-After': String(retryAfter), Connection: 'close' });
};

/** Sends `body` as JSON, never cached. */
export const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
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

const tooLarge = () => new HttpError(413, 'Send a JSON body of at most 4 KB, like {"role": "viewer"}.', { Connection: 'close' });

/**
 * Reads a request body of at most `max` bytes, rejecting with `tooLarge()` past it: a declared
 * length over it is refused before reading, and a body that turns out longer stops being read.
 */
export const readBody = (req: IncomingMessage, max: number, tooLarge: () => HttpError): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return reject(tooLarge());
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Reads a small JSON body: 413 (and the connection closed) past 4 KB, 400 when it is not JSON. */
export const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const body = await readBody(req, MAX_BODY, tooLarge);
  try {
    return JSON.parse(body.toString('utf8') || '{}') as unknown;
  } catch {
    throw new HttpError(400, 'Send a JSON body of at most 4 KB, like {"role": "viewer"}.');
  }
};

/**
 * What every API request passes first (the workbook API and the space API alike): a page of another
 * site is refused (403, when PUBLIC_URL is set) and an address past its rate waits and gets 429.
 * Returns the caller as the rate limits know it. Throws HttpError.
 */
export const admitApiRequest = async (ctx: Pick<ApiContext, 'config' | 'refusals' | 'clients'>, req: IncomingMessage): Promise<Client> => {
  const origin = req.headers.origin;
  if (ctx.config.publicUrl && origin !== undefined && origin !== new URL(ctx.config.publicUrl).origin) {
    throw new HttpError(403, 'This relay answers only its own pages (PUBLIC_URL).');
  }
  const client: Client = { address: clientAddress(req, ctx.config.trustProxy), tokenId: null };
  if (!ctx.clients.request(client)) {
    ctx.refusals.write('warn', 'api.rate_limited', { ip: client.address });
    return rateLimited('Too many requests from this address; try again in a moment.', ctx.clients.retryAfter(client));
  }
  return client;
};

/** The token of `Authorization: Bearer …`. */
export const bearer = (req: IncomingMessage): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/** Answers a request under /api/ (the caller routes by the first segment). Throws HttpError. */
export const handleApi = async (ctx: ApiContext, target: RequestTarget, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const [, resource, id = '', tail, ...rest] = target.segments;
  const kind = tail === undefined ? 'info' : tail === 'state' || tail === 'tokens' || tail === 'owners' ? tail : null;
  if (resource !== 'workbooks' || target.segments.length < 3 || kind === null || rest.length > 0) throw new HttpError(404, 'No such API endpoint.');
  const want = kind === 'tokens' ? 'POST' : 'GET';
  if (req.method !== want && !(kind === 'state' && req.method === 'HEAD')) throw new HttpError(405, `Use ${want} here.`, { Allow: want });
  const client = await admitApiRequest(ctx, req);
  const access = await checkAccess(ctx.store, ctx.config.auth, id, bearer(req));
  if (!access.ok) {
    // A failed login: who tried which workbook, never with what.
    ctx.refusals.write('info', 'api.rejected', { status: access.status, workbook: access.status === 400 ? undefined : id, ip: client.address });
    throw new HttpError(access.status, access.message, access.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
  }
  client.tokenId = access.tokenId;
  if (access.tokenId !== null && !ctx.clients.requestOfToken(access.tokenId)) {
    ctx.refusals.write('warn', 'api.rate_limited', { ip: client.address, workbook: id });
    return rateLimited('Too many requests with this link; try again in a moment.', ctx.clients.retryAfter(client));
  }
  const name = async (): Promise<string> => (await ctx.store.catalog.workbook(id))?.name ?? id;
  if (kind === 'state') {
    const head = req.method === 'HEAD';
    const state = head ? null : await ctx.wholeState(id, client);
    const bytes = state?.update ?? new Uint8Array(0);
    ctx.clients.sent(client, bytes.byteLength);
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Workbook-Role': access.role,
      'X-Workbook-Name': encodeURIComponent(await name()),
      ...(state === null ? {} : { 'Content-Length': String(bytes.byteLength), 'X-Workbook-Schema': String(state.schema) }),
    });
    res.end(head ? undefined : bytes);
    return;
  }
  if (kind === 'info') {
    // Its stored size as of the last change the relay recorded, against MAX_ROOM_BYTES: the app
    // warns its editors while there is still room (past it, every edit is refused).
    const entry = await ctx.store.catalog.workbook(id);
    return send(res, 200, { id, name: entry?.name ?? id, role: access.role, bytes: entry?.bytes ?? null, maxBytes: ctx.config.maxRoomBytes });
  }
  if (kind === 'owners') {
    const log = await ctx.store.openLog(id);
    try {
      const owners = await namedOwners(ctx.store, await log.owners());
      ctx.clients.sent(client, owners.length * 48);
      return send(res, 200, { owners });
    } finally {
      await log.close();
    }
  }
  if (access.role !== 'editor') throw new HttpError(403, 'Only editors of this workbook can share it.');
  const body = await readJson(req);
  const role = (body as { role?: unknown } | null)?.role;
  if (!isRole(role)) throw new HttpError(400, 'Say which role the link gives: {"role": "editor"} or {"role": "viewer"}.');
  const base = linkBase(ctx.config, req);
  if (base === null) {
    throw new HttpError(400, 'The relay does not know the address people reach it at, so it cannot make a link; the person who runs it sets PUBLIC_URL (see the README).');
  }
  const created = await ctx.store.catalog.createToken(id, role, 'shared from the app');
  ctx.log.info('token.created', { workbook: id, role, tokenId: created.id, by: access.tokenId ?? 'no-auth' });
  send(res, 201, { token: created.token, url: `${base}/#/w/${encodeURIComponent(id)}?token=${encodeURIComponent(created.token)}`, role });
};
