/**
 * Undoing a vandal on a big workbook: a 100k × 10 sheet after 10k cell edits by one person, then a
 * vandal's burst (1,000 cells blanked in one paste, 100 typed, 500 rows deleted, 100 junk rows).
 * How long it takes to read the kept history as the app gets it, list its moments, preview and
 * restore the moment before the vandal, and plan and apply a revert of the vandal's changes; how
 * big the change each writes is; and what the timeline costs in the stored workbook.
 */
import * as Y from 'yjs';
import { previewRestore, readHistory, restoreTo, previewRevert, devicesNamed } from '../../src/app/undo-vandal.ts';
import { KeptHistory } from '../../src/model/kept-history.ts';
import { applyRevert } from '../../src/model/revert-apply.ts';
import { Workbook } from '../../src/model/index.ts';
import { since, type Bench, type Figure } from './harness.ts';
import { BENCH_COLUMNS, benchRows } from './model.bench.ts';
import { seededRandom } from '../support/random.ts';

const EDITS = 10_000;

/** The bytes a change adds to `doc` when `fn` makes it. */
const changeSize = (doc: Y.Doc, fn: () => void): number => {
  const before = Y.encodeStateVector(doc);
  fn();
  return Y.encodeStateAsUpdate(doc, before).byteLength;
};

export const vandalBench: Bench = {
  name: 'vandal',
  title: 'Undoing a vandal: 100k × 10 workbook, 10k edits, then a vandal’s burst',
  run: async () => {
    const figs: Figure[] = [];
    // The relay's copy keeps deleted content; the two people edit on replicas of their own.
    const relay = new Y.Doc({ gc: false });
    const ana = Workbook.create({ name: 'bench' }, { user: { id: 'u-ana', name: 'Ana' } });
    ana.doc.on('update', (u: Uint8Array) => Y.applyUpdate(relay, u));
    Y.applyUpdate(relay, ana.encode());
    const sheet = ana.addSheet({ name: 'Products', columns: BENCH_COLUMNS });
    const cols = ana.columns(sheet).map((c) => c.id);
    ana.appendRows(sheet, cols, benchRows());
    const ids = ana.rowIds(sheet);
    const rnd = seededRandom(5);
    const before = Y.encodeStateAsUpdate(relay).byteLength;
    for (let i = 0; i < EDITS; i++) ana.setCell(sheet, ids[rnd.int(ids.length)] ?? '', cols[3 + rnd.int(5)] ?? '', rnd.int(1000));
    const after = Y.encodeStateAsUpdate(relay).byteLength;
    const entries = relay.getArray('timeline').length;
    figs.push({ what: 'stored bytes per cell edit (value, cell history, timeline entry)', value: (after - before) / EDITS, unit: '', note: `${entries.toLocaleString('en')} timeline entries in all` });

    const goodTime = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    const mallory = new Workbook(new Y.Doc(), { user: { id: 'u-mallory', name: 'Mallory' } });
    Y.applyUpdate(mallory.doc, Y.encodeStateAsUpdate(relay));
    mallory.doc.on('update', (u: Uint8Array) => Y.applyUpdate(relay, u));
    mallory.setCells(sheet, ids.slice(0, 1000).map((rowId) => ({ rowId, colId: cols[1] ?? '', value: '' })));
    for (let i = 0; i < 100; i++) mallory.setCell(sheet, ids[2000 + i] ?? '', cols[3] ?? '', 0);
    mallory.deleteRows(sheet, ids.slice(5000, 5500));
    mallory.insertRows(sheet, { values: Array.from({ length: 100 }, () => ({ [cols[0] ?? '']: 'junk' })) });
    const stored = Y.encodeStateAsUpdate(relay);
    figs.push({ what: 'the kept history the app fetches', value: stored.byteLength / 1048576, unit: 'MB' });

    let t = performance.now();
    const history = KeptHistory.fromUpdate(stored);
    figs.push({ what: 'read it (KeptHistory.fromUpdate)', value: since(t), unit: 'ms' });
    /** A replica of the lead who undoes the vandal, as the app has it (its doc collects garbage). */
    const replica = (): Workbook => {
      const wb = new Workbook(new Y.Doc(), { user: { id: 'u-lead', name: 'Lead' } });
      Y.applyUpdate(wb.doc, stored);
      return wb;
    };
    const live = replica();
    t = performance.now();
    const { moments } = readHistory(history);
    figs.push({ what: 'list its moments and devices', value: since(t), unit: 'ms', note: `${moments.length} moments` });

    t = performance.now();
    const preview = previewRestore(live, history, goodTime);
    figs.push({ what: 'preview restoring the moment before the vandal', value: since(t), unit: 'ms', note: `${preview.diff.cells} cells, ${preview.diff.rowsBack} rows back, ${preview.diff.rowsRemoved} removed` });
    t = performance.now();
    let size = changeSize(live.doc, () => restoreTo(live, KeptHistory.fromUpdate(stored), goodTime));
    figs.push({ what: 'read the history again and restore (one change of the replica)', value: since(t), unit: 'ms', note: `the change: ${(size / 1024).toFixed(0)} KB` });

    // The revert on a replica that has not restored (else the restore's writes would be someone else's since).
    const other = replica();
    const revertHistory = KeptHistory.fromUpdate(stored);
    const { clients } = devicesNamed(revertHistory, ['Mallory']);
    t = performance.now();
    const plan = previewRevert(other, revertHistory, clients, goodTime);
    figs.push({ what: 'plan reverting the vandal’s changes', value: since(t), unit: 'ms', note: `${plan.cells.length} cells, ${plan.revive.length} rows back, ${plan.remove.length} removed` });
    t = performance.now();
    size = changeSize(other.doc, () => applyRevert(other, plan));
    figs.push({ what: 'apply the revert (one change of the replica)', value: since(t), unit: 'ms', note: `the change: ${(size / 1024).toFixed(0)} KB` });
    for (const d of [relay, ana.doc, mallory.doc, live.doc, other.doc, history.doc, revertHistory.doc]) d.destroy();
    return figs;
  },
};
