/** Find's index read in slices in the background: bounded slices, progress, edits during the build, the kept index, saved views. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { setColumnFormulaText } from '../../../src/app/edit-commands.ts';
import { FindBuild, type FindProgress } from '../../../src/app/find-build.ts';
import { FindIndex } from '../../../src/app/find-index.ts';
import { keptFind } from '../../../src/app/find-keeper.ts';
import { ViewOrders } from '../../../src/app/view-orders.ts';
import { findInWorkbook, type FindQuery, type FindResult, type FindSource } from '../../../src/app/workbook-find.ts';
import type { CalcService } from '../../../src/app/calc-service.ts';
import { Workbook } from '../../../src/model/index.ts';
import type { FormatContext } from '../../../src/schema/format-value.ts';
import { seededRandom, type Random } from '../../support/random.ts';

const FORMAT: FormatContext = { locale: 'en', currency: 'CNY' };
const ROWS = 600;
const WORDS = ['mug', 'plate', 'bowl', 'stand', 'Mug shelf', 'cup'];

let wb: Workbook;
let calc: CalcService;
let products: string;
let stock: string;
let stops: (() => void)[];

const col = (sheet: string, name: string): string => wb.columnByName(sheet, name)?.id ?? '';

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop', currency: 'CNY' });
  products = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'SKU', type: 'text' },
      { name: 'Name', type: 'text' },
      { name: 'Price', type: 'currency' },
      { name: 'Active', type: 'boolean' },
      { name: 'Double', type: 'currency' },
    ],
  });
  wb.appendRows(products, ['SKU', 'Name', 'Price', 'Active'].map((n) => col(products, n)), Array.from({ length: ROWS }, (_, i) => [`SKU-${i}`, `${WORDS[i % WORDS.length]} ${i}`, (i * 37) % 1000, i % 2 === 0]));
  stock = wb.addSheet({ name: 'Stock', columns: [{ name: 'Note', type: 'text' }, { name: 'Units', type: 'integer' }] });
  wb.appendRows(stock, [col(stock, 'Note'), col(stock, 'Units')], Array.from({ length: 200 }, (_, i) => [`${WORDS[i % 3]} bin ${i}`, i % 50]));
  calc = engineCalc(wb, () => 'en', { today: '2027-01-10' });
  expect(setColumnFormulaText({ wb, calc }, products, col(products, 'Double'), '=[Price] * 2')).toEqual({ ok: true });
  stops = [];
});
afterEach(() => {
  for (const stop of stops) stop();
  calc.dispose();
});

/** An index following the workbook and a build over it, with slices run by hand (`tasks`) on a clock that moves 1 ms per look. */
const setup = () => {
  const index = new FindIndex(wb, calc);
  stops.push(index.follow());
  const tasks: (() => void)[] = [];
  let clock = 0;
  const build = new FindBuild(index, (fn) => tasks.push(fn), () => clock++);
  return { index, build, tasks };
};

const q = (text: string, more: Partial<FindQuery> = {}): FindQuery => ({ text, scope: 'workbook', sheetId: products, matchCase: false, wholeCell: false, ...more });
const QUERIES = (): FindQuery[] => [q('mug'), q('1,2'), q('¥'), q('TRUE'), q('SKU-5'), q('bin 1', { scope: 'sheet', sheetId: stock }), q('Plate', { matchCase: true, wholeCell: false }), q('9')];

/** What the search found, as text (sheet, row, column of every hit; counts). */
const shown = (r: FindResult): string => JSON.stringify({ total: r.total, hidden: r.hidden, hits: r.hits.map((h) => `${h.sheetId}/${h.rowId}/${h.colId}`) });
/** The result of a search over an index read in slices against one read at once, now. */
const sameAsReadAtOnce = (index: FindIndex, query: FindQuery, more: Partial<FindSource> = {}): void => {
  const sliced = findInWorkbook({ wb, calc, format: FORMAT, index, readSoFar: true, ...more }, query);
  expect(sliced.complete).toBe(true);
  expect(shown(sliced)).toBe(shown(findInWorkbook({ wb, calc, format: FORMAT, index: new FindIndex(wb, calc), ...more }, query)));
};

