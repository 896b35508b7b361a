/**
 * Property: after any sequence of random edits (values, keys, cell formulas, inserted, deleted and
 * moved rows, undo), the incrementally maintained engine shows exactly what an engine built afresh
 * shows. Seeded; a failure prints its seed and step (a failing seed becomes a named regression test).
 */
import { describe, expect, it } from 'vitest';
import { type CellValue } from '../../../src/schema/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { FormulaEngine, FormulaError, round15, type Scalar } from '../../../src/formula/index.ts';
import { seededRandom, type Random } from '../../support/random.ts';

const SKUS = ['A', 'B', 'C', 'D', 'E', 'F'];
const CATS = ['Kitchen', 'Home', 'Garden'];
const CELL_FORMULAS = [
  '=[#ordered] + 1',
  '=[#margin] * 10',
  '=ROUND([#share] * 100, 0)',
  '=IF([#cat] = "Home", 5, 1)',
  '=XLOOKUP("B", #p[#sku], #p[#price], 0)',
  '=SUM(#o[#units])',
  '=SUM(#p[#qty]) / 10',
  '=COUNTIF(#p[#margin], ">0.3")',
  '=[#p_missing] + 1',
];

/** Column formulas to switch between: some keep the column's type (recompiled in place), some change it (rebuild). */
const COLUMN_FORMULAS: [string, string[]][] = [
  ['margin', ['=([#price] - [#cost]) / [#price]', '=[#cost] / [#price]', '=IFERROR(1 - [#cost] / [#price], 0)']],
  ['flag', ['=IF([#margin] < 0.3, "low", "ok")', '=IF([#peers] > 1, "many", "one")', '=[#margin] < 0.3']],
  ['ordered', ['=SUMIF(#o[#prod], [#sku], #o[#units])', '=COUNTIF(#o[#prod], [#sku])', '=[#qty] * 2']],
];

const build = (rnd: Random): Workbook => {
  const wb = Workbook.create({ name: 'prop' }, { random: (n) => rnd.bytes(n) });
  wb.addSheet({ id: 'p', name: 'P', columns: [
    { id: 'sku', name: 'SKU', type: 'text', options: { key: true } },
    { id: 'cat', name: 'Cat', type: 'text' },
    { id: 'cost', name: 'Cost', type: 'currency' },
    { id: 'price', name: 'Price', type: 'currency' },
    { id: 'qty', name: 'Qty', type: 'integer' },
    { id: 'margin', name: 'Margin', type: 'percent', formula: '=([#price] - [#cost]) / [#price]' },
    { id: 'flag', name: 'Flag', type: 'text', formula: '=IF([#margin] < 0.3, "low", "ok")' },
    { id: 'peers', name: 'Peers', type: 'integer', formula: '=COUNTIFS(#p[#cat], [#cat])' },
    { id: 'share', name: 'Share', type: 'number', formula: '=[#cost] / SUMIF(#p[#cat], [#cat], #p[#cost])' },
    { id: 'dearer', name: 'Dearer', type: 'integer', formula: '=COUNTIF(#p[#price], ">" & [#price])' },
    { id: 'ordered', name: 'Ordered', type: 'integer', formula: '=SUMIF(#o[#prod], [#sku], #o[#units])' },
  ] });
  wb.addSheet({ id: 'o', name: 'O', columns: [
    { id: 'prod', name: 'Product', type: 'reference', options: { refSheet: 'p' } },
    { id: 'units', name: 'Units', type: 'integer' },
    { id: 'amount', name: 'Amount', type: 'currency', formula: '=[#prod].[#price] * [#units]' },
    { id: 'cost2', name: 'Cost', type: 'currency', formula: '=XLOOKUP([#prod], #p[#sku], #p[#cost], 0) * [#units]' },
  ] });
  wb.addSheet({ id: 's', name: 'S', columns: [
    { id: 'total', name: 'Total', type: 'currency', formula: '=SUM(#o[#amount])' },
    { id: 'kitchen', name: 'Kitchen', type: 'integer', formula: '=SUMIFS(#p[#qty], #p[#cat], "Kitchen")' },
    { id: 'avg', name: 'Avg', type: 'currency', formula: '=AVERAGEIF(#p[#cat], "Home", #p[#price])' },
    { id: 'med', name: 'Median', type: 'currency', formula: '=MEDIAN(#p[#price])' },
    { id: 'big', name: 'Big', type: 'integer', formula: '=SUMIFS(#p[#qty], #p[#price], ">10", #p[#cat], "<>Garden")' },
    { id: 'wild', name: 'Wild', type: 'integer', formula: '=COUNTIF(#o[#prod], "?")' },
    { id: 'note', name: 'Note', type: 'number' },
  ] });
  wb.appendRows('p', ['sku', 'cat', 'cost', 'price', 'qty'], SKUS.slice(0, 4).map((s, i) => [s, CATS[i % 3] ?? 'Home', 2 + i, 5 + 2 * i, 10 * i]));
  wb.appendRows('o', ['prod', 'units'], [['A', 1], ['B', 2], ['Z', 3], ['A', 4]]);
  wb.insertRows('s', { count: 2 });
  wb.clearHistory();
  return wb;
};

