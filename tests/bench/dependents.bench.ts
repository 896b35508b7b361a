/**
 * What depends on a sheet, a column or rows, found before they are deleted (src/app/dependents.ts),
 * on a 100k-row workbook: Products (100k × 10), Stock (100k rows referring to Products by SKU, with
 * a cell's own formula every 1,000 rows) and KPIs (cell formulas over both). Each figure is the
 * median of several runs, as the delete confirmation computes it when it opens; the first look of
 * a session, which builds the index of cells' own formulas, is given apart.
 */
import { dependentsOfColumn, dependentsOfRows, dependentsOfSheet } from '../../src/app/dependents.ts';
import { compileTemplateFormula } from '../../sheets/index.ts';
import { Workbook } from '../../src/model/index.ts';
import type { CellValue } from '../../src/schema/index.ts';
import { median, since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';

const RUNS = 7;

const timed = (fn: () => { total: number }): { ms: number; total: number } => {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    total = fn().total;
    times.push(since(t0));
  }
  return { ms: median(times), total };
};

export const dependentsBench: Bench = {
  name: 'dependents',
  title: 'Dependents before a delete: 100k-row Products, 100k-row Stock referring to it, KPIs',
  run: async () => {
    const wb = Workbook.create({ name: 'bench' });
    const products = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    const rows = benchRows();
    wb.appendRows(products, wb.columns(products).map((c) => c.id), rows);
    const stock = wb.addSheet({
      name: 'Stock',
      columns: [
        { name: 'SKU', type: 'reference', options: { refSheet: products } },
        { name: 'Warehouse', type: 'text' },
        { name: 'Units', type: 'integer' },
        { name: 'Note', type: 'number' },
      ],
    });
    const stockRows: CellValue[][] = rows.map((r, i) => [r[0] ?? null, i % 2 ? 'East' : 'West', i % 500, i % 1000 === 0 ? null : i]);
    wb.appendRows(stock, wb.columns(stock).map((c) => c.id), stockRows);
    const note = wb.columnByName(stock, 'Note')?.id ?? '';
    const stockIds = wb.rowIds(stock);
    const own = compileTemplateFormula(wb, stock, '=SUM(Products[Cost]) / 1000');
    wb.setCells(stock, stockIds.filter((_r, i) => i % 1000 === 0).map((rowId) => ({ rowId, colId: note, value: { f: own } })));
    const kpis = wb.addSheet({ name: 'KPIs', columns: [{ name: 'Metric', type: 'text' }, { name: 'Value', type: 'number' }] });
    const kpiCols = wb.columns(kpis).map((c) => c.id);
    const value = (f: string): CellValue => ({ f: compileTemplateFormula(wb, kpis, f) });
    wb.appendRows(kpis, kpiCols, [
      ['Stock value', value('=SUMPRODUCT(Products[Cost], Products[On hand])')],
      ['Units', value('=SUM(Stock[Units])')],
      ['SKUs', value('=COUNTA(Products[SKU])')],
    ]);

    const figs: Figure[] = [];
    // The first look reads every sheet once for its cells' own formulas; edits keep that index after.
    const t0 = performance.now();
    dependentsOfSheet(wb, products);
    dependentsOfSheet(wb, stock);
    figs.push({ what: 'first looks in a session (every sheet read once for cells’ own formulas, 1.4M cells)', value: since(t0), unit: 'ms', note: 'once per opened workbook; edits keep the index after' });
    const sheet = timed(() => dependentsOfSheet(wb, products));
    figs.push({
      what: 'dependents of a sheet found (Products: 103 formulas and references in Stock and KPIs)',
      value: sheet.ms,
      unit: 'ms',
      budget: '≤ 50 ms',
      ok: sheet.ms <= 50,
      note: `${sheet.total} dependents; median of ${RUNS}`,
    });
    const other = timed(() => dependentsOfSheet(wb, stock));
    figs.push({ what: 'dependents of a sheet found (Stock: one KPI formula)', value: other.ms, unit: 'ms', budget: '≤ 50 ms', ok: other.ms <= 50, note: `${other.total} dependents` });
    const cost = wb.columnByName(products, 'Cost')?.id ?? '';
    const column = timed(() => dependentsOfColumn(wb, products, cost));
    figs.push({ what: 'dependents of a column found (Products[Cost])', value: column.ms, unit: 'ms', note: `${column.total} dependents` });
    const some = wb.rowIds(products).slice(0, 100);
    const rowsFound = timed(() => dependentsOfRows(wb, products, some));
    figs.push({ what: 'references to 100 rows found (a 100k-row reference column)', value: rowsFound.ms, unit: 'ms', note: `${rowsFound.total} references` });
    return figs;
  },
};
