/**
 * Typed dates follow the workbook's regional format (US month first, most of the world day first,
 * China year first), in the one reader, and a date that reads both ways says so with its other reading.
 */
import { describe, expect, test } from 'vitest';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { readTypedCell, switchDateReading, typeIntoCell } from '../../../src/app/edit-commands.ts';
import { previewImport } from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { dateOrderOf, otherDateReading, parseDateText, regionOf } from '../../../src/schema/date-text.ts';
import { parseInput } from '../../../src/schema/parse-input.ts';
import { REGIONS, type Locale, type Region } from '../../../src/schema/types.ts';

const DATE = { type: 'date', options: {} } as const;

describe('date order: by regional format', () => {
  test.each([
    ['en', 'MDY'],
    ['en-US', 'MDY'],
    ['en-GB', 'DMY'],
    ['en-AU', 'DMY'],
    ['de-DE', 'DMY'],
    ['fr-FR', 'DMY'],
    ['es-ES', 'DMY'],
    ['zh-CN', null],
    ['ja-JP', null],
  ] as const)('%s reads 10/01/2027 as %s', (locale, order) => {
    expect(dateOrderOf(locale)).toBe(order);
  });

  test.each([
    [{ locale: 'en' }, 'en-US'],
    [{ locale: 'zh-CN' }, 'zh-CN'],
    [{ locale: 'en', region: 'en-GB' }, 'en-GB'],
    [{ locale: 'zh-CN', region: 'en-US' }, 'en-US'],
  ])('a workbook %j is kept in %s', (settings, region) => {
    expect(regionOf(settings)).toBe(region);
  });
});

describe('typing a date: the workbook region decides, an ambiguous one offers the other reading', () => {
  // text, region, value taken, other reading offered (null: none)
  const CASES: [string, Region, string | null, string | null][] = [
    ['10/01/2027', 'en-US', '2027-10-01', '2027-01-10'],
    ['10/01/2027', 'en-GB', '2027-01-10', '2027-10-01'],
    ['10/01/2027', 'de-DE', '2027-01-10', '2027-10-01'],
    ['10/01/2027', 'zh-CN', null, null],
    ['2027/10/01', 'zh-CN', '2027-10-01', null],
    ['2027年10月1日', 'zh-CN', '2027-10-01', null],
    ['2027/10/01', 'en-US', '2027-10-01', null],
    ['2027/10/01', 'en-GB', '2027-10-01', null],
    ['13/01/2027', 'en-GB', '2027-01-13', null],
    ['13/01/2027', 'en-US', null, null],
    ['01/13/2027', 'en-US', '2027-01-13', null],
    ['05/05/2027', 'en-GB', '2027-05-05', null],
    ['10.01.2027', 'en-GB', '2027-01-10', null],
    ['10/01', 'en-US', '2027-10-01', '2027-01-10'],
    ['10/01', 'en-GB', '2027-01-10', '2027-10-01'],
    ['1 Oct 2027', 'en-US', '2027-10-01', null],
    ['2027-10-01', 'fr-FR', '2027-10-01', null],
  ];
  test.each(CASES)('%s in %s → %s (other: %s)', (text, region, value, other) => {
    const r = parseInput(text, DATE, { locale: 'en', region, currentYear: 2027 });
    if (value === null) return expect(r.ok).toBe(false);
    expect(r).toEqual(other === null ? { ok: true, value } : { ok: true, value, otherDate: other });
    // Checked the other way round too: the other reading, read in the other order, offers this one back.
    if (other !== null) {
      const back = region === 'en-US' ? 'en-GB' : 'en-US';
      expect(parseInput(text, DATE, { locale: 'en', region: back, currentYear: 2027 })).toEqual({ ok: true, value: other, otherDate: value });
    }
  });

  test('without a region, typing keeps the language order (callers of the old API read as before)', () => {
    expect(parseInput('10/01/2027', DATE, { locale: 'en' })).toMatchObject({ ok: true, value: '2027-10-01' });
    expect(parseInput('10/01/2027', DATE, { locale: 'zh-CN' }).ok).toBe(false);
  });

  test('otherDateReading is null for a date that reads one way only, or not at all', () => {
    expect(otherDateReading('10/01/2027', { order: 'MDY' })).toBe('2027-01-10');
    expect(otherDateReading('10/10/2027', { order: 'MDY' })).toBeNull();
    expect(otherDateReading('31/01/2027', { order: 'DMY' })).toBeNull();
    expect(otherDateReading('10/01/2027', { order: null })).toBeNull();
    expect(otherDateReading('soon', { order: 'DMY' })).toBeNull();
    expect(parseDateText('10/01/2027', { order: 'DMY' })).toBe('2027-01-10');
  });
});

