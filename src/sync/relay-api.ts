/** The relay's small HTTP API, as the app uses it: who this token lets in, and share links. */
import type { Access } from './registry.ts';

/** What `GET /api/workbooks/:id` said about a token. */
export type AccessCheck =
  | { kind: 'ok'; name: string; role: Exclude<Access, 'local'> }
  /** 401/403/404: the link is wrong, revoked, or for a workbook the relay does not have; 410 (`trashed`): the workbook is in its space's trash. */
  | { kind: 'denied'; message: string; trashed?: boolean }
  /** No answer (offline, relay down) or a server error. */
  | { kind: 'unreachable' };

/** A share link could not be made; the message says why in a sentence. */
export class ShareError extends Error {
  override name = 'ShareError';
}

const api = (id: string, tail = ''): string => `/api/workbooks/${encodeURIComponent(id)}${tail}`;

const errorOf = async (res: Response): Promise<string> => {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : `The relay answered ${res.status}.`;
  } catch {
    return `The relay answered ${res.status}.`;
  }
};

/** Asks the relay what `token` opens (a websocket refused at the upgrade cannot tell a browser why). */
export const checkAccess = async (id: string, token: string, timeoutMs = 5000): Promise<AccessCheck> => {
  try {
    const res = await fetch(api(id), { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (res.status === 401 || res.status === 403 || res.status === 404) return { kind: 'denied', message: await errorOf(res) };
    if (res.status === 410) return { kind: 'denied', message: await errorOf(res), trashed: true };
    if (!res.ok) return { kind: 'unreachable' };
    const body = (await res.json()) as { name?: unknown; role?: unknown };
    const role = body.role === 'viewer' ? 'viewer' : 'editor';
    return { kind: 'ok', name: typeof body.name === 'string' ? body.name : id, role };
  } catch {
    return { kind: 'unreachable' };
  }
};

/** Makes a link that opens the workbook as `role` (the caller's token must be an editor's). */
export const createShareLink = async (id: string, token: string, role: Exclude<Access, 'local'>): Promise<string> => {
  let res: Response;
  try {
    res = await fetch(api(id, '/tokens'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role }),
      cache: 'no-store',
    });
  } catch {
    throw new ShareError('The relay cannot be reached; make the link again once you are online.');
  }
  if (!res.ok) throw new ShareError(await errorOf(res));
  const body = (await res.json()) as { url?: unknown };
  if (typeof body.url !== 'string') throw new ShareError('The relay did not send a link; try again.');
  return body.url;
};
