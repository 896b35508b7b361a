/**
 * What the ownership checks of issue #16 part 4 cost the relay, in process: 50 peers in one room
 * (memory store) each sending cell edits of a 200-row workbook and presence updates. Measured: the
 * time a message spends in the room's synchronous path (decode, check, apply; the commit is not
 * in it), and on the same messages the checks alone (reading an update's clock ranges and checking
 * them; checking a presence message). The end-to-end edit → peer latency of the relay is in the
 * relay section; on this shared machine its tail is set by the machine's load, not by microseconds.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { Workbook } from '../../src/model/index.ts';
import { MemoryBacking, MemoryStore } from '../../server/store/memory-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import { silentLogger } from '../../server/log.ts';
import { ClientOwners } from '../../server/relay/client-owners.ts';
import { checkPresence } from '../../server/relay/presence-check.ts';
import { parseMessage, updateMessage } from '../../server/relay/protocol.ts';
import { Room, type RoomPeer } from '../../server/relay/room.ts';
import { spansOf } from '../../server/relay/update-spans.ts';
import { median, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';

const PEERS = 50;
const EDITS = 5000;
const ROUNDS = 5;

const peer = (i: number): RoomPeer => ({
  id: i,
  role: 'editor',
  owner: `token:t${i}`,
  send: () => {},
  close: () => {
    throw new Error(`peer ${i} was closed`);
  },
  droppedWrite: () => {},
  mayAsk: () => true,
  charge: () => {},
});

const awarenessFrame = (aw: Awareness): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(aw, [aw.clientID]));
  return encoding.toUint8Array(e);
};

const micro = (ms: number, n: number): number => (ms / n) * 1000;

export const ownersBench: Bench = {
  name: 'owners',
  title: 'Ownership checks (issue 16 part 4): relay time per edit and per presence message, 50 peers in one room',
  run: async () => {
    const wb = Workbook.create({ name: 'owners' });
    const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), benchRows(200));
    wb.clearHistory();
    const snapshot = wb.encode();
    const rowIds = wb.rowIds(sheet);
    const colId = wb.columns(sheet)[1]?.id ?? '';

    // Every peer's edits, in the order they are sent (round robin), and one presence message each per round.
    const clients = Array.from({ length: PEERS }, () => Workbook.load(snapshot));
    const frames: { from: number; frame: Uint8Array; update: Uint8Array }[] = [];
    for (let k = 0; k < EDITS; k++) {
      const i = k % PEERS;
      const c = clients[i] ?? wb;
      const before = Y.encodeStateVector(c.doc);
      c.setCell(sheet, rowIds[k % rowIds.length] ?? '', colId, `edit ${k}`);
      const update = Y.encodeStateAsUpdate(c.doc, before);
      frames.push({ from: i, frame: updateMessage(update), update });
    }
    const awarenesses = clients.map((c) => new Awareness(c.doc));

    const roomMs: number[] = [];
    const checkMs: number[] = [];
    const presenceRoomMs: number[] = [];
    const presenceCheckMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const store = new MemoryStore(new MemoryBacking());
      await createWorkbook(store, 'w', Workbook.load(snapshot));
      const room = await Room.load('w', await store.openLog('w'), {
        log: silentLogger,
        graceMs: 60_000,
        compactAfter: 1_000_000,
        maxRoomBytes: 1 << 30,
        onIdle: () => {},
        onFailed: () => {},
        compact: () => {},
        relayed: () => {},
      });
      const peers = Array.from({ length: PEERS }, (_, i) => peer(i));
      for (const p of peers) room.join(p);

      // The room's synchronous path for each edit, in batches of one peer round (commits run between).
      let spent = 0;
      for (let k = 0; k < frames.length; k += PEERS) {
        const t0 = performance.now();
        for (const f of frames.slice(k, k + PEERS)) room.receive(peers[f.from] ?? peer(0), parseMessage(f.frame));
        spent += performance.now() - t0;
        await new Promise((r) => setImmediate(r));
      }
      roomMs.push(micro(spent, frames.length));

      // The checks alone, on the same updates against a replica in the same state (decoding excluded: it was done before them).
      const replica = new Y.Doc();
      Y.applyUpdate(replica, snapshot);
      const owners = new ClientOwners([]);
      let checked = 0;
      for (const f of frames) {
        const structs = Y.decodeUpdate(f.update).structs;
        const t0 = performance.now();
        const verdict = owners.checkUpdate(spansOf(structs), `token:t${f.from}`, (c) => Y.getState(replica.store, c));
        if (verdict.ok) for (const c of verdict.claims) owners.claim(c, `token:t${f.from}`);
        checked += performance.now() - t0;
        if (!verdict.ok) throw new Error(verdict.reason);
        Y.applyUpdate(replica, f.update);
      }
      checkMs.push(micro(checked, frames.length));

      // Presence: each peer moves to another cell 20 times.
      let presenceSpent = 0;
      let presenceChecked = 0;
      let messages = 0;
      for (let step = 0; step < 20; step++) {
        for (const [i, aw] of awarenesses.entries()) {
          aw.setLocalState({ user: { id: `u${i}`, name: `Person ${i}`, color: '#2b8a3e' }, at: { sheet, row: rowIds[step] ?? null, col: colId } });
          const msg = parseMessage(awarenessFrame(aw));
          if (msg.kind !== 'awareness') throw new Error('not an awareness message');
          const t0 = performance.now();
          room.receive(peers[i] ?? peer(0), msg);
          presenceSpent += performance.now() - t0;
          const t1 = performance.now();
          checkPresence(msg.entries, `token:t${i}`, new Set([aw.clientID]), { owners, clockOf: (c) => room.awareness.meta.get(c)?.clock, hasEdits: () => false });
          presenceChecked += performance.now() - t1;
          messages++;
        }
      }
      presenceRoomMs.push(micro(presenceSpent, messages));
      presenceCheckMs.push(micro(presenceChecked, messages));
      await room.destroy();
      await store.close();
    }
    for (const aw of awarenesses) aw.destroy();

    const [room, check, pRoom, pCheck] = [median(roomMs), median(checkMs), median(presenceRoomMs), median(presenceCheckMs)];
    const figs: Figure[] = [
      { what: 'an edit in the room (decode, check, apply), per update', value: room / 1000, unit: 'ms', note: `median of ${ROUNDS} rounds of ${EDITS} cell edits from ${PEERS} peers` },
      { what: 'of which the ownership check (clock ranges + check), per update', value: check / 1000, unit: 'ms', note: `${((check / room) * 100).toFixed(1)} % of the above` },
      { what: 'a presence message in the room (check, apply, relay to 50), per message', value: pRoom / 1000, unit: 'ms', note: `median of ${ROUNDS} rounds of ${PEERS * 20} messages` },
      { what: 'of which the presence check, per message', value: pCheck / 1000, unit: 'ms', note: `${((pCheck / pRoom) * 100).toFixed(1)} % of the above` },
    ];
    return figs;
  },
};
