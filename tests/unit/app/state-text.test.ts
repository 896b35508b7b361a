/** A template's state written where a number is computed shows in the UI language; the value itself stays one English text. */
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { NEEDS_CONVERSIONS, stateText } from '../../../sheets/state-texts.ts';
import type { Workbook } from '../../../src/model/index.ts';
import { cellText, type CalcService } from '../../../src/app/calc-service.ts';
import { engineCalc } from '../../../src/app/engine-calc.ts';

describe('state texts', () => {
  test('a known state reads in Chinese in the Chinese UI and as it is in English; any other text is left alone', () => {
    expect(stateText(NEEDS_CONVERSIONS, 'zh-CN')).toBe('需要 ≥ 10 次转化');
    expect(stateText(NEEDS_CONVERSIONS, 'en')).toBe('needs ≥ 10 conversions');
    for (const other of ['-', 'Ship B', '__proto__', 'constructor', '']) expect(stateText(other, 'zh-CN')).toBe(other);
  });

  describe('in the demo’s A/B tests', () => {
    let wb: Workbook;
    let calc: CalcService;
    beforeAll(() => {
      wb = createDemoWorkbook('2026-11-29');
      calc = engineCalc(wb, () => 'en');
    });

    test('the under-powered test’s statistics show the state in the UI language; the computed value stays English', () => {
      const sheetId = wb.sheetByName('A/B tests')?.id ?? '';
      const testCol = wb.columnByName(sheetId, 'Test')?.id ?? '';
      const rowId = wb.rowIds(sheetId).find((r) => wb.cell(sheetId, r, testCol) === 'Coupon pop-up') ?? '';
      expect(rowId).not.toBe('');
      for (const name of ['Z', 'P-value', 'CI low', 'CI high', 'Significant']) {
        const col = wb.columnByName(sheetId, name);
        if (!col) throw new Error(`no column ${name}`);
        expect(calc.value(sheetId, rowId, col.id), name).toBe(NEEDS_CONVERSIONS);
        expect(cellText(calc, { locale: 'zh-CN', currency: 'CNY' }, sheetId, rowId, col), name).toBe('需要 ≥ 10 次转化');
        expect(cellText(calc, { locale: 'en', currency: 'CNY' }, sheetId, rowId, col), name).toBe(NEEDS_CONVERSIONS);
      }
      // A text column's text is never taken for a state, whatever it says.
      wb.setCell(sheetId, rowId, testCol, NEEDS_CONVERSIONS);
      const text = wb.column(sheetId, testCol);
      if (!text) throw new Error('no Test column');
      expect(cellText(calc, { locale: 'zh-CN', currency: 'CNY' }, sheetId, rowId, text)).toBe(NEEDS_CONVERSIONS);
    });
  });
});
