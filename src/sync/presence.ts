/**
 * Who else has the workbook open, and where: each person's name and colour, the sheet they are on
 * and their active cell, carried by the provider's awareness (never stored in the document).
 * States come from peers, so each one is checked before it is shown.
 */
import type { Awareness } from 'y-protocols/awareness';
import { shownName } from '../schema/shown-name.ts';
import { createWatch, type Watch } from './watch.ts';

/** Another person in the workbook. */
export interface Peer {
  /** Their connection (one person may have the workbook open twice). */
  clientId: number;
  userId: string;
  name: string;
  color: string;
  sheetId: string | null;
  rowId: string | null;
  colId: string | null;
}

/** Where this person is. */
export interface Location {
  sheetId: string | null;
  rowId: string | null;
  colId: string | null;
}

/** What this person shows of themselves. */
export interface Me {
  id: string;
  name: string;
  color: string;
}

const str = (x: unknown, max = 80): string | null => (typeof x === 'string' && x.length <= max ? x : null);
const COLOR = /^#[0-9a-fA-F]{6}$/;

const readPeer = (clientId: number, state: Record<string, unknown>): Peer | null => {
  const user = state.user as Record<string, unknown> | undefined;
  const userId = str(user?.id);
  const color = str(user?.color);
  if (!user || !userId || !color || !COLOR.test(color)) return null;
  const where = (state.at ?? {}) as Record<string, unknown>;
  return { clientId, userId, name: shownName(user.name), color, sheetId: str(where.sheet), rowId: str(where.row), colId: str(where.col) };
};

/** Publishes this person's presence on `awareness` and follows everyone else's. */
export const trackPresence = (awareness: Awareness, me: Me): { peers: Watch<readonly Peer[]>; setLocation: (at: Location) => void; setMe: (me: Me) => void; stop: () => void } => {
  const peers = createWatch<readonly Peer[]>([]);
  let at: Location = { sheetId: null, rowId: null, colId: null };
  let self = me;
  const publish = () =>
    awareness.setLocalState({ user: { id: self.id, name: self.name, color: self.color }, at: { sheet: at.sheetId, row: at.rowId, col: at.colId } });
  const read = () => {
    const out: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const p = readPeer(clientId, state);
      if (p) out.push(p);
    });
    peers.set(out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId));
  };
  awareness.on('change', read);
  publish();
  read();
  return {
    peers,
    setLocation: (next) => {
      if (next.sheetId === at.sheetId && next.rowId === at.rowId && next.colId === at.colId) return;
      at = next;
      publish();
    },
    setMe: (next) => {
      self = next;
      publish();
    },
    stop: () => {
      awareness.off('change', read);
      awareness.setLocalState(null);
    },
  };
};

/** The name shown for a person who has not chosen one: "Guest" and a short tag of their id. */
export const displayName = (identity: { id: string; name: string }, guest: string): string =>
  identity.name.trim() || `${guest} ${identity.id.slice(0, 4)}`;
