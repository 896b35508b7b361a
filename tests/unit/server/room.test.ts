/**
 * The room keeps its promises with a store that takes its time (as a PostgreSQL store over the
 * network will): the memory store, with a gate in front of its appends and reads.
 *  [R1] An update reaches no other client before its append resolved; then it reaches every other client.
 *  [R2] At most one append is in flight: what arrives meanwhile waits, and goes into the next
 *       append, one for all of it; updates are relayed in the order they arrived.
 *  [R3] A sync reply that shows a change not yet committed waits for that commit; its state vector then names the change.
 *  [R4] With nothing pending, a sync reply is sent at once.
 *  [R5] An append that fails: nothing of it is relayed, every client is closed with 1011, the relay is told.
 *  [R6] An append by another writer made while the room loads is not lost: the room subscribes
 *       before it reads, and relays it once loaded.
 *  [R7] Closing the room commits what is pending (waiting for a slow append) before the clients are closed.
 *  [R8] Changes committed in one append reach a client that sent none of them as one merged
 *       update; each of their senders gets the others' changes, never its own.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import type { ClientOwner, LogStats, StoredChanges, StoredState, Unsubscribe, WorkbookLog } from '../../../server/store/contract.ts';
import { MemoryBacking, MemoryStore } from '../../../server/store/memory-store.ts';
import { createWorkbook, loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { Room } from '../../../server/relay/room.ts';
import { testHooks, testPeer, type TestPeer } from './room-fixtures.ts';
import { spansOf } from '../../../server/relay/update-spans.ts';

/** A gate: while it is closed, whoever passes waits until it opens. */
class Gate {
  private waiting: (() => void)[] = [];
  private shut = false;
  close(): void {
    this.shut = true;
  }
  open(): void {
    this.shut = false;
    for (const r of this.waiting.splice(0)) r();
  }
  pass(): Promise<void> {
    return this.shut ? new Promise((r) => this.waiting.push(r)) : Promise.resolve();
  }
}

