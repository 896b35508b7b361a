/**
 * What the app's export downloads: computed values from the engine (never stored formulas), a
 * formula column formatted as its result type, names with workbook, sheet and time, and a manifest
 * naming the exported state.
 */
import { unzipSync } from 'fflate';
import { type ComputedValue } from '../../../src/schema/index.ts';
import { describe, expect, test } from 'vitest';
import { stateVersion, Workbook } from '../../../src/model/index.ts';
import { storedValuesCalc, type CalcService } from '../../../src/app/calc-service.ts';
import { buildExport, type ExportChoice, type ExportContext } from '../../../src/app/export-file.ts';

const TIME = new Date('2026-11-29T18:39:05Z');

/** A shop plan whose Margin column is a formula, and an engine that computed it. */
const plan = () => {
  const wb = Workbook.create({ name: 'Shop plan', currency: 'CNY', locale: 'en' });
  const sheet = wb.addSheet({
    id: 'products',
    name: 'Products',
    labels: { en: 'Products', 'zh-CN': '商品' },
    columns: [
      { id: 'sku', name: 'SKU', type: 'text' },
      { id: 'price', name: 'Price', type: 'currency' },
      { id: 'margin', name: 'Margin', type: 'number', formula: '=[price] - 10' },
    ],
  });
  const [a, b] = wb.appendRows(sheet, ['sku', 'price', 'margin'], [['A-1', 30, null], ['=B-2', -5, null]]);
  const base = storedValuesCalc(wb, { notComputed: () => 'not computed', notAvailable: () => 'no engine' });
  const computed = new Map<string | undefined, ComputedValue>([[a, 20], [b, { error: '#DIV/0!', message: 'Division by zero.' }]]);
  const calc: CalcService = {
    ...base,
    value: (s, r, c) => (c === 'margin' ? (computed.get(r) ?? null) : base.value(s, r, c)),
    resultType: (_s, c) => (c === 'margin' ? 'currency' : undefined),
  };
  const ctx: ExportContext = { wb, calc, workbookId: 'wb-7', sheetId: sheet, locale: 'en', by: 'lin.wei', time: TIME };
  return { wb, ctx };
};

const choice = (patch: Partial<ExportChoice> = {}): ExportChoice => ({ scope: 'sheet', mode: 'raw', delimiter: ',', bom: true, ...patch });
/** The text of UTF-8 bytes, keeping a byte order mark as U+FEFF. */
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('export from the app', () => {
  test('a sheet downloads as CSV named with workbook, sheet and UTC time, with the computed values', () => {
    const { ctx } = plan();
    const file = buildExport(ctx, choice());
    expect(file.name).toBe('Shop-plan_Products_2026-11-29T18-39-05Z.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(file.bytes)).toBe('\uFEFFSKU,Price,Margin\r\nA-1,30,20\r\n\'=B-2,-5,#DIV/0!\r\n');
  });

  test('a column hidden in the grid is still exported', () => {
    const { wb, ctx } = plan();
    wb.setColumnOptions('products', 'price', { hidden: true });
    expect(text(buildExport(ctx, choice()).bytes)).toBe('\uFEFFSKU,Price,Margin\r\nA-1,30,20\r\n\'=B-2,-5,#DIV/0!\r\n');
  });

  test('as displayed, a formula column is formatted as the type it computes, in the language of the person', () => {
    const { ctx } = plan();
    const file = buildExport({ ...ctx, locale: 'zh-CN' }, choice({ mode: 'display', delimiter: ';', bom: false }));
    expect(file.name).toBe('Shop-plan_商品_2026-11-29T18-39-05Z.csv');
    expect(text(file.bytes)).toBe('SKU;Price;Margin\r\nA-1;¥30.00;¥20.00\r\n\'=B-2;-¥5.00;#DIV/0!\r\n');
  });

  test('the whole workbook downloads as a zip whose manifest names the exported state', () => {
    const { wb, ctx } = plan();
    const file = buildExport(ctx, choice({ scope: 'workbook' }));
    expect(file.name).toBe('Shop-plan_2026-11-29T18-39-05Z.zip');
    expect(file.type).toBe('application/zip');
    const files = unzipSync(file.bytes);
    expect(Object.keys(files)).toEqual(['Products.csv', 'manifest.json']);
    const manifest = JSON.parse(text(files['manifest.json'] ?? new Uint8Array())) as Record<string, unknown>;
    expect(manifest).toMatchObject({ version: stateVersion(wb), exportedBy: 'lin.wei', exportedAt: '2026-11-29T18:39:05.000Z', workbook: { id: 'wb-7' } });
    // The date TODAY() had (local, as the engine computes it), so the CLI can reproduce the values later.
    expect(manifest['today']).toBe(TIME.toLocaleDateString('sv-SE'));
    expect(text(files['Products.csv'] ?? new Uint8Array())).toContain('A-1,30,20\r\n');
  });

  test('a sheet export without an open sheet says what to do', () => {
    const { ctx } = plan();
    expect(() => buildExport({ ...ctx, sheetId: undefined }, choice())).toThrow('There is no open sheet to export; open one, or export the whole workbook.');
  });
});
