/**
 * Presence states come from peers (relayed as they sent them): the name a peer shows for itself is
 * read through shownName before the avatars, the sheet tabs and the cell badges show it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { displayName, trackPresence, type Peer } from '../../../src/sync/presence.ts';

const docs: Y.Doc[] = [];
const awareness = (clientId: number): Awareness => {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  docs.push(doc);
  return new Awareness(doc);
};
afterEach(() => {
  for (const d of docs.splice(0)) d.destroy();
});

/** What `me` sees of one peer that publishes `state` as its presence. */
const seen = (state: unknown): Peer[] => {
  const mine = awareness(1);
  const theirs = awareness(2);
  theirs.setLocalState(state as Record<string, unknown>);
  const tracked = trackPresence(mine, { id: 'u-me', name: 'Me', color: '#112233' });
  applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [2]), 'relay');
  const peers = [...tracked.peers.get()];
  tracked.stop();
  mine.destroy();
  theirs.destroy();
  return peers;
};

const user = (name: unknown) => ({ user: { id: 'u-mallory', name, color: '#aa0000' }, at: { sheet: null, row: null, col: null } });

describe('a peer’s presence name', () => {
  test.each([
    { what: 'a right-to-left override', name: 'Alice\u202Eevil', shown: 'Aliceevil' },
    { what: 'a line break', name: 'Ana\nBo', shown: 'Ana Bo' },
    { what: 'zero-width characters posing as another', name: 'A\u200Dn\u200Ba', shown: 'Ana' },
    { what: 'bidi isolates and a terminal escape', name: '\u2066Mal\u001B[0m\u2069', shown: 'Mal[0m' },
    { what: 'a 50,000-character name', name: 'M'.repeat(50_000), shown: `${'M'.repeat(63)}…` },
    { what: 'a Chinese name', name: '张伟', shown: '张伟' },
    { what: 'a number', name: 42, shown: '' },
  ])('reads $what as a plain, short name', ({ name, shown }) => {
    const peers = seen(user(name));
    expect(peers.map((p) => p.name)).toEqual([shown]);
    // A name with nothing left is shown as a guest with a tag of their id, like one never chosen.
    expect(displayName({ id: peers[0]?.userId ?? '', name: peers[0]?.name ?? '' }, 'Guest')).toBe(shown || 'Guest u-ma');
  });
});
