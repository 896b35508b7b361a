/**
 * Team spaces over HTTP. The caller's personal member token goes in `Authorization: Bearer …`;
 * every route checks the space and the role before it reads anything of the space:
 *   POST   /api/invites/accept                   { invite, name } → 201 { space, role, token, member }   (the invite is the credential)
 *   GET    /api/spaces/:space                    → { id, name, role, member, quota }                     (any member)
 *   GET    /api/spaces/:space/members            → { members, invites }                                   (owner)
 *   PATCH  /api/spaces/:space                    { name } → 200 { id, name }                              (owner: renames the space)
 *   PATCH  /api/spaces/:space/members/:id        { role?, name? } → 200 (owner; a new role makes the member's open connections reconnect with it)
 *   PATCH  /api/spaces/:space/me                 { name } → 200 { id, name }                              (any member: their own display name)
 *   DELETE /api/spaces/:space/invites/:id        → 200             (owner: the invite opens nothing from then on)
 *   DELETE /api/spaces/:space/members/:id        → 200             (owner; the member's open connections are closed at once)
 *   POST   /api/spaces/:space/invites            { role, singleUse?, days? } → 201 { url, role, expiresAt } (owner)
 *   … /workbooks and /trash: see space-workbooks-api.ts.
 * A space always keeps an owner: the last one cannot be removed or made an editor.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkSpaceAccess } from '../access.ts';
import type { RelayConfig } from '../config.ts';
import type { ThrottledLog } from '../log-throttle.ts';
import type { Logger } from '../log.ts';
import type { ClientLimits } from '../relay/client-limits.ts';
import { inviteLink } from '../spaces/links.ts';
import type { Store } from '../store/contract.ts';
import { isSpaceRole, type SpaceRole } from '../store/space-roles.ts';
import { admitApiRequest, bearer, rateLimited, readJson, send } from './api.ts';
import { displayName } from './display-name.ts';
import { HttpError } from './http-error.ts';
import { linkBase } from './public-base.ts';
import type { RequestTarget } from './request-path.ts';
import { handleSpaceWorkbooks } from './space-workbooks-api.ts';

/** What the relay does for the space API. */
export interface SpaceRelay {
  /** Closes every open connection of a member (removed: for good; role changed: they reconnect with the new role). */
  closeMember(memberId: string, removed: boolean): void;
  /** Closes every open connection of a workbook (it went to the trash). */
  closeWorkbook(id: string): void;
  /** Notes a member's activity. */
  seen(memberId: string): void;
}

