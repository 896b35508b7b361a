/**
 * Find and replace over the whole workbook (src/app/workbook-find.ts, workbook-replace.ts) with
 * the formula engine running: Products (100k × 10 plus a column formula, so 1.1M cells) and Stock
 * (10k rows). Each find figure is the median of several searches of the whole workbook, as the find
 * bar runs one after a pause in typing: every cell's shown text (the schema's formatter) and typed
 * text are compared. After an edit, only the cells it and its recalculation changed are read again.
 * Replace all is timed once, from the search to the one transaction written. The texts are read
 * as the find bar reads them: in slices in the background (find-build.ts), each a task of its own
 * (setImmediate here, a MessageChannel message in the browser), the open sheet first; reading
 * everything at once, as the bar did before, is timed first for comparison.
 */
import { engineCalc } from '../../src/app/engine-calc.ts';
import { FindBuild, type FindProgress } from '../../src/app/find-build.ts';
import { FindIndex } from '../../src/app/find-index.ts';
import { findInWorkbook, type FindQuery } from '../../src/app/workbook-find.ts';
import { replaceAll } from '../../src/app/workbook-replace.ts';
import { Workbook } from '../../src/model/index.ts';
import type { CellValue } from '../../src/schema/index.ts';
import { heapMB, median, percentile, since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';

const RUNS = 7;

export const findBench: Bench = {
  name: 'find',
  title: 'Find and replace in the whole workbook: 100k-row Products with a formula column, 10k-row Stock',
  run: async () => {
    const wb = Workbook.create({ name: 'bench' });
    const products = wb.addSheet({ name: 'Products', columns: [...BENCH_COLUMNS, { name: 'Margin', type: 'currency', formula: '=[Price] - [Cost]' }] });
    const cols = wb.columns(products).filter((c) => c.formula === undefined).map((c) => c.id);
    wb.appendRows(products, cols, benchRows());
    const stock = wb.addSheet({ name: 'Stock', columns: [{ name: 'Warehouse', type: 'text' }, { name: 'Units', type: 'integer' }] });
    const stockRows: CellValue[][] = Array.from({ length: 10_000 }, (_, i) => [i % 3 ? 'East' : 'West', i % 700]);
    wb.appendRows(stock, wb.columns(stock).map((c) => c.id), stockRows);
    const calc = engineCalc(wb, () => 'en');
    const format = { locale: 'en' as const, currency: 'CNY' as const };
    calc.columnValues(products, wb.columnByName(products, 'Margin')?.id ?? '');

    const figs: Figure[] = [];
    const query = (q: Partial<FindQuery>): FindQuery => ({ text: '', scope: 'workbook', sheetId: products, matchCase: false, wholeCell: false, ...q });
    // For comparison: every cell read at once by the first search, as the find bar did before.
    {
      const once = new FindIndex(wb, calc);
      const t = performance.now();
      const n = findInWorkbook({ wb, calc, format, index: once }, query({ text: 'product 4242' })).total;
      figs.push({ what: 'for comparison: every cell of 1.1M read at once by the first search (the page frozen meanwhile)', value: since(t), unit: 'ms', note: `${n} matches; how the find bar read before` });
      once.clear();
    }

    const heapBefore = heapMB();
    const index = new FindIndex(wb, calc);
    const stop = index.follow();
    const build = new FindBuild(index, (fn) => void setImmediate(fn));
    const src = { wb, calc, format, index, readSoFar: true };
    /** Starts the build with `sheetId` open; resolves when it is complete, calling `tick` after each slice. */
    const buildFrom = (sheetId: string, tick: (p: FindProgress) => void = () => undefined): Promise<void> =>
      new Promise((resolve) => {
        const off = build.onProgress((p) => {
          tick(p);
          if (!p.complete) return;
          off();
          resolve();
        });
        build.start(sheetId, format);
      });
    // The bar opened on Stock: Stock is read first, then Products, in slices.
    let t = performance.now();
    let stockReady = -1;
    let stockHits = 0;
    let firstHit = -1;
    // Time spent in the searches made between slices (not part of the build).
    let searching = 0;
    await buildFrom(stock, () => {
      const t0 = performance.now();
      if (stockReady < 0 && build.sheetRead(stock)) {
        stockHits = findInWorkbook(src, query({ text: 'West', scope: 'sheet', sheetId: stock, wholeCell: true })).total;
        stockReady = since(t);
      }
      if (firstHit < 0 && findInWorkbook(src, query({ text: 'product 4242' })).total > 0) firstHit = since(t);
      searching += since(t0);
    });
    const wall = since(t) - searching;
    const { slices, longestMs } = build.stats;
    const sliceP95 = percentile(build.stats.ms, 95);
    figs.push({ what: 'open the bar on Stock (10k rows): this sheet read and searched, the rest still being read', value: stockReady, unit: 'ms', note: `${stockHits.toLocaleString('en')} matches` });
    figs.push({ what: 'from opening the bar to the first matches in Products ("product 4242", the part read so far)', value: firstHit, unit: 'ms', note: 'the search says it is incomplete until all is read' });
    figs.push({ what: 'whole workbook read in slices in the background (1.1M cells)', value: wall, unit: 'ms', note: `${slices.toLocaleString('en')} slices; the page has its turn between two` });
    figs.push({ what: 'longest slice (the longest the page waits for find)', value: longestMs, unit: 'ms', note: `slices stop reading past 10 ms, 256 cells at a time; 95th percentile ${sliceP95.toFixed(1)} ms` });
    findInWorkbook(src, query({ text: 'product 4242' }));
    const kept = index.footprint();
    const heapKept = heapMB() - heapBefore;
    figs.push({ what: 'memory the kept index takes (JS heap after a full GC, every column read and joined)', value: heapKept, unit: 'MB', note: `${(kept.chars / 1e6).toFixed(1)}M characters kept for ${kept.cells.toLocaleString('en')} cells (each cell's text, and each column's joined)` });

    // The bar closed (the index follows edits, reading nothing) and opened again.
    build.pause();
    t = performance.now();
    await buildFrom(products);
    const reopened = findInWorkbook(src, query({ text: 'product 4242' })).total;
    const reopen = since(t);
    figs.push({ what: 'search after closing and opening the bar again (nothing read again)', value: reopen, unit: 'ms', budget: '≤ 200 ms', ok: reopen <= 200, note: `${reopened} matches` });
    const search = (what: string, q: Partial<FindQuery>): void => {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        total = findInWorkbook(src, query(q)).total;
        times.push(since(t0));
      }
      const ms = median(times);
      figs.push({ what, value: ms, unit: 'ms', budget: '≤ 200 ms', ok: ms <= 200, note: `${total.toLocaleString('en')} matches; median of ${RUNS}` });
    };
    search('find a word in the whole workbook ("product 4242")', { text: 'product 4242' });
    search('find an amount as shown ("¥12")', { text: '¥12' });
    search('find a number as typed ("42.5")', { text: '42.5' });
    search('find a whole cell, match case ("West")', { text: 'West', wholeCell: true, matchCase: true });
    search('find what no cell holds ("zzz")', { text: 'zzz' });
    // One edit: its column and the formula column that reads it are read again, nothing else.
    const price = wb.columnByName(products, 'Price')?.id ?? '';
    const edits: number[] = [];
    let after = 0;
    for (let i = 0; i < RUNS; i++) {
      wb.setCell(products, wb.rowIds(products)[5 + i] ?? '', price, 4242.42 + i);
      t = performance.now();
      after = findInWorkbook(src, query({ text: '4,242' })).total;
      edits.push(since(t));
    }
    const again = median(edits);
    figs.push({ what: 'search again after one edit (the edited cell and the formula cell it changes read again)', value: again, unit: 'ms', budget: '≤ 200 ms', ok: again <= 200, note: `${after} matches; median of ${RUNS} edits` });

    t = performance.now();
    const r = replaceAll({ ...src, locale: 'en' }, { text: 'East', scope: 'workbook', sheetId: products, matchCase: true, wholeCell: true }, 'North');
    figs.push({ what: 'replace all, whole workbook ("East" → "North", one transaction)', value: since(t), unit: 'ms', note: `${(r.ok ? r.replaced : 0).toLocaleString('en')} cells` });
    const t1 = performance.now();
    wb.undo();
    figs.push({ what: 'undo of that replace all (one step)', value: since(t1), unit: 'ms' });
    build.pause();
    stop();
    calc.dispose();
    return figs;
  },
};
