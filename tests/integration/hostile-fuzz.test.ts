/**
 * Hostile updates, seeded: 500 structurally valid Yjs updates that put wrong kinds, prototype keys,
 * huge text, unknown words, missing parts and deep nesting into every kind of record of the demo
 * workbook (tests/support/hostile-updates.ts). After each one, alone on the demo:
 *   - the headless model reads everything (every sheet, column, rule, chart, tile, cell, history)
 *     without throwing, and every entry the update did not touch reads as before;
 *   - the formula engine (the app's and the CLI's adapter) computes every cell;
 *   - the CLI's export writes every sheet, and its eval answers;
 *   - the "needs repair" list is made, and "Repair all" leaves nothing to repair;
 * all within a bound that tells a hang from slowness. Then all 500, one after the other, go to the
 * real relay from one editor's connection: it stays up, keeps relaying a teammate's edits, and
 * teammates' live models and engines follow without throwing.
 * The seed is FUZZ_SEED (default 16); a failure names the seed and the update.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../sheets/demo.ts';
import { calcExportSource } from '../../src/app/calc-export-source.ts';
import { engineCalc } from '../../src/app/engine-calc.ts';
import { exportWorkbookFiles } from '../../src/csv/index.ts';
import { DamageWatch } from '../../src/model/damage-watch.ts';
import { cellConflicts, cellHistory, Workbook } from '../../src/model/index.ts';
import { repairAll } from '../../src/model/repair.ts';
import { evalLines } from '../../server/cli/eval.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import type { AppServer } from '../support/app-server.ts';
import { hostileCases, type HostileCase } from '../support/hostile-updates.ts';
import { readingsOf, rowLayoutsOf, untouchedChanges } from '../support/hostile-readings.ts';
import { seededRandom } from '../support/random.ts';
import { connectClient, waitFor, within, type RelayClient } from '../support/relay-clients.ts';
import { startRelay, tempDataDir } from './relay/fixtures.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 16);
const COUNT = 500;
const BATCH = 50;
const TODAY = '2026-11-29';
/** Longer than this for one update is a hang, not slowness (an update takes ~0.1 s here). */
const HANG_MS = 15_000;

const FORMULAS = [
  '=SUM(Products[Cost])',
  '=COUNTA(Inventory[SKU])',
  '=XLOOKUP("KIT-0001", Products[SKU], Products[Name])',
  '=SUMIFS(Campaigns[Budget], Campaigns[Channel], "App")',
  '=1+1',
];

// The demo with ids from the seed: the same document, and so the same updates, on every run.
const base = createDemoWorkbook(TODAY, { random: seededRandom(SEED).bytes, clientId: 7 });
const baseBytes = base.encode();
const cases = hostileCases(baseBytes, base, SEED, COUNT);
const before = readingsOf(base);
const layouts = rowLayoutsOf(base);

/** Runs one hostile update through the headless parts; throws with what went wrong. */
const check = (c: HostileCase): void => {
  const started = performance.now();
  const wb = Workbook.load(baseBytes);
  wb.applyUpdate(c.update);
  // The model: every read.
  const json = wb.toJSON();
  expect(json.sheets.length).toBeGreaterThanOrEqual(0);
  for (const s of wb.sheets()) {
    const cols = wb.columns(s.id);
    for (const r of wb.rowIds(s.id)) for (const col of cols) wb.cell(s.id, r, col.id);
    wb.rules(s.id);
    wb.charts(s.id);
    cellConflicts(wb, s.id);
    const [r0] = wb.rowIds(s.id);
    if (r0 !== undefined) for (const col of cols) cellHistory(wb, s.id, r0, col.id);
  }
  wb.dashboard();
  expect(untouchedChanges(before, readingsOf(wb, base), c.touched, layouts)).toEqual([]);
  // The engine, as the app and the CLI run it, over every cell.
  const calc = engineCalc(wb, () => 'en', { today: TODAY });
  try {
    for (const s of wb.sheets()) for (const r of wb.rowIds(s.id)) for (const col of wb.columns(s.id)) calc.value(s.id, r, col.id);
    // The CLI's export and eval, without the store around them.
    const { files } = exportWorkbookFiles(calcExportSource(wb, calc), {
      mode: c.index % 2 ? 'display' : 'raw',
      delimiter: ',',
      bom: true,
      values: calc,
      snapshot: { workbookId: 'demo', version: 'fuzz', time: new Date(0), by: 'fuzz', today: TODAY },
    });
    expect(files.length).toBeGreaterThan(0);
  } finally {
    calc.dispose();
  }
  expect(evalLines(wb, FORMULAS).lines).toHaveLength(FORMULAS.length);
  // The needs-repair list, and one click that repairs everything in it.
  const watch = new DamageWatch(wb);
  watch.report();
  if (!wb.isNewerSchema()) {
    repairAll(wb);
    expect(watch.report().entries.map((e) => `${e.kind} ${e.id}: ${JSON.stringify(e.problems)}`)).toEqual([]);
    wb.toJSON();
  }
  watch.dispose();
  wb.doc.destroy();
  expect(performance.now() - started).toBeLessThan(HANG_MS);
};

