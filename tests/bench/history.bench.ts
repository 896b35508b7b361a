/**
 * What keeping history costs. The store and the relay keep deleted content (gc off) so that any
 * version an export recorded can be rebuilt; this measures a 100k × 10 workbook after 10k cell
 * edits (most of them overwriting an earlier value, as when prices are tuned), 1,000 deleted rows
 * and finally the whole sheet deleted, stored and loaded with gc on (as before) and off (now): the
 * compacted size, the time to load it, and the memory of the room's document the relay holds. Also: how long an exported
 * version's text is, and how long rebuilding an earlier version takes.
 */
import * as Y from 'yjs';
import { stateVersion, Workbook } from '../../src/model/index.ts';
import { workbookAtVersion } from '../../server/store/rebuild-version.ts';
import { heapMB, since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';
import { seededRandom } from '../support/random.ts';

const EDITS = 10_000;
/** Edits land on this many cells, so most of them overwrite an earlier value of the same cell. */
const HOT_CELLS = 1_000;
const DELETED_ROWS = 1_000;

/** The compacted store of `updates` with gc on or off, as the compactor builds it. */
const compact = (updates: readonly Uint8Array[], gc: boolean): Uint8Array => {
  const doc = new Y.Doc({ gc });
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
};

/** Loads a stored workbook as the relay's room does; returns the time and the heap it holds. */
const load = (update: Uint8Array, gc: boolean): { ms: number; heap: number; doc: Y.Doc } => {
  const base = heapMB();
  const t = performance.now();
  const doc = new Y.Doc({ gc });
  Y.applyUpdate(doc, update, 'store');
  const wb = new Workbook(doc);
  wb.rowIds(wb.sheets()[0]?.id ?? '');
  const ms = since(t);
  return { ms, heap: heapMB() - base, doc };
};

export const historyBench: Bench = {
  name: 'history',
  title: 'Keeping history (gc off): 100k × 10 workbook after 10k cell edits and 1,000 deleted rows',
  run: async () => {
    const figs: Figure[] = [];
    const wb = Workbook.create({ name: 'bench' });
    // The store's log: the created workbook, then every transaction's update as the relay appends it.
    const updates: Uint8Array[] = [wb.encode()];
    wb.doc.on('update', (u: Uint8Array) => updates.push(u));
    const sheet = wb.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    const cols = wb.columns(sheet).map((c) => c.id);
    wb.appendRows(sheet, cols, benchRows());
    const base = compact(updates, true);
    figs.push({ what: 'stored size before any edit', value: base.byteLength / 1048576, unit: 'MB' });

    const rnd = seededRandom(11);
    const ids = wb.rowIds(sheet);
    const hot = Array.from({ length: HOT_CELLS }, () => ({ row: ids[rnd.int(ids.length)] ?? '', col: cols[3 + rnd.int(5)] ?? '' }));
    let midway = '';
    for (let i = 0; i < EDITS; i++) {
      const cell = hot[rnd.int(hot.length)] ?? { row: '', col: '' };
      wb.setCell(sheet, cell.row, cell.col, rnd.int(1000)); // whole numbers fit every numeric column
      if (i === EDITS / 2) midway = stateVersion(wb);
    }
    for (let i = 0; i < DELETED_ROWS; i++) wb.deleteRows(sheet, [ids[i * 97] ?? '']);
    const version = stateVersion(wb);

    const withGc = compact(updates, true);
    const withoutGc = compact(updates, false);
    const extra = withoutGc.byteLength - withGc.byteLength;
    figs.push({ what: 'stored size after the edits, gc on (before)', value: withGc.byteLength / 1048576, unit: 'MB' });
    figs.push({
      what: 'stored size after the edits, gc off (history kept)',
      value: withoutGc.byteLength / 1048576,
      unit: 'MB',
      note: `+${(extra / 1024).toFixed(0)} KB: ${(extra / (EDITS + DELETED_ROWS)).toFixed(0)} bytes per overwritten value or deleted row`,
    });

    const on = load(withGc, true);
    on.doc.destroy();
    const off = load(withoutGc, false);
    figs.push({ what: 'load into a room, gc on (before)', value: on.ms, unit: 'ms' });
    figs.push({ what: 'load into a room, gc off', value: off.ms, unit: 'ms' });
    figs.push({ what: 'room document heap, gc on (before)', value: on.heap, unit: 'MB' });
    figs.push({ what: 'room document heap, gc off (relay memory for this workbook)', value: off.heap, unit: 'MB' });

    figs.push({ what: 'length of the version an export records', value: version.length / 1024, unit: 'KB', note: 'snap: + base64 of state vector and delete set' });
    const t = performance.now();
    const rebuilt = workbookAtVersion(off.doc, midway);
    figs.push({ what: 'rebuild the version of 5k edits ago (export --snapshot)', value: since(t), unit: 'ms' });
    const again = stateVersion(rebuilt);
    if (again !== midway) throw new Error('the rebuilt workbook names another version');
    figs.push({ what: 'rows in the rebuilt version', value: rebuilt.rowIds(rebuilt.sheets()[0]?.id ?? '').length, unit: '', note: `before the ${DELETED_ROWS} deletions` });
    rebuilt.doc.destroy();
    off.doc.destroy();

    // The worst case for history: a whole 100k-row sheet deleted (an import undone, say).
    wb.deleteSheet(sheet);
    wb.doc.destroy();
    figs.push({ what: 'stored size after deleting the 100k-row sheet, gc on (before)', value: compact(updates, true).byteLength / 1024, unit: 'KB' });
    figs.push({
      what: 'stored size after deleting the 100k-row sheet, gc off',
      value: compact(updates, false).byteLength / 1048576,
      unit: 'MB',
      note: 'deleted content stays in the store for good',
    });
    return figs;
  },
};
