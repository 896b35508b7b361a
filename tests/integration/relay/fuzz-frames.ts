/** Random websocket frames for the relay's fuzz tests: malformed or suspicious messages of many kinds. */
import * as encoding from 'lib0/encoding';
import type { Random } from '../../support/random.ts';

/** The bytes `write` puts in a new encoder. */
export const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** `bytes` with 1 to 4 of them changed at random. */
export const flip = (bytes: Uint8Array, rnd: Random): Uint8Array => {
  const out = bytes.slice();
  for (let i = 0, n = 1 + rnd.int(4); i < n; i++) out[rnd.int(out.length)] = rnd.int(256);
  return out;
};

/** One malformed (or at least suspicious) frame of a random kind. */
export const malformed = (rnd: Random, realUpdate: Uint8Array): { data: Uint8Array | string; kind: string } => {
  const kinds = ['random', 'update-random', 'update-flipped', 'update-truncated', 'step1-random', 'awareness-random', 'awareness-bad-json', 'sync-unknown', 'empty', 'text', 'truncated-envelope'];
  const kind = rnd.pick(kinds);
  const wrap = (sub: number, payload: Uint8Array) =>
    frame((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, sub);
      encoding.writeVarUint8Array(e, payload);
    });
  switch (kind) {
    case 'random':
      return { kind, data: rnd.bytes(1 + rnd.int(300)) };
    case 'update-random':
      return { kind, data: wrap(2, rnd.bytes(1 + rnd.int(200))) };
    case 'update-flipped':
      return { kind, data: wrap(rnd.pick([1, 2]), flip(realUpdate, rnd)) };
    case 'update-truncated':
      return { kind, data: wrap(2, realUpdate.slice(0, 1 + rnd.int(realUpdate.length - 1))) };
    case 'step1-random':
      return { kind, data: wrap(0, rnd.bytes(1 + rnd.int(50))) };
    case 'awareness-random':
      return { kind, data: frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, rnd.bytes(1 + rnd.int(100))))) };
    case 'awareness-bad-json': {
      const inner = frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, rnd.int(1e6));
        encoding.writeVarUint(e, rnd.int(10));
        encoding.writeVarString(e, '{"user": ');
      });
      return { kind, data: frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, inner))) };
    }
    case 'sync-unknown':
      return { kind, data: wrap(3 + rnd.int(100), rnd.bytes(10)) };
    case 'empty':
      return { kind, data: new Uint8Array(0) };
    case 'text':
      return { kind, data: 'hello relay' };
    default:
      return { kind, data: wrap(2, realUpdate).slice(0, 3) };
  }
};

