import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, test } from 'vitest';
import { parseMessage, ProtocolError } from '../../../server/relay/protocol.ts';

const msg = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

const doc = new Y.Doc();
doc.getMap('m').set('k', 'v');
const update = Y.encodeStateAsUpdate(doc);

describe('y-websocket messages', () => {
  test('the messages a stock client sends are understood', () => {
    expect(parseMessage(msg((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc)))).kind).toBe('sync-step1');
    expect(parseMessage(msg((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc)))).kind).toBe('update');
    expect(parseMessage(msg((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))))).toMatchObject({ kind: 'update', update, spans: [{ client: doc.clientID, ranges: [[0, 1]] }] });
    const aw = new awarenessProtocol.Awareness(doc);
    aw.setLocalState({ user: 'Ana' });
    const a = msg((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID]))));
    expect(parseMessage(a).kind).toBe('awareness');
    aw.destroy();
    expect(parseMessage(msg((e) => encoding.writeVarUint(e, 3))).kind).toBe('query-awareness');
    expect(parseMessage(msg((e) => encoding.writeVarUint(e, 2))).kind).toBe('ignored');
  });

  const bad: [string, Uint8Array][] = [
    ['an empty message', new Uint8Array(0)],
    ['a truncated update', msg((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update.slice(0, update.length - 3))))],
    ['a length beyond the message', new Uint8Array([0, 2, 200, 1, 2])],
    ['an unknown sync step', msg((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9), encoding.writeVarUint8Array(e, update)))],
    ['a malformed state vector', new Uint8Array([0, 0, 3, 5, 255, 255])],
    ['awareness with broken JSON', msg((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, msg((i) => (encoding.writeVarUint(i, 1), encoding.writeVarUint(i, 7), encoding.writeVarUint(i, 1), encoding.writeVarString(i, '{"a":'))));
    })],
  ];
  test.each(bad)('%s is refused as a whole', (_what, data) => {
    expect(() => parseMessage(data)).toThrow(ProtocolError);
  });
});
