/**
 * View sheets and array results in the engine: a view's columns (named and typed as the columns they
 * come from), its rows (the source rows' ids), kept current incrementally as its sources change,
 * and what happens when a source goes away or the document holds a formula that cannot be used; a
 * cell whose own formula gives an array; arrays under the formula limits.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { evaluateInWorkbook, FormulaEngine, FormulaError, type RecalcEvent } from '../../../src/formula/index.ts';
import { addViewSheet, setViewFormula, Workbook } from '../../../src/model/index.ts';
import { salesWorkbook, SALES } from './array-examples.ts';

/** The first value of each row of a view, and its columns as "id:type". */
const shown = (engine: FormulaEngine, sheetId: string) => {
  const v = engine.view(sheetId);
  if (!v) throw new Error('not a view sheet');
  return {
    columns: v.columns.map((c) => `${c.id}:${c.type}`),
    first: v.rowIds.map((_, r) => v.at(r, 0)),
    error: v.error?.message,
  };
};

describe('view sheets: columns and rows', () => {
  it('shows the rows its formula gives, with the source columns’ ids, names and types, and the source rows’ ids', () => {
    const wb = salesWorkbook();
    const engine = FormulaEngine.attach(wb);
    const id = addViewSheet(wb, { name: 'Apples', formula: '=SORTBY(FILTER(#sales, #sales[#product] = "Apple"), #sales[#units], -1)' });
    const v = engine.view(id);
    expect(v?.columns.map((c) => [c.id, c.type, c.name])).toEqual([
      ['region', 'text', 'Region'], ['rep', 'text', 'Sales Rep'], ['product', 'text', 'Product'], ['units', 'integer', 'Units'],
    ]);
    expect(shown(engine, id).first).toEqual(['South', 'East', 'East', 'South']);
    const salesRows = wb.rowIds('sales');
    // Hector's 9,814 apples are the 16th row of Sales: the view's first row is that row.
    expect(v?.rowIds[0]).toBe(salesRows[15]);
    expect(v?.rowIndex(salesRows[15] ?? '')).toBe(0);
    expect(v?.at(0, 3)).toBe(9814);
    // Nothing of the rows is stored: the view sheet has no rows or columns of its own.
    expect([wb.rowIds(id).length, wb.columns(id).length]).toEqual([0, 0]);
  });

  it('names a computed column by its place, and repeats of one row get their own ids', () => {
    const wb = salesWorkbook();
    const engine = new FormulaEngine(wb);
    const id = addViewSheet(wb, { name: 'Twice', formula: '=VSTACK(TAKE(#sales, 1), TAKE(#sales, 1))' });
    const id2 = addViewSheet(wb, { name: 'Doubled', formula: '=#sales[#units] * 2' });
    engine.rebuild();
    const twice = engine.view(id);
    expect(twice?.rowIds).toEqual([wb.rowIds('sales')[0], `${wb.rowIds('sales')[0]}~2`]);
    expect(engine.view(id2)?.columns.map((c) => [c.id, c.type, c.name])).toEqual([['c1', 'integer', undefined]]);
    expect(engine.view(id2)?.at(0, 0)).toBe(12760);
    expect(engine.view('sales')).toBeUndefined();
  });

  it('follows edits of its sources, and nothing else is recomputed', () => {
    const wb = salesWorkbook();
    const engine = FormulaEngine.attach(wb);
    const id = addViewSheet(wb, { name: 'Big', formula: '=FILTER(#sales[#rep], #sales[#units] > 7000)' });
    expect(shown(engine, id).first).toEqual(['Sravan', 'Xi', 'Hector']);
    const events: RecalcEvent[] = [];
    engine.onRecalc((e) => events.push(e));
    wb.setCell('sales', wb.rowIds('sales')[0] ?? '', 'units', 8000);
    expect(shown(engine, id).first).toEqual(['Tom', 'Sravan', 'Xi', 'Hector']);
    expect([...(events.at(-1)?.sheets.keys() ?? [])]).toContain(id);
    wb.deleteRows('sales', [wb.rowIds('sales')[15] ?? '']);
    expect(shown(engine, id).first).toEqual(['Tom', 'Sravan', 'Xi']);
    wb.insertRows('sales', { index: 0, values: [{ rep: 'Ann', units: 9999 }] });
    expect(shown(engine, id).first).toEqual(['Ann', 'Tom', 'Sravan', 'Xi']);
    // An edit the view does not read leaves it alone.
    events.length = 0;
    wb.setCell('sales', wb.rowIds('sales')[3] ?? '', 'region', 'Far North');
    expect(events.flatMap((e) => [...e.sheets.keys()])).not.toContain(id);
  });

  it('takes a new formula, and a renamed source column shows its new name', () => {
    const wb = salesWorkbook();
    const engine = FormulaEngine.attach(wb);
    const id = addViewSheet(wb, { name: 'Reps', formula: '=UNIQUE(#sales[#rep])' });
    expect(shown(engine, id)).toMatchObject({ columns: ['rep:text'], first: ['Tom', 'Fred', 'Amy', 'Sal', 'Fritz', 'Sravan', 'Xi', 'Hector'] });
    setViewFormula(wb, id, '=SORT(UNIQUE(#sales[#region]))');
    expect(shown(engine, id)).toMatchObject({ columns: ['region:text'], first: ['East', 'North', 'South', 'West'] });
    wb.renameColumn('sales', 'region', 'Area');
    expect(engine.view(id)?.columns[0]?.name).toBe('Area');
    // Undo brings the old formula back; undoing the view's creation takes it away.
    wb.undo();
    wb.undo();
    expect(shown(engine, id).first).toEqual(['Tom', 'Fred', 'Amy', 'Sal', 'Fritz', 'Sravan', 'Xi', 'Hector']);
    wb.undo();
    expect(engine.view(id)).toBeUndefined();
  });

  it('says why it shows nothing when its source is deleted, and shows its rows again when the deletion is undone', () => {
    const wb = salesWorkbook();
    const engine = FormulaEngine.attach(wb);
    const id = addViewSheet(wb, { name: 'All', formula: '=#sales' });
    expect(shown(engine, id).first).toHaveLength(16);
    wb.deleteSheet('sales');
    expect(shown(engine, id)).toMatchObject({ first: [], error: 'the sheet this formula used was deleted' });
    wb.undo();
    expect(shown(engine, id).first).toHaveLength(16);
  });

  it('a formula another client wrote that cannot be used (not text, over the limits, not checking) is an error, never a crash', () => {
    const wb = salesWorkbook();
    const id = addViewSheet(wb, { name: 'View', formula: '=#sales' });
    const meta = (wb.doc.getMap('sheets') as Y.Map<Y.Map<unknown>>).get(id);
    const engine = FormulaEngine.attach(wb);
    for (const [raw, why] of [
      [42, /no formula that can be read/],
      ['=SUM(#sales[#units])', /view sheet shows the rows of a table/],
      [`=${'('.repeat(200)}1${')'.repeat(200)}`, /nests more than 100 levels/],
      ['=#nosuch', /deleted/],
    ] as const) {
      wb.doc.transact(() => meta?.set('formula', raw));
      const v = engine.view(id);
      expect(v?.rowIds, String(raw)).toEqual([]);
      expect(v?.error?.message, String(raw)).toMatch(why);
    }
    // Rows another client wrote into the view sheet are not shown: its rows come from its formula.
    wb.doc.transact(() => meta?.set('formula', '=#sales[#rep]'));
    (meta?.get('rows') as Y.Map<unknown>).set('stray', ['l1', 'x']);
    expect(new FormulaEngine(wb).view(id)?.rowIds).toHaveLength(16);
  });

  it('cannot be read by formulas, nor typed into, nor imported into; a view of a view is refused', () => {
    const wb = salesWorkbook();
    const engine = FormulaEngine.attach(wb);
    addViewSheet(wb, { name: 'Top', formula: '=TAKE(#sales, 3)' });
    expect(engine.check('=SUM(Top[Units])')).toMatchObject({ ok: false, message: expect.stringContaining('"Top" is a view sheet; formulas cannot read its rows') });
    expect(engine.check('=FILTER(Top, TRUE)', { result: 'array' })).toMatchObject({ ok: false, message: expect.stringContaining('is a view sheet') });
    expect(() => setViewFormula(wb, 'sales', '=#sales')).toThrow(/Only a view sheet has a formula/);
    expect(() => addViewSheet(wb, { name: 'Bad', formula: 'SUM(1)' })).toThrow(/starting with "="/);
  });
});

