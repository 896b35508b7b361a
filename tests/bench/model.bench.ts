/** Model budget: load a 100k × 10 sheet from its stored update (≤ 1.0 s, heap ≤ 300 MB), against a Y.Map per row. */
import * as Y from 'yjs';
import { Workbook } from '../../src/model/index.ts';
import type { CellValue, ColumnSpec } from '../../src/schema/index.ts';
import { heapMB, since, type Bench, type Figure } from './harness.ts';
import { seededRandom } from '../support/random.ts';

const ROWS = 100_000;

export const BENCH_COLUMNS: ColumnSpec[] = [
  { name: 'SKU', type: 'text', options: { key: true } },
  { name: 'Name', type: 'text' },
  { name: 'Category', type: 'choice', options: { choices: ['Kitchen', 'Home', 'Garden', 'Toys', 'Beauty', 'Sports', 'Books', 'Pets'] } },
  { name: 'Cost', type: 'currency' },
  { name: 'Price', type: 'currency' },
  { name: 'On hand', type: 'integer' },
  { name: 'Daily sales', type: 'number' },
  { name: 'Lead time', type: 'integer' },
  { name: 'Launch', type: 'date' },
  { name: 'Active', type: 'boolean' },
];

/** 100k plausible product rows, deterministic. */
export const benchRows = (n = ROWS): CellValue[][] => {
  const rnd = seededRandom(7);
  const cats = BENCH_COLUMNS[2]?.options?.choices ?? [];
  const rows: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cost = Math.round(rnd.next() * 20000) / 100 + 1;
    rows[i] = [
      `SKU-${String(i).padStart(6, '0')}`,
      `Product ${i}`,
      cats[i % cats.length] ?? 'Home',
      cost,
      Math.round(cost * (1.3 + rnd.next()) * 100) / 100,
      Math.floor(rnd.next() * 500),
      Math.round(rnd.next() * 4000) / 100,
      3 + Math.floor(rnd.next() * 30),
      `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      rnd.next() > 0.1,
    ];
  }
  return rows;
};

const buildOurs = (rows: CellValue[][]): { wb: Workbook; sheet: string } => {
  const wb = Workbook.create({ name: 'bench' });
  const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), rows);
  return { wb, sheet };
};

const buildNaive = (rows: CellValue[][]): Y.Doc => {
  const doc = new Y.Doc();
  const sheet = doc.getMap<Y.Map<CellValue>>('rows');
  doc.transact(() => {
    rows.forEach((r, i) => {
      const m = new Y.Map<CellValue>();
      r.forEach((v, c) => m.set(`c${c}`, v));
      sheet.set(`r${i}`, m);
    });
  });
  return doc;
};

export const modelBench: Bench = {
  name: 'model',
  title: 'Workbook model: 100k rows × 10 columns',
  run: async () => {
    const rows = benchRows();
    const figs: Figure[] = [];

    // ours
    let t = performance.now();
    let built: { wb: Workbook; sheet: string } | null = buildOurs(rows);
    figs.push({ what: 'build (appendRows, one transaction)', value: since(t), unit: 'ms' });
    const update = built.wb.encode();
    figs.push({ what: 'encoded size', value: update.byteLength / 1048576, unit: 'MB' });
    built.wb.doc.destroy();
    built = null;
    const base = heapMB();
    t = performance.now();
    const loaded = Workbook.load(update);
    const sheet = loaded.sheets()[0]?.id ?? '';
    const n = loaded.rowIds(sheet).length;
    const loadMs = since(t);
    const heap = heapMB() - base;
    if (n !== ROWS) throw new Error(`loaded ${n} rows`);
    figs.push({ what: 'load from stored update, rows ordered', value: loadMs / 1000, unit: 's', budget: '≤ 1.0 s', ok: loadMs <= 1000 });
    figs.push({ what: 'heap of the loaded workbook', value: heap, unit: 'MB', budget: '≤ 300 MB', ok: heap <= 300 });

    const rnd = { i: 12345, next() { this.i = (this.i * 1103515245 + 12345) & 0x7fffffff; return this.i; } };
    const ids = loaded.rowIds(sheet);
    const cols = loaded.columns(sheet);
    const cost = cols[3]?.id ?? '';
    const onHand = cols[5]?.id ?? '';
    t = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const row = ids[rnd.next() % ids.length] ?? '';
      if (i % 2) loaded.setCell(sheet, row, cost, (rnd.next() % 10000) / 100);
      else loaded.setCell(sheet, row, onHand, rnd.next() % 1000);
    }
    const editsMs = since(t);
    figs.push({ what: '10k random single-cell edits (each its own transaction)', value: editsMs, unit: 'ms', note: `${(editsMs / 10).toFixed(1)} µs per edit` });
    loaded.doc.destroy();

    // naive anchor, same process
    t = performance.now();
    let naive: Y.Doc | null = buildNaive(rows);
    figs.push({ what: 'anchor: naive Y.Map per row, build', value: since(t), unit: 'ms' });
    const naiveUpdate = Y.encodeStateAsUpdate(naive);
    naive.destroy();
    naive = null;
    figs.push({ what: 'anchor: naive encoded size', value: naiveUpdate.byteLength / 1048576, unit: 'MB' });
    const nbase = heapMB();
    t = performance.now();
    const nd = new Y.Doc();
    Y.applyUpdate(nd, naiveUpdate);
    const nLoad = since(t);
    const nHeap = heapMB() - nbase;
    figs.push({ what: 'anchor: naive load from update', value: nLoad / 1000, unit: 's' });
    figs.push({ what: 'anchor: naive heap', value: nHeap, unit: 'MB' });
    figs.push({ what: 'load speed-up over the naive layout', value: nLoad / loadMs, unit: 'x' });
    nd.destroy();
    return figs;
  },
};
