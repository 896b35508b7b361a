/** What depends on a sheet, a column or rows before they are deleted: found in the demo shop as a planner would meet it. */
import { beforeAll, describe, expect, test } from 'vitest';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import type { Workbook } from '../../../src/model/index.ts';
import { dependentsOfColumn, dependentsOfRows, dependentsOfSheet, rowsMayBeReferredTo } from '../../../src/app/dependents.ts';

let wb: Workbook;
const sheet = (name: string): string => wb.sheetByName(name)?.id ?? '';
const col = (s: string, name: string): string => wb.columnByName(sheet(s), name)?.id ?? '';

beforeAll(() => {
  wb = createDemoWorkbook('2026-12-05');
});

describe('dependents', () => {
  test('rows of a sheet with a key that another sheet refers to may be named elsewhere; rows of other sheets not', () => {
    expect(rowsMayBeReferredTo(wb, sheet('Products'))).toBe(true);
    expect(rowsMayBeReferredTo(wb, sheet('KPIs'))).toBe(false);
  });

  test('a sheet: the KPI formulas over it, with where they are', () => {
    const d = dependentsOfSheet(wb, sheet('User segments'));
    // GMV, Orders and AOV are cells' own formulas on KPIs.
    expect(d.total).toBe(3);
    expect(d.sheetIds).toEqual([sheet('KPIs')]);
    expect(d.examples.map((e) => e.kind)).toEqual(['formula', 'formula', 'formula']);
    expect(d.examples.every((e) => e.kind === 'formula' && e.colId === col('KPIs', 'Value') && e.rowId)).toBe(true);
  });

  test('a sheet others refer to: their reference columns and formulas; its pinned charts leave the dashboard', () => {
    const d = dependentsOfSheet(wb, sheet('Products'), 100);
    expect(d.examples.some((e) => e.kind === 'referenceColumn' && e.sheetId === sheet('Inventory'))).toBe(true);
    const inventory = dependentsOfSheet(wb, sheet('Inventory'), 100);
    expect(inventory.examples.filter((e) => e.kind === 'tile')).toHaveLength(1);
    expect(inventory.examples.some((e) => e.kind === 'formula' && e.sheetId === sheet('KPIs'))).toBe(true);
  });

  test('a column: formulas on its sheet and elsewhere, rules and charts that use it', () => {
    const d = dependentsOfColumn(wb, sheet('A/B tests'), col('A/B tests', 'Visitors A'), 100);
    const kinds = new Set(d.examples.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['formula', 'rule', 'chart']));
    // The conversion-rate KPI on another sheet sums it.
    expect(d.examples.some((e) => e.kind === 'formula' && e.sheetId === sheet('KPIs'))).toBe(true);
    expect(d.total).toBe(d.examples.length);
    // A column nothing uses: nothing to say.
    expect(dependentsOfColumn(wb, sheet('A/B tests'), col('A/B tests', 'Hypothesis')).total).toBe(0);
  });

  test('a cell formula written or cleared after the first look is found, or no longer found (the index follows edits)', () => {
    const w = createDemoWorkbook('2026-12-05');
    const seg = w.sheetByName('User segments')?.id ?? '';
    const swot = w.sheetByName('SWOT')?.id ?? '';
    expect(dependentsOfSheet(w, seg).total).toBe(3);
    const swotCol = w.columns(swot).find((c) => c.formula === undefined && c.type === 'text')?.id ?? '';
    const swotRow = w.rowIds(swot)[0] ?? '';
    const kpiValue = w.columnByName(w.sheetByName('KPIs')?.id ?? '', 'Value')?.id ?? '';
    const stored = w.cell(w.sheetByName('KPIs')?.id ?? '', w.rowIds(w.sheetByName('KPIs')?.id ?? '')[0] ?? '', kpiValue);
    if (stored === null || typeof stored !== 'object' || !('f' in stored)) throw new Error('GMV has no formula');
    w.setCell(swot, swotRow, swotCol, { f: stored.f.replace(/^=/, '=') });
    expect(dependentsOfSheet(w, seg).total).toBe(4);
    w.setCell(swot, swotRow, swotCol, 'plain text');
    expect(dependentsOfSheet(w, seg).total).toBe(3);
    w.deleteRows(w.sheetByName('KPIs')?.id ?? '', [w.rowIds(w.sheetByName('KPIs')?.id ?? '')[0] ?? '']);
    expect(dependentsOfSheet(w, seg).total).toBe(2);
  });

  test('rows: the reference cells that name their keys; only the first few are kept as examples', () => {
    const products = sheet('Products');
    const first = wb.rowIds(products)[0] ?? '';
    const d = dependentsOfRows(wb, products, [first]);
    expect(d.total).toBeGreaterThan(0);
    const sku = wb.cell(products, first, col('Products', 'SKU'));
    expect(d.examples.every((e) => e.kind === 'reference' && e.key === sku)).toBe(true);
    const many = dependentsOfRows(wb, products, wb.rowIds(products), 3);
    expect(many.examples).toHaveLength(3);
    expect(many.total).toBeGreaterThan(100);
  });
});
