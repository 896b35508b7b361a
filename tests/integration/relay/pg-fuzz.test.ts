/**
 * A seeded fuzz of several relays on one PostgreSQL: 200 rounds of edits by stock clients behind a
 * balancer, relays killed with SIGKILL (and started again), and clients dropping and reconnecting
 * to whichever relay is up. At the end every client, a fresh client and the store hold every edit
 * made: 0 lost. The seed is printed when it fails (PG_FUZZ_SEED=n runs that one again).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { seededRandom } from '../../support/random.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { startBalancer, type TcpBalancer } from '../../support/tcp-balancer.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';
import { addRow, hasAll, labelsOf } from './pg-shared.ts';

const ROUNDS = 200;
const CLIENTS = 5;
const SEED = Number(process.env.PG_FUZZ_SEED ?? 21_2026);

let cluster: PgCluster;
let balancer: TcpBalancer;
const clients: RelayClient[] = [];

beforeAll(async () => {
  cluster = await startPgCluster(3);
  balancer = await startBalancer(() => cluster.ports.filter((_, i) => cluster.relays[i] !== null));
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await balancer?.close();
  await cluster?.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`${ROUNDS} rounds of edits, relay kills and reconnects lose no edit (seed ${SEED})`, async () => {
  const rnd = seededRandom(SEED);
  const made: string[] = [];
  const restarts: Promise<unknown>[] = [];
  let kills = 0;
  let drops = 0;
  try {
    for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(balancer.port, 'plan', cluster.editorToken));
    await within('every client synced', Promise.all(clients.map((c) => c.synced())));
    for (let round = 0; round < ROUNDS; round++) {
      const roll = rnd.next();
      const c = rnd.pick(clients);
      if (roll < 0.8) {
        const label = `F${round}`;
        addRow(c, label);
        made.push(label);
      } else if (roll < 0.85) {
        const up = cluster.relays.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
        if (up.length >= 2) {
          const victim = rnd.pick(up);
          kills++;
          await cluster.kill(victim);
          restarts.push(sleep(rnd.int(1000)).then(() => cluster.start(victim)));
        }
      } else if (roll < 0.95) {
        drops++;
        c.provider.disconnect();
        const back = rnd.int(300);
        setTimeout(() => c.provider.connect(), back);
      }
      await sleep(rnd.int(25));
    }
    await Promise.all(restarts);
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    await waitFor('every client holds every edit', () => clients.every((c) => hasAll(c, made)), 40_000);
    const fresh = connectClient(balancer.port, 'plan', cluster.editorToken);
    clients.push(fresh);
    await within('a fresh client synced', fresh.synced());
    expect(made.filter((l) => !labelsOf(fresh.wb()).includes(l))).toEqual([]);
    const stored = labelsOf(await loadWorkbook(await cluster.store(), 'plan'));
    expect(made.filter((l) => !stored.includes(l))).toEqual([]);
    expect(kills).toBeGreaterThan(0);
    expect(drops).toBeGreaterThan(0);
  } catch (err) {
    console.error(`pg fuzz failed with seed ${SEED} (${made.length} edits, ${kills} kills, ${drops} drops); run again with PG_FUZZ_SEED=${SEED}`);
    throw err;
  }
});