/** A random edit someone could make while the workbook is being read. */
const randomEdit = (rnd: Random): void => {
  const rows = wb.rowIds(products);
  const row = rows[rnd.int(rows.length)] ?? '';
  switch (rnd.int(6)) {
    case 0:
      return void wb.setCell(products, row, col(products, 'Name'), `${rnd.pick(WORDS)} edited ${rnd.int(1000)}`);
    case 1:
      // The formula column's cell changes with it.
      return void wb.setCell(products, row, col(products, 'Price'), rnd.int(5000) / 4);
    case 2:
      return void wb.setCell(products, row, col(products, 'Active'), rnd.chance(0.5));
    case 3: {
      const s = wb.rowIds(stock);
      return void wb.setCell(stock, s[rnd.int(s.length)] ?? '', col(stock, 'Note'), `zebra ${rnd.int(100)}`);
    }
    case 4:
      return void wb.appendRows(products, [col(products, 'SKU'), col(products, 'Name')], [[`NEW-${rnd.int(100)}`, 'mug new']]);
    default:
      return void wb.setCell(products, row, col(products, 'SKU'), null);
  }
};

describe('the sliced build', () => {
  test('no slice reads more cells than its bound; progress only grows, to 100 %; the open sheet is read first', () => {
    const seed = Date.now() % 100_000;
    const rnd = seededRandom(seed);
    const { build } = setup();
    build.start(stock, FORMAT);
    const stockCells = 200 * 2;
    let last = build.progress();
    expect(last).toEqual({ read: 0, total: ROWS * 5 + stockCells, complete: false });
    let steps = 0;
    while (!last.complete) {
      const bound = 1 + rnd.int(300);
      const n = build.step(bound);
      const p = build.progress();
      expect(n, `seed ${seed}`).toBeLessThanOrEqual(bound);
      expect(n, `seed ${seed}`).toBeGreaterThan(0);
      expect(p.read - last.read, `seed ${seed}`).toBe(n);
      expect(p.total).toBe(last.total);
      // Stock, the open sheet, is read whole before any of Products.
      if (p.read <= stockCells) expect(build.sheetRead(products)).toBe(false);
      if (p.read >= stockCells) expect(build.sheetRead(stock), `seed ${seed}`).toBe(true);
      last = p;
      steps++;
    }
    expect(last.read).toBe(last.total);
    expect(build.step(100)).toBe(0);
    expect(steps).toBeGreaterThan(5);
  });

  test('searches while it builds find what was read so far and say so; once read, the same as reading at once', () => {
    const { index, build } = setup();
    build.start(products, FORMAT);
    const src: FindSource = { wb, calc, format: FORMAT, index, readSoFar: true };
    expect(findInWorkbook(src, q('mug'))).toMatchObject({ total: 0, complete: false });
    build.step(ROWS * 2 - 100);
    const part = findInWorkbook(src, q('mug'));
    expect(part.complete).toBe(false);
    const all = findInWorkbook({ wb, calc, format: FORMAT, index: new FindIndex(wb, calc) }, q('mug'));
    expect(part.total).toBeGreaterThan(0);
    expect(part.total).toBeLessThan(all.total);
    // What was found so far is found, in the same order.
    const found = new Set(all.hits.map((h) => `${h.rowId} ${h.colId}`));
    expect(part.hits.every((h) => found.has(`${h.rowId} ${h.colId}`))).toBe(true);
    while (build.step(500) > 0);
    for (const query of QUERIES()) sameAsReadAtOnce(index, query);
  });

  test('edits during the build are in the results, in columns read before and after them (seeded)', () => {
    for (let run = 0; run < 4; run++) {
      const seed = (Date.now() + run * 7919) % 1_000_000;
      const rnd = seededRandom(seed);
      const { index, build } = setup();
      build.start(rnd.chance(0.5) ? products : stock, FORMAT);
      let guard = 0;
      while (!build.progress().complete && guard++ < 10_000) {
        build.step(1 + rnd.int(400));
        for (let k = rnd.int(3); k > 0; k--) randomEdit(rnd);
        // A search in the middle reads the changed rows again; the build goes on after it.
        if (rnd.chance(0.2)) findInWorkbook({ wb, calc, format: FORMAT, index, readSoFar: true }, q(rnd.pick(WORDS)));
      }
      expect(build.progress().complete, `seed ${seed}`).toBe(true);
      for (const query of [...QUERIES(), q('edited'), q('zebra'), q('mug new')]) {
        try {
          sameAsReadAtOnce(index, query);
        } catch (e) {
          throw new Error(`seed ${seed}, query ${query.text}: ${String(e)}`);
        }
      }
    }
  });

  test('slices run as tasks of their own until all is read, and again when an edit throws rows away; none while paused', () => {
    const { index, build, tasks } = setup();
    const seen: FindProgress[] = [];
    build.onProgress((p) => seen.push(p));
    build.start(products, FORMAT);
    const run = () => {
      let n = 0;
      for (let t = tasks.shift(); t; t = tasks.shift()) (t(), n++);
      return n;
    };
    // The test clock moves 1 ms a look: a 10 ms slice reads a few chunks, not everything.
    expect(run()).toBeGreaterThan(1);
    expect(seen.at(-1)?.complete).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.read).toBeGreaterThanOrEqual(seen[i - 1]?.read ?? 0);
    expect(build.stats.slices).toBe(seen.length);
    // Rows added: the sheet is read again, in the background.
    wb.appendRows(products, [col(products, 'Name')], [['mug extra']]);
    expect(tasks.length).toBe(1);
    run();
    expect(build.progress().complete).toBe(true);
    sameAsReadAtOnce(index, q('mug extra'));
    // Paused (the bar closed): edits only mark what to read again; nothing runs.
    build.pause();
    wb.appendRows(products, [col(products, 'Name')], [['mug later']]);
    wb.setCell(stock, wb.rowIds(stock)[0] ?? '', col(stock, 'Note'), 'mug while closed');
    expect(tasks.length).toBe(0);
    expect(build.progress().complete).toBe(false);
    build.start(products, FORMAT);
    run();
    sameAsReadAtOnce(index, q('mug while closed'));
    sameAsReadAtOnce(index, q('mug later'));
  });
});

