/**
 * View sheets in the model: only their identity and their formula are stored (checked when read,
 * never thrown), concurrent changes of the formula converge, and rows cannot be added to one.
 */
import { describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { addViewSheet, setViewFormula, Workbook } from '../../../src/model/index.ts';
import { DamageWatch } from '../../../src/model/damage-watch.ts';
import { repairEntry } from '../../../src/model/repair.ts';
import { validateViewFormula } from '../../../src/schema/index.ts';
import { peerWrites } from '../../support/peer-write.ts';
import { seededRandom } from '../../support/random.ts';
import { Network } from '../../support/replicas.ts';

describe('the view formula record', () => {
  const long = (n: number) => `=${'x'.repeat(n - 1)}`;
  test.each<[string, boolean, unknown]>([
    ['=FILTER(#s, TRUE)', true, '=FILTER(#s, TRUE)'],
    ['=1', true, '=1'],
    ['no =', false, 'FILTER(#s, TRUE)'],
    ['empty text', false, ''],
    ['a number', false, 42],
    ['null', false, null],
    ['undefined', false, undefined],
    ['an object', false, { f: '=1' }],
    ['a list', false, ['=']],
    ['65,536 characters', true, long(65_536)],
    ['65,537 characters', false, long(65_537)],
  ])('validateViewFormula(%s) → ok %s, and never throws', (_label, ok, raw) => {
    const r = validateViewFormula(raw);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.value).toBe(raw);
    else expect(r.problem).toMatch(/view formula/);
  });
});

describe('the view sheet record read through the stored-sheet checker', () => {
  const damaged = (wb: Workbook) => {
    const watch = new DamageWatch(wb);
    try {
      return watch.report().entries;
    } finally {
      watch.dispose();
    }
  };
  const plan = () => {
    const wb = Workbook.create({ name: 'plan' });
    wb.addSheet({ id: 's', name: 'Stock', columns: [{ id: 'n', name: 'N', type: 'integer' }] });
    const id = addViewSheet(wb, { name: 'Low', formula: '=FILTER(#s, #s[#n] < 5)' });
    wb.clearHistory();
    return { wb, id };
  };

  test('a view sheet written correctly is no damage', () => {
    expect(damaged(plan().wb)).toEqual([]);
  });

  test.each<[string, unknown, object]>([
    ['a record', { evil: true }, { code: 'type', field: 'formula', expected: 'text', got: 'record' }],
    ['a number', 42, { code: 'type', field: 'formula', expected: 'text', got: 'number' }],
    ['text without "="', 'FILTER(#s, TRUE)', { code: 'format', field: 'formula', expected: 'formula', value: 'FILTER(#s, TRUE)' }],
    ['65,537 characters', `=${'x'.repeat(65_536)}`, { code: 'tooLong', field: 'formula', length: 65_537, max: 65_536 }],
  ])('a formula stored as %s is listed as needing repair; reset removes it and the sheet asks for one', (_label, raw, problem) => {
    const { wb, id } = plan();
    peerWrites(wb, (p) => p.sheet(id).set('formula', raw));
    // The sheet still shows, as a view without a formula to read.
    expect(wb.sheet(id)).toEqual({ id, name: 'Low', kind: 'view' });
    const [e, ...rest] = damaged(wb);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ kind: 'sheet', sheetId: id, name: 'Low', hidden: false, repairs: ['reset', 'remove'], problems: [problem] });
    if (!e) return;
    repairEntry(wb, e, 'reset');
    expect(damaged(wb)).toEqual([]);
    expect(wb.sheet(id)).toEqual({ id, name: 'Low', kind: 'view' });
    // Giving it a formula again makes it a working view.
    setViewFormula(wb, id, '=#s');
    expect(wb.sheet(id)?.formula).toBe('=#s');
  });

  test('a damaged kind reads as a plain sheet (its formula is not read), and is listed; a kind the app does not know is a custom sheet', () => {
    const { wb, id } = plan();
    peerWrites(wb, (p) => p.sheet(id).set('kind', ['view']));
    expect(wb.sheet(id)).toEqual({ id, name: 'Low', kind: 'custom' });
    expect(damaged(wb)).toMatchObject([{ kind: 'sheet', sheetId: id, problems: [{ code: 'type', field: 'kind', expected: 'text', got: 'list' }] }]);
    peerWrites(wb, (p) => p.sheet(id).set('kind', 'spreadsheet-of-the-future'));
    expect(wb.sheet(id)).toEqual({ id, name: 'Low', kind: 'spreadsheet-of-the-future' });
    expect(wb.rowIds(id)).toEqual([]);
  });

  test('a formula on a sheet that is not a view is not read', () => {
    const { wb } = plan();
    peerWrites(wb, (p) => p.sheet('s').set('formula', '=1'));
    expect(wb.sheet('s')).toEqual({ id: 's', name: 'Stock', kind: 'custom' });
    expect(damaged(wb)).toEqual([]);
  });
});

