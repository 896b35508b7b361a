/**
 * The ownership rules of issue #16 part 4, as a table: which updates and presence entries a
 * connection may send, given the relay's state, the recorded owners and what it shows already.
 */
import { describe, expect, test } from 'vitest';
import { ClientOwners } from '../../../server/relay/client-owners.ts';
import { checkPresence, MAX_PRESENCE_IDS, type PresenceEntry } from '../../../server/relay/presence-check.ts';
import type { ClientSpans } from '../../../server/relay/update-spans.ts';

/** Relay state: client 1 has clocks 0..9 (owned by A), 2 has 0..4 and no owner (legacy), 3 is owned by B with no edits yet. */
const state = new Map([
  [1, 10],
  [2, 5],
]);
const stateOf = (c: number) => state.get(c) ?? 0;
const owners = () =>
  new ClientOwners([
    { clientId: 1, owner: 'A' },
    { clientId: 3, owner: 'B' },
  ]);
const span = (client: number, ...ranges: [number, number][]): ClientSpans => ({ client, ranges });

describe('updates: what goes past the relay’s state belongs to the client id’s owner', () => {
  const cases: [string, string, ClientSpans[], 'ok' | string, number[]?][] = [
    ['the owner continues its own edits', 'A', [span(1, [10, 14])], 'ok'],
    ['the owner re-sends and continues', 'A', [span(1, [0, 14])], 'ok'],
    ['anyone re-sends known edits', 'B', [span(1, [2, 10]), span(2, [0, 5])], 'ok'],
    ['a new client id becomes the sender’s', 'B', [span(9, [0, 3])], 'ok', [9]],
    ['another device claims clocks past the state', 'B', [span(1, [10, 11])], 'another device'],
    ['another device claims clocks of an owned id with no edits yet', 'A', [span(3, [0, 1])], 'another device'],
    ['nobody adds to an id with edits and no owner', 'A', [span(2, [5, 6])], 'another device'],
    ['the owner skips clocks', 'A', [span(1, [12, 14])], 'skips clocks'],
    ['the owner leaves a hole', 'A', [span(1, [8, 11], [12, 14])], 'skips clocks'],
    ['a new id may not start past 0', 'B', [span(9, [4, 6])], 'skips clocks'],
  ];
  test.each(cases)('%s', (_name, owner, spans, expected, claims = []) => {
    const verdict = owners().checkUpdate(spans, owner, stateOf);
    if (expected === 'ok') expect(verdict).toEqual({ ok: true, claims });
    else expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining(expected) });
  });

  test('claims wait to be written, once each; an owned id cannot be claimed again', () => {
    const o = owners();
    o.claim(9, 'B');
    o.claim(9, 'C');
    o.claim(1, 'C');
    expect(o.ownerOf(9)).toBe('B');
    expect(o.ownerOf(1)).toBe('A');
    expect(o.takeUnwritten()).toEqual([{ clientId: 9, owner: 'B' }]);
    expect(o.hasUnwritten).toBe(false);
    // A viewer's presence id is its own while the room is loaded, and never stored.
    o.claim(11, 'V', false);
    expect(o.ownerOf(11)).toBe('V');
    expect(o.hasUnwritten).toBe(false);
  });
});

describe('presence: a connection speaks for its own client ids only', () => {
  /** The relay holds presence of 1 (clock 4) and 3 (clock 2). */
  const clocks = new Map([
    [1, 4],
    [3, 2],
  ]);
  const room = () => ({ owners: owners(), clockOf: (c: number) => clocks.get(c), hasEdits: (c: number) => stateOf(c) > 0 });
  const e = (client: number, clock: number, state = '{"user":{}}'): PresenceEntry => ({ client, clock, state });
  const cases: [string, string, PresenceEntry[], 'ok' | string, number[]?][] = [
    ['the owner updates its presence', 'A', [e(1, 5)], 'ok'],
    ['the owner leaves', 'A', [e(1, 5, 'null')], 'ok'],
    ['a new id becomes the sender’s before it is relayed', 'B', [e(9, 0)], 'ok', [9]],
    ['an echo of someone else’s presence is left out', 'B', [e(1, 4), e(1, 3, 'null')], 'ok'],
    ['changing someone else’s presence', 'B', [e(1, 5)], 'another device'],
    ['removing someone else’s presence', 'A', [e(3, 3, 'null')], 'another device'],
    ['announcing an id another device owns', 'A', [e(3, 9)], 'another device'],
    ['announcing an id with edits and no owner', 'A', [e(2, 0)], 'another device'],
  ];
  test.each(cases)('%s', (_name, owner, entries, expected, claims = []) => {
    const verdict = checkPresence(entries, owner, new Set(), room());
    if (expected === 'ok') expect(verdict).toMatchObject({ ok: true, claims, keep: entries.filter((x) => (clocks.get(x.client) ?? -1) < x.clock) });
    else expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining(expected) });
  });

  test(`at most ${MAX_PRESENCE_IDS} client ids per connection; a flood is refused as a whole`, () => {
    const few = Array.from({ length: MAX_PRESENCE_IDS }, (_, i) => e(100 + i, 0));
    expect(checkPresence(few, 'B', new Set(), room())).toMatchObject({ ok: true });
    expect(checkPresence([e(200, 0)], 'B', new Set(few.map((x) => x.client)), room())).toMatchObject({ ok: false, reason: expect.stringContaining('more than') });
    const flood = Array.from({ length: 5000 }, (_, i) => e(1000 + i, 0));
    expect(checkPresence(flood, 'B', new Set(), room())).toMatchObject({ ok: false });
  });
});