describe('the grid, the formula bar and paste read through the edit command with the workbook region', () => {
  const setup = (region?: Region, language: Locale = 'en') => {
    const wb = Workbook.create({ name: 'Plan', locale: 'en', ...(region ? { region } : {}) });
    const sheet = wb.addSheet({ name: 'Campaigns', columns: [{ name: 'Start', type: 'date' }] });
    const colId = wb.columns(sheet)[0]?.id ?? '';
    const [rowId = ''] = wb.appendRows(sheet, [colId], [[null]]);
    const ctx = { wb, calc: engineCalc(wb, () => language), locale: language };
    return { wb, sheet, colId, rowId, ctx };
  };

  test('a US workbook takes 10/01/2027 as 1 October and offers 10 January, whatever the UI language', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { sheet, colId, rowId, ctx, wb } = setup(undefined, language);
      const col = wb.column(sheet, colId);
      if (!col) throw new Error('no column');
      expect(readTypedCell(ctx, sheet, col, rowId, '10/01/2027')).toEqual({ ok: true, value: '2027-10-01', otherDate: '2027-01-10' });
    }
  });

  test('a British workbook takes it as 10 January; switching to the other reading is one undoable edit', () => {
    const { wb, sheet, colId, rowId, ctx } = setup('en-GB');
    const r = typeIntoCell(ctx, sheet, rowId, colId, '10/01/2027');
    expect(r).toEqual({ ok: true, value: '2027-01-10', otherDate: '2027-10-01' });
    wb.undoManager.stopCapturing();
    expect(switchDateReading(wb, sheet, rowId, colId, '2027-01-10', '2027-10-01')).toBe(true);
    expect(wb.cell(sheet, rowId, colId)).toBe('2027-10-01');
    wb.undo();
    expect(wb.cell(sheet, rowId, colId)).toBe('2027-01-10');
  });

  test('the switch leaves a cell alone that changed since (a teammate typed another date)', () => {
    const { wb, sheet, colId, rowId } = setup('en-GB');
    wb.setCell(sheet, rowId, colId, '2027-03-03');
    expect(switchDateReading(wb, sheet, rowId, colId, '2027-01-10', '2027-10-01')).toBe(false);
    expect(wb.cell(sheet, rowId, colId)).toBe('2027-03-03');
  });

  test('the region is a workbook setting: stored, shared, undoable, and an unknown one is refused', () => {
    const { wb } = setup();
    expect(wb.settings.region).toBeUndefined();
    wb.setSettings({ region: 'fr-FR' });
    expect(wb.settings.region).toBe('fr-FR');
    const copy = new Workbook();
    copy.applyUpdate(wb.encode());
    expect(copy.settings.region).toBe('fr-FR');
    expect(() => wb.setSettings({ region: 'xx-XX' as Region })).toThrow(/Unknown regional format/);
    expect(REGIONS).toContain('en-GB');
  });
});

describe('CSV import proposes the workbook region for dates that read both ways', () => {
  const csv = new TextEncoder().encode('Start\n10/01/2027\n05/03/2027\n');
  test.each([
    [undefined, 'MDY'],
    ['en-GB', 'DMY'],
    ['en-US', 'MDY'],
    ['zh-CN', 'DMY'],
  ] as const)('region %s → %s', (region, order) => {
    const wb = Workbook.create({ name: 'Plan', ...(region ? { region } : {}) });
    const p = previewImport(csv, { newSheet: 'Campaigns' }, wb);
    expect(p.setup.columns[0]?.dateOrder).toBe(order);
  });
});
