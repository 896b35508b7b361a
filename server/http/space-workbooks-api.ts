/**
 * The workbooks of a space, over HTTP (routed by space-api.ts, which checked the caller's role):
 *   GET    /api/spaces/:space/workbooks                 → { workbooks, trash }           (any member)
 *   POST   /api/spaces/:space/workbooks                 { template | from, name, id?, locale? } → 201 (editor)
 *   PUT    /api/spaces/:space/workbooks/:id             the whole workbook as one Yjs update → 201 made, 200 there already (editor)
 *   PATCH  /api/spaces/:space/workbooks/:id             { name } → 200 (editor)
 *   DELETE /api/spaces/:space/workbooks/:id             → to the trash (editor); its open connections are closed
 *   POST   /api/spaces/:space/workbooks/:id/restore     → out of the trash (editor)
 *   DELETE /api/spaces/:space/trash/:id                 → purged for good (owner)
 * Creating with a client-made id is idempotent: asking again for an id the space already has
 * answers 200 with it, so a browser that made a workbook offline can retry until it hears back;
 * PUT brings a workbook made in a browser into the space with its whole history.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTemplateWorkbook, isTemplateName } from '../../sheets/index.ts';
import type { Workbook } from '../../src/model/index.ts';
import { LOCALES, type Locale } from '../../src/schema/types.ts';
import { quotaProblem } from '../spaces/quota.ts';
import { TRASH_DAYS } from '../spaces/trash-sweep.ts';
import type { Store, WorkbookEntry } from '../store/contract.ts';
import { createWorkbook, loadWorkbook, updateWorkbook, withHistory } from '../store/stored-workbook.ts';
import { isWorkbookId } from '../store/workbook-id.ts';
import { errorMessage, type Logger } from '../log.ts';
import { readBody, readJson, send } from './api.ts';
import { displayName } from './display-name.ts';
import { HttpError } from './http-error.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What these handlers need from the process. */
export interface SpaceWorkbooksContext {
  store: Store;
  log: Logger;
  maxRoomBytes: number;
  /** Closes the open connections of a workbook (it went to the trash). */
  closeWorkbook: (id: string) => void;
}

/** One workbook of a space, as the start page lists it. */
export interface ListedWorkbook {
  id: string;
  name: string;
  createdAt: number;
  changedAt: number | null;
  changedBy: string | null;
  bytes: number | null;
  trashedAt: number | null;
  /** When a trashed workbook is purged. */
  purgeAt: number | null;
}

const listed = (w: WorkbookEntry): ListedWorkbook => ({
  id: w.id,
  name: w.name,
  createdAt: w.createdAt,
  changedAt: w.changedAt,
  changedBy: w.changedBy,
  bytes: w.bytes,
  trashedAt: w.trashedAt,
  purgeAt: w.trashedAt === null ? null : w.trashedAt + TRASH_DAYS * DAY_MS,
});

const NAME_MAX = 200;

const nameIn = (body: unknown): string | undefined => {
  const name = (body as { name?: unknown } | null)?.name;
  if (name === undefined) return undefined;
  return displayName(name, NAME_MAX, "A workbook's name");
};