describe('a cell whose own formula gives an array', () => {
  it('keeps the array; the cell reads as its first value; a column formula cannot give one', () => {
    const wb = salesWorkbook();
    const engine = FormulaEngine.attach(wb);
    wb.addColumn('sales', { id: 'note', name: 'Note', type: 'text' });
    wb.addColumn('sales', { id: 'echo', name: 'Echo', type: 'text', formula: '=[#note]' });
    const row = wb.rowIds('sales')[0] ?? '';
    expect(engine.check('=SORT(UNIQUE(Sales[Product]))', { sheetId: 'sales', colId: 'note', row: true, result: 'any' })).toMatchObject({ ok: true });
    wb.setCell('sales', row, 'note', { f: '=SORT(UNIQUE(#sales[#product]))' });
    expect(engine.cell('sales', row, 'note')).toMatchObject({ value: 'Apple', holdsArray: true });
    expect(engine.arrayAt('sales', row, 'note')?.table.column(0)).toEqual(['Apple', 'Banana', 'Grape', 'Pear']);
    expect(engine.value('sales', row, 'echo')).toBe('Apple');
    wb.setCell('sales', wb.rowIds('sales')[1] ?? '', 'product', 'Apricot');
    expect(engine.arrayAt('sales', row, 'note')?.table.column(0)).toEqual(['Apple', 'Apricot', 'Banana', 'Grape', 'Pear']);
    // A column computes one value a row: a whole column there is refused, pointing at it.
    expect(engine.check('=Sales[Units] * 2', { sheetId: 'sales', colId: 'echo', row: true })).toMatchObject({
      ok: false, message: expect.stringContaining('this is a whole column, so the formula gives a list of values'), from: 1, to: 13,
    });
    expect(engine.check('=SEQUENCE(3)', { sheetId: 'sales', colId: 'echo', row: true })).toMatchObject({
      ok: false, message: expect.stringContaining('make a view sheet of it'),
    });
  });
});

