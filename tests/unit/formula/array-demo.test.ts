/**
 * Arrays over the demo shop, as a person would type them: each dynamic-array function's registry
 * example gives an array (its help shows a formula that works), the element-wise formulas
 * (a condition times a column inside SUMPRODUCT, SUM of a product of columns, AND over a
 * comparison, MAX over IF) equal the same sums computed from the stored values, and the view
 * formulas of the issue give the rows they describe.
 */
import { describe, expect, it } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { evaluateInWorkbook, getFunction, type ValueJSON } from '../../../src/formula/index.ts';
import type { CellValue } from '../../../src/schema/index.ts';

const wb = createDemoWorkbook('2026-11-29');
const sheet = (name: string): string => wb.sheets().find((s) => s.name === name)?.id ?? '';
const column = (sheetName: string, name: string): CellValue[] => {
  const s = sheet(sheetName);
  const c = wb.columns(s).find((col) => col.name === name);
  // Computed columns are read through the engine: evaluate the column itself.
  const r = evaluateInWorkbook(wb, `=VSTACK(${sheetName}[${name}])`) as { value?: unknown[][] };
  return c && r.value ? r.value.map((row) => row[0] as CellValue) : [];
};
const ARRAY_FUNCTIONS = ['FILTER', 'UNIQUE', 'SORT', 'SORTBY', 'SEQUENCE', 'TAKE', 'DROP', 'CHOOSECOLS', 'VSTACK', 'TEXTSPLIT'];

describe('arrays over the demo shop', () => {
  it.each(ARRAY_FUNCTIONS)('%s: the example its help shows gives an array with no error in it', (name) => {
    const f = getFunction(name);
    const r = evaluateInWorkbook(wb, f?.example ?? '') as ValueJSON & { rows?: number; value?: unknown[][] };
    expect(r, f?.example).toMatchObject({ type: 'array' });
    expect(r.rows, f?.example).toBeGreaterThan(0);
    expect(r.value?.flat().filter((v) => typeof v === 'object' && v !== null && 'error' in v), f?.example).toEqual([]);
  });

  it('operators work value by value inside the functions that take arrays', () => {
    const channel = column('Campaigns', 'Channel');
    const budget = column('Campaigns', 'Budget').map(Number);
    const app = budget.reduce((s, b, i) => s + (channel[i] === 'App' ? b : 0), 0);
    expect(evaluateInWorkbook(wb, '=SUMPRODUCT((Campaigns[Channel] = "App") * Campaigns[Budget])')).toMatchObject({ type: 'currency' });
    expect((evaluateInWorkbook(wb, '=SUMPRODUCT((Campaigns[Channel] = "App") * Campaigns[Budget])') as { value: number }).value).toBeCloseTo(app, 6);

    const price = column('Products', 'List price').map(Number);
    const onHand = column('Inventory', 'On hand').map(Number);
    const stockValue = price.reduce((s, p, i) => s + p * (onHand[i] ?? 0), 0);
    expect((evaluateInWorkbook(wb, '=SUM(Products[List price] * Inventory[On hand])') as { value: number }).value).toBeCloseTo(stockValue, 6);

    expect(evaluateInWorkbook(wb, '=AND(Inventory[On hand] >= 0)')).toEqual({ value: onHand.every((n) => n >= 0), type: 'boolean' });
    expect(evaluateInWorkbook(wb, '=OR(Inventory[On hand] > 100000)')).toEqual({ value: false, type: 'boolean' });

    const category = column('Products', 'Category');
    const margin = column('Products', 'Margin %').map(Number);
    const best = Math.max(...margin.filter((_, i) => category[i] === 'Lighting'));
    expect(evaluateInWorkbook(wb, '=MAX(IF(Products[Category] = "Lighting", Products[Margin %]))')).toEqual({ value: best, type: 'percent' });
  });

  it('the view formulas of the issue give the rows they describe', () => {
    const status = column('Inventory', 'Status');
    const cover = column('Inventory', 'Days of cover');
    const reorder = cover.filter((_, i) => status[i] === 'Reorder').map(Number).sort((a, b) => a - b);
    const r = evaluateInWorkbook(wb, '=SORTBY(FILTER(Inventory, Inventory[Status] = "Reorder"), Inventory[Days of cover], 1)') as {
      value: unknown[][];
      columns: { type: string; name?: string }[];
    };
    const at = r.columns.findIndex((c) => c.name === 'Days of cover');
    expect(r.value.map((row) => row[at])).toEqual(reorder);
    expect(r.columns.map((c) => c.name)).toEqual(wb.columns(sheet('Inventory')).map((c) => c.name));
    expect(evaluateInWorkbook(wb, '=UNIQUE(Campaigns[Channel])')).toMatchObject({
      value: [...new Set(column('Campaigns', 'Channel'))].map((c) => [c]),
      columns: [{ type: 'text', name: 'Channel' }],
    });
  });
});
