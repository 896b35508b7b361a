/**
 * Several relays on one PostgreSQL: any relay serves any workbook. Stock y-websocket clients spread
 * over three relay processes converge and see each other's presence; a relay killed with SIGKILL
 * loses nothing, its clients reconnect (through a balancer) to the others; while PostgreSQL is
 * down writes are refused and nothing unstored is relayed, and after it is back every edit reaches
 * every client without a relay restart; a relay whose listening connection is cut catches up. A
 * client id's owner recorded through one relay is known to the others: its device goes on editing
 * through another relay, and anyone else writing under that id is refused there.
 */
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorkbook, loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { startBalancer, type TcpBalancer } from '../../support/tcp-balancer.ts';
import { CLOSE } from '../../../server/relay/protocol.ts';
import { rawSocket } from './attack-helpers.ts';
import { productsWorkbook, rawUpgrade } from './fixtures.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';
import { addRow, hasAll, labelsOf } from './pg-shared.ts';

let cluster: PgCluster;
let balancer: TcpBalancer;
const clients: RelayClient[] = [];

const client = (port: number, workbook = 'plan'): RelayClient => {
  const c = connectClient(port, workbook, cluster.editorToken);
  clients.push(c);
  return c;
};
const json = (c: RelayClient): string => JSON.stringify(c.wb().toJSON());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cluster = await startPgCluster(3);
  balancer = await startBalancer(() => cluster.ports.filter((_, i) => cluster.relays[i] !== null));
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await balancer?.close();
  await cluster?.destroy();
});