/** What the space API needs from the process. */
export interface SpaceApiContext {
  store: Store;
  config: Pick<RelayConfig, 'auth' | 'publicUrl' | 'trustProxy' | 'maxRoomBytes'>;
  log: Logger;
  refusals: ThrottledLog;
  clients: ClientLimits;
  relay: () => SpaceRelay | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MEMBER_NAME_MAX = 80;

const relayOf = (ctx: SpaceApiContext): SpaceRelay => {
  const relay = ctx.relay();
  if (!relay) throw new HttpError(503, 'The relay is starting; try again in a moment.');
  return relay;
};

const acceptInvite = async (ctx: SpaceApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  if (req.method !== 'POST') throw new HttpError(405, 'Use POST here.', { Allow: 'POST' });
  const body = (await readJson(req)) as { invite?: unknown; name?: unknown } | null;
  // Checked before the invite, so a refused name does not use up a single-use invite.
  const name = memberName(body?.name);
  const made = typeof body?.invite === 'string' ? await ctx.store.catalog.acceptInvite(body.invite, name) : undefined;
  if (!made) throw new HttpError(401, 'This invite cannot be used: it was used already, it expired, or it was withdrawn. Ask an owner of the space for a new one.');
  ctx.log.info('member.joined', { space: made.member.space, member: made.member.id, role: made.member.role });
  const space = await ctx.store.catalog.space(made.member.space);
  send(res, 201, { space: made.member.space, spaceName: space?.name ?? made.member.space, role: made.member.role, token: made.token, member: { id: made.member.id, name } });
};

const members = async (ctx: SpaceApiContext, space: string, rest: string[], req: IncomingMessage, res: ServerResponse, me: string | null): Promise<void> => {
  const { catalog } = ctx.store;
  const [id, ...extra] = rest;
  if (extra.length > 0) throw new HttpError(404, 'No such API endpoint.');
  if (id === undefined) {
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET here.', { Allow: 'GET' });
    const now = Date.now();
    const invites = (await catalog.invites(space)).filter((i) => i.revokedAt === null && !(i.singleUse && i.uses > 0) && (i.expiresAt === null || i.expiresAt > now));
    const list = (await catalog.members(space)).map((m) => ({ id: m.id, name: m.name, role: m.role, createdAt: m.createdAt, lastSeenAt: m.lastSeenAt, you: m.id === me }));
    return send(res, 200, { members: list, invites: invites.map(({ id: inviteId, role, singleUse, expiresAt, uses }) => ({ id: inviteId, role, singleUse, expiresAt, uses })) });
  }
  const member = await catalog.member(id);
  if (!member || member.space !== space || member.removedAt !== null) throw new HttpError(404, 'This space has no such member.');
  const owners = (await catalog.members(space)).filter((m) => m.role === 'owner');
  const lastOwner = member.role === 'owner' && owners.length === 1;
  if (req.method === 'PATCH') {
    const body = (await readJson(req)) as { role?: unknown; name?: unknown } | null;
    if (body?.name !== undefined && body.role === undefined) {
      const name = memberName(body.name);
      await catalog.renameMember(id, name);
      ctx.log.info('member.renamed', { space, member: id, by: me ?? 'no-auth' });
      return send(res, 200, { id, name });
    }
    const role = body?.role;
    if (!isSpaceRole(role)) throw new HttpError(400, 'Say the new role: {"role": "owner"}, {"role": "editor"} or {"role": "viewer"}.');
    if (lastOwner && role !== 'owner') throw new HttpError(409, 'A space keeps at least one owner: make someone else an owner first.');
    await catalog.setMemberRole(id, role);
    if (role !== member.role) relayOf(ctx).closeMember(id, false);
    ctx.log.info('member.role_changed', { space, member: id, role, by: me ?? 'no-auth' });
    return send(res, 200, { id, role });
  }
  if (req.method === 'DELETE') {
    if (lastOwner) throw new HttpError(409, 'A space keeps at least one owner: make someone else an owner first.');
    await catalog.removeMember(id);
    relayOf(ctx).closeMember(id, true);
    ctx.log.info('member.removed', { space, member: id, by: me ?? 'no-auth' });
    return send(res, 200, { removed: id });
  }
  throw new HttpError(405, 'Use GET, PATCH or DELETE here.', { Allow: 'GET, PATCH, DELETE' });
};

/** A member's display name from a request body (joining, renaming oneself or a member); HttpError 400 when it is not one (displayName). */
const memberName = (value: unknown): string => displayName(value, MEMBER_NAME_MAX, 'A name', ': teammates see it next to the changes');

const SPACE_NAME_MAX = 200;

/** PATCH the space itself (owner): its name. */
const renameSpace = async (ctx: SpaceApiContext, space: string, req: IncomingMessage, res: ServerResponse, me: string | null): Promise<void> => {
  const name = displayName(((await readJson(req)) as { name?: unknown } | null)?.name, SPACE_NAME_MAX, "A space's name", ', e.g. {"name": "Shop A"}');
  await ctx.store.catalog.renameSpace(space, name);
  ctx.log.info('space.renamed', { space, by: me ?? 'no-auth' });
  send(res, 200, { id: space, name });
};

/** PATCH /me (any member): their own display name. */
const renameMe = async (ctx: SpaceApiContext, req: IncomingMessage, res: ServerResponse, me: string | null): Promise<void> => {
  if (req.method !== 'PATCH') throw new HttpError(405, 'Use PATCH here.', { Allow: 'PATCH' });
  if (me === null) throw new HttpError(400, 'Without access checks (--no-auth) there is no member to rename.');
  const name = memberName(((await readJson(req)) as { name?: unknown } | null)?.name);
  await ctx.store.catalog.renameMember(me, name);
  send(res, 200, { id: me, name });
};

/** DELETE /invites/:id (owner): the invite opens nothing from then on. */
const revokeInvite = async (ctx: SpaceApiContext, space: string, id: string, req: IncomingMessage, res: ServerResponse, me: string | null): Promise<void> => {
  if (req.method !== 'DELETE') throw new HttpError(405, 'Use DELETE here.', { Allow: 'DELETE' });
  // Only an invite of this space: an owner of another space learns nothing of this one's ids.
  if (!(await ctx.store.catalog.invites(space)).some((i) => i.id === id) || !(await ctx.store.catalog.revokeInvite(id))) throw new HttpError(404, 'This space has no such open invite.');
  ctx.log.info('invite.revoked', { space, invite: id, by: me ?? 'no-auth' });
  send(res, 200, { revoked: id });
};

const invite = async (ctx: SpaceApiContext, space: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  if (req.method !== 'POST') throw new HttpError(405, 'Use POST here.', { Allow: 'POST' });
  const body = (await readJson(req)) as { role?: unknown; singleUse?: unknown; days?: unknown } | null;
  const role = body?.role;
  if (!isSpaceRole(role)) throw new HttpError(400, 'Say which role the invite gives: {"role": "editor"}, {"role": "viewer"} or {"role": "owner"}.');
  const days = body?.days === undefined ? 7 : body.days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 365) throw new HttpError(400, 'An invite is valid for 1 to 365 days: {"days": 7}.');
  const singleUse = body?.singleUse !== false;
  const base = linkBase(ctx.config, req);
  if (base === null) {
    throw new HttpError(400, 'The relay does not know the address people reach it at, so it cannot make a link; the person who runs it sets PUBLIC_URL (see the README).');
  }
  const expiresAt = Date.now() + days * DAY_MS;
  const made = await ctx.store.catalog.createInvite(space, role, { singleUse, expiresAt });
  ctx.log.info('invite.created', { space, role, invite: made.id, singleUse });
  send(res, 201, { url: inviteLink(base, space, made.token), role, singleUse, expiresAt });
};

