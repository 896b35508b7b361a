/**
 * What formulas read besides cells: RAND() stable per cell (every teammate and the CLI see the same
 * number), NOW() recomputed every minute, HLOOKUP recomputed when a column is renamed, and LET
 * bindings in column formulas.
 */
import { describe, expect, it } from 'vitest';
import { evaluateInWorkbook, FormulaEngine } from '../../../src/formula/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { buildFixture, ids } from './fixture.ts';

/** A sheet of `n` rows with a RAND() column and a RANDBETWEEN column. */
const randomSheet = (n: number) => {
  const wb = Workbook.create({ name: 'Random' });
  const s = wb.addSheet({
    name: 'Split',
    columns: [
      { id: 'user', name: 'User', type: 'integer' },
      { id: 'r', name: 'R', type: 'number', formula: '=RAND()' },
      { id: 'arm', name: 'Arm', type: 'text', formula: '=IF(RAND() < 0.5, "A", "B")' },
      { id: 'die', name: 'Die', type: 'integer', formula: '=RANDBETWEEN(1, 6)' },
    ],
  });
  wb.appendRows(s, ['user'], Array.from({ length: n }, (_, i) => [i + 1]));
  return { wb, s };
};

describe('RAND and RANDBETWEEN are stable per cell', () => {
  it('two replicas of the workbook compute the same numbers', () => {
    const { wb, s } = randomSheet(200);
    const replica = Workbook.load(wb.encode());
    const a = new FormulaEngine(wb).column(s, 'r').values;
    const b = new FormulaEngine(replica).column(s, 'r').values;
    expect(b).toEqual(a);
    expect(new FormulaEngine(replica).column(s, 'die').values).toEqual(new FormulaEngine(wb).column(s, 'die').values);
  });

  it('differ from row to row and spread evenly', () => {
    const { wb, s } = randomSheet(2000);
    const engine = new FormulaEngine(wb);
    const r = engine.column(s, 'r').values as number[];
    expect(new Set(r).size).toBe(2000);
    expect(r.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = r.reduce((x, y) => x + y, 0) / r.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
    const arms = engine.column(s, 'arm').values;
    const a = arms.filter((x) => x === 'A').length;
    expect(a).toBeGreaterThan(900);
    expect(a).toBeLessThan(1100);
    const dice = engine.column(s, 'die').values as number[];
    for (let k = 1; k <= 6; k++) expect(dice.filter((d) => d === k).length).toBeGreaterThan(250);
  });

  it('stay put when other cells change, and draw again when the formula is rewritten', () => {
    const { wb, s } = randomSheet(20);
    const engine = FormulaEngine.attach(wb);
    const before = engine.column(s, 'r').values;
    const rows = wb.rowIds(s);
    wb.setCell(s, rows[3] ?? '', 'user', 99);
    wb.insertRows(s, { count: 1 });
    expect(engine.column(s, 'r').values.slice(0, 20)).toEqual(before);
    wb.setColumnFormula(s, 'r', '=RAND() ');
    const after = engine.column(s, 'r').values.slice(0, 20);
    expect(after.filter((x, i) => x !== before[i]).length).toBe(20);
  });

  it('from the command line, the same formula gives the same number every time', () => {
    const { wb } = randomSheet(1);
    expect(evaluateInWorkbook(wb, '=RAND()')).toEqual(evaluateInWorkbook(wb, '=RAND()'));
    const [x, y] = evaluateInWorkbook(wb, ['=RAND()', '=RAND() + 0']);
    expect(x).not.toEqual(y);
  });
});

describe('NOW() is recomputed every minute', () => {
  it('a cell showing the time follows the clock', () => {
    let now = new Date(2026, 10, 29, 9, 5, 0);
    const { wb } = buildFixture();
    const s = wb.addSheet({ name: 'Clock', columns: [{ id: 't', name: 'Time', type: 'text', formula: '=TEXT(NOW(), "hh:mm")' }] });
    const [row = ''] = wb.insertRows(s, { count: 1 });
    const engine = FormulaEngine.attach(wb, { clock: () => now });
    expect(engine.value(s, row, 't')).toBe('09:05');
    now = new Date(2026, 10, 29, 9, 6, 0);
    let events = 0;
    engine.onRecalc(() => events++);
    expect(engine.refreshNow()).toBe(true);
    expect(engine.value(s, row, 't')).toBe('09:06');
    expect(events).toBe(1);
    engine.dispose();
  });

  it('a workbook without NOW() does nothing each minute', () => {
    const engine = new FormulaEngine(buildFixture().wb);
    expect(engine.refreshNow()).toBe(false);
  });
});

describe('HLOOKUP finds columns by name, and follows a rename', () => {
  it('recomputes when the column it found is renamed', () => {
    const { wb } = buildFixture();
    const s = wb.addSheet({
      name: 'Monthly',
      columns: [
        { id: 'jan', name: 'Jan', type: 'currency' },
        { id: 'feb', name: 'Feb', type: 'currency' },
      ],
    });
    wb.appendRows(s, ['jan', 'feb'], [[100, 120]]);
    const r = wb.addSheet({ name: 'Report', columns: [{ id: 'v', name: 'Feb sales', type: 'currency', formula: `=HLOOKUP("Feb", #${s}, 2, FALSE)` }] });
    const [row = ''] = wb.insertRows(r, { count: 1 });
    const engine = FormulaEngine.attach(wb);
    expect(engine.cell(r, row, 'v')).toEqual({ value: 120, type: 'currency' });
    wb.renameColumn(s, 'feb', 'February');
    expect(engine.value(r, row, 'v')).toMatchObject({ code: '#N/A' });
    wb.renameColumn(s, 'jan', 'Feb');
    expect(engine.value(r, row, 'v')).toBe(100);
  });
});

describe('LET in a column formula', () => {
  it('computes each row with its own bindings, and reads back in the workbook’s names', () => {
    const { wb, products } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    const c = engine.check('=LET(net, [Price] - [Cost], share, net / [Price], IF(share > 0.4, net, 0))', { sheetId: ids.products, colId: 'net' });
    expect(c).toMatchObject({ ok: true, type: 'currency', stored: '=LET(net, [#price] - [#cost], share, net / [#price], IF(share > 0.4, net, 0))' });
    if (!c.ok) return;
    wb.addColumn(ids.products, { id: 'net', name: 'Net', type: 'currency', formula: c.stored });
    expect(engine.column(ids.products, 'net').values).toEqual([5, 0, 3, 0]);
    expect(engine.display(c.stored, ids.products)).toBe('=LET(net, [Price] - [Cost], share, net / [Price], IF(share > 0.4, net, 0))');
    wb.setCell(ids.products, products[1] ?? '', 'price', 20);
    expect(engine.value(ids.products, products[1] ?? '', 'net')).toBe(14);
  });

  it('a name that is also a sheet means the LET binding inside it', () => {
    const { wb } = buildFixture();
    expect(evaluateInWorkbook(wb, '=LET(Products, 3, Products * 2)')).toEqual({ value: 6, type: 'integer' });
  });
});
