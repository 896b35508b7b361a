/**
 * The workbooks this browser knows: each opened workbook's id, name, where it lives (only here, or
 * on the relay with this person's role) and when it was last opened; and the token of each server
 * workbook. Kept in localStorage: small, synchronous, and read before anything else on a page.
 */
/** Where a workbook lives and what this person may do with it. */
export type Access = 'local' | 'editor' | 'viewer';

/** A workbook in the list. */
export interface KnownWorkbook {
  id: string;
  name: string;
  access: Access;
  /** Milliseconds since 1970 of the last time it was opened here. */
  opened: number;
  /** The team space it was opened from, when it was. */
  space?: string;
}

const LIST_KEY = 'wb-workbooks';
/** Where a workbook's token is kept (prefix of the localStorage key). */
export const TOKEN_KEY = 'wb-token:';

/** The list as stored (unordered). */
export const readList = (): KnownWorkbook[] => {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(LIST_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((w: Partial<KnownWorkbook>) => typeof w?.id === 'string' && typeof w.name === 'string') : [];
  } catch {
    return [];
  }
};

/** Stores the list. */
export const writeList = (list: KnownWorkbook[]): void => {
  try {
    localStorage.setItem(LIST_KEY, JSON.stringify(list));
  } catch {
    // Storage full or private mode: the list lasts for this visit.
  }
};

/** One known workbook. */
export const knownWorkbook = (id: string): KnownWorkbook | undefined => readList().find((w) => w.id === id);

/** Adds or updates a workbook in the list. */
export const remember = (entry: Partial<KnownWorkbook> & { id: string }): void => {
  const list = readList();
  const i = list.findIndex((w) => w.id === entry.id);
  const before = list[i];
  const next: KnownWorkbook = { ...(before ?? { id: entry.id, name: entry.id, access: 'local', opened: Date.now() }), ...entry };
  if (i >= 0) list[i] = next;
  else list.push(next);
  writeList(list);
};

/** The token this person holds for a server workbook. */
export const tokenFor = (id: string): string | undefined => {
  try {
    return localStorage.getItem(TOKEN_KEY + id) ?? undefined;
  } catch {
    return undefined;
  }
};

/** Keeps the token of a server workbook (taken from a link). */
export const keepToken = (id: string, token: string): void => {
  try {
    localStorage.setItem(TOKEN_KEY + id, token);
  } catch {
    // Private mode: the token lasts for this visit (it is in the page's memory).
  }
};
