/**
 * Opens a workbook by id: from this browser's copy when there is one (no network needed), else
 * from the relay with the person's token (one HTTP request for the whole workbook, so the first
 * visit shows the grid without loading the websocket code first). A link's token is kept.
 */
import * as Y from 'yjs';
import { Workbook } from '../model/workbook.ts';
import type { Identity } from './identity.ts';
import { isEmptyDoc, openLocalDoc } from './local-store.ts';
import { keepToken, knownWorkbook, remember, tokenFor, type Access } from './registry.ts';
import { createSession, type WorkbookSession } from './session.ts';

/** How opening a workbook went. */
export type OpenResult =
  | { kind: 'open'; session: WorkbookSession }
  /** The relay refused the token (its sentence). */
  | { kind: 'denied'; message: string }
  /** Not in this browser yet, and the relay cannot be reached. */
  | { kind: 'unreachable' }
  /** Not in this browser, and no link (token) to fetch it with. */
  | { kind: 'unknown' };

type StateAnswer = { kind: 'ok'; role: 'editor' | 'viewer'; state: Uint8Array } | { kind: 'denied'; message: string } | { kind: 'unreachable' };

/**
 * Asks the relay for the workbook (GET: the whole of it; HEAD: only this token's role), one request:
 * `GET /api/workbooks/:id/state` names the role in a header.
 */
const askRelay = async (id: string, token: string, method: 'GET' | 'HEAD'): Promise<StateAnswer> => {
  try {
    const res = await fetch(`/api/workbooks/${encodeURIComponent(id)}/state`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(method === 'GET' ? 30_000 : 3000),
    });
    // 507: the workbook is too large for this relay to open; 410: it is in its space's trash. The sentence says so.
    if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 410 || res.status === 507) {
      const body = (await res.json().catch(() => ({}))) as { error?: unknown };
      return { kind: 'denied', message: typeof body.error === 'string' ? body.error : '' };
    }
    if (!res.ok) return { kind: 'unreachable' };
    const role = res.headers.get('X-Workbook-Role') === 'viewer' ? 'viewer' : 'editor';
    return { kind: 'ok', role, state: new Uint8Array(await res.arrayBuffer()) };
  } catch {
    return { kind: 'unreachable' };
  }
};

/** Opens workbook `id`; `token` is the one from a link (else the kept one is used). */
export const openWorkbook = async (id: string, opts: { token?: string; identity: Identity }): Promise<OpenResult> => {
  const kept = tokenFor(id);
  const token = opts.token ?? kept;
  const fresh = opts.token !== undefined && opts.token !== kept;
  if (opts.token) keepToken(id, opts.token);
  const known = knownWorkbook(id);
  const local = await openLocalDoc(id);
  const first = isEmptyDoc(local.doc);
  let access: Access | undefined = token ? (fresh ? undefined : known?.access) : 'local';

  const giveUp = async (result: OpenResult): Promise<OpenResult> => {
    await local.persistence.destroy();
    // Opening made an empty database: leave nothing behind for a workbook that did not open.
    if (isEmptyDoc(local.doc)) await (await import('./local-maintenance.ts')).deleteLocalCopy(id);
    return result;
  };

  if (!token && first) return giveUp({ kind: 'unknown' });
  if (token && (first || access === undefined)) {
    // A first visit needs the workbook; a new link's role decides whether the grid can be edited.
    const answer = await askRelay(id, token, first ? 'GET' : 'HEAD');
    if (answer.kind === 'denied') return giveUp(answer);
    if (first && answer.kind !== 'ok') return giveUp({ kind: 'unreachable' });
    // y-indexeddb stores it like any update: the next visit needs no network.
    if (answer.kind === 'ok' && first) Y.applyUpdate(local.doc, answer.state, 'relay');
    access = answer.kind === 'ok' ? answer.role : (known?.access ?? 'viewer');
  }
  const role = access ?? 'viewer';
  const wb = new Workbook(local.doc, { user: { id: opts.identity.id, name: opts.identity.name }, readOnly: role === 'viewer' });
  remember({ id, name: wb.settings.name || id, access: role, opened: Date.now() });
  return { kind: 'open', session: createSession({ id, access: role, token, wb, local, identity: opts.identity }) };
};
