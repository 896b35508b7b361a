/**
 * The KPI sheet's numbers read as what they are: each metric is a cell formula, shown as its
 * result's type in the grid (¥88.23, 4.6%, 36,000) and on the dashboard's cards, not as a raw
 * number of the shared Value column (88.227513, 0.045641).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import type { Workbook } from '../../../src/model/index.ts';
import { cellShownType, type CalcService } from '../../../src/app/calc-service.ts';
import { metricText } from '../../../src/app/dashboard/metric-text.ts';
import { engineCalc } from '../../../src/app/engine-calc.ts';
import { formatValue, type FormatContext } from '../../../src/schema/index.ts';

const FMT: FormatContext = { locale: 'en', currency: 'CNY' };
let wb: Workbook;
let calc: CalcService;
let sheet: string;

beforeAll(() => {
  wb = createDemoWorkbook('2026-11-29');
  calc = engineCalc(wb, () => 'en');
  sheet = wb.sheets().find((s) => s.kind === 'kpis')?.id ?? '';
});

/** What the grid shows in a KPI row's cell, by the metric's name. */
const shown = (metric: string, column: string): string => {
  const row = wb.rowIds(sheet).find((r) => wb.cell(sheet, r, wb.columnByName(sheet, 'Metric')?.id ?? '') === metric) ?? '';
  const col = wb.columnByName(sheet, column);
  if (!col) throw new Error(`no column ${column}`);
  const v = calc.value(sheet, row, col.id);
  return formatValue(v, col, FMT, cellShownType(calc, sheet, row, col));
};

describe('KPI sheet in the grid', () => {
  test('money as money, counts as whole numbers, a rate as a percentage; each target shown like its value', () => {
    expect(shown('GMV', 'Value')).toMatch(/^¥[\d,]+\.\d\d$/);
    expect(shown('AOV', 'Value')).toMatch(/^¥\d+\.\d\d$/);
    expect(shown('Orders', 'Value')).toMatch(/^[\d,]+$/);
    expect(shown('Conversion rate', 'Value')).toMatch(/^\d+\.\d%$/);
    expect(shown('Conversion rate', 'Target')).toBe('3.5%');
    expect(shown('Average price index', 'Value')).toMatch(/^\d+(\.\d)?$/);
    // A target is shown as its row's value is (its column says so: formatLike), so ¥ sits next to ¥.
    expect(shown('AOV', 'Target')).toBe('¥85.00');
    expect(shown('GMV', 'Target')).toBe('¥3,200,000.00');
    expect(shown('Orders', 'Target')).toBe('36,000');
    expect(shown('Average price index', 'Target')).toBe('102');
  });

  test('a cell without its own formula has no cell type: the column (or the column it is shown like) decides', () => {
    const row = wb.rowIds(sheet)[0] ?? '';
    expect(calc.cellType(sheet, row, wb.columnByName(sheet, 'Target')?.id ?? '')).toBeUndefined();
    expect(calc.cellType(sheet, row, wb.columnByName(sheet, 'Value')?.id ?? '')).toBe('currency');
  });
});

describe('KPI cards', () => {
  test('a value with a type is shown as that type; a plain one is read by its size', () => {
    expect(metricText(3_150_000, 3_200_000, FMT, 'currency')).toBe('¥3.15M');
    expect(metricText(88.2275, 85, FMT, 'currency')).toBe('¥88.23');
    expect(metricText(5787, 6000, FMT, 'currency')).toBe('¥5,787');
    expect(metricText(0.045641, 0.035, FMT, 'percent')).toBe('4.6%');
    expect(metricText(36_512, 36_000, FMT, 'integer')).toBe('36.51K');
    expect(metricText(12, 12, FMT, 'integer')).toBe('12');
    expect(metricText(3_200_000, 3_200_000, FMT)).toBe('3.2M');
    expect(metricText(0.041, 0.035, FMT)).toBe('4.1%');
    expect(metricText(101.234, 102, FMT)).toBe('101.23');
  });
});
