/**
 * CSV budget: exporting a 100k-row sheet ≤ 1.5 × papaparse.unparse of the same plain rows alone
 * (same process); importing a 500k-row (~100 MB) file: rows/s and peak memory, against papaparse
 * parsing the same file alone (each in its own process, so peak memory is its own).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { encodeUtf8, exportSheetCsv, exportWorkbookZip } from '../../src/csv/index.ts';
import { Workbook } from '../../src/model/index.ts';
import { seededRandom } from '../support/random.ts';
import { fmt, median, since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';

const EXPORT_ROWS = 100_000;
const IMPORT_ROWS = 500_000;
const RUNS = 7;
const ROOT = join(import.meta.dirname, '..', '..');
const TMP = join(ROOT, '.bench-tmp');

/**
 * Median time of each function over RUNS rounds; the functions take turns within a round, so a
 * neighbour's load on this shared machine falls on all of them alike.
 */
const timeEach = <K extends string>(fns: Record<K, () => unknown>): Record<K, number> => {
  const keys = Object.keys(fns) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const k of keys) {
      const t = performance.now();
      fns[k]();
      times.get(k)?.push(since(t));
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(times.get(k) ?? [])])) as Record<K, number>;
};

/** A supplier file of ~200 bytes a row: quoted commas and quotes, Chinese, dates, money, yes/no. */
const importFile = (rows: number): string => {
  const rnd = seededRandom(11);
  const cats = ['Kitchen', 'Home', 'Garden', 'Toys', '美妆', 'Sports', '图书', 'Pets'];
  const lines = ['SKU,Name,Category,Cost,Price,On hand,Daily sales,Lead time,Launch,Active,Notes'];
  for (let i = 0; i < rows; i++) {
    const cost = (Math.round(rnd.next() * 20000) / 100 + 1).toFixed(2);
    lines.push(
      [
        `SKU-${String(i).padStart(7, '0')}`,
        `"蒜泥器 Garlic press ${i}, stainless"`,
        cats[i % cats.length],
        cost,
        (Number(cost) * 1.6).toFixed(2),
        rnd.int(500),
        (rnd.int(4000) / 100).toString(),
        3 + rnd.int(30),
        `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        rnd.chance(0.9) ? 'true' : 'false',
        `"Reorder before the 满减 campaign; supplier ""Acme"" line ${rnd.int(100)}, check stock and the lead time"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
};

interface Probe {
  ms: number;
  rows: number;
  phaseMs?: number;
  peakMB: number;
  heapMB: number;
}

const probe = (which: string, file: string): Probe => {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(import.meta.dirname, 'csv-import-probe.ts'), which, file],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@probe '));
  if (r.status !== 0 || !line) throw new Error(`import probe ${which} failed (exit ${r.status})`);
  return JSON.parse(line.slice(8)) as Probe;
};

const exportFigures = (): Figure[] => {
  const rows = benchRows(EXPORT_ROWS);
  const header = BENCH_COLUMNS.map((c) => c.name);
  const wb = Workbook.create({ name: 'Export bench' });
  const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
  wb.appendRows(sheet, wb.columns(sheet).map((c) => c.id), rows);
  const snapshot = { workbookId: 'bench', version: '1', time: new Date('2026-01-01T00:00:00Z'), by: 'bench' };
  let zipSize = 0;
  const { papa, raw, display, bytes, zip } = timeEach({
    papa: () => Papa.unparse({ fields: header, data: rows }),
    raw: () => exportSheetCsv(wb, sheet),
    display: () => exportSheetCsv(wb, sheet, { mode: 'display' }),
    bytes: () => encodeUtf8(exportSheetCsv(wb, sheet)),
    zip: () => {
      zipSize = exportWorkbookZip(wb, { snapshot }).bytes.byteLength;
    },
  });
  const ratio = raw / papa;
  return [
    { what: 'anchor: Papa.unparse of the same plain rows', value: papa, unit: 'ms', note: `median of ${RUNS}, runs interleaved` },
    { what: 'export 100k × 10, raw (read through the model, typed, injection-safe)', value: raw, unit: 'ms' },
    { what: 'export raw ÷ Papa.unparse', value: ratio, unit: 'x', budget: '≤ 1.5 x', ok: ratio <= 1.5 },
    { what: 'export 100k × 10, as displayed', value: display, unit: 'ms', note: `${fmt(display / papa)} × Papa.unparse` },
    { what: 'export raw to UTF-8 bytes', value: bytes, unit: 'ms' },
    { what: 'whole-workbook zip (CSV + manifest, deflate)', value: zip, unit: 'ms', note: `${fmt(zipSize / 1048576)} MB` },
  ];
};

const importFigures = (): Figure[] => {
  mkdirSync(TMP, { recursive: true });
  const file = join(TMP, 'csv-import-500k.csv');
  writeFileSync(file, importFile(IMPORT_ROWS));
  try {
    const mb = statSync(file).size / 1048576;
    const papa = probe('papa', file);
    const plan = probe('plan', file);
    const commit = probe('commit', file);
    for (const p of [papa, plan, commit]) if (p.rows !== IMPORT_ROWS) throw new Error(`read ${p.rows} rows`);
    const rate = (p: Probe, ms = p.ms) => IMPORT_ROWS / (ms / 1000);
    return [
      { what: `file: ${IMPORT_ROWS / 1000}k rows × 11 columns`, value: mb, unit: 'MB' },
      { what: 'anchor: papaparse alone (decode + parse to strings)', value: rate(papa), unit: 'rows/s', note: `${fmt(papa.ms / 1000)} s` },
      { what: 'anchor: papaparse alone, peak RSS', value: papa.peakMB, unit: 'MB' },
      { what: 'import plan (decode, chunked parse, detect, convert, check)', value: rate(plan), unit: 'rows/s', note: `${fmt(plan.ms / 1000)} s; ${fmt(plan.ms / papa.ms)} × papaparse alone` },
      { what: 'import plan, peak RSS', value: plan.peakMB, unit: 'MB', note: `heap holding the plan: ${fmt(plan.heapMB)} MB` },
      { what: 'import plan + commit (one appendRows transaction)', value: rate(commit), unit: 'rows/s', note: `${fmt(commit.ms / 1000)} s, of which the commit ${fmt((commit.ms - (commit.phaseMs ?? 0)) / 1000)} s` },
      { what: 'import plan + commit, peak RSS', value: commit.peakMB, unit: 'MB', note: `heap holding workbook and plan: ${fmt(commit.heapMB)} MB` },
    ];
  } finally {
    rmSync(file, { force: true });
  }
};

export const csvBench: Bench = {
  name: 'csv',
  title: 'CSV: export of 100k rows, import of 500k rows',
  run: async () => [...exportFigures(), ...importFigures()],
};