describe('three relays on one PostgreSQL', () => {
  test('clients spread over three relays converge, and see each other’s presence', async () => {
    const six = [0, 1, 2, 0, 1, 2].map((i) => client(cluster.ports[i] ?? 0));
    await within('every client synced', Promise.all(six.map((c) => c.synced())));
    const made: string[] = [];
    for (const [k, c] of six.entries()) {
      for (let j = 0; j < 5; j++) {
        addRow(c, `C${k}-${j}`);
        made.push(`C${k}-${j}`);
      }
    }
    await waitFor('every client holds every row', () => six.every((c) => hasAll(c, made)));
    await waitFor('the clients hold the same workbook', () => six.every((c) => json(c) === json(six[0] ?? c)));
    expect(labelsOf(six[0]?.wb() ?? (await loadWorkbook(await cluster.store(), 'plan')))).toHaveLength(2 + made.length);
    // Presence set on relay 0's client reaches relay 2's client: through NOTIFY, never stored.
    six[0]?.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const seesAna = (c: RelayClient) => [...c.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Ana');
    await waitFor('a client on another relay sees Ana', () => seesAna(six[2] ?? six[0] ?? ({} as RelayClient)), 10_000);
    // And her leaving reaches it too.
    six[0]?.provider.disconnect();
    await waitFor('Ana is gone on the other relay', () => !seesAna(six[2] ?? ({} as RelayClient)), 10_000);
    const stored = await loadWorkbook(await cluster.store(), 'plan');
    expect(new Set(labelsOf(stored))).toEqual(new Set(labelsOf(six[1]?.wb() ?? stored)));
  });

  test('a client id’s owner, recorded through one relay, goes on editing through another; another token under that id is refused there', async () => {
    const store = await cluster.store();
    await createWorkbook(store, 'owned', productsWorkbook(2));
    const victimToken = (await store.catalog.createToken('owned', 'editor', 'victim')).token;
    const otherToken = (await store.catalog.createToken('owned', 'editor', 'other')).token;
    const [p0 = 0, p1 = 0] = cluster.ports;
    // Relay 1 has the workbook loaded before the victim's first edit, which it then pulls from the store.
    const watcher = connectClient(p1, 'owned', otherToken);
    clients.push(watcher);
    await within('the watcher synced', watcher.synced());
    const victim = connectClient(p0, 'owned', victimToken);
    clients.push(victim);
    await within('the victim synced', victim.synced());
    addRow(victim, 'V-0');
    await waitFor('relay 1’s client has the victim’s row', () => hasAll(watcher, ['V-0']));
    // The victim's device moves to relay 1 with the same document, so the same client id.
    victim.provider.disconnect();
    const moved = connectClient(p1, 'owned', victimToken, { doc: victim.doc });
    clients.push(moved);
    await within('the victim synced through relay 1', moved.synced());
    addRow(moved, 'V-1');
    await waitFor('the watcher has the edit made through relay 1', () => hasAll(watcher, ['V-0', 'V-1']));
    expect(cluster.relays[1]?.stdout() ?? '').not.toContain('"event":"room.update_refused"');
    // Someone else writing under the victim's id through relay 1 is refused there.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc));
    forged.clientID = victim.doc.clientID;
    const before = Y.encodeStateVector(forged);
    forged.getMap('forged').set('x', 1);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // sync
    encoding.writeVarUint(e, 2); // update
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(forged, before));
    const raw = await rawSocket(`ws://127.0.0.1:${p1}/owned?token=${otherToken}`, { localAddress: '127.0.0.2' });
    raw.ws.send(encoding.toUint8Array(e));
    await waitFor('the forger was closed', () => raw.closeCode !== null, 10_000);
    expect(raw.closeCode).toBe(CLOSE.notYours);
    expect(cluster.relays[1]?.stdout() ?? '').toContain('"event":"room.update_refused"');
  });

  test('a relay killed with SIGKILL loses nothing: its clients reconnect to another and every edit reaches everyone', async () => {
    const four = Array.from({ length: 6 }, () => client(balancer.port));
    await within('every client synced', Promise.all(four.map((c) => c.synced())));
    const made: string[] = [];
    for (const [k, c] of four.entries()) {
      addRow(c, `K${k}-before`);
      made.push(`K${k}-before`);
    }
    await waitFor('every client holds the rows made before', () => four.every((c) => hasAll(c, made)));
    const seen = new Set(labelsOf(four[0]?.wb() ?? ({} as never)));
    // Edits in flight when it dies: some may be on their way to the killed relay.
    for (const [k, c] of four.entries()) {
      addRow(c, `K${k}-dying`);
      made.push(`K${k}-dying`);
    }
    await cluster.kill(0);
    for (const [k, c] of four.entries()) {
      addRow(c, `K${k}-after`);
      made.push(`K${k}-after`);
    }
    await waitFor('every client holds every row', () => four.every((c) => hasAll(c, made)), 30_000);
    await waitFor('the clients hold the same workbook', () => four.every((c) => json(c) === json(four[0] ?? c)));
    const fresh = client(cluster.ports[2] ?? 0);
    await within('a fresh client synced', fresh.synced());
    expect(hasAll(fresh, seen)).toBe(true);
    expect(hasAll(fresh, made)).toBe(true);
    await cluster.start(0);
  });

  test('while PostgreSQL is down writes are refused and nothing unstored is relayed; afterwards every edit reaches everyone, no relay restarted', async () => {
    const a = client(cluster.ports[0] ?? 0);
    const b = client(cluster.ports[1] ?? 0);
    await within('both synced', Promise.all([a.synced(), b.synced()]));
    const pids = cluster.relays.map((r) => r?.proc.pid);
    await cluster.pg.stop();
    addRow(a, 'during-a');
    addRow(b, 'during-b');
    await sleep(1500);
    expect(labelsOf(b.wb())).not.toContain('during-a');
    expect(labelsOf(a.wb())).not.toContain('during-b');
    // A new connection is refused meanwhile (the token cannot be checked).
    const refused = (await rawUpgrade(cluster.ports[2] ?? 0, `/plan?token=${cluster.editorToken}`)).status;
    expect(refused).toBeGreaterThanOrEqual(500);
    await cluster.pg.start();
    addRow(a, 'after-a');
    await waitFor('both hold every edit', () => hasAll(a, ['during-a', 'during-b', 'after-a']) && hasAll(b, ['during-a', 'during-b', 'after-a']), 30_000);
    expect(cluster.relays.map((r) => r?.proc.pid)).toEqual(pids);
    expect(cluster.relays.every((r) => r?.proc.exitCode === null)).toBe(true);
    const stored = await loadWorkbook(await cluster.store(), 'plan');
    expect(hasAll({ wb: () => stored } as RelayClient, ['during-a', 'during-b', 'after-a'])).toBe(true);
  });

  test('a relay whose listening connection is cut catches up by sequence number', async () => {
    const a = client(cluster.ports[1] ?? 0);
    const b = client(cluster.ports[2] ?? 0);
    await within('both synced', Promise.all([a.synced(), b.synced()]));
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const LISTENERS = "FROM pg_stat_activity WHERE application_name = 'ops-workbook-listen'";
    const listening = async () => (await admin.query<{ n: number }>(`SELECT count(*)::int AS n ${LISTENERS}`)).rows[0]?.n ?? 0;
    // After the restart of the test before, a relay may still be on its way back.
    await waitFor('every relay listens', async () => (await listening()) >= 3, 15_000);
    await admin.query(`SELECT pg_terminate_backend(pid) ${LISTENERS}`);
    await admin.end();
    addRow(a, 'while-cut');
    await waitFor('the other relay’s client got it', () => hasAll(b, ['while-cut']), 15_000);
    await waitFor('the relays said they listen again', () => (cluster.relays[2]?.stdout() ?? '').includes('store.pg_listen_restored'), 15_000);
    expect(cluster.relays[2]?.stdout()).toContain('store.pg_listen_lost');
  });

  test('a token revoked through one instance closes its connections on every relay', async () => {
    const store = await cluster.store();
    const { token, id } = await store.catalog.createToken('plan', 'editor', 'revoked soon');
    const on = [0, 2].map((i) => {
      const c = connectClient(cluster.ports[i] ?? 0, 'plan', token);
      clients.push(c);
      return c;
    });
    await within('both synced', Promise.all(on.map((c) => c.synced())));
    const codes: number[] = [];
    for (const c of on) c.provider.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? 0));
    expect(await store.catalog.revoke(id)).toBe(true);
    await waitFor('both relays closed their connection with the revoked token', () => codes.filter((code) => code === CLOSE.revoked).length >= 2, 10_000);
  });

  test('a room unloaded from a relay is compacted in its worker thread, on PostgreSQL', async () => {
    const store = await cluster.store();
    await createWorkbook(store, 'folded', productsWorkbook(2));
    const token = (await store.catalog.createToken('folded', 'editor')).token;
    const relay = cluster.relays[1];
    const c = connectClient(cluster.ports[1] ?? 0, 'folded', token);
    clients.push(c);
    await within('synced', c.synced());
    for (let i = 0; i < 5; i++) addRow(c, `FOLD-${i}`);
    const log = await store.openLog('folded');
    await waitFor('the rows are stored', async () => (await log.stats()).updates >= 1);
    c.provider.disconnect();
    await waitFor('the relay compacted the workbook', () => (relay?.stdout() ?? '').includes('"event":"compaction.done","workbook":"folded"'), 20_000);
    expect(relay?.stdout()).not.toContain('compaction.failed');
    expect((await log.stats()).updates).toBe(0);
    const stored = await loadWorkbook(store, 'folded');
    for (let i = 0; i < 5; i++) expect(labelsOf(stored)).toContain(`FOLD-${i}`);
    await log.close();
  });
});
