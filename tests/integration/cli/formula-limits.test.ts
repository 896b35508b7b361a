/**
 * The formula attacks of issue 16 against the real CLI (`npm run -s workbook -- …`, its own
 * process), typed on the command line and in a stored workbook written by a client that runs no
 * checks: each is answered with an error value, and the command ends normally.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { createWorkbook } from '../../../server/store/stored-workbook.ts';
import { ROOT } from '../../support/app-server.ts';
import { addChain, addDeepColumn, NESTED_PARENS, NESTED_SUBSTITUTE } from '../../support/formula-attacks.ts';
import { tempDataDir, withTestStore } from '../relay/fixtures.ts';

const DEPTH = 'this formula nests more than 100 levels deep (parentheses, functions and operators inside one another); split it over helper columns';

/** `npm run -s workbook -- …` as a person types it; a hang fails the test instead of stalling it. */
const workbook = (dataDir: string, ...args: string[]) => {
  const r = spawnSync('npm', ['run', '-s', 'workbook', '--', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir }, timeout: 60_000,
  });
  const lines = () => r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
};

describe('CLI: formula attacks typed on the command line', () => {
  test('attack: eval of 1,000 nested parentheses prints #TYPE! with the limit; nested SUBSTITUTE prints #VALUE!; the next formula still computes', () => {
    const r = workbook(tempDataDir(), 'eval', NESTED_PARENS, NESTED_SUBSTITUTE, '=1+1');
    expect(r.stderr).toBe('');
    expect(r.lines()).toEqual([
      { error: '#TYPE!', message: `${DEPTH} (at characters 101–102)` },
      { error: '#VALUE!', message: 'SUBSTITUTE would make a text of 100,000 characters; at most 32,767 are allowed' },
      { value: 2, type: 'integer' },
    ]);
    expect(r.code).toBe(1);
  });
});

describe('CLI: a stored workbook with a 3,000-level column formula and a 10,000-row lookup chain', () => {
  const dataDir = tempDataDir();
  beforeAll(() =>
    withTestStore(dataDir, async (store) => {
      // Written straight into the document, as a client that checks nothing would.
      const hostile = createDemoWorkbook('2026-11-29');
      addDeepColumn(hostile);
      addChain(hostile, 'attack');
      await createWorkbook(store, 'hostile', hostile);
      const loop = createDemoWorkbook('2026-11-29');
      addChain(loop, 'cycle');
      await createWorkbook(store, 'loop', loop);
    }),
  );

  test('attack: eval --workbook answers each with an error value, and the rest of the workbook computes', () => {
    const r = workbook(dataDir, 'eval', '--workbook', 'hostile', '=SUM(Deep[Deeper])', '=XLOOKUP(10000, Chain[N], Chain[V])', '=COUNTA(Chain[N])', '=COUNTA(Products[SKU])');
    expect(r.stderr).toBe('');
    expect(r.lines()).toEqual([
      { error: '#VALUE!', message: DEPTH },
      { error: '#N/A', message: '0 was not found' },
      { value: 10_000, type: 'integer' },
      { value: 200, type: 'integer' },
    ]);
    expect(r.code).toBe(0);
  });

  test('a chain of 10,000 rows that comes back to its start is #CYCLE!', () => {
    const r = workbook(dataDir, 'eval', '--workbook', 'loop', '=XLOOKUP(5000, Chain[N], Chain[V])');
    expect(r.lines()).toEqual([{ error: '#CYCLE!', message: expect.stringMatching(/^circular reference: a chain of cells too long to list, through Chain\[V\] row /) }]);
    expect(r.code).toBe(0);
  });

  test('attack: export writes each sheet, the attacked cells as their error values', () => {
    const out = join(dataDir, 'out');
    const r = workbook(dataDir, 'export', '--workbook', 'hostile', '--out', out, '--sheet', 'Deep', '--sheet', 'Chain');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = (name: string) => readFileSync(join(out, name), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines('Deep.csv')).toEqual(['Qty,Deeper', '1,#VALUE!', '2,#VALUE!', '3,#VALUE!']);
    const chain = lines('Chain.csv');
    expect(chain.length).toBe(10_001);
    expect([chain[0], chain[1], chain[10_000]]).toEqual(['N,V', '1,#N/A', '10000,#N/A']);
  });
});
