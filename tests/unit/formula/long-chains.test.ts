/**
 * Seeded: rows that each look up a parent row (XLOOKUP), in chains of hundreds and with cycles, edited
 * at random. The engine evaluates such chains from a work stack when they are deeper than the call
 * stack allows; after every edit the live engine, and now and then a fresh one, must agree with a
 * direct computation: a row is its weight plus its parent's value, #CYCLE! when its parents loop.
 */
import { describe, expect, it } from 'vitest';
import { FormulaEngine, FormulaError, type Scalar } from '../../../src/formula/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import type { CellValue } from '../../../src/schema/types.ts';
import { seededRandom, type Random } from '../../support/random.ts';

const ROWS = 1200;
const S = 'g';

const build = (rnd: Random): Workbook => {
  const wb = Workbook.create({ name: 'Chains' }, { random: (k) => rnd.bytes(k) });
  wb.addSheet({
    id: S,
    name: 'G',
    columns: [
      { id: 'n', name: 'N', type: 'integer', options: { key: true } },
      { id: 'p', name: 'Parent', type: 'integer' },
      { id: 'w', name: 'W', type: 'integer' },
      { id: 'v', name: 'V', type: 'number', formula: `=XLOOKUP([#p], #${S}[#n], #${S}[#v], 0) + [#w]` },
    ],
  });
  // Mostly one long chain (each row's parent is the row before), with a few jumps and starts.
  const rows: CellValue[][] = Array.from({ length: ROWS }, (_, i) => {
    const p = i === 0 || rnd.chance(0.002) ? null : rnd.chance(0.004) ? 1 + rnd.int(ROWS) : i;
    return [i + 1, p, rnd.int(10)];
  });
  wb.appendRows(S, ['n', 'p', 'w'], rows);
  return wb;
};

/** Every row's value, computed directly: follows parents iteratively, a loop gives #CYCLE! to all that reach it. */
const expected = (wb: Workbook): (number | string)[] => {
  const rows = wb.rowIds(S);
  const byN = new Map<number, number>();
  rows.forEach((r, i) => {
    const n = wb.cell(S, r, 'n');
    if (typeof n === 'number' && !byN.has(n)) byN.set(n, i);
  });
  const parent = rows.map((r) => {
    const p = wb.cell(S, r, 'p');
    return typeof p === 'number' ? (byN.get(p) ?? -1) : -1;
  });
  const weight = rows.map((r) => Number(wb.cell(S, r, 'w') ?? 0));
  const out: (number | string | undefined)[] = new Array(rows.length);
  const onPath = new Set<number>();
  for (let start = 0; start < rows.length; start++) {
    const path: number[] = [];
    let i = start;
    while (i >= 0 && out[i] === undefined && !onPath.has(i)) {
      path.push(i);
      onPath.add(i);
      i = parent[i] ?? -1;
    }
    let below: number | string = i < 0 ? 0 : onPath.has(i) ? '#CYCLE!' : (out[i] ?? 0);
    for (let k = path.length - 1; k >= 0; k--) {
      const at = path[k] ?? 0;
      below = typeof below === 'string' ? below : below + (weight[at] ?? 0);
      out[at] = below;
    }
    onPath.clear();
  }
  return out.map((v) => v ?? '?');
};

const shown = (v: Scalar): number | string => (v instanceof FormulaError ? v.code : typeof v === 'number' ? v : String(v));

const edit = (wb: Workbook, rnd: Random, step: number): string => {
  const rows = wb.rowIds(S);
  const i = rnd.int(rows.length);
  const row = rows[i] ?? '';
  const k = rnd.int(100);
  const nOf = (j: number) => wb.cell(S, rows[j] ?? '', 'n');
  if (k < 25) return (wb.setCell(S, row, 'p', nOf(i - 1)), `row ${i + 1} follows the row before`);
  if (k < 40) return (wb.setCell(S, row, 'p', 1 + rnd.int(ROWS + 20)), `row ${i + 1} jumps`);
  // Often a loop longer than the stack allows, when the rows between still follow each other.
  if (k < 50) return (wb.setCell(S, row, 'p', nOf(i + 300 + rnd.int(400))), `row ${i + 1} follows a row far after`);
  if (k < 55) return (wb.setCell(S, row, 'p', nOf(i + 1)), `row ${i + 1} follows the row after`);
  if (k < 62) return (wb.setCell(S, row, 'p', null), `row ${i + 1} starts a chain`);
  if (k < 82) return (wb.setCell(S, row, 'w', rnd.int(10)), `row ${i + 1} weighs anew`);
  if (k < 91) return (wb.deleteRows(S, [row]), `row ${i + 1} deleted`);
  wb.appendRows(S, ['n', 'p', 'w'], [[ROWS + 100 + step, nOf(rows.length - 1), rnd.int(10)]]);
  return 'a row added at the end';
};

const run = (seed: number, steps: number): void => {
  const rnd = seededRandom(seed);
  const wb = build(rnd);
  const live = FormulaEngine.attach(wb);
  const log: string[] = [];
  expect(live.column(S, 'v').values.map(shown), `seed ${seed}, built`).toEqual(expected(wb));
  for (let step = 0; step < steps; step++) {
    log.push(edit(wb, rnd, step));
    const where = `seed ${seed}, step ${step}: ${log.slice(-4).join('; ')}`;
    const want = expected(wb);
    expect(live.column(S, 'v').values.map(shown), where).toEqual(want);
    if (step % 10 === 9) expect(new FormulaEngine(wb).column(S, 'v').values.map(shown), `${where} (fresh engine)`).toEqual(want);
  }
};

describe('long chains of lookups, edited at random, equal a direct computation', () => {
  const seeds = Array.from({ length: Number(process.env.CHAIN_SEEDS ?? 4) }, (_, i) => Number(process.env.CHAIN_SEED0 ?? 7000) + i);
  it.each(seeds)('after 40 random edits (seed %i)', (seed) => run(seed, 40));
});
