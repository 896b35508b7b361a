/** Grid edits: where an inserted row goes, what clearing writes, hiding and wrapping columns (one undo step each). */
import { beforeEach, describe, expect, test } from 'vitest';
import { hiddenColumns, moveIndexAmongShown, shownColumns } from '../../../src/app/column-display.ts';
import { setColumnHidden, setColumnWrap, showColumns } from '../../../src/app/column-display-edits.ts';
import { clearEdits, insertIndex, insertRowNear } from '../../../src/app/grid-edits.ts';
import { Workbook } from '../../../src/model/index.ts';

let wb: Workbook;
let sheet: string;
let rows: string[];
const col = (name: string): string => wb.columnByName(sheet, name)?.id ?? '';
const names = () => wb.rowIds(sheet).map((r) => wb.cell(sheet, r, col('Name')));

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop' });
  sheet = wb.addSheet({
    name: 'Products',
    columns: [
      { name: 'Name', type: 'text' },
      { name: 'Cost', type: 'currency' },
      { name: 'Price', type: 'currency' },
      { name: 'Margin', type: 'currency', formula: '=[Price] - [Cost]' },
    ],
  });
  rows = wb.appendRows(sheet, [col('Name'), col('Cost'), col('Price')], [['Mug', 3, 9], ['Plate', 4, 12], ['Bowl', 5, 15]]);
});

describe('inserting a row', () => {
  test.each([
    ['above the first row', 0, 'above', 0],
    ['below the first row', 0, 'below', 1],
    ['above the last row', 2, 'above', 2],
    ['below the last row', 2, 'below', 3],
    ['at the end', 1, 'end', 3],
  ] as const)('%s goes to model position %i', (_what, at, place, index) => {
    expect(insertIndex(wb, sheet, rows[at], place)).toBe(index);
    const id = insertRowNear(wb, sheet, rows[at], place);
    expect(id && wb.rowIndex(sheet, id)).toBe(index);
    expect(names()[index]).toBeNull();
  });

  test('without a row (or with one that is gone) it goes after the last row', () => {
    expect(insertIndex(wb, sheet, undefined, 'above')).toBe(3);
    expect(insertIndex(wb, sheet, 'no-such-row', 'below')).toBe(3);
  });

  test('one undo takes the inserted row back', () => {
    insertRowNear(wb, sheet, rows[1], 'above');
    expect(wb.rowCount(sheet)).toBe(4);
    wb.undo();
    expect(names()).toEqual(['Mug', 'Plate', 'Bowl']);
  });
});

describe('clearing cells', () => {
  test('empties the input cells of the rows and skips formula columns', () => {
    const edits = clearEdits([rows[0] ?? '', rows[2] ?? ''], wb.columns(sheet));
    expect(edits.map((e) => [e.rowId, e.colId, e.value])).toEqual(
      [rows[0], rows[2]].flatMap((r) => ['Name', 'Cost', 'Price'].map((n) => [r, col(n), null])),
    );
  });
});

describe('hiding columns', () => {
  test('a hidden column leaves the grid but not the sheet: its formula users still compute', () => {
    expect(setColumnHidden(wb, sheet, col('Cost'), true)).toBeUndefined();
    expect(shownColumns(wb.columns(sheet)).map((c) => c.name)).toEqual(['Name', 'Price', 'Margin']);
    expect(hiddenColumns(wb.columns(sheet)).map((c) => c.name)).toEqual(['Cost']);
    expect(wb.columns(sheet)).toHaveLength(4);
    expect(wb.cell(sheet, rows[0] ?? '', col('Cost'))).toBe(3);
  });

  test('the last shown column cannot be hidden', () => {
    for (const n of ['Name', 'Cost', 'Price']) setColumnHidden(wb, sheet, col(n), true);
    expect(setColumnHidden(wb, sheet, col('Margin'), true)).toBe('lastShown');
    expect(shownColumns(wb.columns(sheet)).map((c) => c.name)).toEqual(['Margin']);
  });

  test('showing several hidden columns is one step, and undo hides them again', () => {
    setColumnHidden(wb, sheet, col('Cost'), true);
    setColumnHidden(wb, sheet, col('Price'), true);
    showColumns(wb, sheet, [col('Cost'), col('Price'), col('Name')]);
    expect(hiddenColumns(wb.columns(sheet))).toEqual([]);
    wb.undo();
    expect(hiddenColumns(wb.columns(sheet)).map((c) => c.name)).toEqual(['Cost', 'Price']);
  });

  test('hiding keeps the other options, and undo shows the column again', () => {
    wb.setColumnOptions(sheet, col('Cost'), { width: 150, pinned: true });
    setColumnHidden(wb, sheet, col('Cost'), true);
    expect(wb.column(sheet, col('Cost'))?.options).toEqual({ width: 150, pinned: true, hidden: true });
    wb.undo();
    expect(wb.column(sheet, col('Cost'))?.options).toEqual({ width: 150, pinned: true });
  });
});

describe('moving a column while others are hidden', () => {
  test.each([
    ['to the first shown place: before Name', 'Price', 0, 0],
    ['between Name and Margin: before Margin, after the hidden Cost', 'Price', 1, 2],
    ['last: after every column', 'Name', 2, 3],
  ])('%s', (_what, moved, shownIndex, index) => {
    setColumnHidden(wb, sheet, col('Cost'), true);
    expect(moveIndexAmongShown(wb.columns(sheet), col(moved), shownIndex)).toBe(index);
    wb.moveColumn(sheet, col(moved), index);
    expect(shownColumns(wb.columns(sheet)).map((c) => c.name).indexOf(moved)).toBe(shownIndex);
  });

  test('with nothing hidden it is the shown place itself', () => {
    for (const i of [0, 1, 2, 3]) expect(moveIndexAmongShown(wb.columns(sheet), col('Cost'), i)).toBe(i);
  });
});

describe('wrapping a column', () => {
  test('on and off, each one undo step', () => {
    setColumnWrap(wb, sheet, col('Name'), true);
    expect(wb.column(sheet, col('Name'))?.options.wrap).toBe(true);
    setColumnWrap(wb, sheet, col('Name'), false);
    expect(wb.column(sheet, col('Name'))?.options).toEqual({});
    wb.undo();
    expect(wb.column(sheet, col('Name'))?.options.wrap).toBe(true);
  });
});
