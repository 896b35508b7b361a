/** The relay's small HTTP API, as the app uses it: who this token lets in, share links, the kept history, and who owns which client id. */
import type { Access } from './registry.ts';

/** What `GET /api/workbooks/:id` said about a token. */
export type AccessCheck =
  | { kind: 'ok'; name: string; role: Exclude<Access, 'local'>; size?: StoredSize }
  /** 401/403/404: the link is wrong, revoked, or for a workbook the relay does not have; 410 (`trashed`): the workbook is in its space's trash. */
  | { kind: 'denied'; message: string; trashed?: boolean }
  /** No answer (offline, relay down) or a server error. */
  | { kind: 'unreachable' };

/** A workbook's stored size on the relay and the most the relay takes (MAX_ROOM_BYTES), in bytes. */
export interface StoredSize {
  bytes: number;
  maxBytes: number;
}

/** The size the relay said, when both numbers are sane (the answer is read like any other input from outside). */
export const storedSizeOf = (bytes: unknown, maxBytes: unknown): StoredSize | undefined =>
  typeof bytes === 'number' && typeof maxBytes === 'number' && Number.isFinite(bytes) && Number.isFinite(maxBytes) && bytes >= 0 && maxBytes > 0 ? { bytes, maxBytes } : undefined;

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
    const body = (await res.json()) as { name?: unknown; role?: unknown; bytes?: unknown; maxBytes?: unknown };
    const role = body.role === 'viewer' ? 'viewer' : 'editor';
    return { kind: 'ok', name: typeof body.name === 'string' ? body.name : id, role, size: storedSizeOf(body.bytes, body.maxBytes) };
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

/**
 * The relay's copy of the workbook with everything it keeps (deleted content included), from
 * which the app lists versions, restores one and reverts a device's changes.
 */
export const fetchKeptHistory = async (id: string, token: string | undefined): Promise<Uint8Array> => {
  if (!token) throw new Error('This workbook is only on this device; its history is not kept on a relay.');
  let res: Response;
  try {
    res = await fetch(api(id, '/state'), { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal: AbortSignal.timeout(60_000) });
  } catch {
    throw new Error('The relay cannot be reached; the history is kept there. Try again once you are online.');
  }
  if (!res.ok) throw new Error(await errorOf(res));
  return new Uint8Array(await res.arrayBuffer());
};

/** Who owns a Yjs client id, as the relay shows it: a device, a link (a client without a device key), or the server. */
export interface ClientOwnerTag {
  /** `member`: written over a member's personal token; `name` is the member's name as the relay knows it. */
  kind: 'device' | 'link' | 'server' | 'member';
  name?: string;
  /** A short tag that tells owners of one kind apart. */
  tag: string;
}

const KINDS = new Set(['device', 'link', 'server', 'member']);
const NAME_MAX = 200;

/** The relay's record of who owns each client id of a workbook; empty when it cannot be had (offline, say). */
export const fetchOwners = async (id: string, token: string, timeoutMs = 5000): Promise<Map<number, ClientOwnerTag>> => {
  const out = new Map<number, ClientOwnerTag>();
  try {
    const res = await fetch(api(id, '/owners'), { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return out;
    const body = (await res.json()) as { owners?: unknown };
    if (!Array.isArray(body.owners)) return out;
    for (const o of body.owners as unknown[]) {
      const r = o as { clientId?: unknown; kind?: unknown; tag?: unknown; name?: unknown } | null;
      if (typeof r?.clientId === 'number' && typeof r.kind === 'string' && KINDS.has(r.kind) && typeof r.tag === 'string' && r.tag.length <= 16) {
        const name = r.kind === 'member' && typeof r.name === 'string' && r.name.length <= NAME_MAX ? { name: r.name } : {};
        out.set(r.clientId, { kind: r.kind as ClientOwnerTag['kind'], tag: r.tag, ...name });
      }
    }
  } catch {
    // Offline or the relay is down: the history shows the names written in the document.
  }
  return out;
};
