/**
 * Find and replace over the whole workbook (src/app/workbook-find.ts, workbook-replace.ts) with
 * the formula engine running: Products (100k × 10 plus a column formula, so 1.1M cells) and Stock
 * (10k rows). Each find figure is the median of several searches of the whole workbook, as the find
 * bar runs one after a pause in typing: every cell's shown text (the schema's formatter) and typed
 * text are compared. After an edit, only the cells it and its recalculation changed are read again.
 * Replace all is timed once, from the search to the one transaction written.
 */
import { engineCalc } from '../../src/app/engine-calc.ts';
import { FindIndex } from '../../src/app/find-index.ts';
import { findInWorkbook, type FindQuery } from '../../src/app/workbook-find.ts';
import { replaceAll } from '../../src/app/workbook-replace.ts';
import { Workbook } from '../../src/model/index.ts';
import type { CellValue } from '../../src/schema/index.ts';
import { median, since, type Bench, type Figure } from './harness.ts';
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
    const index = new FindIndex(wb, calc);
    const stop = index.follow();
    const src = { wb, calc, format: { locale: 'en' as const, currency: 'CNY' as const }, index };
    calc.columnValues(products, wb.columnByName(products, 'Margin')?.id ?? '');

    const figs: Figure[] = [];
    const query = (q: Partial<FindQuery>): FindQuery => ({ text: '', scope: 'workbook', sheetId: products, matchCase: false, wholeCell: false, ...q });
    let t = performance.now();
    const first = findInWorkbook(src, query({ text: 'product 4242' })).total;
    figs.push({ what: 'first search of a session (every cell of 1.1M read and formatted once)', value: since(t), unit: 'ms', note: `${first} matches; the find bar keeps these texts while it is open` });
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
    wb.setCell(products, wb.rowIds(products)[5] ?? '', price, 4242.42);
    t = performance.now();
    const after = findInWorkbook(src, query({ text: '4,242' })).total;
    const again = since(t);
    figs.push({ what: 'search again after one edit (the edited cell and the formula cell it changes read again)', value: again, unit: 'ms', budget: '≤ 200 ms', ok: again <= 200, note: `${after} matches` });

    t = performance.now();
    const r = replaceAll({ ...src, locale: 'en' }, { text: 'East', scope: 'workbook', sheetId: products, matchCase: true, wholeCell: true }, 'North');
    figs.push({ what: 'replace all, whole workbook ("East" → "North", one transaction)', value: since(t), unit: 'ms', note: `${(r.ok ? r.replaced : 0).toLocaleString('en')} cells` });
    const t1 = performance.now();
    wb.undo();
    figs.push({ what: 'undo of that replace all (one step)', value: since(t1), unit: 'ms' });
    stop();
    calc.dispose();
    return figs;
  },
};
