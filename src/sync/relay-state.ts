/** Asking the relay for a whole workbook over HTTP (`GET /api/workbooks/:id/state`), or for a token's role (HEAD). */

/** What the relay answered for a workbook's state. */
export type StateAnswer = { kind: 'ok'; role: 'editor' | 'viewer'; state: Uint8Array } | { kind: 'denied'; message: string } | { kind: 'unreachable' };

/**
 * Asks the relay for the workbook (GET: the whole of it; HEAD: only this token's role), one request:
 * `GET /api/workbooks/:id/state` names the role in a header.
 */
export const askRelay = async (id: string, token: string, method: 'GET' | 'HEAD'): Promise<StateAnswer> => {
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