/** A real log of the memory store whose appends (and reads) wait at gates; it counts the appends. */
class GatedLog implements WorkbookLog {
  readonly appendGate = new Gate();
  readonly readGate = new Gate();
  /** How many updates each append call carried. */
  readonly appends: number[] = [];
  failNext = false;
  constructor(private readonly inner: WorkbookLog) {}
  get workbook(): string {
    return this.inner.workbook;
  }
  get where(): string {
    return this.inner.where;
  }
  async read(): Promise<StoredState> {
    // Read now, answer later: what is appended meanwhile is not in this answer.
    const state = await this.inner.read();
    await this.readGate.pass();
    return state;
  }
  readSince(seq: number): Promise<StoredChanges> {
    return this.inner.readSince(seq);
  }
  async append(updates: readonly Uint8Array[], owners?: readonly ClientOwner[]): Promise<number[]> {
    this.appends.push(updates.length);
    await this.appendGate.pass();
    if (this.failNext) throw new Error('disk full');
    return this.inner.append(updates, owners);
  }
  owners(): Promise<ClientOwner[]> {
    return this.inner.owners();
  }
  stats(): Promise<LogStats> {
    return this.inner.stats();
  }
  subscribe(listener: (seq: number | undefined) => void): Unsubscribe {
    return this.inner.subscribe(listener);
  }
  sendPresence(update: Uint8Array): void {
    this.inner.sendPresence(update);
  }
  onPresence(listener: (update: Uint8Array) => void): Unsubscribe {
    return this.inner.onPresence(listener);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

const peerOf = (role: 'editor' | 'viewer' = 'editor'): TestPeer => testPeer(role);

/** An update message as the connection hands it over (with the clock ranges it holds). */
const updateMsg = (update: Uint8Array) => ({ kind: 'update' as const, update, spans: spansOf(Y.decodeUpdate(update).structs) });

/** The sync messages a peer got: [kind, payload] with kind 'step1' | 'step2' | 'update'. */
const syncOf = (p: TestPeer): [string, Uint8Array][] =>
  p.got.flatMap((m) => {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== 0) return [];
    const kind = ['step1', 'step2', 'update'][decoding.readVarUint(d)] ?? '?';
    return [[kind, decoding.readVarUint8Array(d)] as [string, Uint8Array]];
  });

const updatesOf = (p: TestPeer): Uint8Array[] => syncOf(p).filter(([k]) => k === 'update').map(([, u]) => u);

const tick = () => new Promise((r) => setTimeout(r, 5));

interface Setup {
  store: MemoryStore;
  log: GatedLog;
  room: Room;
  client: Workbook;
  /** The workbook as stored before any edit of the test. */
  base: Workbook;
  failed: Room[];
}

const rooms: Room[] = [];
afterEach(async () => {
  for (const r of rooms.splice(0)) await r.destroy();
});

const hooks = testHooks;

const setUp = async (prepare: (log: GatedLog) => void = () => {}): Promise<Setup> => {
  const store = new MemoryStore(new MemoryBacking());
  const wb = Workbook.create({ name: 'Room test' });
  wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
  await createWorkbook(store, 'plan', wb);
  const log = new GatedLog(await store.openLog('plan'));
  prepare(log);
  const failed: Room[] = [];
  const room = await Room.load('plan', log, hooks(failed));
  rooms.push(room);
  return { store, log, room, client: Workbook.load(wb.encode()), base: Workbook.load(wb.encode()), failed };
};

/** An edit of the client's workbook, as the update it sends. */
const edit = (client: Workbook, sku: string): Uint8Array => {
  const before = Y.encodeStateVector(client.doc);
  const sheet = client.sheets()[0]?.id ?? '';
  client.insertRows(sheet, { values: [{ [client.columns(sheet)[0]?.id ?? '']: sku }] });
  return Y.encodeStateAsUpdate(client.doc, before);
};

const skusIn = (updates: Uint8Array[], base: Workbook): string[] => {
  const wb = Workbook.load(base.encode());
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  const seen: string[] = [];
  for (const u of updates) {
    const before = new Set(wb.rowIds(sheet));
    wb.applyUpdate(u);
    for (const r of wb.rowIds(sheet)) if (!before.has(r)) seen.push(String(wb.cell(sheet, r, sku)));
  }
  return seen;
};

describe('a room on a store that takes its time', () => {
  test('[R1] an update reaches no one before its append resolved, then every other client', async () => {
    const { log, room, client, base } = await setUp();
    const [a, b, c] = [peerOf(), peerOf(), peerOf('viewer')];
    for (const p of [a, b, c]) room.join(p);
    log.appendGate.close();
    room.receive(a, updateMsg(edit(client, 'FIRST')));
    for (let i = 0; i < 5; i++) await tick();
    expect(log.appends).toEqual([1]);
    expect(updatesOf(b)).toEqual([]);
    expect(updatesOf(c)).toEqual([]);
    log.appendGate.open();
    await tick();
    expect(skusIn(updatesOf(b), base)).toEqual(['FIRST']);
    expect(skusIn(updatesOf(c), base)).toEqual(['FIRST']);
    expect(updatesOf(a)).toEqual([]);
  });

  test('[R2] one append in flight; what arrives meanwhile goes into the next one, relayed in order', async () => {
    const { log, room, client, store, base } = await setUp();
    const [a, b] = [peerOf(), peerOf()];
    room.join(a);
    room.join(b);
    log.appendGate.close();
    room.receive(a, updateMsg(edit(client, 'S0')));
    await tick();
    for (let i = 1; i <= 5; i++) {
      room.receive(a, updateMsg(edit(client, `S${i}`)));
      await tick();
    }
    expect(log.appends).toEqual([1]);
    expect(updatesOf(b)).toEqual([]);
    log.appendGate.open();
    for (let i = 0; i < 5; i++) await tick();
    expect(log.appends).toEqual([1, 5]);
    expect(skusIn(updatesOf(b), base)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5']);
    const stored = await loadWorkbook(store, 'plan');
    expect(skusIn([stored.encode()], base)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5']);
  });

  test('[R8] one append of several changes: one merged update to each client that sent none of them; senders get the others’ changes, not their own', async () => {
    const { log, room, client, base } = await setUp();
    const other = Workbook.load(base.encode());
    const [a, b, c, d] = [peerOf(), peerOf(), peerOf(), peerOf('viewer')];
    for (const p of [a, b, c, d]) room.join(p);
    log.appendGate.close();
    room.receive(a, updateMsg(edit(client, 'A1')));
    await tick(); // in flight
    room.receive(a, updateMsg(edit(client, 'A2')));
    room.receive(b, updateMsg(edit(other, 'B1')));
    room.receive(a, updateMsg(edit(client, 'A3')));
    await tick();
    log.appendGate.open();
    for (let i = 0; i < 5; i++) await tick();
    expect(log.appends).toEqual([1, 3]);
    for (const p of [c, d]) {
      expect(updatesOf(p)).toHaveLength(2);
      // Rows added at the same place by two devices are ordered by the workbook, not by arrival.
      expect(skusIn(updatesOf(p), base).sort()).toEqual(['A1', 'A2', 'A3', 'B1']);
    }
    expect(skusIn(updatesOf(a), base)).toEqual(['B1']);
    expect(updatesOf(b)).toHaveLength(3);
    expect(skusIn(updatesOf(b), base)).toEqual(['A1', 'A2', 'A3']);
    // Every client ends with the same workbook.
    const all = Workbook.load(base.encode());
    for (const u of updatesOf(c)) all.applyUpdate(u);
    const fromB = Workbook.load(other.encode());
    for (const u of updatesOf(b)) fromB.applyUpdate(u);
    expect(JSON.stringify(fromB.toJSON())).toBe(JSON.stringify(all.toJSON()));
  });

  test('[R3] a sync reply that shows an uncommitted change waits for the commit, and names the change', async () => {
    const { log, room, client } = await setUp();
    const [a, b] = [peerOf(), peerOf()];
    room.join(a);
    room.join(b);
    b.got.length = 0;
    log.appendGate.close();
    room.receive(a, updateMsg(edit(client, 'PENDING')));
    await tick(); // the append is in flight
    room.receive(b, { kind: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    await tick();
    expect(syncOf(b)).toEqual([]);
    log.appendGate.open();
    await tick();
    const kinds = syncOf(b).map(([k]) => k);
    // The update, then the held step 2 and the relay's step 1.
    expect(kinds).toEqual(['update', 'step2', 'step1']);
    const sv = Y.decodeStateVector(syncOf(b)[2]?.[1] ?? new Uint8Array());
    expect(sv.get(client.doc.clientID)).toBe(Y.getState(client.doc.store, client.doc.clientID));
  });

  test('[R4] with nothing pending, a sync reply is sent at once', async () => {
    const { room } = await setUp();
    const a = peerOf();
    room.join(a);
    a.got.length = 0;
    room.receive(a, { kind: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    expect(syncOf(a).map(([k]) => k)).toEqual(['step2', 'step1']);
  });

  test('[R5] an append that fails: nothing is relayed, every client is closed with 1011, the relay is told', async () => {
    const { log, room, client, store, base, failed } = await setUp();
    const [a, b] = [peerOf(), peerOf()];
    room.join(a);
    room.join(b);
    log.failNext = true;
    room.receive(a, updateMsg(edit(client, 'LOST')));
    for (let i = 0; i < 3; i++) await tick();
    expect(updatesOf(b)).toEqual([]);
    expect([a.closed, b.closed]).toEqual([1011, 1011]);
    expect(failed).toEqual([room]);
    expect(skusIn([(await loadWorkbook(store, 'plan')).encode()], base)).toEqual([]);
  });

  test('[R6] another writer’s append made while the room loads is relayed once it is loaded', async () => {
    const store = new MemoryStore(new MemoryBacking());
    const wb = Workbook.create({ name: 'Loading' });
    wb.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }] });
    await createWorkbook(store, 'plan', wb);
    const log = new GatedLog(await store.openLog('plan'));
    log.readGate.close();
    const failed: Room[] = [];
    const loading = Room.load('plan', log, hooks(failed));
    await tick();
    // Another process appends between the room's read and the end of its load.
    const other = new MemoryStore(store.data);
    const writer = await other.openLog('plan');
    const client = Workbook.load(wb.encode());
    await writer.append([edit(client, 'DURING-LOAD')]);
    log.readGate.open();
    const room = await loading;
    rooms.push(room);
    const a = peerOf();
    room.join(a);
    for (let i = 0; i < 5; i++) await tick();
    expect(skusIn([Y.encodeStateAsUpdate(room.doc)], wb)).toEqual(['DURING-LOAD']);
    await writer.close();
  });

  test('[R7] closing commits what is pending, waiting for a slow append, before clients are closed', async () => {
    const { log, room, client, store, base } = await setUp();
    const a = peerOf();
    room.join(a);
    log.appendGate.close();
    room.receive(a, updateMsg(edit(client, 'AT-CLOSE')));
    const closing = room.close(1001, 'relay shutting down');
    await tick();
    expect(a.closed).toBeNull();
    log.appendGate.open();
    await closing;
    expect(a.closed).toBe(1001);
    expect(skusIn([(await loadWorkbook(new MemoryStore(store.data), 'plan')).encode()], base)).toEqual(['AT-CLOSE']);
  });
});
