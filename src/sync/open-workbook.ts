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
import { askRelay } from './relay-state.ts';
import { createSession, type WorkbookSession } from './session.ts';

/** How opening a workbook went. */
export type OpenResult =
  | { kind: 'open'; session: WorkbookSession }
  /** The relay refused the token (its sentence). */
  | { kind: 'denied'; message: string }
  /** Not in this browser yet, and the relay cannot be reached. */
  | { kind: 'unreachable' }
  /** Not in this browser, and no link (token) to fetch it with. */
  | { kind: 'unknown' }
  /** This browser's copy cannot be read (a damaged stored update); `repairable` when the relay has a copy (a token is kept). */
  | { kind: 'damaged'; message: string; repairable: boolean };

/** Opens workbook `id`; `token` is the one from a link (else the kept one is used). */
export const openWorkbook = async (id: string, opts: { token?: string; identity: Identity }): Promise<OpenResult> => {
  const kept = tokenFor(id);
  const token = opts.token ?? kept;
  const fresh = opts.token !== undefined && opts.token !== kept;
  if (opts.token) keepToken(id, opts.token);
  const known = knownWorkbook(id);
  let local: Awaited<ReturnType<typeof openLocalDoc>>;
  try {
    local = await openLocalDoc(id);
  } catch (err) {
    // Applying what IndexedDB holds failed: the app must still come up, with a way to repair it.
    return { kind: 'damaged', message: err instanceof Error ? err.message : String(err), repairable: token !== undefined };
  }
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
