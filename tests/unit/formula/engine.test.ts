/** The engine over a real Workbook: what a user sees after edits, renames, deletes, cycles, row changes and a new day. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { evaluateInWorkbook, FormulaEngine, FormulaError, type RecalcEvent, type Scalar } from '../../../src/formula/index.ts';
import { buildFixture, ids } from './fixture.ts';

const P = ids.products;
const I = ids.inventory;

const setup = () => {
  const f = buildFixture();
  const engine = FormulaEngine.attach(f.wb);
  const events: RecalcEvent[] = [];
  engine.onRecalc((e) => events.push(e));
  const summary = f.wb.addSheet({
    name: 'Summary',
    columns: [
      { id: 'kitchen', name: 'Kitchen cost', type: 'currency', formula: '=SUMIF(#products[#cat], "Kitchen", #products[#cost])' },
      { id: 'cheap', name: 'Cheap count', type: 'integer', formula: '=COUNTIFS(#products[#price], "<9")' },
      { id: 'stock', name: 'Stock', type: 'currency', formula: '=SUM(#inventory[#value])' },
      { id: 'look', name: 'Lookup', type: 'currency', formula: '=XLOOKUP("SKU-005", #products[#sku], #products[#price], -1)' },
      { id: 'note', name: 'Note', type: 'text' },
    ],
  });
  const [srow = ''] = f.wb.insertRows(summary, { count: 1 });
  events.length = 0;
  const sv = (col: string): Scalar => engine.value(summary, srow, col);
  return { ...f, engine, events, summary, srow, sv };
};

const code = (v: Scalar): string | undefined => (v instanceof FormulaError ? v.code : undefined);
const cells = (e: RecalcEvent | undefined, sheet: string): Record<string, string[]> =>
  Object.fromEntries([...(e?.sheets.get(sheet)?.cells ?? [])].map(([r, cs]) => [r, [...cs].sort()]));

describe('engine: column formulas compute for every row', () => {
  it('computes margin, cover and followed references, with their types', () => {
    const { engine, products, inventory } = setup();
    expect(engine.column(P, 'margin').values).toEqual([0.5, 0.25, 0.75, 0.2]);
    expect(engine.columnType(P, 'margin')).toBe('percent');
    expect(engine.columnType(I, 'value')).toBe('currency');
    expect(engine.value(I, inventory[0] ?? '', 'cover')).toBe(25);
    expect(code(engine.value(I, inventory[1] ?? '', 'cover'))).toBe('#DIV/0!');
    expect(engine.value(I, inventory[0] ?? '', 'value')).toBe(500);
    const missing = engine.value(I, inventory[2] ?? '', 'value');
    expect(missing).toMatchObject({ code: '#REF!', message: '[Product] refers to a deleted row: no row of "Products" has the key "SKU-009"' });
    expect(engine.cell(P, products[0] ?? '', 'launch')).toEqual({ value: 46037, type: 'date' });
  });

  it('gives the typed stored value for input cells', () => {
    const { engine, products } = setup();
    expect(engine.cell(P, products[0] ?? '', 'price')).toEqual({ value: 10, type: 'currency' });
    expect(engine.cell(P, products[0] ?? '', 'cat')).toEqual({ value: 'Kitchen', type: 'text' });
  });
});

describe('engine: an edit recomputes what depends on it, and says which cells changed', () => {
  it('a price edit changes that row’s margin and nothing else', () => {
    const { wb, engine, events, products } = setup();
    wb.setCell(P, products[1] ?? '', 'price', 12);
    expect(engine.value(P, products[1] ?? '', 'margin')).toBe(0.5);
    expect(events).toHaveLength(1);
    expect(cells(events[0], P)).toEqual({ [products[1] ?? '']: ['margin', 'price'] });
  });

  it('an edit feeding a SUMIF updates the total (and a category change moves a row between groups)', () => {
    const { wb, events, products, sv, summary, srow } = setup();
    expect(sv('kitchen')).toBe(6);
    wb.setCell(P, products[0] ?? '', 'cost', 7);
    expect(sv('kitchen')).toBe(8);
    expect(cells(events.at(-1), summary)).toEqual({ [srow]: ['kitchen'] });
    wb.setCell(P, products[1] ?? '', 'cat', 'Kitchen');
    expect(sv('kitchen')).toBe(14);
    wb.setCell(P, products[0] ?? '', 'cat', 'Home');
    expect(sv('kitchen')).toBe(7);
  });

  it('a criterion that is not an equality (">" …) still follows edits', () => {
    const { wb, products, sv } = setup();
    expect(sv('cheap')).toBe(2);
    wb.setCell(P, products[0] ?? '', 'price', 5);
    expect(sv('cheap')).toBe(3);
  });

  it('an aggregate of a formula column follows edits two steps away', () => {
    const { wb, products, inventory, sv } = setup();
    expect(sv('stock')).toMatchObject({ code: '#REF!' }); // SKU-009 is not a product: the sum shows the error, as Excel's does
    wb.setCell(I, inventory[2] ?? '', 'prod', 'SKU-004');
    expect(sv('stock')).toBe(500 + 30 + 100);
    wb.setCell(P, products[2] ?? '', 'cost', 2);
    expect(sv('stock')).toBe(500 + 60 + 100);
    wb.setCell(I, inventory[0] ?? '', 'onhand', 10);
    expect(sv('stock')).toBe(50 + 60 + 100);
  });

  it('XLOOKUP and followed references see new keys, changed keys and changed values', () => {
    const { wb, engine, products, inventory, sv } = setup();
    expect(sv('look')).toBe(-1);
    wb.setCell(P, products[3] ?? '', 'sku', 'SKU-005');
    expect(sv('look')).toBe(25);
    wb.setCell(P, products[3] ?? '', 'price', 30);
    expect(sv('look')).toBe(30);
    const [added = ''] = wb.insertRows(P, { values: [{ sku: 'SKU-009', cat: 'Home', cost: 2, price: 3 }] });
    expect(engine.value(I, inventory[2] ?? '', 'value')).toBe(10);
    wb.deleteRows(P, [added]);
    expect(code(engine.value(I, inventory[2] ?? '', 'value'))).toBe('#REF!');
  });

  it('a cell formula overrides its column and recomputes like any formula', () => {
    const { wb, engine, products } = setup();
    const row = products[0] ?? '';
    wb.setCell(P, row, 'margin', { f: '=[#cost] / [#price]' });
    expect(engine.cell(P, row, 'margin')).toEqual({ value: 0.5, type: 'number' });
    wb.setCell(P, row, 'price', 50);
    expect(engine.value(P, row, 'margin')).toBe(0.1);
    wb.setCell(P, row, 'margin', null);
    expect(engine.value(P, row, 'margin')).toBe(0.9);
    wb.setCell(P, row, 'cost', { f: '=[#price] * 0.5' });
    expect(engine.value(P, row, 'cost')).toBe(25);
    expect(engine.value(P, row, 'margin')).toBe(0.5);
  });

  it('compares at 15 significant digits, so 0.1 + 0.2 = 0.3 holds in a column too', () => {
    const { wb, engine } = setup();
    const s = wb.addSheet({ name: 'Float', columns: [
      { id: 'x', name: 'X', type: 'number' },
      { id: 'ok', name: 'OK', type: 'boolean', formula: '=[#x] + 0.2 = 0.3' },
    ] });
    const [r = ''] = wb.appendRows(s, ['x'], [[0.1]]);
    expect(engine.value(s, r, 'ok')).toBe(true);
  });
});

describe('engine: a new column formula', () => {
  it('of the same type recomputes that column (and what reads it), not the workbook', () => {
    const { wb, engine, events, products } = setup();
    wb.setColumnFormula(P, 'margin', '=[#cost] / [#price]');
    expect(engine.column(P, 'margin').values).toEqual([0.5, 0.75, 0.25, 0.8]);
    expect(events).toHaveLength(1);
    expect(events[0]?.sheets.get(P)?.columns.size).toBe(0);
    expect(cells(events[0], P)[products[1] ?? '']).toEqual(['margin']);
  });

  it('of another type rebuilds, so formulas reading it are checked again', () => {
    const { wb, engine, products } = setup();
    wb.addColumn(P, { id: 'm2', name: 'Double margin', type: 'number', formula: '=[#margin] * 2' });
    wb.setColumnFormula(P, 'margin', '=[#sku]');
    expect(engine.value(P, products[0] ?? '', 'margin')).toBe('SKU-001');
    expect(engine.value(P, products[0] ?? '', 'm2')).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('cannot multiply text') });
  });
});

describe('engine: rows come and go', () => {
  it('inserted rows are computed and counted; deleted rows leave the totals', () => {
    const { wb, engine, sv } = setup();
    const [r = ''] = wb.insertRows(P, { index: 0, values: [{ sku: 'SKU-010', cat: 'Kitchen', cost: 3, price: 6 }] });
    expect(engine.value(P, r, 'margin')).toBe(0.5);
    expect(sv('kitchen')).toBe(9);
    expect(engine.evaluate('=INDEX(Products[SKU], 1)')).toMatchObject({ value: 'SKU-010' });
    wb.deleteRows(P, [r]);
    expect(sv('kitchen')).toBe(6);
    expect(engine.evaluate('=INDEX(Products[SKU], 1)')).toMatchObject({ value: 'SKU-001' });
  });

  it('moving rows changes which duplicate XLOOKUP finds first', () => {
    const { wb, products, sv } = setup();
    wb.setCell(P, products[0] ?? '', 'sku', 'SKU-005');
    wb.setCell(P, products[1] ?? '', 'sku', 'SKU-005');
    expect(sv('look')).toBe(10);
    wb.moveRows(P, [products[1] ?? ''], products[0] ?? '');
    expect(sv('look')).toBe(8);
  });
});

describe('engine: renames and deletes', () => {
  it('renaming a column or sheet rewrites how formulas read, not what they compute (only a reason that names it is written again)', () => {
    const { wb, engine, events, summary, srow, inventory } = setup();
    wb.renameColumn(P, 'cost', 'Unit cost');
    wb.renameSheet(P, 'Goods');
    expect(engine.display(wb.column(P, 'margin')?.formula ?? '', P)).toBe('=([Price] - [Unit cost]) / [Price]');
    expect(engine.display(wb.column(summary, 'kitchen')?.formula ?? '', summary)).toBe('=SUMIF(Goods[Category], "Kitchen", Goods[Unit cost])');
    expect(engine.check('=SUM(Goods[Unit cost])')).toMatchObject({ ok: true, stored: '=SUM(#products[#cost])' });
    expect(engine.check('=SUM(Products[Cost])')).toMatchObject({ ok: false, message: 'no sheet "Products"' });
    // SKU-009's stock value says no row of "Products" has it: that reason (and the sum it reaches) now says "Goods".
    expect(events).toHaveLength(1);
    expect(cells(events[0], I)).toEqual({ [inventory[2] ?? '']: ['value'] });
    expect(cells(events[0], summary)).toEqual({ [srow]: ['stock'] });
    expect(engine.value(I, inventory[2] ?? '', 'value')).toMatchObject({ message: expect.stringContaining('no row of "Goods"') });
  });

  it('deleting a column turns its dependents into #REF! with a message; undo brings them back', () => {
    const { wb, engine, products, sv, summary } = setup();
    wb.deleteColumn(P, 'cost');
    expect(engine.value(P, products[0] ?? '', 'margin')).toMatchObject({ code: '#REF!', message: expect.stringContaining('deleted') });
    expect(code(sv('kitchen'))).toBe('#REF!');
    expect(engine.display(wb.column(summary, 'kitchen')?.formula ?? '', summary)).toBe('=SUMIF(Products[Category], "Kitchen", #REF!)');
    expect(engine.display(wb.column(P, 'margin')?.formula ?? '', P)).toBe('=([Price] - #REF!) / [Price]');
    wb.undo();
    expect(engine.value(P, products[0] ?? '', 'margin')).toBe(0.5);
    expect(sv('kitchen')).toBe(6);
  });

  it('deleting a row others refer to: what follows the reference is #REF! saying so, not #N/A; undo brings the values back', () => {
    const { wb, engine, products, inventory } = setup();
    wb.addColumn(I, { id: 'price2', name: 'Double price', type: 'currency', formula: '=[#prod].[#price] * 2' });
    wb.addColumn(I, { id: 'cat', name: 'Category', type: 'text', formula: '=[#prod].[#cat]' });
    const row = inventory[1] ?? '';
    expect([engine.value(I, row, 'price2'), engine.value(I, row, 'cat')]).toEqual([8, 'Kitchen']);
    wb.clearHistory();
    wb.deleteRows(P, [products[2] ?? '']);
    const why = '[Product] refers to a deleted row: no row of "Products" has the key "SKU-003"';
    for (const col of ['price2', 'cat', 'value']) {
      const v = engine.value(I, row, col);
      expect(v, col).toMatchObject({ code: '#REF!', message: why, detail: { code: 'ref.rowDeleted', args: ['Product', 'Products', 'SKU-003'] } });
    }
    // Other rows keep their values; a lookup that finds nothing stays #N/A.
    expect(engine.value(I, inventory[0] ?? '', 'price2')).toBe(20);
    expect(engine.evaluate('=XLOOKUP("SKU-003", Products[SKU], Products[Price])')).toMatchObject({ value: { code: '#N/A' } });
    // The reason names the sheet and the column as they are called now.
    wb.renameSheet(P, 'Goods');
    wb.renameColumn(I, 'prod', 'Item');
    expect(engine.value(I, row, 'cat')).toMatchObject({ message: '[Item] refers to a deleted row: no row of "Goods" has the key "SKU-003"' });
    wb.undo();
    wb.undo();
    wb.undo();
    expect([engine.value(I, row, 'price2'), engine.value(I, row, 'cat'), engine.value(I, row, 'value')]).toEqual([8, 'Kitchen', 30]);
  });

  it('deleting a sheet turns formulas that used it into #REF!', () => {
    const { wb, engine, inventory, sv } = setup();
    wb.deleteSheet(P);
    expect(code(engine.value(I, inventory[0] ?? '', 'value'))).toBe('#REF!');
    expect(code(sv('look'))).toBe('#REF!');
  });

  it('a formula that no longer type-checks after a retype shows #VALUE! with the reason', () => {
    const { wb, engine, products } = setup();
    wb.retypeColumn(P, 'cost', 'text');
    expect(engine.value(P, products[0] ?? '', 'margin')).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('cannot subtract text from currency') });
  });
});

describe('engine: cycles', () => {
  it('two columns that read each other are #CYCLE!, naming the members', () => {
    const { wb, engine, products } = setup();
    wb.addColumn(P, { id: 'x', name: 'X', type: 'number', formula: '=[#y] + 1' });
    wb.addColumn(P, { id: 'y', name: 'Y', type: 'number', formula: '=[#x] + 1' });
    const v = engine.value(P, products[0] ?? '', 'x');
    expect(v).toMatchObject({ code: '#CYCLE!', message: 'circular reference: Products[X] row 1, Products[Y] row 1' });
    expect(code(engine.value(P, products[3] ?? '', 'y'))).toBe('#CYCLE!');
    expect(engine.value(P, products[0] ?? '', 'margin')).toBe(0.5);
    wb.setColumnFormula(P, 'y', '=[#price]');
    expect(engine.value(P, products[0] ?? '', 'x')).toBe(11);
  });

  it('a cycle through cells of one row only touches that row', () => {
    const { wb, engine, products } = setup();
    wb.addColumn(P, { id: 'x', name: 'X', type: 'number', formula: '=[#price] * 2' });
    wb.setCell(P, products[1] ?? '', 'price', { f: '=[#x] + 1' });
    expect(code(engine.value(P, products[1] ?? '', 'x'))).toBe('#CYCLE!');
    expect(engine.value(P, products[0] ?? '', 'x')).toBe(20);
    wb.setCell(P, products[1] ?? '', 'price', 4);
    expect(engine.value(P, products[1] ?? '', 'x')).toBe(8);
  });

  it('a column that sums itself is a cycle, not a crash, also after an edit', () => {
    const { wb, engine, products } = setup();
    wb.addColumn(P, { id: 'x', name: 'X', type: 'number', formula: '=[#price] / SUM(#products[#x])' });
    expect(code(engine.value(P, products[0] ?? '', 'x'))).toBe('#CYCLE!');
    wb.setCell(P, products[1] ?? '', 'price', 9);
    expect(engine.column(P, 'x').values.map(code)).toEqual(['#CYCLE!', '#CYCLE!', '#CYCLE!', '#CYCLE!']);
  });

  it('a column that counts itself through an index is a cycle too', () => {
    const { wb, engine, products } = setup();
    wb.addColumn(P, { id: 'x', name: 'X', type: 'integer', formula: '=COUNTIF(#products[#x], 1)' });
    wb.addColumn(P, { id: 'y', name: 'Y', type: 'currency', formula: '=XLOOKUP("SKU-001", #products[#y], #products[#price], 0)' });
    expect(code(engine.value(P, products[0] ?? '', 'x'))).toBe('#CYCLE!');
    expect(code(engine.value(P, products[2] ?? '', 'y'))).toBe('#CYCLE!');
  });
});

describe('engine: TODAY()', () => {
  it('is recomputed when the date changes', () => {
    let now = new Date(2026, 10, 29, 23, 59);
    const { wb } = buildFixture();
    const s = wb.addSheet({ name: 'Age', columns: [
      { id: 'since', name: 'Since', type: 'date' },
      { id: 'days', name: 'Days', type: 'integer', formula: '=TODAY() - [#since]' },
    ] });
    const [r = ''] = wb.appendRows(s, ['since'], [['2026-11-01']]);
    const engine = FormulaEngine.attach(wb, { clock: () => now });
    expect(engine.value(s, r, 'days')).toBe(28);
    expect(engine.refreshToday()).toBe(false);
    now = new Date(2026, 10, 30, 0, 1);
    const seen: RecalcEvent[] = [];
    engine.onRecalc((e) => seen.push(e));
    expect(engine.refreshToday()).toBe(true);
    expect(engine.value(s, r, 'days')).toBe(29);
    expect(cells(seen[0], s)).toEqual({ [r]: ['days'] });
    engine.dispose();
  });
});

describe('engine: computed values stay in memory', () => {
  it('recalculation writes nothing to the document', () => {
    const { wb, products } = setup();
    let updates = 0;
    const count = () => updates++;
    wb.doc.on('update', count);
    const before = Y.encodeStateVector(wb.doc);
    const engine2 = FormulaEngine.attach(wb);
    engine2.rebuild();
    engine2.refreshToday();
    expect(updates).toBe(0);
    wb.setCell(P, products[0] ?? '', 'price', 11);
    expect(updates).toBe(1);
    expect(Y.encodeStateVector(wb.doc)).not.toEqual(before);
    wb.doc.off('update', count);
  });
});

describe('evaluateInWorkbook (the CLI’s eval --workbook)', () => {
  it('evaluates free-standing formulas over whole columns', () => {
    const { wb } = buildFixture();
    expect(evaluateInWorkbook(wb, '=SUM(Products[Cost])')).toEqual({ value: 32, type: 'currency' });
    expect(evaluateInWorkbook(wb, ['=MAX(Products[Launch])', '=AVERAGE(库存[On hand])'])).toEqual([
      { value: '2026-03-01', type: 'date' },
      { value: 45, type: 'number' },
    ]);
    expect(evaluateInWorkbook(wb, '=SUM(Products[Cost]) / 0')).toEqual({ error: '#DIV/0!', message: 'division by zero' });
    expect(evaluateInWorkbook(wb, '=[Cost] * 2')).toMatchObject({ error: '#TYPE!', message: expect.stringContaining('has no row') });
    expect(evaluateInWorkbook(wb, '=SUM(Products[Prce])')).toMatchObject({ error: '#TYPE!', message: expect.stringContaining('did you mean "Price"?') });
  });
});
