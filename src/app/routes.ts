/**
 * The app's addresses, kept in the hash so every page is the one cached shell:
 * `#/` the workbook list, `#/w/<id>` a workbook, `#/w/<id>?token=…` a workbook from a link,
 * `#/s/<space>` a team space's start page (`?token=…`: a member's personal link), `#/join/<space>?invite=…`
 * an invite to a space.
 */

/** Where the address points. */
export type Route =
  | { kind: 'start' }
  | { kind: 'workbook'; id: string; token?: string }
  | { kind: 'space'; id: string; token?: string }
  | { kind: 'join'; space: string; invite: string };

const PAGE = /^#\/(w|s|join)\/([^?/]+)\/?(?:\?(.*))?$/;

/** Reads a location hash. */
export const parseRoute = (hash: string): Route => {
  const m = PAGE.exec(hash);
  if (!m?.[2]) return { kind: 'start' };
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return { kind: 'start' };
  }
  const query = new URLSearchParams(m[3] ?? '');
  if (m[1] === 'join') {
    const invite = query.get('invite');
    return invite ? { kind: 'join', space: id, invite } : { kind: 'space', id };
  }
  const token = query.get('token');
  const kind = m[1] === 's' ? 'space' : 'workbook';
  return token ? { kind, id, token } : { kind, id };
};

/** The hash of a space's start page (never with a token). */
export const spaceHash = (id: string): string => `#/s/${encodeURIComponent(id)}`;

/** The hash of a workbook's page (never with its token: that is kept in storage, not in the address). */
export const workbookHash = (id: string): string => `#/w/${encodeURIComponent(id)}`;
