/** A template's state a formula writes (where a number is computed, or an A/B test's decision) shows in the UI language; the value itself stays one English text. */
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { DECISIONS, NEEDS_CONVERSIONS, stateText } from '../../../sheets/state-texts.ts';
import { exportSheetCsv } from '../../../src/csv/index.ts';
import { calcExportSource } from '../../../src/app/calc-export-source.ts';
import type { Workbook } from '../../../src/model/index.ts';
import { cellText, type CalcService } from '../../../src/app/calc-service.ts';
import { engineCalc } from '../../../src/app/engine-calc.ts';

describe('state texts', () => {
  test('a known state reads in Chinese in the Chinese UI and as it is in English; any other text is left alone', () => {
    expect(stateText(NEEDS_CONVERSIONS, 'zh-CN')).toBe('需要 ≥ 10 次转化');
    expect(stateText(NEEDS_CONVERSIONS, 'en')).toBe('needs ≥ 10 conversions');
    for (const other of ['-', 'Ship C', 'ship b', '__proto__', 'constructor', '']) expect(stateText(other, 'zh-CN')).toBe(other);
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

    test('the Decision words read in Chinese in the Chinese UI; formulas and CSV exports keep the English keys', () => {
      const sheetId = wb.sheetByName('A/B tests')?.id ?? '';
      const decision = wb.columnByName(sheetId, 'Decision');
      const testCol = wb.columnByName(sheetId, 'Test');
      if (!decision || !testCol) throw new Error('no Decision or Test column');
      const zh = { locale: 'zh-CN', currency: 'CNY' } as const;
      const shown = new Map<string, string>();
      for (const r of wb.rowIds(sheetId)) {
        const v = calc.value(sheetId, r, decision.id);
        if (typeof v !== 'string') throw new Error(`a decision that is not a text: ${JSON.stringify(v)}`);
        shown.set(v, cellText(calc, zh, sheetId, r, decision));
        expect(cellText(calc, { locale: 'en', currency: 'CNY' }, sheetId, r, decision)).toBe(v);
      }
      // Every word the demo's tests reach, each in Chinese.
      expect(Object.fromEntries(shown)).toEqual({
        [DECISIONS.shipB]: '上线 B',
        [DECISIONS.keepA]: '保留 A',
        [DECISIONS.noDifference]: '无差异',
        [DECISIONS.keepRunning]: '继续实验',
        [DECISIONS.tooLittle]: '数据不足',
      });
      // The KPI that counts the tests won still compares with the English key.
      const kpis = wb.sheetByName('KPIs')?.id ?? '';
      const metric = wb.columnByName(kpis, 'Metric')?.id ?? '';
      const value = wb.columnByName(kpis, 'Value')?.id ?? '';
      const won = wb.rowIds(kpis).find((r) => wb.cell(kpis, r, metric) === 'Tests won') ?? '';
      const ships = wb.rowIds(sheetId).filter((r) => calc.value(sheetId, r, decision.id) === DECISIONS.shipB).length;
      expect(ships).toBeGreaterThan(0);
      expect(calc.value(kpis, won, value)).toBe(ships);
      // A shared file is the same whoever exports it: the English key, raw or as displayed, in either language.
      for (const mode of ['raw', 'display'] as const) {
        const csv = exportSheetCsv(calcExportSource(wb, calc), sheetId, { mode, locale: 'zh-CN', values: calc });
        expect(csv, mode).toContain('结论');
        expect(csv, mode).toContain(DECISIONS.shipB);
        expect(csv, mode).not.toContain('上线 B');
      }
      // A person's own text that happens to read "Ship B" is left as typed.
      const row = wb.rowIds(sheetId)[0] ?? '';
      wb.setCell(sheetId, row, testCol.id, DECISIONS.shipB);
      expect(cellText(calc, zh, sheetId, row, testCol)).toBe(DECISIONS.shipB);
    });
  });
});
