/**
 * Moments as text: the exact time `history` prints reads back to the same moment; shorter times a
 * person types read as they mean (UTC with Z, an offset, or this computer's zone without one);
 * anything else is refused with a sentence that shows how to write it.
 */
import { describe, expect, test } from 'vitest';
import { MomentTextError, momentText, parseMoment } from '../../../src/app/moment-text.ts';
import { contentDiff } from '../../../src/app/content-diff.ts';
import { Workbook } from '../../../src/model/index.ts';

describe('moment text', () => {
  test.each([1_772_614_865_700, 0, Date.UTC(2026, 11, 31, 23, 59, 59, 999)])('the printed time of %i reads back to it', (t) => {
    expect(parseMoment(momentText(t))).toBe(t);
  });

  test.each([
    ['2026-03-04T14:31:05.7Z', Date.UTC(2026, 2, 4, 14, 31, 5, 700)],
    ['2026-03-04T14:31Z', Date.UTC(2026, 2, 4, 14, 31)],
    ['2026-03-04T14:31:05+08:00', Date.UTC(2026, 2, 4, 6, 31, 5)],
    ['2026-03-04 14:31:05-0130', Date.UTC(2026, 2, 4, 16, 1, 5)],
    ['  2026-03-04t14:31z ', Date.UTC(2026, 2, 4, 14, 31)],
    ['2026-03-04 14:31', new Date(2026, 2, 4, 14, 31).getTime()],
    ['2026-03-04', new Date(2026, 2, 4).getTime()],
  ])('%j is %i', (text, want) => {
    expect(parseMoment(text)).toBe(want);
  });

  test.each(['yesterday', '', '2026-3-4', '2026-02-29 10:00', '2026-03-04 24:00', '2026-03-04T14:31+15:00', '14:31', '2026-03-04T14:31:05.7777Z'])('%j is refused with how to write it', (text) => {
    expect(() => parseMoment(text)).toThrow(MomentTextError);
    expect(() => parseMoment(text)).toThrow(/is not a time; write it as history lists it \(2026-03-04T14:31:05\.700Z\)/);
  });
});

describe('what changes between two contents', () => {
  test('cells, rows back, removed and moved, sheets, and other changes are counted once each', () => {
    const wb = Workbook.create();
    const s = wb.addSheet({ name: 'P', columns: [{ name: 'A', type: 'text' }, { name: 'B', type: 'integer' }] });
    const [a, b] = wb.columns(s).map((c) => c.id) as [string, string];
    const [r1, r2, r3] = wb.appendRows(s, [a, b], [['x', 1], ['y', 2], ['z', 3]]) as [string, string, string];
    const then = wb.toJSON();
    wb.setCell(s, r1, a, 'changed');
    wb.setCell(s, r1, b, 10);
    wb.deleteRows(s, [r2]);
    wb.insertRows(s, { count: 2 });
    wb.moveRows(s, [r3], r1);
    wb.addSheet({ name: 'Q', columns: [] });
    wb.renameColumn(s, b, 'Qty');
    expect(contentDiff(wb.toJSON(), then)).toEqual({ cells: 2, rowsBack: 1, rowsRemoved: 2, rowsMoved: 2, sheetsBack: 0, sheetsRemoved: 1, other: 1 });
    expect(contentDiff(then, then)).toEqual({ cells: 0, rowsBack: 0, rowsRemoved: 0, rowsMoved: 0, sheetsBack: 0, sheetsRemoved: 0, other: 0 });
  });
});
