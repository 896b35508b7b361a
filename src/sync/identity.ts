/**
 * Who this person is to their teammates: a stable id, a name and a colour, chosen once and kept in
 * this browser. The id only groups one person's edits in the history; it is not a secret.
 */
import type { WorkbookUser } from '../schema/history-types.ts';
import { newId } from '../schema/ids.ts';

/**
 * Presence colours: distinct from each other (CIE ΔE ≥ 24 between any two; the second orange there
 * was once is gone) and from the grid's own blue selection, dark enough for white names on them.
 */
export const PRESENCE_COLORS = ['#d9480f', '#2b8a3e', '#ae3ec9', '#7f3b08', '#0c8599', '#c2255c', '#5f3dc4', '#8d6e00', '#495057'] as const;

/** This person as teammates see them. */
export interface Identity extends WorkbookUser {
  color: string;
  /** The person chose name and colour (else they are a first guess, and the app asks once). */
  chosen: boolean;
}

const KEY = 'wb-identity';

const isIdentity = (x: unknown): x is Identity => {
  const r = x as Partial<Identity> | null;
  return typeof r?.id === 'string' && typeof r.name === 'string' && typeof r.color === 'string' && typeof r.chosen === 'boolean';
};

/** This person's identity, made up (and kept) on the first call. */
export const loadIdentity = (): Identity => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (isIdentity(stored)) return stored;
  } catch {
    // unreadable: start again
  }
  const id = newId();
  const color = PRESENCE_COLORS[id.charCodeAt(0) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
  const made: Identity = { id, name: '', color, chosen: false };
  saveIdentity(made);
  return made;
};

/** Keeps the identity for the next visits. */
export const saveIdentity = (identity: Identity): void => {
  try {
    localStorage.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Private mode: it lasts for this visit.
  }
};
