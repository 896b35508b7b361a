/**
 * Formula limits (issue 16): how fast each attack is answered with an error value — by the engine
 * (as the app and the CLI run it) and by the CLI as a whole process, start-up included — and how
 * long a recalculation that runs out of steps takes before it stops.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_SOURCE, evaluateInWorkbook, FormulaEngine } from '../../src/formula/index.ts';
import { Workbook } from '../../src/model/index.ts';
import { createDemoWorkbook } from '../../sheets/index.ts';
import { openStore } from '../../server/store/open-store.ts';
import { createWorkbook } from '../../server/store/stored-workbook.ts';
import { addChain, addDeepColumn, NESTED_PARENS, NESTED_SUBSTITUTE, type ChainKind } from '../support/formula-attacks.ts';
import { since, type Bench, type Figure } from './harness.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SECOND = { budget: '≤ 1 s', ok: (ms: number) => ms <= 1000 };

/** Milliseconds `fn` takes, and what it returned. */
const timed = <T,>(fn: () => T): [number, T] => {
  const t = performance.now();
  const r = fn();
  return [since(t), r];
};

/** A whole CLI process (`node --import tsx server/cli.ts …`, as npm runs it), in ms. */
const cli = (dataDir: string, ...args: string[]): number => {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`workbook ${args[0]} failed: ${r.stderr}`);
  return since(t);
};

const chainWorkbook = (kind: ChainKind): Workbook => {
  const wb = Workbook.create({ name: 'chain' });
  addChain(wb, kind);
  return wb;
};

export const formulaLimitsBench: Bench = {
  name: 'formula-limits',
  title: 'Formula limits: the attacks of issue 16, each answered with an error value',
  run: async () => {
    const figs: Figure[] = [];
    const engineFig = (what: string, ms: number, note?: string) =>
      figs.push({ what, value: ms, unit: 'ms', budget: SECOND.budget, ok: SECOND.ok(ms), ...(note ? { note } : {}) });

    const [parens, p] = timed(() => evaluateInWorkbook(EMPTY_SOURCE, NESTED_PARENS));
    engineFig('1,000 nested parentheses: refused (eval)', parens, 'error' in p ? p.error : 'no error');
    const [subst, s] = timed(() => evaluateInWorkbook(EMPTY_SOURCE, NESTED_SUBSTITUTE));
    engineFig('nested SUBSTITUTE (10^9 characters if built): #VALUE! (eval)', subst, 'error' in s ? s.error : 'no error');

    // The stored workbook of the CLI tests: the demo shop, a 3,000-level column formula and a 10,000-row chain.
    const hostile = createDemoWorkbook('2026-11-29');
    addDeepColumn(hostile);
    addChain(hostile, 'attack');
    const update = hostile.encode();
    const [load, stored] = timed(() => Workbook.load(update));
    figs.push({ what: 'demo + 3,000-level column + 10,000-row chain: load the stored workbook (not formulas)', value: load, unit: 'ms' });
    const [compute, answer] = timed(() => evaluateInWorkbook(stored, ['=SUM(Deep[Deeper])', '=XLOOKUP(10000, Chain[N], Chain[V])']));
    engineFig(
      'the same: compute every cell and answer (eval --workbook)',
      compute,
      answer.map((a) => ('error' in a ? a.error : String(a.value))).join(', '),
    );
    for (const kind of ['base', 'cycle'] as const) {
      const wb = chainWorkbook(kind);
      const [ms, last] = timed(() => new FormulaEngine(wb).column('chain', 'v').values[9999]);
      engineFig(`10,000-row chain ${kind === 'base' ? 'with a start' : 'that loops back'}: compute every row`, ms, String(last));
    }

    // Out of steps: every row keeps running totals over all 5,000 rows (1.25·10^8 steps).
    const heavy = Workbook.create({ name: 'heavy' });
    heavy.addSheet({ id: 'h', name: 'H', columns: [
      { id: 'n', name: 'N', type: 'integer' },
      { id: 'above', name: 'Above', type: 'integer', formula: '=COUNTIF(#h[#n], ">" & [#n])' },
    ] });
    heavy.appendRows('h', ['n'], Array.from({ length: 5000 }, (_, i) => [i + 1]));
    const [over, stopped] = timed(() => new FormulaEngine(heavy).column('h', 'above').values.filter((v) => typeof v !== 'number').length);
    figs.push({
      what: 'a recalculation out of steps (5,000 rows, each scanning all): until it stops', value: over, unit: 'ms',
      note: `${stopped.toLocaleString('en')} cells not computed; about a second on a quiet machine`,
    });

    // The CLI as a person runs it: the process, start-up included.
    const dataDir = mkdtempSync(join(tmpdir(), 'wb-limits-bench-'));
    try {
      const store = await openStore({ dataDir });
      try {
        await createWorkbook(store, 'hostile', Workbook.load(update));
      } finally {
        await store.close();
      }
      const base = cli(dataDir, 'eval', '=1+1');
      figs.push({ what: 'CLI process: eval "=1+1" (start-up, for comparison)', value: base, unit: 'ms' });
      figs.push({ what: 'CLI process: eval of both formula attacks', value: cli(dataDir, 'eval', NESTED_PARENS, NESTED_SUBSTITUTE), unit: 'ms' });
      figs.push({ what: 'CLI process: eval --workbook of the stored attacks', value: cli(dataDir, 'eval', '--workbook', 'hostile', '=SUM(Deep[Deeper])'), unit: 'ms' });
      figs.push({ what: 'CLI process: export of the stored attacks', value: cli(dataDir, 'export', '--workbook', 'hostile', '--out', join(dataDir, 'out')), unit: 'ms' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    return figs;
  },
};
