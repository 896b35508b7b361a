/**
 * One import measurement in a fresh process (so its peak memory is its own), run by csv.bench.ts:
 * `tsx csv-import-probe.ts papa|plan|commit FILE` prints `@@probe {ms, rows, peakMB, heapMB}`.
 *   papa    decode + papaparse alone (the anchor)
 *   plan    decode + chunked parse + type detection + conversion and checks (previewImport, planImport)
 *   commit  plan, then the one appendRows transaction into a new sheet of a workbook
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { commitImport, planImport, previewImport } from '../../src/csv/index.ts';
import { Workbook } from '../../src/model/index.ts';
import { heapMB } from './harness.ts';

const [which, file] = process.argv.slice(2);
if (!file) throw new Error('usage: csv-import-probe.ts papa|plan|commit FILE');
const bytes = new Uint8Array(readFileSync(file));
const t0 = performance.now();
let rows = 0;
let phaseMs: number | undefined;
if (which === 'papa') {
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes));
  rows = parsed.data.length - 2; // the header and the final empty line
} else {
  const wb = Workbook.create({ name: 'Import bench' });
  const preview = previewImport(bytes, { newSheet: 'Imported' }, wb);
  const plan = await planImport(bytes, preview.setup);
  if (plan.badRows) throw new Error(`${plan.badRows} bad rows: ${JSON.stringify(plan.problems.slice(0, 3))}`);
  rows = plan.rows.length;
  if (which === 'commit') {
    phaseMs = performance.now() - t0;
    commitImport(plan, 'good-rows', wb);
    rows = wb.rowCount(wb.sheets()[0]?.id ?? '');
  }
}
const ms = performance.now() - t0;
const heap = heapMB();
console.log(`@@probe ${JSON.stringify({ ms, rows, phaseMs, peakMB: process.resourceUsage().maxRSS / 1024, heapMB: heap })}`);
process.exit(0);
