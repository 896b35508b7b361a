/**
 * The relay's space API as the app uses it (server/http/space-api.ts), and the member tokens this
 * browser keeps: one personal token per space, in localStorage, never in the address bar. Every
 * call answers a value or a SpaceError with the relay's sentence; `offline` tells a relay that
 * could not be reached from one that said no.
 */

/** A workbook of a space, as listed. */
export interface SpaceWorkbook {
  id: string;
  name: string;
  createdAt: number;
  changedAt: number | null;
  changedBy: string | null;
  bytes: number | null;
  trashedAt: number | null;
  purgeAt: number | null;
}

/** A role in a space. */
export type SpaceRole = 'owner' | 'editor' | 'viewer';

/** What the relay says about a space and the person asking. */
export interface SpaceInfo {
  id: string;
  name: string;
  role: SpaceRole;
  member: { id: string; name: string } | null;
}

/** A member as owners see them. */
export interface SpaceMember {
  id: string;
  name: string;
  role: SpaceRole;
  createdAt: number;
  lastSeenAt: number | null;
  you: boolean;
}

/** An invite not used up, expired or revoked, as owners see it. */
export interface SpaceInvite {
  id: string;
  role: SpaceRole;
  singleUse: boolean;
  expiresAt: number | null;
  uses: number;
}

/**
 * What the page sends as its token when it has none: a relay started with --no-auth (loopback
 * only) takes any, and one with access checks refuses it like any unknown token.
 */
export const NO_AUTH_TOKEN = 'no-auth';

/** A call to the space API that did not work; `status` 0 when the relay could not be reached. */
export class SpaceError extends Error {
  override name = 'SpaceError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** The relay could not be reached (offline, or it is down). */
  get offline(): boolean {
    return this.status === 0;
  }
}

const KEY = 'wb-space-token:';

/** The personal token this browser keeps for `space`. */
export const spaceToken = (space: string): string | undefined => {
  try {
    return localStorage.getItem(KEY + space) ?? undefined;
  } catch {
    return undefined;
  }
};

/** Keeps the personal token of `space` (from a link, or made from an invite). */
export const keepSpaceToken = (space: string, token: string): void => {
  try {
    localStorage.setItem(KEY + space, token);
  } catch {
    // Private mode: it lasts for this visit.
  }
};

/** The spaces this browser holds a token for. */
export const knownSpaces = (): string[] => {
  try {
    return Object.keys(localStorage)
      .filter((k) => k.startsWith(KEY))
      .map((k) => k.slice(KEY.length))
      .sort();
  } catch {
    return [];
  }
};

const errorOf = async (res: Response): Promise<SpaceError> => {
  try {
    const body = (await res.json()) as { error?: unknown };
    return new SpaceError(typeof body.error === 'string' ? body.error : `The relay answered ${res.status}.`, res.status);
  } catch {
    return new SpaceError(`The relay answered ${res.status}.`, res.status);
  }
};

/** One call: JSON (or bytes) in, JSON out. */
const call = async <T,>(path: string, token: string | undefined, init: { method?: string; json?: unknown; bytes?: Uint8Array } = {}): Promise<T> => {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.bytes) {
    headers['Content-Type'] = 'application/octet-stream';
    body = new Blob([init.bytes as Uint8Array<ArrayBuffer>]);
  } else if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method: init.method ?? 'GET', headers, body, cache: 'no-store', signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new SpaceError('The relay cannot be reached; you are offline or it is down.', 0);
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
};

const sp = (space: string, tail = ''): string => `/spaces/${encodeURIComponent(space)}${tail}`;
const wbPath = (space: string, id: string, tail = ''): string => sp(space, `/workbooks/${encodeURIComponent(id)}${tail}`);

/** The space API for one space, with the token this browser keeps for it. */
export const spaceClient = (space: string, token: string | undefined) => ({
  info: () => call<SpaceInfo>(sp(space), token),
  workbooks: () => call<{ workbooks: SpaceWorkbook[]; trash: SpaceWorkbook[] }>(sp(space, '/workbooks'), token),
  create: (what: { template: 'ops' | 'blank'; name: string; locale: string; id?: string } | { from: string; id?: string }) =>
    call<SpaceWorkbook>(sp(space, '/workbooks'), token, { method: 'POST', json: what }),
  /** Brings a workbook made in this browser (its whole state) into the space under its own id. */
  moveIn: (id: string, state: Uint8Array) => call<SpaceWorkbook>(wbPath(space, id), token, { method: 'PUT', bytes: state }),
  rename: (id: string, name: string) => call<SpaceWorkbook>(wbPath(space, id), token, { method: 'PATCH', json: { name } }),
  trash: (id: string) => call<SpaceWorkbook>(wbPath(space, id), token, { method: 'DELETE' }),
  restore: (id: string) => call<SpaceWorkbook>(wbPath(space, id, '/restore'), token, { method: 'POST' }),
  purge: (id: string) => call<{ purged: string }>(sp(space, `/trash/${encodeURIComponent(id)}`), token, { method: 'DELETE' }),
  members: () => call<{ members: SpaceMember[]; invites: SpaceInvite[] }>(sp(space, '/members'), token),
  renameSpace: (name: string) => call<{ name: string }>(sp(space), token, { method: 'PATCH', json: { name } }),
  /** An owner renames a member. */
  renameMember: (id: string, name: string) => call<{ name: string }>(sp(space, `/members/${encodeURIComponent(id)}`), token, { method: 'PATCH', json: { name } }),
  /** A member renames themself. */
  renameMe: (name: string) => call<{ name: string }>(sp(space, '/me'), token, { method: 'PATCH', json: { name } }),
  revokeInvite: (id: string) => call<{ revoked: string }>(sp(space, `/invites/${encodeURIComponent(id)}`), token, { method: 'DELETE' }),
  setRole: (id: string, role: SpaceRole) => call<{ id: string }>(sp(space, `/members/${encodeURIComponent(id)}`), token, { method: 'PATCH', json: { role } }),
  remove: (id: string) => call<{ removed: string }>(sp(space, `/members/${encodeURIComponent(id)}`), token, { method: 'DELETE' }),
  invite: (role: SpaceRole) => call<{ url: string; role: SpaceRole; expiresAt: number }>(sp(space, '/invites'), token, { method: 'POST', json: { role } }),
});

/** The API of one space. */
export type SpaceClient = ReturnType<typeof spaceClient>;

/** Turns an invite into this person's membership; keeps and returns the personal token. */
export const acceptInvite = async (space: string, invite: string, name: string): Promise<{ space: string; role: SpaceRole; token: string }> => {
  const made = await call<{ space: string; role: SpaceRole; token: string }>('/invites/accept', undefined, { method: 'POST', json: { invite, name } });
  if (made.space !== space) throw new SpaceError('This invite is for another space.', 400);
  keepSpaceToken(made.space, made.token);
  return made;
};
