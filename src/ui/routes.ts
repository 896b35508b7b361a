/**
 * The app's addresses, kept in the hash so every page is the one cached shell:
 * `#/` the workbook list, `#/w/<id>` a workbook, `#/w/<id>?token=…` a workbook from a link.
 */

/** Where the address points. */
export type Route = { kind: 'start' } | { kind: 'workbook'; id: string; token?: string };

/** Reads a location hash. */
export const parseRoute = (hash: string): Route => {
  const m = /^#\/w\/([^?/]+)\/?(?:\?(.*))?$/.exec(hash);
  if (!m?.[1]) return { kind: 'start' };
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return { kind: 'start' };
  }
  const token = new URLSearchParams(m[2] ?? '').get('token');
  return token ? { kind: 'workbook', id, token } : { kind: 'workbook', id };
};

/** The hash of a workbook's page (never with its token: that is kept in storage, not in the address). */
export const workbookHash = (id: string): string => `#/w/${encodeURIComponent(id)}`;

/** Opens another route: each page is set up afresh (the workbook code keeps no state between routes). */
export const goTo = (hash: string): void => {
  if (location.hash === hash) location.reload();
  else location.hash = hash;
};
