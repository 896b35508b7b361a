/** Sync: stock y-websocket clients converge through the relay, and presence travels with them. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { seededRandom } from '../../support/random.ts';
import { connectClient, waitFor, type RelayClient } from '../../support/relay-clients.ts';
import { seed, startRelay, tempDataDir, type Tokens } from './fixtures.ts';

let server: AppServer;
let tokens: Tokens;
const clients: RelayClient[] = [];

const client = (workbook: string, token?: string): RelayClient => {
  const c = connectClient(server.port, workbook, token);
  clients.push(c);
  return c;
};
const json = (c: RelayClient): string => JSON.stringify(c.wb().toJSON());

beforeAll(async () => {
  const dataDir = tempDataDir();
  tokens = await seed(dataDir, ['pair', 'five', 'presence']);
  server = await startRelay({ dataDir });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

describe('sync through the relay', () => {
  test('two stock clients converge: edits to different cells both survive, the same cell ends equal', async () => {
    const [a, b] = [client('pair', tokens.pair?.editor), client('pair', tokens.pair?.editor)];
    await Promise.all([a.synced(), b.synced()]);
    const sheet = a.wb().sheets()[0]?.id ?? '';
    const row = a.wb().rowIds(sheet)[0] ?? '';
    const [, name, cost, onHand] = a.wb().columns(sheet).map((c) => c.id) as [string, string, string, string];
    // Made before either sees the other's: concurrent.
    a.wb().setCell(sheet, row, name, 'Mug, blue');
    b.wb().setCell(sheet, row, cost, 12.5);
    a.wb().setCell(sheet, row, onHand, 7);
    b.wb().setCell(sheet, row, onHand, 9);
    await waitFor('both clients hold the same workbook', () => json(a) === json(b) && a.wb().cell(sheet, row, cost) === 12.5);
    expect(b.wb().cell(sheet, row, name)).toBe('Mug, blue');
    expect([7, 9]).toContain(a.wb().cell(sheet, row, onHand));
    const fresh = client('pair', tokens.pair?.editor);
    await fresh.synced();
    expect(json(fresh)).toBe(json(a));
  });

  test('five stock clients making random concurrent edits converge (seeded)', async () => {
    const seedValue = 5151;
    const rnd = seededRandom(seedValue);
    const five = Array.from({ length: 5 }, () => client('five', tokens.five?.editor));
    await Promise.all(five.map((c) => c.synced()));
    const sheet = five[0]?.wb().sheets()[0]?.id ?? '';
    try {
      for (let round = 0; round < 30; round++) {
        for (const c of five) {
          const wb = c.wb();
          const rows = wb.rowIds(sheet);
          const cols = wb.columns(sheet);
          const op = rnd.int(10);
          if (op < 6 && rows.length > 0) {
            const col = rnd.int(cols.length);
            const value = col < 2 ? `v${rnd.int(1000)}` : rnd.int(500);
            wb.setCell(sheet, rnd.pick(rows), cols[col]?.id ?? '', value);
          } else if (op < 8) wb.insertRows(sheet, { index: rnd.int(rows.length + 1), count: 1 + rnd.int(2) });
          else if (rows.length > 2) wb.deleteRows(sheet, [rnd.pick(rows)]);
        }
        // Let some rounds overlap on the wire and others settle.
        if (rnd.chance(0.5)) await new Promise((r) => setTimeout(r, rnd.int(30)));
      }
      await waitFor('all five clients hold the same workbook', () => five.every((c) => json(c) === json(five[0] as RelayClient)));
      const fresh = client('five', tokens.five?.editor);
      await fresh.synced();
      expect(json(fresh)).toBe(json(five[0] as RelayClient));
    } catch (err) {
      throw new Error(`seed ${seedValue}: ${(err as Error).message}`);
    }
  });

  test('presence (awareness) reaches the other clients and goes away when a client leaves', async () => {
    const a = client('presence', tokens.presence?.editor);
    const b = client('presence', tokens.presence?.viewer);
    await Promise.all([a.synced(), b.synced()]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const aId = a.doc.clientID;
    await waitFor('b sees Ana', () => (b.provider.awareness.getStates().get(aId) as { user?: { name: string } } | undefined)?.user?.name === 'Ana');
    b.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    await waitFor('a sees Bo (a viewer has presence too)', () => b.provider.awareness.getStates().has(b.doc.clientID) && a.provider.awareness.getStates().has(b.doc.clientID));
    a.provider.disconnect();
    await waitFor('Ana is gone for b', () => !b.provider.awareness.getStates().has(aId));
  });
});
