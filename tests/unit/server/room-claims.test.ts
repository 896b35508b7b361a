/**
 * Two relays on one store (here: two memory stores on one backing) learn of each other's client-id
 * claims through the store, a moment late. A client that claims by its presence alone an id the
 * other relay has just recorded for someone else is refused (4403) and its presence withdrawn;
 * the room keeps working for everyone else, and the store's record stands.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { CLOSE, parseMessage } from '../../../server/relay/protocol.ts';
import { Room } from '../../../server/relay/room.ts';
import { MemoryBacking, MemoryStore } from '../../../server/store/memory-store.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { testHooks, testPeer, type TestPeer } from './room-fixtures.ts';

const peerOf = (owner: string): TestPeer => testPeer('editor', owner);

/** A presence frame of client id `client`, as a stock client sends it. */
const presenceFrame = (client: number, name: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.clientID = client;
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name } });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [client]));
  awareness.destroy();
  return encoding.toUint8Array(e);
};

/** A sync-update frame of an edit made by client id `client`. */
const editFrame = (base: Uint8Array, client: number, sku: string): Uint8Array => {
  const wb = Workbook.load(base);
  wb.doc.clientID = client;
  const before = Y.encodeStateVector(wb.doc);
  const sheet = wb.sheets()[0]?.id ?? '';
  wb.insertRows(sheet, { values: [{ [wb.columns(sheet)[0]?.id ?? '']: sku }] });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(wb.doc, before));
  return encoding.toUint8Array(e);
};

const rooms: Room[] = [];
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.destroy();
});

const settle = () => new Promise((r) => setTimeout(r, 20));

test('a presence claim of an id another relay recorded meanwhile: the claimant is refused, the room goes on', async () => {
  const backing = new MemoryBacking();
  const here = new MemoryStore(backing);
  const there = new MemoryStore(backing);
  const wb = Workbook.create({ name: 'Claims' });
  wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
  await createWorkbook(here, 'plan', wb);
  const base = wb.encode();
  const failed: Room[] = [];
  const room = await Room.load('plan', await here.openLog('plan'), testHooks(failed));
  rooms.push(room);
  const claimant = peerOf('device:mallory');
  const colleague = peerOf('device:carol');
  const watcher = peerOf('device:dave');
  for (const p of [claimant, colleague, watcher]) room.join(p);

  // The other relay records client id 4242 for Alice, with no presence or edit this relay has seen.
  const otherLog = await there.openLog('plan');
  await otherLog.append([], [{ clientId: 4242, owner: 'device:alice' }]);
  await settle();

  // In the same turn: Mallory's presence claims 4242, Carol edits under her own id.
  room.receive(claimant, parseMessage(presenceFrame(4242, 'Alice?')));
  room.receive(colleague, parseMessage(editFrame(base, 777, 'CAROL-1')));
  await settle();

  expect(claimant.closed).toBe(CLOSE.notYours);
  expect(colleague.closed).toBeNull();
  expect(watcher.closed).toBeNull();
  expect(failed).toEqual([]);
  expect(room.awareness.getStates().has(4242)).toBe(false);
  // Carol's edit was committed and relayed; the store still says 4242 is Alice's.
  const stored = Workbook.load(Y.mergeUpdates([(await otherLog.read()).snapshot, ...(await otherLog.read()).updates.map((u) => u.data)]));
  const sheet = stored.sheets()[0]?.id ?? '';
  expect(stored.rowIds(sheet).map((r) => stored.cell(sheet, r, stored.columns(sheet)[0]?.id ?? ''))).toContain('CAROL-1');
  expect((await otherLog.owners()).find((o) => o.clientId === 4242)?.owner).toBe('device:alice');
  expect((await otherLog.owners()).find((o) => o.clientId === 777)?.owner).toBe('device:carol');
  const watcherGot = watcher.got.length;
  // The room still takes edits.
  room.receive(colleague, parseMessage(editFrame(Y.mergeUpdates([base, ...(await otherLog.read()).updates.map((u) => u.data)]), 778, 'CAROL-2')));
  await settle();
  expect(watcher.got.length).toBeGreaterThan(watcherGot);
  await otherLog.close();
});
