/**
 * Cell history and conflicts: who changed a cell to what and when; a value that lost against a
 * concurrent edit of the same cell is kept and the cell is marked until someone looks at it.
 * Every concurrency case runs in both directions (either replica has the lower Yjs client id).
 */
import { describe, expect, test } from 'vitest';
import { ReadOnlyError, type CellHistoryEntry } from '../../../src/schema/index.ts';
import { cellConflicts, cellHistory, hasConflict, markConflictSeen, Workbook } from '../../../src/model/index.ts';
import { cellKey } from '../../../src/model/layout.ts';
import { seededRandom } from '../../support/random.ts';
import { pair } from '../../support/replicas.ts';

const ANA = { id: 'u-ana', name: 'Ana' };
const BO = { id: 'u-bo', name: 'Bo' };

const setup = (descending = false) => {
  const p = pair(seededRandom(3), descending);
  p.a.setUser(ANA);
  p.b.setUser(BO);
  const sheet = p.a.addSheet({ name: 'Products', columns: [{ name: 'SKU', type: 'text' }, { name: 'Cost', type: 'currency' }] });
  const [sku, cost] = p.a.columns(sheet).map((c) => c.id) as [string, string];
  const rows = p.a.appendRows(sheet, [sku, cost], [['A-1', 10], ['A-2', 20]]) as [string, string];
  p.sync();
  return { ...p, sheet, sku, cost, rows };
};

/** A history as "user: value" lines, newest first, with the flags a person sees. */
const lines = (h: CellHistoryEntry[]): string[] =>
  h.map((e) => `${e.userName || '-'} ${e.kind}: ${JSON.stringify(e.value)}${e.current ? ' (now)' : ''}${e.lost ? ' (lost)' : ''}${e.seenBy ? ` (seen by ${e.seenBy.userName})` : ''}`);