describe('view sheets in the model', () => {
  test('store their identity and formula only; the formula reads back, and a bad one is left out', () => {
    const wb = Workbook.create({ name: 'plan' });
    wb.addSheet({ id: 's', name: 'Stock', columns: [{ id: 'n', name: 'N', type: 'integer' }] });
    const id = addViewSheet(wb, { name: 'Low', formula: '=FILTER(#s, #s[#n] < 5)', index: 0 });
    expect(wb.sheets()[0]).toEqual({ id, name: 'Low', kind: 'view', formula: '=FILTER(#s, #s[#n] < 5)' });
    expect([wb.rowIds(id), wb.columns(id)]).toEqual([[], []]);
    expect(Workbook.load(wb.encode()).sheet(id)?.formula).toBe('=FILTER(#s, #s[#n] < 5)');
    expect(wb.toJSON().sheets[0]).toMatchObject({ kind: 'view', formula: '=FILTER(#s, #s[#n] < 5)', rows: [] });
    // A value another client wrote that is not a formula is not read as one (the engine says why).
    const meta = (wb.doc.getMap('sheets') as Y.Map<Y.Map<unknown>>).get(id);
    wb.doc.transact(() => meta?.set('formula', { evil: true }));
    expect(wb.sheet(id)).toEqual({ id, name: 'Low', kind: 'view' });
    // Only a view sheet has a formula; a bad formula is refused with the reason.
    expect(() => setViewFormula(wb, 's', '=1')).toThrow('Only a view sheet has a formula');
    expect(() => setViewFormula(wb, id, 'SUM(1)')).toThrow('A view formula is a text of at most 65,536 characters starting with "=".');
    expect(() => addViewSheet(wb, { name: 'Stock', formula: '=1' })).toThrow(/already a sheet named "Stock"/);
  });

  test('adding one and changing its formula are each one undo step', () => {
    const wb = Workbook.create({ name: 'plan' });
    const id = addViewSheet(wb, { name: 'V', formula: '=1' });
    setViewFormula(wb, id, '=2');
    expect(wb.sheet(id)?.formula).toBe('=2');
    wb.undo();
    expect(wb.sheet(id)?.formula).toBe('=1');
    wb.undo();
    expect(wb.hasSheet(id)).toBe(false);
    wb.redo();
    expect(wb.sheet(id)?.formula).toBe('=1');
  });

  test('changes of the formula made at once on two replicas converge to one', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const net = new Network(3, seededRandom(seed));
      const [a, b, c] = net.replicas as [Workbook, Workbook, Workbook];
      const id = addViewSheet(a, { name: 'V', formula: '=1' });
      net.settle();
      setViewFormula(b, id, '=2');
      setViewFormula(c, id, '=3');
      a.renameSheet(id, 'Renamed');
      net.settle();
      const formulas = net.replicas.map((wb) => wb.sheet(id)?.formula);
      expect(new Set(formulas).size, `seed ${seed}`).toBe(1);
      expect(['=2', '=3']).toContain(formulas[0]);
      expect(net.replicas.map((wb) => wb.sheet(id)?.name)).toEqual(['Renamed', 'Renamed', 'Renamed']);
    }
  });

  test('take no rows or columns: they come from the formula', () => {
    const wb = Workbook.create({ name: 'plan' });
    const id = addViewSheet(wb, { name: 'V', formula: '=1' });
    expect(() => wb.insertRows(id, { count: 1 })).toThrow('A view sheet’s rows come from its formula and cannot be added to.');
    expect(() => wb.appendRows(id, [], [[]])).toThrow(/cannot be added to/);
    expect(() => wb.addColumn(id, { name: 'X', type: 'text' })).toThrow(/cannot be added to/);
    expect(() => wb.setBlock(id, 0, 0, [['x']], { grow: true })).toThrow(/cannot be added to/);
    expect(wb.rowIds(id)).toEqual([]);
  });
});
