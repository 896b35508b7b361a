/**
 * Edits and presence belong to their author (issue #16 part 4), against the real relay process:
 * stock y-websocket clients as the victim and an observer, raw sockets for what an attacker
 * forges. The victim's client id is read from presence, as an attacker would.
 *  - an item claim over the victim's future clocks is refused (4403); the victim's offline edits survive;
 *  - a delete set over the victim's future clocks is dropped; nothing stays pending in the room;
 *  - the presence race: a claim on an id seen only in presence is refused;
 *  - presence spoofing (change, removal) and a flood of fake users close the sender; nobody sees them;
 *  - honest clients: concurrent editors, a reconnect with the same client id, two tabs of one browser.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { rawSocket, type RawSocket } from './attack-helpers.ts';
import { hashToken, tokenId } from '../../../server/store/tokens.ts';
import { runCli, seed, startRelay, tempDataDir, withTestStore } from './fixtures.ts';

let server: AppServer;
/** Editor tokens of different people (each its own owner), and a viewer token. */
let victimToken = '';
let attackerToken = '';
let observerToken = '';
let viewerToken = '';
let room = 0;

beforeAll(async () => {
  const dataDir = tempDataDir();
  const ids = Array.from({ length: 9 }, (_, i) => `shop${i + 1}`);
  await seed(dataDir, ids);
  // One token of each kind for every workbook (tokens are scoped to one workbook).
  await withTestStore(dataDir, async (store) => {
    for (const id of ids) {
      for (const [label, role] of [['victim', 'editor'], ['attacker', 'editor'], ['observer', 'editor'], ['viewer', 'viewer']] as const) {
        const made = await store.catalog.createToken(id, role, label);
        tokensOf.set(`${id}/${label}`, made.token);
      }
    }
  });
  server = await startRelay({ dataDir });
});
afterAll(async () => {
  await server?.stop();
});
const tokensOf = new Map<string, string>();

/** A fresh workbook for each test, with its people's tokens. */
const nextRoom = (): string => {
  const id = `shop${++room}`;
  victimToken = tokensOf.get(`${id}/victim`) ?? '';
  attackerToken = tokensOf.get(`${id}/attacker`) ?? '';
  observerToken = tokensOf.get(`${id}/observer`) ?? '';
  viewerToken = tokensOf.get(`${id}/viewer`) ?? '';
  return id;
};

const skus = (c: RelayClient, prefix: string): string[] => {
  const wb = c.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return wb
    .rowIds(sheet)
    .map((r) => String(wb.cell(sheet, r, sku)))
    .filter((v) => v.startsWith(prefix))
    .sort();
};

const addRows = (c: RelayClient, prefix: string, n: number): string[] => {
  const wb = c.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  const made = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  for (const v of made) wb.insertRows(sheet, { values: [{ [sku]: v }] });
  return made;
};

const connected = async (id: string, token: string, protocols?: string[]): Promise<RelayClient> => {
  const c = connectClient(server.port, id, token, protocols ? { protocols } : {});
  // As the app does: a presence of its own (a stock client's first state has clock 0, which
  // y-protocols' receivers skip until its renewal 15 s later).
  c.provider.awareness.setLocalState({ user: { name: `client ${c.doc.clientID}` } });
  await within('a client synced', c.synced());
  return c;
};

/** A sync update frame carrying `update`, as a client sends it. */
const updateFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** An update of one GC struct claiming `length` clocks of `client` from `clock`: 9 to 11 bytes, by the size of the client id. */
const itemClaim = (client: number, clock: number, length: number): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 0); // a GC struct
  encoding.writeVarUint(e, length);
  encoding.writeVarUint(e, 0); // no delete set
  return encoding.toUint8Array(e);
};

/** An update with no items, only a delete set over `length` clocks of `client` from `clock`. */
const deleteClaim = (client: number, clock: number, length: number): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, length);
  return encoding.toUint8Array(e);
};

