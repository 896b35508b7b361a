/**
 * The person's changes to a proposed import: each gives a new plain setup (it is posted to the
 * worker), types stay proposals until confirmed, and a file goes to the open sheet only when it fits.
 */
import { describe, expect, test } from 'vitest';
import { previewImport } from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import {
  dateOrderMatters,
  fitsSheet,
  includeNew,
  intoExisting,
  mappedCount,
  renameNew,
  retypeNew,
  sampleFit,
  sheetNameFromFile,
  withDateOrder,
  withNewSheetName,
} from '../../../src/app/setup-edits.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const FILE = bytes('SKU,成本,Launch,Notes\r\nA-1,¥12.50,01/05/2026,first\r\n00123,¥3,13/05/2026,second\r\n');

const workbook = () => {
  const wb = Workbook.create({ name: 'Plan', locale: 'en' });
  const sheet = wb.addSheet({
    name: 'Products',
    columns: [
      { id: 'sku', name: 'SKU', type: 'text' },
      { id: 'cost', name: 'Cost', type: 'currency', labels: { 'zh-CN': '成本' } },
      { id: 'price', name: 'Price', type: 'currency' },
    ],
  });
  return { wb, sheet };
};

describe('import setup: what the person changes', () => {
  test('into a new sheet, detected types are proposals the person can change, and back', () => {
    const { wb } = workbook();
    const preview = previewImport(FILE, { newSheet: 'Supplier' }, wb);
    expect(preview.setup.columns.map((c) => c.into?.type)).toEqual(['text', 'currency', 'date', 'text']);
    const asText = retypeNew(preview.setup, preview, 1, 'text');
    expect(asText.columns[1]?.into).toEqual({ name: '成本', type: 'text', options: {} });
    const back = retypeNew(asText, preview, 1, 'currency');
    expect(back.columns[1]?.into).toEqual(preview.setup.columns[1]?.into);
    expect(preview.setup.columns[1]?.into?.type).toBe('currency');
  });

  test('a new column can be renamed, left out and taken again as proposed', () => {
    const { wb } = workbook();
    const preview = previewImport(FILE, { newSheet: 'Supplier' }, wb);
    const renamed = renameNew(preview.setup, 3, 'Remarks');
    expect(renamed.columns[3]?.into?.name).toBe('Remarks');
    const left = includeNew(renamed, preview, 3, false);
    expect(left.columns[3]?.into).toBeNull();
    expect(mappedCount(left)).toBe(3);
    expect(includeNew(left, preview, 3, true).columns[3]?.into?.name).toBe('Notes');
  });

  test('dates like 01/05/2026 are read in the order the person chooses; ISO dates need no choice', () => {
    const { wb } = workbook();
    const preview = previewImport(FILE, { newSheet: 'Supplier' }, wb);
    expect(preview.setup.columns[2]?.dateOrder).toBe('DMY');
    expect(dateOrderMatters(preview, 2)).toBe(true);
    const iso = previewImport(bytes('Launch\r\n2026-01-05\r\n2026-12-31\r\n'), { newSheet: 'Dates' }, wb);
    expect(dateOrderMatters(iso, 0)).toBe(false);
    expect(withDateOrder(preview.setup, 2, 'MDY').columns[2]?.dateOrder).toBe('MDY');
  });

  test('into an existing sheet, columns match by name in English or Chinese, and the person can choose others', () => {
    const { wb, sheet } = workbook();
    const preview = previewImport(FILE, { sheetId: sheet }, wb);
    expect(preview.setup.columns.map((c) => c.into?.id ?? null)).toEqual(['sku', 'cost', null, null]);
    const price = wb.column(sheet, 'price') ?? null;
    const moved = intoExisting(preview.setup, 1, price);
    expect(moved.columns[1]?.into).toEqual({ id: 'price', name: 'Price', type: 'currency', options: {} });
    expect(intoExisting(moved, 0, null).columns[0]?.into).toBeNull();
  });

  test('the new sheet name is the person’s; an existing target keeps its sheet', () => {
    const { wb, sheet } = workbook();
    const fresh = previewImport(FILE, { newSheet: 'Supplier' }, wb).setup;
    expect(withNewSheetName(fresh, '供应商报价').target).toEqual({ newSheet: '供应商报价' });
    const existing = previewImport(FILE, { sheetId: sheet }, wb).setup;
    expect(withNewSheetName(existing, 'x').target).toEqual(existing.target);
  });

  test('the first rows are checked against each column as set up, before the whole file is read', () => {
    const { wb, sheet } = workbook();
    const preview = previewImport(FILE, { sheetId: sheet }, wb);
    expect(sampleFit(preview.setup, preview, 1)).toEqual({ checked: 2, bad: 0 });
    expect(sampleFit(preview.setup, preview, 2)).toBeUndefined();
    const skuAsCost = intoExisting(preview.setup, 0, wb.column(sheet, 'cost') ?? null);
    // "00123" reads as the number 123; "A-1" does not read as a number at all.
    expect(sampleFit(skuAsCost, preview, 0)).toEqual({ checked: 2, bad: 1, message: '"A-1" is not a number', problem: { code: 'notNumber', text: 'A-1' } });
  });

  test('a setup stays plain data (it is posted to the worker)', () => {
    const { wb } = workbook();
    const preview = previewImport(FILE, { newSheet: 'Supplier' }, wb);
    const edited = retypeNew(renameNew(preview.setup, 0, 'Code'), preview, 3, 'choice');
    expect(structuredClone(edited)).toEqual(edited);
  });
});

describe('import setup: where a file goes by default', () => {
  test('to the open sheet when at least half of its columns match there', () => {
    const { wb, sheet } = workbook();
    expect(fitsSheet(previewImport(FILE, { sheetId: sheet }, wb))).toBe(true);
    const other = bytes('Campaign,Budget,Start\r\nDouble 11,5000,2026-11-11\r\n');
    expect(fitsSheet(previewImport(other, { sheetId: sheet }, wb))).toBe(false);
  });

  test.each([
    ['供应商报价 2026.csv', '供应商报价 2026'],
    ['supplier_prices.tsv', 'supplier prices'],
    ['export.2026.11.csv', 'export.2026.11'],
    ['.csv', 'Import'],
  ])('a new sheet is named after the file: %j → %j', (file, name) => {
    expect(sheetNameFromFile(file)).toBe(name);
  });
});