/** A new id for a workbook made on the relay (the browser makes its own for workbooks made offline). */
const newId = (): string => `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Reads a binary body of at most `max` bytes (413 past it). */
const readBytes = async (req: IncomingMessage, max: number): Promise<Uint8Array> => {
  const tooLarge = () => new HttpError(413, `A workbook sent to the relay may be at most ${max} bytes (MAX_ROOM_BYTES).`, { Connection: 'close' });
  return new Uint8Array(await readBody(req, max, tooLarge));
};

/** The workbook `id` of `space`: 404 when the space does not have it (whether or not another one does). */
const inSpace = async (store: Store, space: string, id: string): Promise<WorkbookEntry> => {
  const entry = isWorkbookId(id) ? await store.catalog.workbook(id) : undefined;
  if (!entry || entry.space !== space) throw new HttpError(404, 'This space has no such workbook.');
  return entry;
};

const checkQuota = async (store: Store, space: string, bytes: number): Promise<void> => {
  const problem = await quotaProblem(store, space, bytes);
  if (problem) throw new HttpError(507, problem);
};

/** An id the caller chose: 409 when another space (or no space) has it. Returns the entry when this space has it. */
const claimId = async (store: Store, space: string, id: string): Promise<WorkbookEntry | undefined> => {
  if (!isWorkbookId(id)) throw new HttpError(400, 'A workbook id is 1 to 64 lowercase letters, digits, "-" or "_".');
  const entry = await store.catalog.workbook(id);
  if (entry && entry.space !== space) throw new HttpError(409, 'That workbook id is taken; choose another.');
  return entry;
};

/** Stores `wb` as the new workbook `id` of `space` (507 past the space's quota), changed last by `by`; `wb` is done with after. */
const storeNew = async (ctx: SpaceWorkbooksContext, space: string, id: string, wb: Workbook, by: string): Promise<void> => {
  try {
    const snapshot = wb.encode();
    await checkQuota(ctx.store, space, snapshot.byteLength);
    await createWorkbook(ctx.store, id, snapshot, space);
    await ctx.store.catalog.recordChange(id, { at: Date.now(), by, bytes: snapshot.byteLength });
  } finally {
    wb.doc.destroy();
  }
};

const create = async (ctx: SpaceWorkbooksContext, space: string, req: IncomingMessage, res: ServerResponse, by: string): Promise<void> => {
  const body = (await readJson(req)) as { template?: unknown; from?: unknown; id?: unknown; locale?: unknown } | null;
  const name = nameIn(body);
  const id = body?.id === undefined ? newId() : String(body.id);
  const existing = await claimId(ctx.store, space, id);
  if (existing) return send(res, 200, listed(existing));
  const locale: Locale = (LOCALES as readonly unknown[]).includes(body?.locale) ? (body?.locale as Locale) : 'en';
  let wb;
  if (typeof body?.from === 'string') {
    const source = await inSpace(ctx.store, space, body.from);
    wb = await loadWorkbook(ctx.store, source.id);
    wb.setSettings({ name: name ?? `${source.name} (copy)` });
  } else {
    const template = typeof body?.template === 'string' ? body.template : '';
    if (!isTemplateName(template)) throw new HttpError(400, 'Say what to make: {"template": "ops"}, {"template": "blank"} or {"from": "<workbook id>"}.');
    wb = createTemplateWorkbook(template, { ...(name !== undefined ? { name } : {}), locale });
  }
  await storeNew(ctx, space, id, wb, by);
  ctx.log.info('workbook.created', { workbook: id, space, by });
  send(res, 201, listed((await ctx.store.catalog.workbook(id)) as WorkbookEntry));
};

const put = async (ctx: SpaceWorkbooksContext, space: string, id: string, req: IncomingMessage, res: ServerResponse, by: string): Promise<void> => {
  const existing = await claimId(ctx.store, space, id);
  // Read whole before answering, also when the workbook is there: the client may then sync over the websocket.
  const bytes = await readBytes(req, ctx.maxRoomBytes);
  if (existing) return send(res, 200, listed(existing));
  let wb;
  try {
    wb = withHistory(bytes);
  } catch (err) {
    throw new HttpError(400, `That is not a workbook the relay can read (${errorMessage(err)}).`);
  }
  await storeNew(ctx, space, id, wb, by);
  ctx.log.info('workbook.moved_in', { workbook: id, space, by, bytes: bytes.byteLength });
  send(res, 201, listed((await ctx.store.catalog.workbook(id)) as WorkbookEntry));
};

/** Handles the routes of the module comment; `rest` is what follows /api/spaces/:space. Returns false for no route. */
export const handleSpaceWorkbooks = async (
  ctx: SpaceWorkbooksContext,
  space: string,
  rest: string[],
  req: IncomingMessage,
  res: ServerResponse,
  who: { role: 'owner' | 'editor' | 'viewer'; name: string },
): Promise<boolean> => {
  const { store } = ctx;
  const [what, id, tail, ...extra] = rest;
  const method = req.method ?? 'GET';
  const need = (role: 'editor' | 'owner') => {
    if (role === 'owner' ? who.role !== 'owner' : who.role === 'viewer') {
      throw new HttpError(403, role === 'owner' ? 'Only an owner of this space can do that.' : 'Only an editor or an owner of this space can do that.');
    }
  };
  const reply = (status: number, body: unknown): true => {
    send(res, status, body);
    return true;
  };
  if (extra.length > 0) return false;
  if (what === 'trash' && id !== undefined && tail === undefined && method === 'DELETE') {
    need('owner');
    const entry = await inSpace(store, space, id);
    if (entry.trashedAt === null) throw new HttpError(409, 'Only a workbook in the trash can be purged; move it to the trash first.');
    ctx.closeWorkbook(id);
    await store.purgeWorkbook(id);
    ctx.log.info('workbook.purged', { workbook: id, space, by: who.name });
    return reply(200, { purged: id });
  }
  if (what !== 'workbooks') return false;
  if (id === undefined) {
    if (method === 'GET') {
      const all = (await store.catalog.workbooksIn(space)).map(listed);
      return reply(200, { workbooks: all.filter((w) => w.trashedAt === null), trash: all.filter((w) => w.trashedAt !== null) });
    }
    if (method !== 'POST') throw new HttpError(405, 'Use GET or POST here.', { Allow: 'GET, POST' });
    need('editor');
    await create(ctx, space, req, res, who.name);
    return true;
  }
  if (tail === 'restore') {
    if (method !== 'POST') throw new HttpError(405, 'Use POST here.', { Allow: 'POST' });
    need('editor');
    await inSpace(store, space, id);
    if (!(await store.catalog.restoreWorkbook(id))) throw new HttpError(409, 'That workbook is not in the trash.');
    ctx.log.info('workbook.restored', { workbook: id, space, by: who.name });
    return reply(200, listed((await store.catalog.workbook(id)) as WorkbookEntry));
  }
  if (tail !== undefined) return false;
  need('editor');
  if (method === 'PUT') {
    await put(ctx, space, id, req, res, who.name);
    return true;
  }
  const entry = await inSpace(store, space, id);
  if (method === 'PATCH') {
    const name = nameIn(await readJson(req));
    if (name === undefined) throw new HttpError(400, 'Send the new name: {"name": "Plan 2027"}.');
    if (entry.trashedAt !== null) throw new HttpError(409, 'Restore the workbook from the trash before renaming it.');
    await updateWorkbook(store, id, (wb) => wb.setSettings({ name }));
    await store.catalog.setWorkbookName(id, name);
    return reply(200, listed((await store.catalog.workbook(id)) as WorkbookEntry));
  }
  if (method === 'DELETE') {
    if (!(await store.catalog.trashWorkbook(id))) throw new HttpError(409, 'That workbook is in the trash already.');
    ctx.closeWorkbook(id);
    ctx.log.info('workbook.trashed', { workbook: id, space, by: who.name });
    return reply(200, listed((await store.catalog.workbook(id)) as WorkbookEntry));
  }
  throw new HttpError(405, 'Use PUT, PATCH or DELETE here.', { Allow: 'PUT, PATCH, DELETE' });
};
