/** A small typed workbook for the CSV tests, and helpers to read CSV bytes back. */
import Papa from 'papaparse';
import { type CellValue, type ColumnSpec } from '../../../src/schema/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import type { WorkbookOptions } from '../../../src/model/index.ts';

/** Every column type, with template labels in English and Chinese on some. */
export const PRODUCT_COLUMNS: ColumnSpec[] = [
  { name: 'SKU', type: 'text', options: { key: true }, labels: { en: 'SKU', 'zh-CN': '库存量单位' } },
  { name: 'Name', type: 'text', labels: { en: 'Name', 'zh-CN': '名称' } },
  { name: 'Cost', type: 'currency', labels: { en: 'Cost', 'zh-CN': '成本' } },
  { name: 'Price', type: 'currency', options: { currency: 'USD' } },
  { name: 'Margin', type: 'percent', options: { precision: 1 } },
  { name: 'Stock', type: 'integer' },
  { name: 'Daily sales', type: 'number' },
  { name: 'Launch', type: 'date', labels: { en: 'Launch', 'zh-CN': '上架日期' } },
  { name: 'Active', type: 'boolean' },
  { name: 'Channel', type: 'choice', options: { choices: ['App', 'Web', 'Store'] } },
  { name: 'Supplier', type: 'reference' },
];

/** A workbook with one sheet "Products" holding `rows` (values in PRODUCT_COLUMNS order). */
export const shop = (rows: CellValue[][] = [], options: WorkbookOptions = {}) => {
  const wb = Workbook.create({ name: 'Shop plan', currency: 'CNY' }, options);
  const sheet = wb.addSheet({ name: 'Products', kind: 'products', columns: PRODUCT_COLUMNS });
  const ids = wb.columns(sheet).map((c) => c.id);
  const rowIds = rows.length ? wb.appendRows(sheet, ids, rows) : [];
  return { wb, sheet, ids, rowIds };
};

/** Two plausible rows of products. */
export const SAMPLE_ROWS: CellValue[][] = [
  ['A-1', 'Garlic press', 1234.5, 19.99, 0.125, 40, 2.5, '2026-01-05', true, 'App', 'SUP-1'],
  ['00123', '蒜泥器 "Pro", 2024', -5, 0, 0.07, -3, 0, null, false, 'Web', null],
];

/** CSV text parsed back into records (papaparse, the BOM removed). */
export const records = (text: string, delimiter = ','): string[][] =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n', skipEmptyLines: true }).data;

/** The values of a sheet, row by row, in column order. */
export const sheetValues = (wb: Workbook, sheet: string): CellValue[][] =>
  wb.rowIds(sheet).map((r) => wb.columns(sheet).map((c) => wb.cell(sheet, r, c.id)));