describe('the kept index', () => {
  test('one per workbook and engine: asked again, the same, already read; another workbook drops it', () => {
    const kept = keptFind(wb, calc);
    stops.push(() => kept.drop());
    expect(keptFind(wb, calc)).toBe(kept);
    kept.build.start(products, FORMAT);
    while (kept.build.step(1000) > 0);
    kept.build.pause();
    // Closed and opened again: nothing to read.
    expect(keptFind(wb, calc).build.progress().complete).toBe(true);
    expect(kept.index.footprint().cells).toBe(ROWS * 5 + 400);
    const other = Workbook.create({ name: 'Other' });
    const otherCalc = engineCalc(other, () => 'en');
    const next = keptFind(other, otherCalc);
    expect(next).not.toBe(kept);
    expect(kept.index.footprint().cells).toBe(0);
    next.drop();
    otherCalc.dispose();
  });
});

describe('the person\'s saved view of every sheet', () => {
  test('matches follow each sheet\'s saved sort; those in rows its filter hides are counted apart, not listed', () => {
    const orders = new ViewOrders(wb, calc);
    stops.push(orders.follow());
    const index = new FindIndex(wb, calc);
    stops.push(index.follow());
    const note = col(stock, 'Note');
    const views = new Map([[stock, { sort: [{ colId: col(stock, 'Units'), sort: 'desc' as const }], filters: { [col(stock, 'Units')]: { op: 'greater' as const, value: 9 } } }]]);
    const src: FindSource = { wb, calc, format: FORMAT, index, rowOrder: (s) => { const v = views.get(s); return v ? orders.rows(s, v, FORMAT) : undefined; } };
    const r = findInWorkbook(src, q('bowl bin', { scope: 'workbook' }));
    const units = (rowId: string) => Number(calc.value(stock, rowId, col(stock, 'Units')));
    const listed = r.hits.map((h) => units(h.rowId));
    // Units above 9 only, highest first; bowl bins with 0–9 units are hidden by the filter.
    expect(listed.every((u) => u > 9)).toBe(true);
    expect([...listed].sort((a, b) => b - a)).toEqual(listed);
    const all = findInWorkbook({ ...src, rowOrder: undefined }, q('bowl bin'));
    const hiddenByFilter = all.hits.filter((h) => units(h.rowId) <= 9).length;
    expect(hiddenByFilter).toBeGreaterThan(0);
    expect(r.hidden).toBe(hiddenByFilter);
    expect(r.sheets).toEqual([expect.objectContaining({ sheetId: stock, count: listed.length, hidden: hiddenByFilter })]);
    // An edit moves a row into the view: the kept order follows it.
    const row = r.hits[0]?.rowId ?? '';
    const low = all.hits.find((h) => units(h.rowId) <= 9)?.rowId ?? '';
    wb.setCell(stock, low, col(stock, 'Units'), 99);
    const after = findInWorkbook(src, q('bowl bin'));
    expect(after.hits[0]?.rowId).toBe(low);
    expect(after.hits[1]?.rowId).toBe(row);
    expect(after.hidden).toBe(hiddenByFilter - 1);
    expect(wb.cell(stock, low, note)).toMatch(/bowl bin/);
  });
});
