/**
 * Undoing a vandal from the command line, on a real data folder next to the running relay: a
 * vandal connected with a stock y-websocket client blanks cells and deletes rows; `history` lists
 * the moments and devices; `restore --to` sets the content back to the moment before and `revert
 * --device … --since` sets back only the vandal's changes; each reaches the connected clients as
 * one new change (no fork), and the command each prints to undo it does.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Workbook } from '../../../src/model/index.ts';
import type { Device, Moment } from '../../../src/schema/moment-types.ts';
import { loadWorkbook } from '../../../server/store/stored-workbook.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor, within, type RelayClient } from '../../support/relay-clients.ts';
import { productsWorkbook, runCli, seed, startRelay, tempDataDir, withTestStore } from '../relay/fixtures.ts';

let server: AppServer;
let dataDir: string;
let editor = '';
let ana: RelayClient;
let mallory: RelayClient;

const storedJSON = (id: string): Promise<string> => withTestStore(dataDir, async (store) => JSON.stringify((await loadWorkbook(store, id)).toJSON()));
const content = (c: RelayClient): string => JSON.stringify(c.wb().toJSON());
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until both clients and the store hold `want`. */
const everywhere = async (what: string, want: string): Promise<void> => {
  await waitFor(`${what}: both clients`, () => content(ana) === want && content(mallory) === want);
  await waitFor(`${what}: the store`, async () => (await storedJSON('live')) === want);
};