describe('cell history', () => {
  test('a typed value is stamped with who wrote it, the value and the writer’s time; newest first', () => {
    const { a, sheet, cost, rows } = setup();
    const before = Date.now();
    a.setCell(sheet, rows[0], cost, 11);
    a.setCell(sheet, rows[0], cost, 12);
    const h = cellHistory(a, sheet, rows[0], cost);
    expect(lines(h)).toEqual(['Ana edit: 12 (now)', 'Ana edit: 11', 'Ana rows: 10']);
    expect(h[0]?.time).toBeGreaterThanOrEqual(before);
    expect(h[0]?.userId).toBe('u-ana');
  });

  test('each entry names the client id that wrote it; an entry written in another’s name names none', () => {
    const { a, b, sync, sheet, cost, rows } = setup();
    a.setCell(sheet, rows[0], cost, 11);
    b.setCell(sheet, rows[1], cost, 21);
    // Bo writes a log entry that claims to be Ana's, under an id of Ana's client.
    b.log.edits.insert(b.log.edits.length, [{ id: `${a.doc.clientID}.1`, s: sheet, k: cellKey(rows[0], cost), v: 99, u: ANA.id, n: ANA.name, t: Date.now(), p: null }]);
    sync();
    for (const wb of [a, b]) {
      const h = cellHistory(wb, sheet, rows[0], cost);
      expect(h.find((e) => e.value === 11)?.clientId).toBe(a.doc.clientID);
      const forged = h.find((e) => e.value === 99);
      expect(forged?.userName).toBe('Ana');
      expect(forged?.clientId).toBeUndefined();
      expect(cellHistory(wb, sheet, rows[1], cost).find((e) => e.value === 21)?.clientId).toBe(b.doc.clientID);
      // The rows came with one bulk write of Ana's.
      expect(h.find((e) => e.kind === 'rows')?.clientId).toBe(a.doc.clientID);
    }
  });

  test('a teammate’s edit seen before writing is not a conflict: the history reads in order', () => {
    const { a, b, sync, sheet, cost, rows } = setup();
    a.setCell(sheet, rows[0], cost, 11);
    sync();
    b.setCell(sheet, rows[0], cost, 12);
    sync();
    for (const wb of [a, b]) {
      expect(lines(cellHistory(wb, sheet, rows[0], cost))).toEqual(['Bo edit: 12 (now)', 'Ana edit: 11', 'Ana rows: 10']);
      expect(cellConflicts(wb, sheet)).toEqual([]);
    }
  });

  test('an import of 100,000 rows is one history entry, not one per cell', () => {
    const wb = Workbook.create();
    wb.setUser(ANA);
    const sheet = wb.addSheet({ name: 'Big', columns: [{ name: 'SKU', type: 'text' }, { name: 'Qty', type: 'integer' }] });
    const cols = wb.columns(sheet).map((c) => c.id);
    const ids = wb.appendRows(sheet, cols, Array.from({ length: 100_000 }, (_x, i) => [`S-${i}`, i]));
    expect(wb.doc.getArray('edits').length).toBe(1);
    expect(lines(cellHistory(wb, sheet, ids[77_777] ?? '', cols[1] ?? ''))).toEqual(['Ana rows: 77777 (now)']);
    expect(cellHistory(wb, sheet, ids[0] ?? '', cols[1] ?? '')[0]?.count).toBe(100_000);
  });

  test('a paste of more than 1,000 cells is one entry that names each pasted cell', () => {
    const wb = Workbook.create();
    wb.setUser(BO);
    const sheet = wb.addSheet({ name: 'Big', columns: [{ name: 'Qty', type: 'integer' }] });
    const [qty] = wb.columns(sheet).map((c) => c.id) as [string];
    const ids = wb.insertRows(sheet, { count: 2000 });
    const logged = wb.doc.getArray('edits').length;
    wb.setBlock(sheet, 0, 0, ids.map((_r, i) => [i]));
    expect(wb.doc.getArray('edits').length).toBe(logged + 1);
    expect(lines(cellHistory(wb, sheet, ids[1500] ?? '', qty))).toEqual(['Bo cells: 1500 (now)']);
  });

  test('undo is a write of its own: the history shows the value going back, with no conflict', () => {
    const { a, b, sync, sheet, cost, rows } = setup();
    a.setCell(sheet, rows[0], cost, 11);
    a.undo();
    sync();
    for (const wb of [a, b]) {
      expect(lines(cellHistory(wb, sheet, rows[0], cost))).toEqual(['Ana edit: 10 (now)', 'Ana edit: 11', 'Ana rows: 10']);
      expect(cellConflicts(wb, sheet)).toEqual([]);
    }
  });

  test('a column retype is one entry for the values it converted', () => {
    const { a, sheet, sku, rows } = setup();
    a.setCell(sheet, rows[0], sku, '42');
    a.retypeColumn(sheet, sku, 'number', {}, { dropInvalid: true });
    expect(lines(cellHistory(a, sheet, rows[0], sku))[0]).toBe('Ana retype: 42 (now)');
  });
});