/** Both replicas hold the same edits and deletions. */
const sameState = (a: RelayClient, b: RelayClient): boolean => Y.equalSnapshots(Y.snapshot(a.doc), Y.snapshot(b.doc));

const batches = Array.from({ length: COUNT / BATCH }, (_, i) => [i * BATCH, (i + 1) * BATCH - 1] as const);

describe(`hostile updates (seed ${SEED}): the headless model, the formula engine, CLI export and eval`, () => {
  test('every kind of record is hit, with every kind of value', () => {
    const labels = cases.map((c) => c.label).join('\n');
    for (const kind of ['settings.', 'sheet ', 'column ', 'cell ', 'row ', 'layout ', 'rule ', 'chart ', 'tile ', 'history', 'schema version']) {
      expect(labels, `no update touches ${kind}`).toContain(kind);
    }
    expect(cases).toHaveLength(COUNT);
  });

  test.each(batches)('updates %i to %i', { timeout: 600_000 }, (from, to) => {
    for (const c of cases.slice(from, to + 1)) {
      try {
        check(c);
      } catch (err) {
        throw new Error(`seed ${SEED}, update #${c.index} (${c.label}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }
  });
});

describe(`hostile updates (seed ${SEED}) through the real relay`, () => {
  let server: AppServer;
  let token = '';
  const clients: RelayClient[] = [];
  beforeAll(async () => {
    const dataDir = tempDataDir();
    const store = await openStore({ dataDir });
    await createWorkbook(store, 'fuzz', Workbook.load(baseBytes));
    token = (await store.catalog.createToken('fuzz', 'editor')).token;
    await store.close();
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
  });
  const join = async (): Promise<RelayClient> => {
    const c = connectClient(server.port, 'fuzz', token);
    clients.push(c);
    await within('a client synced', c.synced());
    return c;
  };

  test('the relay stays up and keeps relaying; teammates’ live models and engines follow', { timeout: 900_000 }, async () => {
    const [ana, bo] = [await join(), await join()];
    // Teammates with the app's live parts: Ana's needs-repair list, Bo's formula engine.
    const anaWatch = new DamageWatch(ana.wb());
    const boCalc = engineCalc(bo.wb(), () => 'en', { today: TODAY });
    // Ana's canary sheet is made after the updates were: none of them aims at it.
    const sheet = ana.wb().addSheet({ name: 'Canary', columns: [{ name: 'Note', type: 'text' }] });
    const name = ana.wb().columns(sheet)[0]?.id ?? '';
    const [row = ''] = ana.wb().insertRows(sheet, { count: 1 });
    let mallory = await join();
    for (const c of cases) {
      if (c.forgesVersion) {
        // The relay closes whoever writes the version; Mallory comes back with a new connection.
        const closed = new Promise<number>((resolve) => mallory.provider.on('closed', (e) => resolve(e.code)));
        Y.applyUpdate(mallory.doc, c.update);
        expect(await within(`Mallory closed after update #${c.index}`, closed), `seed ${SEED}, update #${c.index}`).toBe(4403);
        mallory = await join();
        continue;
      }
      Y.applyUpdate(mallory.doc, c.update);
      // One at a time, as a person's edits come (a burst would be cut off by the rate limit): Ana has it.
      await waitFor(`seed ${SEED}, update #${c.index} reached Ana`, () => sameState(mallory, ana));
      if (c.index % 25 === 24) {
        // A teammate's edit still goes through, and reaches the other teammate.
        const text = `canary ${c.index}`;
        ana.wb().setCell(sheet, row, name, text);
        await waitFor(`seed ${SEED}, after update #${c.index}: Bo gets Ana's edit`, () => bo.doc.getMap('sheets').size > 0 && bo.wb().cell(sheet, row, name) === text);
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status, `seed ${SEED}, after update #${c.index}`).toBe(200);
      }
    }
    // Everything that was not refused reaches a newcomer, whose model reads it all.
    const newcomer = await join();
    // Updates relayed while the newcomer's sync was answered follow it: wait until it has them all.
    await waitFor(`seed ${SEED}: the newcomer has what Ana has`, () => sameState(newcomer, ana));
    const wb = newcomer.wb();
    expect(() => wb.toJSON()).not.toThrow();
    // Ana's list, kept up to date change by change, agrees with one made afresh.
    const fresh = new DamageWatch(wb);
    expect(anaWatch.report().total).toBe(fresh.report().total);
    expect(fresh.report().total).toBeGreaterThan(0);
    fresh.dispose();
    anaWatch.dispose();
    boCalc.dispose();
    const state = await fetch(`${server.url}/api/workbooks/fuzz/state`, { headers: { Authorization: `Bearer ${token}` } });
    expect(state.status).toBe(200);
    expect(server.proc.exitCode).toBeNull();
    expect(server.stdout().split('\n').filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