const historyOf = async (): Promise<{ moments: Moment[]; devices: Device[] }> => {
  const r = await runCli(dataDir, ['history', '--workbook', 'live', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { moments: Moment[]; devices: Device[] };
};

const cols = (wb: Workbook) => {
  const sheet = wb.sheets()[0]?.id ?? '';
  const [sku, name, cost] = wb.columns(sheet).map((c) => c.id) as [string, string, string];
  return { sheet, sku, name, cost, rows: wb.rowIds(sheet) };
};

beforeAll(async () => {
  dataDir = tempDataDir();
  editor = (await seed(dataDir, ['live'], () => productsWorkbook(5, 'Live plan')))['live']?.editor ?? '';
  server = await startRelay({ dataDir });
  ana = connectClient(server.port, 'live', editor);
  mallory = connectClient(server.port, 'live', editor);
  await within('both clients synced', Promise.all([ana.synced(), mallory.synced()]));
  ana.wb().setUser({ id: 'u-ana', name: 'Ana' });
  mallory.wb().setUser({ id: 'u-mallory', name: 'Mallory' });
});
afterAll(async () => {
  ana?.destroy();
  mallory?.destroy();
  await server?.stop();
});

describe('a vandal, undone from the command line', () => {
  let good = '';
  let vandalized = '';
  let anaMoment = 0;

  test('history lists each person’s moments and devices, with what they did', async () => {
    const { sheet, name, rows } = cols(ana.wb());
    ana.wb().setCell(sheet, rows[0] ?? '', name, 'Ana’s mug');
    good = content(ana);
    await everywhere('Ana’s edit is everywhere', good);
    await pause(50);
    const m = cols(mallory.wb());
    mallory.wb().setCells(m.sheet, [
      { rowId: m.rows[0] ?? '', colId: m.name, value: '' },
      { rowId: m.rows[1] ?? '', colId: m.cost, value: null },
    ]);
    mallory.wb().deleteRows(m.sheet, [m.rows[2] ?? '', m.rows[3] ?? '']);
    vandalized = content(mallory);
    await everywhere('the damage is everywhere', vandalized);

    const { moments, devices } = await historyOf();
    expect(moments.slice(0, 2).map((x) => [x.name, x.counts.cells, x.counts.rowsDeleted])).toEqual([
      ['Mallory', 2, 2],
      ['Ana', 1, 0],
    ]);
    anaMoment = moments[1]?.time ?? 0;
    expect(devices.find((d) => d.name === 'Mallory')?.clients).toEqual([mallory.doc.clientID]);
    const text = await runCli(dataDir, ['history', '--workbook', 'live']);
    expect(text.stdout).toContain('Mallory');
    expect(text.stdout).toContain(new Date(anaMoment).toISOString());
    expect(text.stdout).toMatch(/2 cells, 2 rows deleted/);
  });

  test('restore --to the moment before reaches both clients and the store; the command it prints undoes it', async () => {
    const dry = await runCli(dataDir, ['restore', '--workbook', 'live', '--to', new Date(anaMoment).toISOString(), '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would change: 2 cells, 2 rows back. Nothing was written');
    expect(await storedJSON('live')).toBe(vandalized);

    const r = await runCli(dataDir, ['restore', '--workbook', 'live', '--to', new Date(anaMoment).toISOString(), '--by', 'Lead']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(2 cells, 2 rows back)');
    await everywhere('the restore is everywhere', good);

    const undo = /restore --workbook live --to (\S+)/.exec(r.stdout)?.[1] ?? '';
    expect((await runCli(dataDir, ['restore', '--workbook', 'live', '--to', undo])).code).toBe(0);
    await everywhere('the undo of the restore is everywhere', vandalized);
    // The restore is in the history, by the name it was given.
    expect((await historyOf()).moments.some((m) => m.name === 'Lead' && m.kinds.includes('restore'))).toBe(true);
  });

  test('revert --device sets back only Mallory’s changes since a time; a cell Ana fixed since is left and listed', async () => {
    await pause(50);
    const since = Date.now();
    await pause(5);
    const m = cols(mallory.wb());
    mallory.wb().setCells(m.sheet, [
      { rowId: m.rows[0] ?? '', colId: m.sku, value: 'junk' },
      { rowId: m.rows[1] ?? '', colId: m.sku, value: 'junk' },
    ]);
    mallory.wb().deleteRows(m.sheet, [m.rows[2] ?? '']);
    mallory.wb().insertRows(m.sheet, { values: [{ [m.sku]: 'spam' }] });
    await everywhere('the new damage is everywhere', content(mallory));
    // Ana fixes one of the cells herself.
    const { sheet, sku, rows } = cols(ana.wb());
    ana.wb().setCell(sheet, rows[1] ?? '', sku, 'SKU-fixed-by-Ana');
    await everywhere('Ana’s fix is everywhere', content(ana));

    const r = await runCli(dataDir, ['revert', '--workbook', 'live', '--device', 'mallory', '--since', new Date(since).toISOString()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout, r.stdout).toContain('1 cell set back, 1 row brought back, 1 row it added deleted');
    expect(r.stdout).toMatch(/Left alone \(1\):\n {2}Products row 2, SKU: someone else changed it since/);
    await waitFor('the revert reached Ana', () => !ana.wb().rowIds(sheet).some((id) => ana.wb().cell(sheet, id, sku) === 'spam'));
    const wb = ana.wb();
    expect(wb.rowIds(sheet).map((id) => wb.cell(sheet, id, sku))).toEqual(['SKU-1000', 'SKU-fixed-by-Ana', 'SKU-1004']);
    await everywhere('the revert is everywhere', content(ana));

    const undo = /restore --workbook live --to (\S+)/.exec(r.stdout)?.[1] ?? '';
    const before = content(ana);
    expect((await runCli(dataDir, ['restore', '--workbook', 'live', '--to', undo])).code).toBe(0);
    await waitFor('the undo of the revert reached Ana', () => content(ana) !== before);
    expect(ana.wb().rowIds(sheet).map((id) => ana.wb().cell(sheet, id, sku))).toEqual(['junk', 'SKU-fixed-by-Ana', 'spam']);
  });

  test('a plain Yjs document connected through the relay gets the same content', async () => {
    const plain = connectClient(server.port, 'live', editor, { doc: new Y.Doc() });
    try {
      await within('the plain client synced', plain.synced());
      expect(content(plain)).toBe(content(ana));
    } finally {
      plain.destroy();
    }
  });

  test('a device nobody is, a time that is not one, or a missing flag stop with a sentence', async () => {
    const who = await runCli(dataDir, ['revert', '--workbook', 'live', '--device', 'Eve', '--since', '2026-01-01']);
    expect(who.code).toBe(1);
    expect(who.stderr).toContain('No device of "live" is called "Eve". Its devices:');
    expect(who.stderr).toContain('Mallory');
    const when = await runCli(dataDir, ['restore', '--workbook', 'live', '--to', 'last tuesday']);
    expect(when.code).toBe(2);
    expect(when.stderr).toContain('--to: "last tuesday" is not a time');
    const both = await runCli(dataDir, ['restore', '--workbook', 'live', '--to', '2026-01-01', 'backup.ywb']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give either a backup FILE or --to TIME, not both.');
    const since = await runCli(dataDir, ['revert', '--workbook', 'live', '--device', 'Mallory']);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since is required.');
    const missing = await runCli(dataDir, ['history', '--workbook', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no workbook "nope"');
  });
});
