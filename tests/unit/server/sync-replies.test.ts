import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { updateOfStep2Frame } from '../../../server/relay/protocol.ts';
import { SyncReplies } from '../../../server/relay/sync-replies.ts';
import { seededRandom, type Random } from '../../support/random.ts';

/** A relay document and the cache kept in step with it, as a room keeps them. */
const relayDoc = () => {
  const doc = new Y.Doc({ gc: false });
  const replies = new SyncReplies();
  doc.on('update', () => replies.changed());
  return { doc, replies };
};

const edit = (doc: Y.Doc, rnd: Random, n: number): void => {
  const rows = doc.getMap<string[]>('rows');
  for (let i = 0; i < n; i++) {
    const k = `r${rnd.int(400)}`;
    if (rnd.chance(0.15)) rows.delete(k);
    else rows.set(k, [`${rnd.int(1e6)}`, 'x'.repeat(rnd.int(30))]);
  }
};

/** A client's copy after it receives `messages` (step 2 frames) on top of what it had. */
const received = (had: Uint8Array, messages: Uint8Array[]): Y.Doc => {
  const c = new Y.Doc({ gc: false });
  Y.applyUpdate(c, had);
  for (const m of messages) Y.applyUpdate(c, updateOfStep2Frame(m));
  return c;
};

/** The content in key order (a map's iteration order depends on the order updates were integrated in). */
const content = (d: Y.Doc): string => JSON.stringify(Object.entries(d.getMap('rows').toJSON()).sort(([a], [b]) => a.localeCompare(b)));

const same = (a: Y.Doc, b: Y.Doc) => {
  expect(content(a)).toBe(content(b));
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
};

describe('sync answers (cached per document version)', () => {
  test.each([1, 2, 3, 4, 5, 6])('whatever a client holds, the answer brings it to the relay’s document (seed %i)', (seedValue) => {
    const rnd = seededRandom(seedValue);
    const { doc, replies } = relayDoc();
    const snapshots: Uint8Array[] = [new Uint8Array([0, 0])];
    for (let round = 0; round < 12; round++) {
      // Several writers, as in a room: each edit comes from another client.
      const writer = new Y.Doc({ gc: false });
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
      edit(writer, rnd, 1 + rnd.int(round < 3 ? 200 : 10));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(doc)));
      snapshots.push(Y.encodeStateAsUpdate(doc));
      // Clients holding any earlier state (or none) ask; each ends up with the relay's content.
      for (let k = 0; k < 4; k++) {
        const had = rnd.pick(snapshots);
        const theirs = Y.encodeStateVectorFromUpdate(had);
        const { messages } = replies.answer(doc, theirs);
        same(received(had, messages), doc);
      }
    }
  });

  test('asking again with the same state vector costs no encoding: the same bytes come back until the document changes', () => {
    const { doc, replies } = relayDoc();
    edit(doc, seededRandom(9), 300);
    const behind = Y.encodeStateVector(doc);
    edit(doc, seededRandom(10), 2);
    const first = replies.answer(doc, behind);
    const again = replies.answer(doc, behind);
    expect(again.messages[0]).toBe(first.messages[0]);
    edit(doc, seededRandom(11), 1);
    expect(replies.answer(doc, behind).messages[0]).not.toBe(first.messages[0]);
  });

  test('a client lacking most of the document gets the cached whole (plus the small difference once it moved on)', () => {
    const { doc, replies } = relayDoc();
    edit(doc, seededRandom(12), 400);
    const empty = Y.encodeStateVector(new Y.Doc());
    const a = replies.answer(doc, empty);
    const b = replies.answer(doc, empty);
    expect(a.messages).toHaveLength(1);
    expect(b.messages[0]).toBe(a.messages[0]);
    // A small change: the whole is kept and the difference follows it.
    doc.getMap<string[]>('rows').set('r0', ['changed']);
    const c = replies.answer(doc, empty);
    expect(c.messages).toHaveLength(2);
    expect(c.messages[0]).toBe(a.messages[0]);
    same(received(new Uint8Array([0, 0]), c.messages), doc);
    // Grown by far more than 5%: the whole is encoded again.
    edit(doc, seededRandom(13), 400);
    const d = replies.answer(doc, empty);
    expect(d.messages).toHaveLength(1);
    expect(d.messages[0]).not.toBe(a.messages[0]);
    same(received(new Uint8Array([0, 0]), d.messages), doc);
  });

  test('the whole update for GET /state is the document as it is now, and cached until it changes', () => {
    const { doc, replies } = relayDoc();
    edit(doc, seededRandom(14), 200);
    const one = replies.wholeUpdate(doc).update;
    // A view of the same cached bytes, not a new encode.
    expect(replies.wholeUpdate(doc).update.buffer).toBe(one.buffer);
    doc.getMap<string[]>('rows').set('r1', ['new']);
    const two = replies.wholeUpdate(doc).update;
    expect(two.buffer).not.toBe(one.buffer);
    same(received(two, []), doc);
  });

  test('a loaded snapshot seeds the whole: the first client to join gets those very bytes, nothing encoded', () => {
    const source = new Y.Doc({ gc: false });
    edit(source, seededRandom(16), 300);
    const snapshot = Y.encodeStateAsUpdate(source);
    const { doc, replies } = relayDoc();
    Y.applyUpdate(doc, snapshot);
    replies.seedWhole(doc, snapshot);
    const a = replies.answer(doc, Y.encodeStateVector(new Y.Doc()));
    expect(a.messages).toHaveLength(1);
    expect(updateOfStep2Frame(a.messages[0] ?? new Uint8Array())).toEqual(snapshot);
    expect(replies.wholeUpdate(doc).update).toEqual(snapshot);
  });

  test('the relay’s own step 1 is its state vector, cached per version; a reset forgets the whole', () => {
    const { doc, replies } = relayDoc();
    edit(doc, seededRandom(15), 50);
    const s1 = replies.step1(doc);
    expect(replies.step1(doc)).toBe(s1);
    expect(s1.subarray(0, 2)).toEqual(new Uint8Array([0, 0]));
    replies.reset();
    expect(replies.step1(doc)).not.toBe(s1);
  });
});