const randomValue = (rnd: Random, col: string): CellValue => {
  if (rnd.chance(0.08)) return null;
  switch (col) {
    case 'sku':
    case 'prod':
      return rnd.pick(SKUS);
    case 'cat':
      return rnd.pick(CATS);
    case 'cost':
    case 'price':
      return Math.round(rnd.next() * 2000) / 100;
    default:
      return rnd.int(20);
  }
};

const INPUTS: Record<string, string[]> = { p: ['sku', 'cat', 'cost', 'price', 'qty'], o: ['prod', 'units'], s: ['note'] };

/** One random edit; returns what it did (for the failure message). */
const edit = (wb: Workbook, rnd: Random): string => {
  const sheet = rnd.pick(['p', 'p', 'o', 's']);
  const rows = wb.rowIds(sheet);
  const k = rnd.int(100);
  if (k < 45 && rows.length > 0) {
    const col = rnd.pick(INPUTS[sheet] ?? []);
    const v = randomValue(rnd, col);
    wb.setCell(sheet, rnd.pick(rows), col, v);
    return `set ${sheet}.${col} = ${JSON.stringify(v)}`;
  }
  if (k < 58 && rows.length > 0 && sheet !== 'o') {
    const col = sheet === 'p' ? rnd.pick(['qty', 'cost', 'price', 'margin', 'peers']) : 'note';
    const f = rnd.pick(CELL_FORMULAS);
    wb.setCell(sheet, rnd.pick(rows), col, { f });
    return `cell formula ${sheet}.${col} ${f}`;
  }
  if (k < 63) {
    const [col, options] = rnd.pick(COLUMN_FORMULAS);
    const f = rnd.pick(options);
    wb.setColumnFormula('p', col, f);
    return `column formula p.${col} ${f}`;
  }
  if (k < 70 && sheet !== 's') {
    const cols = INPUTS[sheet] ?? [];
    const values = Object.fromEntries(cols.map((c) => [c, randomValue(rnd, c)]));
    wb.insertRows(sheet, { index: rnd.int(rows.length + 1), values: [values] });
    return `insert into ${sheet}`;
  }
  if (k < 80 && rows.length > 1 && sheet !== 's') {
    wb.deleteRows(sheet, [rnd.pick(rows)]);
    return `delete from ${sheet}`;
  }
  if (k < 90 && rows.length > 1) {
    const r = rnd.pick(rows);
    const before = rnd.pick(rows);
    if (r !== before) wb.moveRows(sheet, [r], rnd.chance(0.2) ? null : before);
    return `move in ${sheet}`;
  }
  wb.undo();
  return 'undo';
};

const norm = (v: Scalar): unknown =>
  v instanceof FormulaError ? `${v.code} ${v.code === '#CYCLE!' ? '' : v.message}` : typeof v === 'number' ? round15(v) : v;

/** Every computed cell by "sheet row col". */
const cellsOf = (wb: Workbook, engine: FormulaEngine): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  for (const s of wb.sheets()) {
    const rows = wb.rowIds(s.id);
    for (const c of wb.columns(s.id)) engine.column(s.id, c.id).values.forEach((v, i) => out.set(`${s.id} ${rows[i]} ${c.id}`, norm(v)));
  }
  return out;
};

const run = (seed: number, steps: number): void => {
  const rnd = seededRandom(seed);
  const wb = build(rnd);
  const live = FormulaEngine.attach(wb);
  const reported = new Set<string>();
  live.onRecalc((e) => {
    for (const [sheet, r] of e.sheets) {
      for (const c of r.columns) reported.add(`${sheet} * ${c}`);
      for (const [row, cols] of r.cells) for (const c of cols) reported.add(`${sheet} ${row} ${c}`);
    }
  });
  const log: string[] = [];
  let before = cellsOf(wb, live);
  for (let i = 0; i < steps; i++) {
    reported.clear();
    log.push(edit(wb, rnd));
    const where = `seed ${seed}, step ${i}: ${log.slice(-5).join('; ')}`;
    const now = cellsOf(wb, live);
    expect(Object.fromEntries(now), where).toEqual(Object.fromEntries(cellsOf(wb, new FormulaEngine(wb))));
    // Every value that changed was reported by the recalculation event (the grid repaints only those).
    const unreported = [...now].filter(([k, v]) => before.has(k) && !Object.is(before.get(k), v) && before.get(k) !== v)
      .map(([k]) => k)
      .filter((k) => !reported.has(k) && !reported.has(k.replace(/ \S+ (\S+)$/, ' * $1')));
    expect(unreported, where).toEqual([]);
    before = now;
  }
};

describe('incremental recalculation equals a full recalculation', () => {
  const seeds = Array.from({ length: Number(process.env.FORMULA_SEEDS ?? 24) }, (_, i) => Number(process.env.FORMULA_SEED0 ?? 1000) + i);
  it.each(seeds)('after 60 random edits (seed %i)', (seed) => run(seed, 60));
});
