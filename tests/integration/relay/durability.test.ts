/**
 * Durability: an update is committed before any peer receives it, so killing the relay at any
 * moment loses nothing a peer had seen. Checked with fresh clients that have no local state (the
 * writers are gone before the relay restarts, so they cannot upload what it lost).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AppServer } from '../../support/app-server.ts';
import { seededRandom } from '../../support/random.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { productsWorkbook, seed, startRelay, tempDataDir } from './fixtures.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The SKUs of every row a client holds. */
const skus = (c: RelayClient): string[] => {
  const wb = c.wb();
  const sheet = wb.sheets()[0]?.id ?? '';
  const sku = wb.columns(sheet)[0]?.id ?? '';
  return wb.rowIds(sheet).map((r) => String(wb.cell(sheet, r, sku)));
};

/** What a fresh client, with no local state, gets from the relay. */
const freshSkus = async (server: AppServer, id: string, token: string): Promise<Set<string>> => {
  const c = connectClient(server.port, id, token);
  try {
    await within('a fresh client synced', c.synced());
    return new Set(skus(c));
  } finally {
    c.destroy();
  }
};

describe('durability', () => {
  test.each(['commit', 'fsync'])('an edit a peer has received survives SIGKILL of the relay (DURABILITY=%s)', async (durability) => {
    const dataDir = tempDataDir();
    const t = (await seed(dataDir, ['kill-once']))['kill-once']?.editor ?? '';
    const env = { DURABILITY: durability };
    let server = await startRelay({ dataDir, env });
    const [a, b] = [connectClient(server.port, 'kill-once', t), connectClient(server.port, 'kill-once', t)];
    await Promise.all([a.synced(), b.synced()]);
    const sheet = a.wb().sheets()[0]?.id ?? '';
    const [sku] = a.wb().columns(sheet).map((c) => c.id);
    a.wb().insertRows(sheet, { values: [{ [sku ?? '']: 'SKU-KEPT' }] });
    await waitFor('b received the edit', () => skus(b).includes('SKU-KEPT'));
    await server.stop('SIGKILL');
    a.destroy();
    b.destroy();
    server = await startRelay({ dataDir, env });
    try {
      expect(await freshSkus(server, 'kill-once', t)).toContain('SKU-KEPT');
    } finally {
      await server.stop();
    }
  });

  test('20 random SIGKILL moments with 3 clients writing: no edit any peer had received is lost (seeded)', async () => {
    const seedValue = 2020;
    const rnd = seededRandom(seedValue);
    const dataDir = tempDataDir();
    const token = (await seed(dataDir, ['kills'], () => productsWorkbook(0)))['kills']?.editor ?? '';
    // Frequent compactions, so some kills land while one is running.
    const env = { COMPACT_AFTER: '20' };
    const received = new Set<string>();
    let server = await startRelay({ dataDir, env });
    try {
      for (let round = 0; round < 20; round++) {
        const have = await freshSkus(server, 'kills', token);
        const lost = [...received].filter((s) => !have.has(s));
        expect(lost, `seed ${seedValue}, round ${round}: edits lost after a kill`).toEqual([]);

        const writers = [0, 1, 2].map(() => connectClient(server.port, 'kills', token));
        await Promise.all(writers.map((w) => within('a writer synced', w.synced())));
        let writing = true;
        const loops = writers.map(async (w, i) => {
          const wb = w.wb();
          const sheet = wb.sheets()[0]?.id ?? '';
          const sku = wb.columns(sheet)[0]?.id ?? '';
          for (let n = 0; writing; n++) {
            wb.insertRows(sheet, { values: [{ [sku]: `r${round}-w${i}-${n}` }] });
            await sleep(1 + rnd.int(8));
          }
        });
        await sleep(20 + rnd.int(400));
        await server.stop('SIGKILL');
        writing = false;
        await Promise.all(loops);
        await sleep(50); // whatever the relay had sent before it died arrives
        writers.forEach((w, i) => {
          for (const s of skus(w)) if (!s.includes(`-w${i}-`)) received.add(s);
        });
        for (const w of writers) w.destroy();
        server = await startRelay({ dataDir, env });
      }
      const have = await freshSkus(server, 'kills', token);
      expect([...received].filter((s) => !have.has(s)), `seed ${seedValue}: edits lost after the last kill`).toEqual([]);
      expect(received.size).toBeGreaterThan(100);
    } finally {
      await server.stop();
    }
  }, 180_000);

  test('SIGTERM flushes everything: exit code 0, no write-ahead log left, restart keeps every edit', async () => {
    const dataDir = tempDataDir();
    const t = (await seed(dataDir, ['term']))['term']?.editor ?? '';
    let server = await startRelay({ dataDir });
    const [a, b] = [connectClient(server.port, 'term', t), connectClient(server.port, 'term', t)];
    await Promise.all([a.synced(), b.synced()]);
    const sheet = a.wb().sheets()[0]?.id ?? '';
    const [sku] = a.wb().columns(sheet).map((c) => c.id);
    for (let i = 0; i < 50; i++) a.wb().insertRows(sheet, { values: [{ [sku ?? '']: `TERM-${i}` }] });
    await waitFor('b received all 50', () => skus(b).filter((s) => s.startsWith('TERM-')).length === 50);
    await server.stop('SIGTERM');
    a.destroy();
    b.destroy();
    expect(server.proc.exitCode).toBe(0);
    expect(server.stdout()).toContain('"event":"relay.stopped"');
    const files = [...readdirSync(dataDir), ...readdirSync(join(dataDir, 'workbooks'))];
    expect(files.filter((f) => f.endsWith('-wal'))).toEqual([]);
    expect(existsSync(join(dataDir, 'workbooks', 'term.sqlite'))).toBe(true);
    server = await startRelay({ dataDir });
    try {
      const have = await freshSkus(server, 'term', t);
      for (let i = 0; i < 50; i++) expect(have).toContain(`TERM-${i}`);
    } finally {
      await server.stop();
    }
  });
});