/** An awareness frame with the given entries. */
const presenceFrame = (entries: { client: number; clock: number; state: unknown }[]): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const en of entries) {
    encoding.writeVarUint(inner, en.client);
    encoding.writeVarUint(inner, en.clock);
    encoding.writeVarString(inner, JSON.stringify(en.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};

/** The attacker's stock client sees the victim in presence; its raw socket sends what is forged. */
const attacker = async (id: string, token = attackerToken): Promise<{ reader: RelayClient; raw: RawSocket }> => {
  const reader = await connected(id, token);
  const raw = await rawSocket(`ws://127.0.0.1:${server.port}/${id}?token=${token}`, { localAddress: '127.0.0.2' });
  return { reader, raw };
};

const closedWith = async (raw: RawSocket): Promise<number | null> => {
  await waitFor('the attacker was closed', () => raw.closeCode !== null, 10_000);
  return raw.closeCode;
};

describe('clock claims: the victim’s offline edits survive and reach the other client', () => {
  test('an item claim over the victim’s future clocks is refused with 4403, and stored and relayed nowhere', async () => {
    const id = nextRoom();
    const victim = await connected(id, victimToken);
    const observer = await connected(id, observerToken);
    addRows(victim, 'ONLINE-', 2);
    await waitFor('the observer has the online edits', () => skus(observer, 'ONLINE-').length === 2);
    const { reader, raw } = await attacker(id);
    const v = victim.doc.clientID;
    await waitFor('the attacker sees the victim in presence', () => reader.provider.awareness.getStates().has(v));
    victim.provider.disconnect();
    const offline = addRows(victim, 'OFFLINE-', 5);
    expect(skus(victim, 'ONLINE-').length + skus(victim, 'OFFLINE-').length).toBe(7);
    const s = Y.getState(reader.doc.store, v);
    const claim = itemClaim(v, s, 40);
    expect(claim.byteLength).toBeLessThanOrEqual(11);
    raw.ws.send(updateFrame(claim));
    expect(await closedWith(raw)).toBe(4403);
    expect(raw.closeReason).toContain('another device');
    victim.provider.connect();
    await waitFor('the observer has the victim’s offline edits', () => skus(observer, 'OFFLINE-').length === 5);
    expect(skus(observer, 'OFFLINE-')).toEqual(offline.sort());
    expect(skus(victim, 'OFFLINE-')).toEqual(offline.sort());
    // A newcomer gets all seven from the store's side of the relay too.
    const late = await connected(id, observerToken);
    expect(skus(late, 'ONLINE-').length + skus(late, 'OFFLINE-').length).toBe(7);
    expect(server.stdout()).toContain('"event":"room.update_refused"');
    for (const c of [victim, observer, reader, late]) c.destroy();
  });

  test('a delete set over the victim’s future clocks is dropped: nothing stays pending, the offline edits survive', async () => {
    const id = nextRoom();
    const victim = await connected(id, victimToken);
    const observer = await connected(id, observerToken);
    addRows(victim, 'ONLINE-', 2);
    await waitFor('the observer has the online edits', () => skus(observer, 'ONLINE-').length === 2);
    const { reader, raw } = await attacker(id);
    const v = victim.doc.clientID;
    await waitFor('the attacker sees the victim in presence', () => reader.provider.awareness.getStates().has(v));
    victim.provider.disconnect();
    const offline = addRows(victim, 'OFFLINE-', 5);
    const s = Y.getState(reader.doc.store, v);
    const claim = deleteClaim(v, s, 1000);
    expect(claim.byteLength).toBeLessThanOrEqual(11);
    raw.ws.send(updateFrame(claim));
    await waitFor('the relay dropped the pending deletion', () => server.stdout().includes('"event":"room.pending_dropped"'), 10_000);
    // A client joining now is sent nothing pending.
    const joiner = await connected(id, observerToken);
    expect(joiner.doc.store.pendingDs).toBeNull();
    expect(joiner.doc.store.pendingStructs).toBeNull();
    victim.provider.connect();
    await waitFor('the observer has the victim’s offline edits', () => skus(observer, 'OFFLINE-').length === 5);
    await waitFor('the joiner has them too', () => skus(joiner, 'OFFLINE-').length === 5);
    expect(skus(victim, 'OFFLINE-')).toEqual(offline.sort());
    expect(skus(victim, 'ONLINE-')).toHaveLength(2);
    expect(raw.closeCode).toBeNull();
    raw.ws.close();
    for (const c of [victim, observer, reader, joiner]) c.destroy();
  });

  test('the presence race: an id seen only in presence is its owner’s, so a claim on its first clocks is refused', async () => {
    const id = nextRoom();
    const victim = await connected(id, victimToken);
    const observer = await connected(id, observerToken);
    const { reader, raw } = await attacker(id);
    const v = victim.doc.clientID;
    await waitFor('the attacker sees the victim in presence', () => reader.provider.awareness.getStates().has(v));
    expect(Y.getState(reader.doc.store, v)).toBe(0);
    raw.ws.send(updateFrame(itemClaim(v, 0, 40)));
    expect(await closedWith(raw)).toBe(4403);
    const made = addRows(victim, 'FIRST-', 3);
    await waitFor('the observer has the victim’s first edits', () => skus(observer, 'FIRST-').length === 3);
    expect(skus(observer, 'FIRST-')).toEqual(made.sort());
    for (const c of [victim, observer, reader]) c.destroy();
  });
});

describe('presence belongs to its author', () => {
  test('changing or removing another user’s presence closes the sender (a viewer too); nobody sees the change', async () => {
    const id = nextRoom();
    const victim = await connected(id, victimToken);
    victim.provider.awareness.setLocalState({ user: { name: 'Vic', color: '#2b8a3e' } });
    const observer = await connected(id, observerToken);
    const v = victim.doc.clientID;
    await waitFor('the observer sees the victim', () => (observer.provider.awareness.getStates().get(v) as { user?: { name?: string } } | undefined)?.user?.name === 'Vic');
    const clock = observer.provider.awareness.meta.get(v)?.clock ?? 0;
    const rename = await rawSocket(`ws://127.0.0.1:${server.port}/${id}?token=${viewerToken}`, { localAddress: '127.0.0.2' });
    rename.ws.send(presenceFrame([{ client: v, clock: clock + 1, state: { user: { name: 'Mallory', color: '#000000' } } }]));
    expect(await closedWith(rename)).toBe(4403);
    const remove = await rawSocket(`ws://127.0.0.1:${server.port}/${id}?token=${attackerToken}`, { localAddress: '127.0.0.2' });
    remove.ws.send(presenceFrame([{ client: v, clock: clock + 1, state: null }]));
    expect(await closedWith(remove)).toBe(4403);
    // The victim's next presence update still arrives, and the forged ones never did.
    victim.provider.awareness.setLocalStateField('user', { name: 'Vic 2', color: '#2b8a3e' });
    await waitFor('the observer sees the victim’s own change', () => (observer.provider.awareness.getStates().get(v) as { user?: { name?: string } } | undefined)?.user?.name === 'Vic 2');
    expect(server.stdout()).toContain('"event":"room.presence_refused"');
    for (const c of [victim, observer]) c.destroy();
  });

  test('one message with 5,000 fake users closes the sender; nobody’s status bar gets them', async () => {
    const id = nextRoom();
    const observer = await connected(id, observerToken);
    const before = observer.provider.awareness.getStates().size;
    const flood = await rawSocket(`ws://127.0.0.1:${server.port}/${id}?token=${viewerToken}`, { localAddress: '127.0.0.2' });
    const name = 'x'.repeat(60);
    const frame = presenceFrame(Array.from({ length: 5000 }, (_, i) => ({ client: 1_000_000 + i, clock: 1, state: { user: { id: `u${i}`, name, color: '#123456' } } })));
    expect(frame.byteLength).toBeGreaterThan(500_000);
    flood.ws.send(frame);
    expect(await closedWith(flood)).toBe(4403);
    // A marker sent after the flood: once the observer sees it, it would have seen the flood.
    const marker = await connected(id, observerToken);
    await waitFor('the observer sees the marker', () => observer.provider.awareness.getStates().has(marker.doc.clientID));
    expect(observer.provider.awareness.getStates().size).toBe(before + 1);
    for (const c of [observer, marker]) c.destroy();
  });
});

describe('honest clients are unaffected', () => {
  test('concurrent editors, one of them sharing a token with another, all converge with no connection refused', async () => {
    const id = nextRoom();
    const a = await connected(id, victimToken);
    const b = await connected(id, victimToken);
    const c = await connected(id, observerToken);
    const made = [...addRows(a, 'A-', 20), ...addRows(b, 'B-', 20), ...addRows(c, 'C-', 20)].sort();
    for (const x of [a, b, c]) await waitFor('every edit arrived everywhere', () => skus(x, 'A-').length + skus(x, 'B-').length + skus(x, 'C-').length === 60);
    for (const x of [a, b, c]) expect([...skus(x, 'A-'), ...skus(x, 'B-'), ...skus(x, 'C-')].sort()).toEqual(made);
    for (const x of [a, b, c]) expect(x.provider.shouldConnect).toBe(true);
    // The CLI lists who owns each client id: the two clients of one token are that token's, the
    // ids the workbook was made with are nobody's.
    const listed = await runCli(server.dataDir, ['owners', '--workbook', id, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const owners = new Map(listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { clientId: number; owner: string | null; edits: number }).map((o) => [o.clientId, o]));
    const tokenOwner = (t: string) => `token:${tokenId(hashToken(t))}`;
    expect(owners.get(a.doc.clientID)).toMatchObject({ owner: tokenOwner(victimToken), edits: Y.getState(a.doc.store, a.doc.clientID) });
    expect(owners.get(b.doc.clientID)?.owner).toBe(tokenOwner(victimToken));
    expect(owners.get(c.doc.clientID)?.owner).toBe(tokenOwner(observerToken));
    expect([...owners.values()].filter((o) => o.owner === null).length).toBeGreaterThan(0);
    // The API shows the same record to any token of the workbook, without the token or device key.
    const api = (await (await fetch(`${server.url}/api/workbooks/${id}/owners`, { headers: { Authorization: `Bearer ${viewerToken}` } })).json()) as {
      owners: { clientId: number; kind: string; tag: string }[];
    };
    const byClient = new Map(api.owners.map((o) => [o.clientId, o]));
    expect(byClient.get(a.doc.clientID)).toEqual({ clientId: a.doc.clientID, kind: 'link', tag: tokenId(hashToken(victimToken)).slice(0, 6) });
    expect(byClient.get(c.doc.clientID)?.tag).toBe(tokenId(hashToken(observerToken)).slice(0, 6));
    expect(JSON.stringify(api)).not.toContain('token:');
    const human = await runCli(server.dataDir, ['owners', '--workbook', id]);
    expect(human.stdout).toContain(`${tokenOwner(victimToken)} (victim)`);
    expect(human.stdout).toContain('nobody (written before owners were kept)');
    for (const x of [a, b, c]) x.destroy();
  });

  test('a client that reconnects with the same client id goes on editing under it', async () => {
    const id = nextRoom();
    const a = await connected(id, victimToken);
    const observer = await connected(id, observerToken);
    addRows(a, 'BEFORE-', 3);
    await waitFor('the observer has the first edits', () => skus(observer, 'BEFORE-').length === 3);
    for (let round = 0; round < 3; round++) {
      a.provider.disconnect();
      addRows(a, `AWAY${round}-`, 2);
      a.provider.connect();
      await within('the client synced again', a.synced());
      addRows(a, `BACK${round}-`, 2);
      await waitFor('the observer has the edits made away and back', () => skus(observer, `AWAY${round}-`).length === 2 && skus(observer, `BACK${round}-`).length === 2);
    }
    expect(a.provider.shouldConnect).toBe(true);
    for (const x of [a, observer]) x.destroy();
  });

  test('two tabs of one browser: a tab may pass on the other tab’s unsynced edits; another device may not', async () => {
    const id = nextRoom();
    const device = ['owb.v1', `owb.token.${victimToken}`, 'owb.device.tab-device-key-0123456789abcdef'];
    const tabA = await connected(id, victimToken, device);
    const tabB = await connected(id, victimToken, device);
    const observer = await connected(id, observerToken);
    addRows(tabA, 'SYNCED-', 1);
    await waitFor('the observer has tab A’s first edit', () => skus(observer, 'SYNCED-').length === 1);
    tabA.provider.disconnect();
    const before = Y.encodeStateVector(tabB.doc);
    addRows(tabA, 'TAB-A-', 3);
    // What the BroadcastChannel does between tabs: tab B gets tab A's edits and sends them on.
    const copy = Y.encodeStateAsUpdate(tabA.doc, before);
    Y.applyUpdate(tabB.doc, copy, 'broadcast channel');
    await waitFor('the observer has tab A’s edits through tab B', () => skus(observer, 'TAB-A-').length === 3);
    expect(tabB.provider.shouldConnect).toBe(true);
    tabA.provider.connect();
    await within('tab A synced again', tabA.synced());
    addRows(tabA, 'AFTER-', 1);
    await waitFor('the observer has tab A’s next edit', () => skus(observer, 'AFTER-').length === 1);
    // The same copy sent by someone else's device is refused.
    tabA.provider.disconnect();
    const more = Y.encodeStateAsUpdate(tabA.doc, Y.encodeStateVector(observer.doc));
    addRows(tabA, 'LATER-', 1);
    const other = await rawSocket(`ws://127.0.0.1:${server.port}/${id}`, { protocols: ['owb.v1', `owb.token.${victimToken}`, 'owb.device.someone-elses-device-key-000'], localAddress: '127.0.0.2' });
    other.ws.send(updateFrame(Y.encodeStateAsUpdate(tabA.doc, Y.encodeStateVector(observer.doc))));
    expect(await closedWith(other)).toBe(4403);
    expect(more.byteLength).toBeGreaterThan(0);
    tabA.provider.connect();
    await waitFor('the observer has tab A’s later edit from tab A itself', () => skus(observer, 'LATER-').length === 1);
    for (const x of [tabA, tabB, observer]) x.destroy();
  });

  test('a malformed device key is refused before the upgrade, with a sentence', async () => {
    const id = nextRoom();
    await expect(rawSocket(`ws://127.0.0.1:${server.port}/${id}`, { protocols: ['owb.v1', `owb.token.${victimToken}`, 'owb.device.short'] })).rejects.toThrow('upgrade refused: 400');
  });
});
