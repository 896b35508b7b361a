/**
 * Reproducible snapshots: an export names the workbook state it shows, and `export --snapshot`
 * rebuilds that state from the relay's store later — after more edits and compactions — and
 * writes the same CSV files, byte for byte. A real relay with stock y-websocket clients, the CLI
 * as its own process.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { stateVersion, type Workbook } from '../../../src/model/index.ts';
import { buildExport } from '../../../src/app/export-file.ts';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, type RelayClient } from '../../support/relay-clients.ts';
import { runCli, seed, startRelay, tempDataDir, withTestStore } from '../relay/fixtures.ts';
import { seededRandom } from '../../support/random.ts';

const TODAY = '2025-06-15';

const csvFiles = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.csv')).map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string; today: string };

describe('export --snapshot against the relay’s store', () => {
  let server: AppServer;
  let dataDir: string;
  let editor = '';
  const compactions = () => server.stdout().split('"compaction.done"').length - 1;
  const storedVersion = () => withTestStore(dataDir, async (store) => stateVersion(await loadWorkbook(store, 'shop')));
  /** Waits until the store holds everything the client has. */
  const stored = (c: RelayClient) => waitFor('the store has every edit of the client', async () => (await storedVersion()) === stateVersion(c.wb()));

  /** Many small edits, one transaction each, as people make them: overwrites, new and deleted rows, a rename. */
  const keepEditing = async (c: RelayClient, seedNumber: number) => {
    const rnd = seededRandom(seedNumber);
    const wb = c.wb();
    const before = compactions();
    const products = wb.sheetByName('Products')?.id ?? '';
    const cols = wb.columns(products).filter((x) => x.formula === undefined);
    const cost = cols.find((x) => x.type === 'currency')?.id ?? '';
    const name = cols[1]?.id ?? '';
    for (let i = 0; i < 60; i++) {
      const rows = wb.rowIds(products);
      const row = rows[rnd.int(rows.length)] ?? '';
      if (i % 10 === 3) wb.deleteRows(products, [row]);
      else if (i % 10 === 7) wb.insertRows(products, { values: [{ [name]: `New ${i}` }] });
      else wb.setCell(products, row, cost, Math.round(rnd.next() * 10000) / 100);
    }
    wb.renameColumn(products, name, `Product name ${seedNumber}`);
    wb.renameSheet(wb.sheets()[3]?.id ?? '', `Promotions ${seedNumber}`);
    await stored(c);
    await waitFor('a compaction folded the edits into the snapshot', () => compactions() > before);
  };

  beforeAll(async () => {
    dataDir = tempDataDir();
    editor = (await seed(dataDir, ['shop'], () => createDemoWorkbook(TODAY)))['shop']?.editor ?? '';
    server = await startRelay({ dataDir, env: { COMPACT_AFTER: '25' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('an export made by the CLI is made again, byte for byte, after more edits and compactions', async () => {
    const a = connectClient(server.port, 'shop', editor);
    try {
      await a.synced();
      await keepEditing(a, 1);
      const first = join(dataDir, 'first');
      expect((await runCli(dataDir, ['export', '--workbook', 'shop', '--out', first, '--today', TODAY])).code).toBe(0);

      await keepEditing(a, 2);
      const now = join(dataDir, 'now');
      expect((await runCli(dataDir, ['export', '--workbook', 'shop', '--out', now, '--today', TODAY])).code).toBe(0);
      expect(csvFiles(now)).not.toEqual(csvFiles(first));

      const again = join(dataDir, 'again');
      const r = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', again, '--snapshot', join(first, 'manifest.json')]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(csvFiles(again)).toEqual(csvFiles(first));
      expect(manifestOf(again)).toMatchObject({ version: manifestOf(first).version, today: TODAY });

      // The version itself, as copied from the manifest, does the same.
      const byVersion = join(dataDir, 'by-version');
      expect((await runCli(dataDir, ['export', '--workbook', 'shop', '--out', byVersion, '--snapshot', manifestOf(first).version, '--today', TODAY])).code).toBe(0);
      expect(csvFiles(byVersion)).toEqual(csvFiles(first));
    } finally {
      a.destroy();
    }
  });

  test('a zip the app exported on a replica is reproduced from the store after more edits and a compaction', async () => {
    const a = connectClient(server.port, 'shop', editor);
    try {
      await a.synced();
      await keepEditing(a, 3);
      // The app's export, on the client's own replica, on TODAY.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(2025, 5, 15, 12));
      const wb: Workbook = a.wb();
      const calc = engineCalc(wb, () => 'en');
      const zip = buildExport(
        { wb, calc, workbookId: 'shop', locale: 'en', by: 'lin.wei', time: new Date() },
        { scope: 'workbook', mode: 'display', delimiter: ';', bom: true },
      );
      calc.dispose();
      vi.useRealTimers();
      const zipFile = join(dataDir, zip.name);
      writeFileSync(zipFile, zip.bytes);
      const inZip = unzipSync(zip.bytes);

      await keepEditing(a, 4);
      const again = join(dataDir, 'from-zip');
      const r = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', again, '--snapshot', zipFile, '--mode', 'display', '--delimiter', ';']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const expected = Object.fromEntries(
        Object.entries(inZip)
          .filter(([n]) => n.endsWith('.csv'))
          .map(([n, b]) => [n, Buffer.from(b).toString('base64')]),
      );
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      expect(csvFiles(again)).toEqual(expected);
    } finally {
      vi.useRealTimers();
      a.destroy();
    }
  });

  test('a version with edits the store never received is refused with one sentence, and nothing is written', async () => {
    const b = connectClient(server.port, 'shop', editor);
    try {
      await b.synced();
      b.provider.disconnect();
      const wb = b.wb();
      const products = wb.sheetByName('Products')?.id ?? '';
      wb.insertRows(products, { count: 3 });
      const out = join(dataDir, 'offline');
      const r = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', out, '--snapshot', stateVersion(wb)]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        'The store has not received every edit of that version: some were made on a device that has not synced since. ' +
          'Open the workbook on that device while connected to the relay, then try again.',
      );
      expect(() => readdirSync(out)).toThrow();
    } finally {
      b.destroy();
    }
  });

  test('a manifest of another workbook, and a file that is no manifest, are refused with a sentence', async () => {
    const other = join(dataDir, 'other-manifest.json');
    writeFileSync(other, JSON.stringify({ format: 'ops-workbook-csv', version: 'snap:AA==', workbook: { id: 'plan-2027' } }));
    const r = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'x'), '--snapshot', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('That export is of workbook "plan-2027", not "shop"; give --workbook plan-2027.');
    const junk = join(dataDir, 'notes.txt');
    writeFileSync(junk, 'hello');
    const j = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'x'), '--snapshot', junk]);
    expect(j.stderr).toContain('is not an export’s manifest.json'.replace('’', "'"));
  });
});
