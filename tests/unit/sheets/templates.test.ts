/** Every template is well formed, type-checks, and is named in both languages. */
import { describe, expect, test } from 'vitest';
import { Workbook } from '../../../src/model/index.ts';
import { addSheetFromTemplate, createTemplateWorkbook, dependenciesOf, OPS_TEMPLATES, SHEET_TEMPLATES } from '../../../sheets/index.ts';

describe.each(SHEET_TEMPLATES.map((t) => [t.kind, t] as const))('template %s', (_kind, t) => {
  test('column keys and names are unique, every name exists in English and Chinese', () => {
    expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
    expect(new Set(t.columns.map((c) => c.en.toLowerCase())).size).toBe(t.columns.length);
    expect(new Set(t.columns.map((c) => c.zh)).size).toBe(t.columns.length);
    for (const x of [t, ...t.columns, ...t.rules, ...t.charts]) {
      expect(x.en.trim()).not.toBe('');
      expect(x.zh.trim()).not.toBe('');
    }
    for (const r of t.rules) expect(r.message.zh).not.toBe(r.message.en);
  });

  test('rules and charts name columns that exist', () => {
    const keys = new Set(t.columns.map((c) => c.key));
    for (const r of t.rules) for (const k of r.columns) expect(keys).toContain(k);
    for (const c of t.charts) {
      expect(keys).toContain(c.x);
      for (const s of c.series) expect(keys).toContain(s.column);
    }
  });

  test('added alone to an empty workbook, it brings the sheets it needs and every formula type-checks', () => {
    const wb = Workbook.create();
    const id = addSheetFromTemplate(wb, t.kind === 'custom' ? 'custom' : t.kind);
    expect(wb.sheet(id)?.kind).toBe(t.kind);
    for (const dep of dependenciesOf(t)) expect(wb.sheets().some((s) => s.kind === dep)).toBe(true);
    const formulas = wb.columns(id).filter((c) => c.formula !== undefined).length;
    expect(formulas).toBe(t.columns.filter((c) => c.formula).length);
    expect(wb.rules(id)).toHaveLength(t.rules.length);
  });
});

test('templates: the ops workbook has every ops sheet, in order, with both names', () => {
  const wb = createTemplateWorkbook('ops');
  expect(wb.sheets().map((s) => s.kind)).toEqual(OPS_TEMPLATES.map((t) => t.kind));
  expect(wb.sheets().map((s) => s.labels?.['zh-CN'])).toEqual(OPS_TEMPLATES.map((t) => t.zh));
  expect(wb.canUndo()).toBe(false);
});

test('templates: a second Products sheet gets a free name in both languages and its own formulas', () => {
  const wb = createTemplateWorkbook('ops');
  const id = addSheetFromTemplate(wb, 'products');
  expect(wb.sheet(id)).toMatchObject({ name: 'Products 2', labels: { en: 'Products 2', 'zh-CN': '商品 2' } });
  // The duplicate-SKU rule of the new sheet counts SKUs of the new sheet, not of the first one.
  const rule = wb.rules(id).find((r) => r.name === 'Duplicate SKU');
  expect(rule?.when).toContain(`#${id}[`);
  wb.undo();
  expect(wb.sheets().map((s) => s.name)).not.toContain('Products 2');
});

test('templates: the blank workbook has one blank sheet', () => {
  const wb = createTemplateWorkbook('blank');
  expect(wb.sheets().map((s) => s.kind)).toEqual(['custom']);
});
