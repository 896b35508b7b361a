/**
 * The deploy folder's proxy (deploy/compose/nginx.conf, run by real nginx as shipped, only the
 * addresses and folders rewritten) in front of three relays on one PostgreSQL, as compose.yaml
 * sets them up (TRUST_PROXY on): stock clients connect through it, the websocket upgrades pass,
 * the clients of one workbook land on one relay, and when that relay is killed the proxy sends
 * them to another, which serves the workbook from PostgreSQL with nothing lost.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { startNginx, type TestNginx } from '../../support/nginx.ts';
import { productsWorkbook } from './fixtures.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';
import { addRow, hasAll } from './pg-shared.ts';

let cluster: PgCluster;
let proxy: TestNginx;
const clients: RelayClient[] = [];

beforeAll(async () => {
  cluster = await startPgCluster(3, 'plan', productsWorkbook(2), { TRUST_PROXY: '1' });
  proxy = await startNginx(cluster.ports);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await proxy?.stop();
  await cluster?.destroy();
});

/** Open connections of each relay (its /healthz figures, asked on loopback); -1 for one that is down. */
const connectionsPerRelay = async (): Promise<number[]> =>
  Promise.all(
    cluster.ports.map(async (port, i) => {
      if (!cluster.relays[i]) return -1;
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { connections?: number };
      return health.connections ?? 0;
    }),
  );

test('through the shipped nginx.conf: upgrades pass, one workbook’s clients land on one relay, and a killed relay’s clients go on through another with nothing lost', async () => {
  const four = Array.from({ length: 4 }, () => connectClient(proxy.port, 'plan', cluster.editorToken));
  clients.push(...four);
  await within('every client synced through the proxy', Promise.all(four.map((c) => c.synced())));
  const made: string[] = [];
  for (const [k, c] of four.entries()) {
    addRow(c, `P${k}-before`);
    made.push(`P${k}-before`);
  }
  await waitFor('every client holds the rows made before', () => four.every((c) => hasAll(c, made)));
  // Routed by workbook id: all four on one relay, none on the others.
  const counts = await connectionsPerRelay();
  expect(counts.filter((n) => n === 4), `connections per relay: ${counts.join(', ')}`).toHaveLength(1);
  expect(counts.filter((n) => n === 0)).toHaveLength(2);

  const home = counts.indexOf(4);
  await cluster.kill(home);
  for (const [k, c] of four.entries()) {
    addRow(c, `P${k}-after`);
    made.push(`P${k}-after`);
  }
  await waitFor('every client holds every row, through another relay', () => four.every((c) => hasAll(c, made)), 30_000);
  const after = await connectionsPerRelay();
  expect(after[home]).toBe(-1);
  expect(after.filter((n) => n === 4), `connections per relay after the kill: ${after.join(', ')}`).toHaveLength(1);
  // A client that comes afterwards gets everything from PostgreSQL.
  const late = connectClient(proxy.port, 'plan', cluster.editorToken);
  clients.push(late);
  await within('a late client synced', late.synced());
  expect(hasAll(late, made)).toBe(true);
  expect(proxy.errors()).not.toMatch(/\[(emerg|alert|crit)\]/);
  await cluster.start(home);
});
