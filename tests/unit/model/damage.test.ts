/**
 * Quarantine and repair: a value a peer wrote that its checker refuses is never thrown at the
 * reader; the rest of the workbook reads as before, the damaged entry is listed with what was
 * wrong, and one repair (reset or remove) sets it right as an ordinary, synced, undoable edit.
 * The findings of issue 16 are named cases here.
 */
import * as Y from 'yjs';
import { beforeEach, describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { DamageWatch, type DamageReport } from '../../../src/model/damage-watch.ts';
import { repairAll, repairEntry } from '../../../src/model/repair.ts';
import type { DamagedEntry } from '../../../src/schema/stored/index.ts';
import { peerWrites } from '../../support/peer-write.ts';
import { createDemoWorkbook } from '../../../sheets/demo.ts';
import { createTemplateWorkbook } from '../../../sheets/index.ts';

let wb: Workbook;
let sheet: string;
let rows: string[];

beforeEach(() => {
  wb = Workbook.create({ name: 'Plan' });
  sheet = wb.addSheet({
    id: 'products',
    name: 'Products',
    columns: [
      { id: 'sku', name: 'SKU', type: 'text', options: { key: true } },
      { id: 'price', name: 'Price', type: 'currency' },
      { id: 'stock', name: 'Stock', type: 'integer' },
      { id: 'launch', name: 'Launch', type: 'date' },
    ],
  });
  wb.addSheet({ id: 'notes', name: 'Notes', columns: [{ id: 'note', name: 'Note', type: 'text' }] });
  rows = wb.appendRows(sheet, ['sku', 'price', 'stock', 'launch'], [
    ['A-1', 10, 3, '2026-01-02'],
    ['A-2', 20, 4, '2026-02-03'],
    ['A-3', 30, 5, '2026-03-04'],
  ]);
  wb.setRule(sheet, { id: 'cheap', name: 'Cheap', when: '=[#price] < 15', level: 'warning', message: 'cheap', columns: ['price'] });
  wb.setChart(sheet, { id: 'bars', title: 'Prices', kind: 'bar', x: 'sku', series: [{ column: 'price', aggregate: 'sum' }] });
  wb.pinChart(sheet, 'bars');
  wb.clearHistory();
});

const report = (): DamageReport => {
  const watch = new DamageWatch(wb);
  try {
    return watch.report();
  } finally {
    watch.dispose();
  }
};
const only = (): DamagedEntry => {
  const { entries } = report();
  expect(entries).toHaveLength(1);
  const [e] = entries;
  if (!e) throw new Error('no entry');
  return e;
};
/** Everything the workbook shows except `sheetId`'s part named by `except`. */
const untouched = (json = wb.toJSON()) => json.sheets.find((s) => s.id === 'notes');

describe('clean workbooks', () => {
  test('the demo shop and the templates have no damaged entry', () => {
    for (const w of [createDemoWorkbook('2026-11-29'), createTemplateWorkbook('ops'), createTemplateWorkbook('blank')]) {
      const watch = new DamageWatch(w);
      expect(watch.report().total).toBe(0);
      watch.dispose();
    }
  });
});

describe('issue 16 findings', () => {
  test('a sheet name stored as {toString: 1}: the tabs still read, the sheet is listed, reset names it', () => {
    const before = untouched();
    peerWrites(wb, (p) => p.sheet(sheet).set('name', { toString: 1 }));
    expect(wb.sheets().map((s) => s.name)).toEqual(['Sheet products', 'Notes']);
    expect(untouched()).toEqual(before);
    const e = only();
    expect(e).toMatchObject({ kind: 'sheet', sheetId: sheet, hidden: false, repairs: ['reset', 'remove'] });
    expect(e.problems).toEqual([{ code: 'type', field: 'name', expected: 'text', got: 'record' }]);
    repairEntry(wb, e, 'reset');
    expect(wb.sheet(sheet)?.name).toBe('Sheet products');
    expect(report().total).toBe(0);
  });

  test('settings.region = "xx-XX": dates are read in the language order, and reset removes the region', () => {
    peerWrites(wb, (p) => p.settings.set('region', 'xx-XX'));
    expect(wb.settings.region).toBeUndefined();
    const e = only();
    expect(e).toMatchObject({ kind: 'settings', repairs: ['reset'] });
    repairEntry(wb, e, 'reset');
    expect(wb.internals.settings.has('region')).toBe(false);
    expect(report().total).toBe(0);
  });

  test('settings.locale = "__proto__": the workbook reads in English, and reset writes English', () => {
    peerWrites(wb, (p) => p.settings.set('locale', '__proto__'));
    expect(wb.settings.locale).toBe('en');
    const e = only();
    expect(e).toMatchObject({ kind: 'settings', repairs: ['reset'] });
    repairEntry(wb, e, 'reset');
    expect(wb.internals.settings.get('locale')).toBe('en');
    expect(report().total).toBe(0);
  });

  test('a column of an unknown type is left out, the rest of the sheet reads; reset gives it the type its values fit', () => {
    peerWrites(wb, (p) => p.column(sheet, 'price').set('type', 'money'));
    expect(wb.columns(sheet).map((c) => c.name)).toEqual(['SKU', 'Stock', 'Launch']);
    expect(wb.cell(sheet, rows[0] ?? '', 'sku')).toBe('A-1');
    const e = only();
    expect(e).toMatchObject({ kind: 'column', id: 'price', name: 'Price', hidden: true });
    expect(e.problems[0]).toMatchObject({ code: 'unknown', field: 'type', value: 'money' });
    repairEntry(wb, e, 'reset');
    expect(wb.column(sheet, 'price')).toMatchObject({ name: 'Price', type: 'number' });
    expect(wb.columnValues(sheet, 'price')).toEqual([10, 20, 30]);
    expect(report().total).toBe(0);
    // Values of several kinds make it a text column, where the ones that are not text are listed.
    wb.setCell(sheet, rows[0] ?? '', 'sku', 'A-1');
    peerWrites(wb, (p) => p.column(sheet, 'sku').set('type', 'code'));
    peerWrites(wb, (p) => p.part(sheet, 'cells').set(`${rows[1]} sku`, 7));
    repairEntry(wb, only(), 'reset');
    expect(wb.column(sheet, 'sku')?.type).toBe('text');
    expect(report().entries.map((x) => `${x.kind}:${x.row ?? ''}`)).toEqual(['cell:2']);
  });
});

describe('cells', () => {
  test('a value of the wrong shape reads as empty and is listed; reset clears it (logged in its history)', () => {
    const row = rows[1] ?? '';
    peerWrites(wb, (p) => p.part(sheet, 'cells').set(`${row} price`, { toString: 1 }));
    expect(wb.cell(sheet, row, 'price')).toBeNull();
    const e = only();
    expect(e).toMatchObject({ kind: 'cell', row: 2, column: 'Price', hidden: true, repairs: ['reset'] });
    repairEntry(wb, e, 'reset');
    expect(wb.internals.sheets.get(sheet)).toBeDefined();
    expect(report().total).toBe(0);
    expect(wb.log.cellEdits(sheet, `${row} price`).at(-1)?.v).toBeNull();
  });

  test('text in a number column is shown as it is and listed; reset converts it when it can', () => {
    const row = rows[0] ?? '';
    peerWrites(wb, (p) => p.part(sheet, 'cells').set(`${row} stock`, '12'));
    expect(wb.cell(sheet, row, 'stock')).toBe('12');
    const e = only();
    expect(e).toMatchObject({ kind: 'cell', row: 1, hidden: false });
    repairEntry(wb, e, 'reset');
    expect(wb.cell(sheet, row, 'stock')).toBe(12);
  });

  test('a 100k-character text is text: it reads as it is (formulas that use it say it is too long), and needs no repair', () => {
    const row = rows[2] ?? '';
    peerWrites(wb, (p) => p.part(sheet, 'cells').set(`${row} sku`, 'x'.repeat(100_000)));
    expect(wb.cell(sheet, row, 'sku')).toHaveLength(100_000);
    expect(report().total).toBe(0);
  });

  test('the list follows edits: a damaged cell typed over is no longer listed', () => {
    const watch = new DamageWatch(wb);
    const row = rows[0] ?? '';
    peerWrites(wb, (p) => p.part(sheet, 'cells').set(`${row} launch`, 'soon'));
    expect(watch.report().total).toBe(1);
    wb.setCell(sheet, row, 'launch', '2026-05-05');
    expect(watch.report().total).toBe(0);
    peerWrites(wb, (p) => p.part(sheet, 'rows').set(row, 'not a list'));
    expect(watch.report().entries.map((x) => x.kind)).toEqual(['row']);
    watch.dispose();
  });
});

describe('rows, rules, charts, tiles, history', () => {
  test('a row record that is not a list: its edited cells still show; reset empties it, remove deletes it', () => {
    const row = rows[0] ?? '';
    wb.setCell(sheet, row, 'stock', 9);
    peerWrites(wb, (p) => p.part(sheet, 'rows').set(row, { toString: 1 }));
    expect(wb.rowIds(sheet)).toHaveLength(3);
    expect(wb.row(sheet, row)).toEqual({ stock: 9 });
    const e = only();
    expect(e).toMatchObject({ kind: 'row', row: 1, repairs: ['reset', 'remove'] });
    repairEntry(wb, e, 'reset');
    expect(wb.row(sheet, row)).toEqual({ stock: 9 });
    expect(report().total).toBe(0);
    peerWrites(wb, (p) => p.part(sheet, 'rowOrder').set(row, { toString: 1 }));
    repairEntry(wb, only(), 'remove');
    expect(wb.rowIds(sheet)).toEqual(rows.slice(1));
  });

  test('a rule, a chart and a tile that cannot be used are left out and removed in one click each', () => {
    peerWrites(wb, (p) => {
      p.part(sheet, 'rules').set('cheap', { name: 'Cheap', when: '=TRUE', level: 'fatal', message: 'x', columns: [] });
      p.part(sheet, 'charts').set('bars', { title: 'Prices', kind: 'radar', x: 'sku', series: [] });
      p.dashboard.set('pie', 'not a tile');
    });
    expect(wb.rules(sheet)).toEqual([]);
    expect(wb.charts(sheet)).toEqual([]);
    expect(wb.dashboard()).toEqual([]);
    const { entries } = report();
    expect(entries.map((e) => `${e.kind}:${e.id}:${e.repairs.join('/')}`)).toEqual(['rule:cheap:remove', 'chart:bars:remove', 'tile:pie:remove']);
    for (const e of entries) repairEntry(wb, e, 'remove');
    expect(report().total).toBe(0);
    expect(wb.dashboard()).toEqual([]);
  });

  test('a history entry that cannot be read is left out of the cell history and removed', () => {
    wb.setCell(sheet, rows[0] ?? '', 'sku', 'B-1');
    peerWrites(wb, (p) => p.edits.push([{ id: '1.1', s: sheet, k: `${rows[0]} sku`, v: { toString: 1 }, u: 'u', n: 'n', t: 1, p: null }]));
    expect(wb.log.cellEdits(sheet, `${rows[0]} sku`)).toHaveLength(1);
    const e = only();
    // The import's bulk entry and the edit come first.
    expect(e).toMatchObject({ kind: 'history', id: 'entry 2', repairs: ['remove'] });
    repairEntry(wb, e, 'remove');
    expect(wb.log.edits.length).toBe(2);
    expect(report().total).toBe(0);
  });

  test('a sheet without its parts is hidden; reset gives it empty ones, remove deletes it', () => {
    peerWrites(wb, (p) => p.sheet('notes').delete('rows'));
    expect(wb.sheets().map((s) => s.name)).toEqual(['Products']);
    const e = only();
    expect(e).toMatchObject({ kind: 'sheet', hidden: true, name: 'Notes' });
    repairEntry(wb, e, 'reset');
    expect(wb.sheets().map((s) => s.name)).toEqual(['Products', 'Notes']);
    expect(wb.rowIds('notes')).toEqual([]);
  });
});

describe('repairs are ordinary edits', () => {
  test('repair all sets everything right in one edit that syncs to a peer and can be undone', () => {
    const peer = Workbook.load(wb.encode());
    const damage = peerWrites(wb, (p) => {
      p.settings.set('currency', 'BTC');
      p.sheet(sheet).set('labels', ['x']);
      p.column(sheet, 'stock').set('options', { precision: 'two' });
      p.part(sheet, 'cells').set(`${rows[0]} sku`, [1, [2, [3]]]);
      p.sheets.set('__proto__', 'x');
    });
    peer.applyUpdate(damage);
    expect(report().total).toBe(5);
    const before = Y.encodeStateVector(wb.doc);
    wb.transact(() => undefined);
    expect(repairAll(wb)).toBe(5);
    expect(report().total).toBe(0);
    peer.applyUpdate(Y.encodeStateAsUpdate(wb.doc, before));
    const peerWatch = new DamageWatch(peer);
    expect(peerWatch.report().total).toBe(0);
    peerWatch.dispose();
    expect(wb.undo()).toBe(true);
    expect(report().total).toBe(5);
  });

  test('a viewer sees the list but cannot repair', () => {
    peerWrites(wb, (p) => p.settings.set('name', 42));
    const viewer = new Workbook(wb.doc, { readOnly: true });
    const watch = new DamageWatch(viewer);
    const [e] = watch.report().entries;
    watch.dispose();
    if (!e) throw new Error('no entry');
    expect(() => repairEntry(viewer, e, 'reset')).toThrow(/viewing only/);
  });
});