/** Answers /api/spaces/… and /api/invites/accept (the caller routes by the second segment). Throws HttpError. */
export const handleSpaceApi = async (ctx: SpaceApiContext, target: RequestTarget, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const [, resource, space = '', ...rest] = target.segments;
  const client = await admitApiRequest(ctx, req);
  if (resource === 'invites' && space === 'accept' && rest.length === 0) return acceptInvite(ctx, req, res);
  if (resource !== 'spaces' || space === '') throw new HttpError(404, 'No such API endpoint.');
  const [what] = rest;
  // Reading needs a member; changing workbooks an editor (checked per route); the rest an owner.
  const needed: SpaceRole = (what === undefined && req.method === 'GET') || what === 'workbooks' || what === 'trash' || what === 'me' ? 'viewer' : 'owner';
  const access = await checkSpaceAccess(ctx.store, ctx.config.auth, space, bearer(req), needed);
  if (!access.ok) {
    ctx.refusals.write('info', 'api.rejected', { status: access.status, space, ip: client.address });
    throw new HttpError(access.status, access.message, access.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
  }
  const memberId = access.member?.memberId ?? null;
  client.tokenId = memberId;
  if (memberId !== null) {
    if (!ctx.clients.requestOfToken(memberId)) return rateLimited('Too many requests with this link; try again in a moment.', ctx.clients.retryAfter(client));
    ctx.relay()?.seen(memberId);
  }
  if (what === undefined && req.method === 'PATCH') return renameSpace(ctx, space, req, res, memberId);
  if (what === undefined) {
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET or PATCH here.', { Allow: 'GET, PATCH' });
    const entry = await ctx.store.catalog.space(space);
    return send(res, 200, { id: space, name: entry?.name ?? space, role: access.role, member: access.member && { id: access.member.memberId, name: access.member.name }, quota: entry?.quota });
  }
  if (what === 'members') return members(ctx, space, rest.slice(1), req, res, memberId);
  if (what === 'invites' && rest.length === 1) return invite(ctx, space, req, res);
  if (what === 'invites' && rest.length === 2) return revokeInvite(ctx, space, rest[1] ?? '', req, res, memberId);
  if (what === 'me' && rest.length === 1) return renameMe(ctx, req, res, memberId);
  const who = { role: access.role, name: access.member?.name ?? 'the relay’s administrator' };
  const wbCtx = { store: ctx.store, log: ctx.log, maxRoomBytes: ctx.config.maxRoomBytes, closeWorkbook: (id: string) => relayOf(ctx).closeWorkbook(id) };
  if (await handleSpaceWorkbooks(wbCtx, space, rest, req, res, who)) return;
  throw new HttpError(404, 'No such API endpoint.');
};
