/**
 * CLI `export` and `eval` on workbooks a hostile editor wrote into, as their own processes: the
 * findings of issue 16 (they crashed with a stack trace) and a sample of the seeded hostile updates
 * (tests/support/hostile-updates.ts). Each exports every sheet and answers every formula, and says
 * on stderr how many entries are damaged.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/demo.ts';
import { Workbook } from '../../../src/model/index.ts';
import { openStore } from '../../../server/store/open-store.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { hostileCases } from '../../support/hostile-updates.ts';
import { peerUpdate, type PeerDoc } from '../../support/peer-write.ts';
import { seededRandom } from '../../support/random.ts';
import { runCli, tempDataDir } from '../relay/fixtures.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 16);
const TODAY = '2026-11-29';
const base = createDemoWorkbook(TODAY, { random: seededRandom(SEED).bytes, clientId: 7 });
const baseBytes = base.encode();
const products = base.sheetByName('Products')?.id ?? '';
const cost = base.columnByName(products, 'Cost')?.id ?? '';

/** The findings, as a peer writes them. */
const FINDINGS: Record<string, (p: PeerDoc) => void> = {
  'sheet-name-object': (p) => p.sheet(products).set('name', { toString: 1 }),
  'locale-proto': (p) => p.settings.set('locale', '__proto__'),
  'unknown-column-type': (p) => p.column(products, cost).set('type', 'money'),
};
/** Seeded hostile updates whose workbooks also go through the CLI processes. */
const SAMPLE = hostileCases(baseBytes, base, SEED, 60).filter((_c, i) => i % 10 === 3);

const dataDir = tempDataDir();
beforeAll(async () => {
  const store = await openStore({ dataDir });
  try {
    for (const [id, write] of Object.entries(FINDINGS)) {
      const wb = Workbook.load(baseBytes);
      wb.applyUpdate(peerUpdate(baseBytes, write));
      await createWorkbook(store, id, wb);
    }
    for (const c of SAMPLE) {
      const wb = Workbook.load(baseBytes);
      wb.applyUpdate(c.update);
      await createWorkbook(store, `fuzz-${c.index}`, wb);
    }
  } finally {
    await store.close();
  }
});

const exportAndEval = async (id: string): Promise<void> => {
  const out = join(tempDataDir(), 'out');
  const exported = await runCli(dataDir, ['export', '--workbook', id, '--out', out, '--today', TODAY]);
  expect(exported.stderr).not.toMatch(/\n\s+at /);
  expect(exported.code, exported.stderr).toBe(0);
  expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  expect(readdirSync(out).filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
  const evaluated = await runCli(dataDir, ['eval', '--workbook', id, '=SUM(Inventory[On hand])', '=COUNTA(Products[SKU])', '=1+1']);
  expect(evaluated.stderr).not.toMatch(/\n\s+at /);
  expect(evaluated.code, evaluated.stderr).toBe(0);
  const lines = evaluated.stdout.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(JSON.parse(lines[2] ?? '')).toEqual({ value: 2, type: 'integer' });
};

describe('issue 16: CLI export and eval on a broken workbook', () => {
  test.each(Object.keys(FINDINGS))('%s: export and eval run, and say the workbook needs repair', async (id) => {
    await exportAndEval(id);
    const again = await runCli(dataDir, ['eval', '--workbook', id, '=1']);
    expect(again.stderr).toMatch(/1 entry of workbook ".*" is damaged/);
  });

  test('the column of an unknown type is left out of the export, the rest is there', async () => {
    const out = join(tempDataDir(), 'out');
    expect((await runCli(dataDir, ['export', '--workbook', 'unknown-column-type', '--sheet', 'Products', '--out', out, '--today', TODAY])).code).toBe(0);
    const csv = readdirSync(out).find((f) => f.endsWith('.csv')) ?? '';
    const { readFileSync } = await import('node:fs');
    const header = readFileSync(join(out, csv), 'utf8').split('\r\n')[0] ?? '';
    expect(header).toContain('SKU');
    expect(header).not.toContain('Cost');
  });
});

describe(`seeded hostile updates (seed ${SEED}) through CLI export and eval`, () => {
  test.each(SAMPLE.map((c) => [c.index, c.label] as const))('update #%i (%s)', async (index) => {
    await exportAndEval(`fuzz-${index}`);
  });
});