describe.each([
  ['Ana has the lower client id', false],
  ['Bo has the lower client id', true],
])('conflicts are never silent (%s)', (_label, descending) => {
  test('the same cell changed at once: one value is kept everywhere, the other stays in the history and the cell is marked', () => {
    const { a, b, sync, sheet, cost, rows } = setup(descending);
    a.setCell(sheet, rows[1], cost, 21);
    b.setCell(sheet, rows[1], cost, 22);
    sync();
    const kept = a.cell(sheet, rows[1], cost);
    const lostValue = kept === 21 ? 22 : 21;
    for (const wb of [a, b]) {
      expect(wb.cell(sheet, rows[1], cost)).toBe(kept);
      expect(hasConflict(wb, sheet, rows[1], cost)).toBe(true);
      expect(hasConflict(wb, sheet, rows[0], cost)).toBe(false);
      const [c] = cellConflicts(wb, sheet);
      expect(c?.rowId).toBe(rows[1]);
      expect(c?.lost.map((e) => e.value)).toEqual([lostValue]);
      const h = cellHistory(wb, sheet, rows[1], cost);
      expect(h.find((e) => e.current)?.value).toBe(kept);
      expect(h.find((e) => e.lost)?.value).toBe(lostValue);
    }
  });

  test('the mark stays after later edits and goes away for everyone once someone looked at the history', () => {
    const { a, b, sync, sheet, cost, rows } = setup(descending);
    a.setCell(sheet, rows[1], cost, 21);
    b.setCell(sheet, rows[1], cost, 22);
    sync();
    a.setCell(sheet, rows[1], cost, 23);
    sync();
    expect(hasConflict(b, sheet, rows[1], cost)).toBe(true);
    expect(markConflictSeen(b, sheet, rows[1], cost)).toBe(1);
    expect(markConflictSeen(b, sheet, rows[1], cost)).toBe(0);
    sync();
    for (const wb of [a, b]) {
      expect(hasConflict(wb, sheet, rows[1], cost)).toBe(false);
      const lost = cellHistory(wb, sheet, rows[1], cost).find((e) => e.lost);
      expect(lost?.seenBy?.userName).toBe('Bo');
    }
    // Looking is not an edit: undo does not bring the mark back.
    b.undo();
    expect(hasConflict(b, sheet, rows[1], cost)).toBe(false);
  });

  test('the same value typed at once loses nothing: no mark', () => {
    const { a, b, sync, sheet, cost, rows } = setup(descending);
    a.setCell(sheet, rows[1], cost, 25);
    b.setCell(sheet, rows[1], cost, 25);
    sync();
    expect(cellConflicts(a, sheet)).toEqual([]);
    expect(cellConflicts(b, sheet)).toEqual([]);
  });

  test('different cells of one row changed at once: both kept, no mark', () => {
    const { a, b, sync, sheet, sku, cost, rows } = setup(descending);
    a.setCell(sheet, rows[0], sku, 'B-1');
    b.setCell(sheet, rows[0], cost, 99);
    sync();
    expect(a.cell(sheet, rows[0], sku)).toBe('B-1');
    expect(a.cell(sheet, rows[0], cost)).toBe(99);
    expect(cellConflicts(a, sheet)).toEqual([]);
  });

  test('a cell never edited before, changed at once by both, is a conflict too', () => {
    const { a, b, sync, sheet, sku, rows } = setup(descending);
    a.setCells(sheet, [{ rowId: rows[0], colId: sku, value: 'X' }]);
    b.setBlock(sheet, 0, 0, [['Y']]);
    sync();
    expect(cellConflicts(a, sheet).map((c) => c.colId)).toEqual([sku]);
    expect(cellConflicts(b, sheet).map((c) => c.colId)).toEqual([sku]);
  });
});

describe('who is editing, and viewing only', () => {
  test('edits before a user is set are stamped as anonymous; setUser applies from then on', () => {
    const wb = Workbook.create();
    const sheet = wb.addSheet({ name: 'S', columns: [{ name: 'A', type: 'text' }] });
    const [col] = wb.columns(sheet).map((c) => c.id) as [string];
    const [row] = wb.insertRows(sheet) as [string];
    wb.setCell(sheet, row, col, 'x');
    wb.setUser(ANA);
    wb.setCell(sheet, row, col, 'y');
    expect(cellHistory(wb, sheet, row, col).map((e) => e.userId)).toEqual(['u-ana', 'anonymous']);
  });

  test('a workbook opened read-only refuses every operation with a sentence, writes nothing, and still takes teammates’ updates', () => {
    const source = Workbook.create({ name: 'Plan' });
    const sheet = source.addSheet({ name: 'S', columns: [{ name: 'A', type: 'text' }] });
    const [col] = source.columns(sheet).map((c) => c.id) as [string];
    const [row] = source.insertRows(sheet) as [string];
    const viewer = new Workbook(Workbook.load(source.encode()).doc, { readOnly: true });
    const before = viewer.encode();
    expect(() => viewer.setCell(sheet, row, col, 'x')).toThrow(ReadOnlyError);
    expect(() => viewer.addSheet({ name: 'T' })).toThrow(/viewing only; ask its owner for an editor link/);
    expect(() => viewer.setSettings({ name: 'Mine' })).toThrow(ReadOnlyError);
    expect(markConflictSeen(viewer, sheet, row, col)).toBe(0);
    expect(viewer.encode()).toEqual(before);
    source.setCell(sheet, row, col, 'from the team');
    viewer.applyUpdate(source.encode());
    expect(viewer.cell(sheet, row, col)).toBe('from the team');
  });
});
