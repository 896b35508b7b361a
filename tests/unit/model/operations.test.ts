/** The model's operations as a user of the API sees them. */
import { describe, expect, test } from 'vitest';
import { OperationError, ValidationError } from '../../../src/schema/index.ts';
import { Workbook } from '../../../src/model/index.ts';

const products = () => {
  const wb = Workbook.create({ name: 'Shop plan' });
  const sheet = wb.addSheet({
    name: 'Products',
    kind: 'products',
    columns: [
      { name: 'SKU', type: 'text', options: { key: true } },
      { name: 'Cost', type: 'currency' },
      { name: 'Stock', type: 'integer' },
      { name: 'Launch', type: 'date' },
      { name: 'Active', type: 'boolean' },
      { name: 'Channel', type: 'choice', options: { choices: ['App', 'Web'] } },
    ],
  });
  const ids = wb.columns(sheet).map((c) => c.id) as [string, string, string, string, string, string];
  const rows = wb.appendRows(sheet, ids, [
    ['A-1', 10.5, 3, '2026-01-05', true, 'App'],
    ['A-2', 20, 4, null, false, 'Web'],
  ]);
  return { wb, sheet, ids, rows };
};

describe('values are checked at the model boundary', () => {
  test('a text in an integer column is refused with a message naming sheet, column and row', () => {
    const { wb, sheet, ids, rows } = products();
    expect(() => wb.setCell(sheet, rows[1] ?? '', ids[2], 'lots')).toThrow(
      'Sheet "Products", column "Stock", row 2: "lots" is not a whole number',
    );
  });

  test.each([
    ['text', 0, 12, false],
    ['currency', 1, '12', false],
    ['currency', 1, Number.NaN, false],
    ['integer', 2, 2.5, false],
    ['integer', 2, -4, true],
    ['date', 3, '2026-02-30', false],
    ['date', 3, '2026-02-28', true],
    ['boolean', 4, 'yes', false],
    ['choice', 5, 'Store', false],
    ['choice', 5, 'Web', true],
    ['any type: empty', 2, null, true],
    ['any type: a cell formula', 2, { f: '=1+1' }, true],
  ] as const)('%s column: %j accepted = %s', (_t, col, value, ok) => {
    const { wb, sheet, ids, rows } = products();
    const set = () => wb.setCell(sheet, rows[0] ?? '', ids[col], value as never);
    if (ok) expect(set).not.toThrow();
    else expect(set).toThrow(ValidationError);
  });

  test('a bulk append with one bad value writes nothing and names the bad row', () => {
    const { wb, sheet, ids } = products();
    const before = wb.encode();
    let err: unknown;
    try {
      wb.appendRows(sheet, [ids[0], ids[2]], [['B-1', 1], ['B-2', 'two'], ['B-3', 3]]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([{ sheet: 'Products', column: 'Stock', row: 2, message: '"two" is not a whole number' }]);
    expect(wb.encode()).toEqual(before);
    expect(wb.rowCount(sheet)).toBe(2);
  });

  test('a paste block with a bad cell writes nothing', () => {
    const { wb, sheet, ids } = products();
    const before = JSON.stringify(wb.toJSON());
    expect(() => wb.setBlock(sheet, 0, 1, [[1, 2], [3, 'x'], [5, 6]])).toThrow('row 2');
    expect(JSON.stringify(wb.toJSON())).toBe(before);
    expect(wb.columns(sheet).map((c) => c.id)).toEqual(ids);
  });
});

describe('sheets', () => {
  test('add, rename, move and delete sheets keep tab order', () => {
    const { wb, sheet } = products();
    const inv = wb.addSheet({ name: 'Inventory' });
    const first = wb.addSheet({ name: 'KPIs', index: 0 });
    expect(wb.sheets().map((s) => s.name)).toEqual(['KPIs', 'Products', 'Inventory']);
    wb.moveSheet(first, 2);
    expect(wb.sheets().map((s) => s.id)).toEqual([sheet, inv, first]);
    wb.renameSheet(inv, '库存');
    expect(wb.sheetByName('库存')?.id).toBe(inv);
    wb.deleteSheet(sheet);
    expect(wb.sheets().map((s) => s.name)).toEqual(['库存', 'KPIs']);
  });

  test('two sheets cannot share a name (any case); a name cannot be blank', () => {
    const { wb } = products();
    expect(() => wb.addSheet({ name: 'products' })).toThrow(OperationError);
    expect(() => wb.addSheet({ name: '   ' })).toThrow('A sheet needs a name.');
  });

  test('template labels answer to either language until the user renames', () => {
    const wb = Workbook.create();
    const s = wb.addSheet({ name: 'Inventory', labels: { en: 'Inventory', 'zh-CN': '库存' } });
    expect(wb.sheetByName('库存')?.id).toBe(s);
    wb.renameSheet(s, 'Stock');
    expect(wb.sheet(s)?.labels).toBeUndefined();
    expect(wb.sheetByName('库存')).toBeUndefined();
  });

  test('a template sheet renamed in one language keeps its name in the other; undo brings the old names back', () => {
    const wb = Workbook.create();
    const s = wb.addSheet({ name: 'Inventory', labels: { en: 'Inventory', 'zh-CN': '库存' }, columns: [{ name: 'Stock', type: 'integer', labels: { 'zh-CN': '库存量' } }] });
    wb.renameSheet(s, '仓库库存', 'zh-CN');
    expect(wb.sheet(s)).toMatchObject({ name: 'Inventory', labels: { en: 'Inventory', 'zh-CN': '仓库库存' } });
    expect(wb.sheetByName('库存')).toBeUndefined();
    wb.renameSheet(s, 'Stock levels', 'en');
    expect(wb.sheet(s)).toMatchObject({ name: 'Stock levels', labels: { en: 'Stock levels', 'zh-CN': '仓库库存' } });
    expect(wb.sheetByName('Inventory')).toBeUndefined();
    const col = wb.columns(s)[0]?.id ?? '';
    wb.renameColumn(s, col, 'On hand', 'en');
    expect(wb.column(s, col)).toMatchObject({ name: 'On hand', labels: { en: 'On hand', 'zh-CN': '库存量' } });
    wb.undo();
    wb.undo();
    wb.undo();
    expect(wb.sheet(s)).toMatchObject({ name: 'Inventory', labels: { en: 'Inventory', 'zh-CN': '库存' } });
    expect(wb.column(s, col)).toMatchObject({ name: 'Stock', labels: { 'zh-CN': '库存量' } });
  });

  test('settings: name, currency and locale, with unknown values refused', () => {
    const { wb } = products();
    wb.setSettings({ currency: 'EUR', locale: 'zh-CN' });
    expect(wb.settings).toEqual({ name: 'Shop plan', currency: 'EUR', locale: 'zh-CN' });
    expect(() => wb.setSettings({ currency: 'GBP' as never })).toThrow('Unknown currency');
  });
});

describe('columns', () => {
  test('add at a position, move, rename; names stay unique', () => {
    const { wb, sheet, ids } = products();
    const note = wb.addColumn(sheet, { name: 'Note', type: 'text' }, 1);
    expect(wb.columns(sheet).map((c) => c.name)).toEqual(['SKU', 'Note', 'Cost', 'Stock', 'Launch', 'Active', 'Channel']);
    wb.moveColumn(sheet, note, 6);
    expect(wb.columns(sheet).at(-1)?.id).toBe(note);
    expect(() => wb.renameColumn(sheet, note, 'cost')).toThrow('already has a column named "cost"');
    wb.renameColumn(sheet, ids[1], 'Unit cost');
    expect(wb.columnByName(sheet, 'unit cost')?.id).toBe(ids[1]);
  });

  test('retype converts what it can; a preview lists what it cannot, and nothing changes unless confirmed', () => {
    const { wb, sheet, ids, rows } = products();
    wb.setCell(sheet, rows[1] ?? '', ids[0], '42');
    expect(wb.previewRetype(sheet, ids[0], 'integer')).toEqual([{ rowId: rows[0], row: 1, value: 'A-1' }]);
    expect(() => wb.retypeColumn(sheet, ids[0], 'integer')).toThrow('1 value(s) in column "SKU" cannot become integer, first in row 1');
    expect(wb.column(sheet, ids[0])?.type).toBe('text');
    wb.retypeColumn(sheet, ids[0], 'integer', undefined, { dropInvalid: true });
    expect(wb.columnValues(sheet, ids[0])).toEqual([null, 42]);
    wb.retypeColumn(sheet, ids[2], 'text');
    expect(wb.columnValues(sheet, ids[2])).toEqual(['3', '4']);
  });

  test('a deleted column disappears from rows and JSON', () => {
    const { wb, sheet, ids, rows } = products();
    wb.deleteColumn(sheet, ids[1]);
    expect(Object.keys(wb.row(sheet, rows[0] ?? ''))).not.toContain(ids[1]);
  });

  test('a column formula is stored as given and can be removed', () => {
    const { wb, sheet, ids } = products();
    wb.setColumnFormula(sheet, ids[2], '=1+1');
    expect(wb.column(sheet, ids[2])?.formula).toBe('=1+1');
    wb.setColumnFormula(sheet, ids[2], undefined);
    expect(wb.column(sheet, ids[2])?.formula).toBeUndefined();
  });
});

describe('rows', () => {
  test('insert at a position, move before a row, move to the end', () => {
    const { wb, sheet, rows } = products();
    const [a, b] = rows as [string, string];
    const [x] = wb.insertRows(sheet, { index: 1 }) as [string];
    expect(wb.rowIds(sheet)).toEqual([a, x, b]);
    wb.moveRows(sheet, [b], a);
    expect(wb.rowIds(sheet)).toEqual([b, a, x]);
    wb.moveRows(sheet, [b, a], null);
    expect(wb.rowIds(sheet)).toEqual([x, b, a]);
    expect(wb.rowIndex(sheet, a)).toBe(2);
  });

  test('duplicate places each copy right after its original with the same values', () => {
    const { wb, sheet, rows } = products();
    const [a, b] = rows as [string, string];
    const copies = wb.duplicateRows(sheet, [a, b]);
    expect(wb.rowIds(sheet)).toEqual([a, copies[0], b, copies[1]]);
    expect(wb.row(sheet, copies[0] ?? '')).toEqual(wb.row(sheet, a));
  });

  test('paste grows the sheet and leaves undefined cells untouched', () => {
    const { wb, sheet, ids, rows } = products();
    const added = wb.setBlock(sheet, 1, 1, [[undefined, 9], [30, 10], [40, 11]]);
    expect(added).toHaveLength(2);
    expect(wb.rowCount(sheet)).toBe(4);
    expect(wb.cell(sheet, rows[1] ?? '', ids[1])).toBe(20);
    expect(wb.cell(sheet, rows[1] ?? '', ids[2])).toBe(9);
    expect(wb.columnValues(sheet, ids[1])).toEqual([10.5, 20, 30, 40]);
  });

  test('deleting rows removes them and their edits; unknown ids are ignored', () => {
    const { wb, sheet, rows } = products();
    wb.deleteRows(sheet, [rows[0] ?? '', 'nope']);
    expect(wb.rowIds(sheet)).toEqual([rows[1]]);
  });
});

test('encode and load give back the same workbook', () => {
  const { wb, sheet, ids, rows } = products();
  wb.setCell(sheet, rows[0] ?? '', ids[0], 'A-9');
  wb.moveRows(sheet, [rows[1] ?? ''], rows[0] ?? '');
  const copy = Workbook.load(wb.encode());
  expect(copy.toJSON()).toEqual(wb.toJSON());
});

describe('alert rules', () => {
  test('a rule is stored with its condition, level, message and highlighted columns; it can be replaced and removed', () => {
    const { wb, sheet, ids } = products();
    const id = wb.setRule(sheet, { name: 'Price below cost', when: '=1>2', level: 'error', message: 'Below cost', columns: [ids[1]] });
    expect(wb.rules(sheet)).toEqual([{ id, name: 'Price below cost', when: '=1>2', level: 'error', message: 'Below cost', columns: [ids[1]] }]);
    wb.setRule(sheet, { id, name: 'Price below cost', when: '=2>1', level: 'warning', message: 'Below cost', columns: [] });
    expect(wb.rules(sheet)[0]?.level).toBe('warning');
    expect(() => wb.setRule(sheet, { name: 'x', when: '1', level: 'error', message: '', columns: [] })).toThrow('starting with "="');
    wb.deleteRule(sheet, id);
    expect(wb.rules(sheet)).toEqual([]);
  });
});

test('operations grouped in one transaction see each other’s effects and undo as one step', () => {
  const { wb, sheet, ids } = products();
  wb.clearHistory();
  const before = wb.toJSON();
  wb.transact(() => {
    const col = wb.addColumn(sheet, { name: 'Margin', type: 'percent' });
    wb.setColumnOptions(sheet, col, { precision: 1 });
    expect(wb.column(sheet, col)?.options).toEqual({ precision: 1 });
    const [r] = wb.insertRows(sheet, { index: 0 });
    expect(wb.rowIds(sheet)[0]).toBe(r);
    wb.setCell(sheet, r ?? '', ids[0], 'NEW');
    wb.moveRows(sheet, [r ?? ''], null);
    expect(wb.rowIds(sheet).at(-1)).toBe(r);
  });
  expect(wb.rowCount(sheet)).toBe(3);
  wb.undo();
  expect(wb.toJSON()).toEqual(before);
});
