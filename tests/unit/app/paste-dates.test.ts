/**
 * Ambiguous dates in a paste: each is read in the workbook's regional order and listed, once, with
 * its other reading; one switch writes the other reading into exactly those cells as one undo
 * step, and refuses (writing nothing) when any of them changed since the paste.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import type { EditContext } from '../../../src/app/edit-commands.ts';
import { applyPaste, planPaste, type PasteTarget } from '../../../src/app/paste-block.ts';
import { dateSummary, pastedDates, switchPastedDates } from '../../../src/app/paste-dates.ts';
import { parseTsv } from '../../../src/csv/read-tsv.ts';
import { Workbook } from '../../../src/model/index.ts';
import { dateOrderOf, regionOf } from '../../../src/schema/date-text.ts';

let wb: Workbook;
let ctx: EditContext;
let sheet: string;
const col = (name: string): string => wb.columnByName(sheet, name)?.id ?? '';
const target = (top: number, left: number): PasteTarget => ({
  columns: wb.columns(sheet),
  rowCount: wb.rowCount(sheet),
  rowIdAt: (i) => wb.rowIds(sheet)[i],
  selection: { top, left, bottom: top, right: left },
});
const launches = () => wb.rowIds(sheet).map((r) => wb.cell(sheet, r, col('Launch')));
const paste = (tsv: string, top = 0, left = 1) => {
  const plan = planPaste(ctx, sheet, parseTsv(tsv), target(top, left));
  const cells = pastedDates(plan.dates, applyPaste(wb, sheet, plan));
  return { plan, cells, summary: dateSummary(cells, dateOrderOf(regionOf(wb.settings))) };
};

beforeEach(() => {
  wb = Workbook.create({ name: 'Shop' });
  sheet = wb.addSheet({ name: 'Products', columns: [{ name: 'Name', type: 'text' }, { name: 'Launch', type: 'date' }, { name: 'Note', type: 'text' }] });
  wb.appendRows(sheet, [col('Name')], [['Mug'], ['Board']]);
  ctx = { wb, calc: engineCalc(wb, () => 'en', { today: '2027-01-10' }), locale: 'en' };
});

describe('ambiguous dates in a paste', () => {
  test('a US workbook reads them month first; only the ambiguous date cells are listed, with rows the paste adds', () => {
    const { plan, cells, summary } = paste('10/01/2027\t03/04/2027\n10/13/2027\tx\n2027-05-06\ty\n05/06/2027\tz\n');
    expect(launches()).toEqual(['2027-10-01', '2027-10-13', '2027-05-06', '2027-05-06']);
    expect(plan.newRows).toHaveLength(2);
    // 03/04/2027 went to a text column: it is text, not a date.
    expect(cells.map((c) => [c.text, c.taken, c.other])).toEqual([
      ['10/01/2027', '2027-10-01', '2027-01-10'],
      ['05/06/2027', '2027-05-06', '2027-06-05'],
    ]);
    expect(cells[1]?.rowId).toBe(wb.rowIds(sheet)[3]);
    expect(summary).toEqual({ count: 2, order: 'MDY', example: cells[0] });
  });

  test('a British workbook reads them day first', () => {
    wb.setSettings({ region: 'en-GB' });
    const { summary } = paste('10/01/2027\n');
    expect(launches()[0]).toBe('2027-01-10');
    expect(summary?.order).toBe('DMY');
    expect(summary?.example.other).toBe('2027-10-01');
  });

  test('a workbook whose region writes the year first reads none of them, so there is nothing to tell', () => {
    wb.setSettings({ region: 'zh-CN' });
    const { cells, summary } = paste('2027/01/10\n');
    expect(cells).toEqual([]);
    expect(summary).toBeNull();
  });

  test('the switch writes the other reading into exactly those cells, as one undo step', () => {
    const { cells } = paste('10/01/2027\n10/13/2027\n05/06/2027\n');
    expect(launches()).toEqual(['2027-10-01', '2027-10-13', '2027-05-06']);
    expect(switchPastedDates(wb, sheet, cells)).toEqual({ ok: true, switched: 2 });
    expect(launches()).toEqual(['2027-01-10', '2027-10-13', '2027-06-05']);
    wb.undo();
    expect(launches()).toEqual(['2027-10-01', '2027-10-13', '2027-05-06']);
  });

  test('when a cell changed since the paste, nothing is switched and the refusal counts the changed ones', () => {
    const { cells } = paste('10/01/2027\n05/06/2027\n');
    wb.setCell(sheet, wb.rowIds(sheet)[1] ?? '', col('Launch'), '2027-12-24');
    expect(switchPastedDates(wb, sheet, cells)).toEqual({ ok: false, changed: 1, total: 2 });
    expect(launches()).toEqual(['2027-10-01', '2027-12-24']);
    wb.deleteRows(sheet, [wb.rowIds(sheet)[1] ?? '']);
    expect(switchPastedDates(wb, sheet, cells)).toEqual({ ok: false, changed: 1, total: 2 });
  });
});