describe('arrays under the formula limits', () => {
  it('a huge array is an error value, found before it is built', () => {
    const t = performance.now();
    for (const f of ['=SEQUENCE(1E9)', '=SUM(SEQUENCE(100000, 100000))', '=SEQUENCE(1, 100000) * SEQUENCE(100000)', '=TEXTSPLIT(REPT(",", 16000) & REPT(";", 16000), ",", ";")']) {
      expect(evaluateInWorkbook(salesWorkbook(), f), f).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('at most 10,000,000 are allowed') });
    }
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('values arrays build count toward the step budget: 300 cells each summing a 250,000-value SEQUENCE stop at it', () => {
    const wb = Workbook.create({ name: 'Heavy' });
    wb.addSheet({ id: 'h', name: 'H', columns: [{ id: 'x', name: 'X', type: 'integer', formula: '=SUM(SEQUENCE(250000))' }] });
    wb.insertRows('h', { count: 300 });
    const values = new FormulaEngine(wb).column('h', 'x').values;
    const stopped = values.filter((v) => v instanceof FormulaError && /more than 100,000,000 steps/.test(v.message));
    expect(stopped.length).toBeGreaterThan(50);
    expect(stopped.length).toBeLessThan(300);
    // Cells computed before the budget ran out are right.
    expect(values.find((v) => typeof v === 'number')).toBe((250000 * 250001) / 2);
  }, 60_000);

  it('the Microsoft sample is not changed by reading it as arrays', () => {
    const wb = salesWorkbook();
    evaluateInWorkbook(wb, ['=SORT(Sales, 4, -1)', '=FILTER(Sales, Sales[Units] > 0)', '=UNIQUE(Sales)']);
    expect(wb.columnValues('sales', 'units')).toEqual(SALES.map((r) => r[3]));
  });
});
