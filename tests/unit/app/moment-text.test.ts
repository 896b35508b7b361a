/**
 * Moments as text: the exact time `history` prints reads back to the same moment; shorter times a
 * person types read as they mean (UTC with Z, an offset, or this computer's zone without one);
 * anything else is refused with a sentence that shows how to write it. And the counts a restore's
 * confirmation shows.
 */
import { describe, expect, test } from 'vitest';
import { MomentTextError, momentText, parseMoment } from '../../../src/app/moment-text.ts';
import { diffOfChange, isNoChange } from '../../../src/app/content-diff.ts';
import type { WorkbookChange } from '../../../src/model/index.ts';
import { emptySheetChange } from '../../../src/model/changes.ts';

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

describe('what a restore changes, counted', () => {
  test('cells written back, rows back, removed and moved, sheets, and other changes', () => {
    const change: WorkbookChange = { local: true, settings: true, sheetList: true, dashboard: false, sheets: new Map() };
    const sheet = emptySheetChange('s1');
    sheet.rowsAdded = new Set(['r1', 'r2']);
    sheet.rowsRemoved = new Set(['r3']);
    sheet.rowsMoved = new Set(['r1', 'r4', 'r5']);
    sheet.cells = new Map([['r1', new Set(['a', 'b'])], ['r4', new Set(['a', 'b'])], ['r3', new Set(['a'])]]);
    sheet.columns = new Map([['c9', new Set(['name' as const])]]);
    change.sheets.set('s1', sheet);
    change.sheets.set('s2', { ...emptySheetChange('s2'), added: true });
    change.sheets.set('s3', { ...emptySheetChange('s3'), removed: true });
    expect(diffOfChange(change)).toEqual({ cells: 2, rowsBack: 2, rowsRemoved: 1, rowsMoved: 2, sheetsBack: 1, sheetsRemoved: 1, other: 2 });
    expect(isNoChange(diffOfChange(null))).toBe(true);
  });
});
