/** The whole workbook as a .zip snapshot: one CSV per sheet and a manifest of which state it is. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  commitImport,
  encodeUtf8,
  exportSheetCsv,
  exportWorkbookZip,
  planImport,
  previewImport,
  safeFileName,
  type ExportManifest,
} from '../../../src/csv/index.ts';
import { Workbook } from '../../../src/model/index.ts';
import { sheetValues, SAMPLE_ROWS, shop } from './shop.ts';

const SNAPSHOT = { workbookId: 'wb-42', version: 'sv:AQLx9wMA', time: new Date('2026-11-29T18:39:05Z'), by: 'lin.wei' };

const twoSheets = () => {
  const s = shop(SAMPLE_ROWS);
  const inv = s.wb.addSheet({ name: '库存 / Inventory', columns: [{ name: 'SKU', type: 'text' }, { name: 'On hand', type: 'integer' }] });
  s.wb.appendRows(inv, s.wb.columns(inv).map((c) => c.id), [['A-1', 40]]);
  return { ...s, inv };
};

describe('zip: a snapshot of the whole workbook', () => {
  test('named with the workbook and the UTC time; one CSV per sheet in tab order, then manifest.json', () => {
    const { wb } = twoSheets();
    const zip = exportWorkbookZip(wb, { snapshot: SNAPSHOT });
    expect(zip.fileName).toBe('Shop-plan_2026-11-29T18-39-05Z.zip');
    expect(Object.keys(unzipSync(zip.bytes))).toEqual(['Products.csv', '库存-Inventory.csv', 'manifest.json']);
  });

  test('each CSV in the zip is exactly the sheet export', () => {
    const { wb, sheet, inv } = twoSheets();
    const files = unzipSync(exportWorkbookZip(wb, { snapshot: SNAPSHOT, mode: 'display', delimiter: ';' }).bytes);
    expect(files['Products.csv']).toEqual(encodeUtf8(exportSheetCsv(wb, sheet, { mode: 'display', delimiter: ';' })));
    const withBom = new TextDecoder('utf-8', { ignoreBOM: true });
    expect(withBom.decode(files['库存-Inventory.csv'])).toBe('\uFEFFSKU;On hand\r\nA-1;40\r\n');
    expect(files['库存-Inventory.csv']).toEqual(encodeUtf8(exportSheetCsv(wb, inv, { mode: 'display', delimiter: ';' })));
  });

  test('the manifest records the state (version, time, who) and every column with its type', () => {
    const { wb, sheet } = twoSheets();
    const files = unzipSync(exportWorkbookZip(wb, { snapshot: SNAPSHOT }).bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as ExportManifest;
    expect(manifest).toMatchObject({
      format: 'ops-workbook-csv',
      formatVersion: 1,
      workbook: { id: 'wb-42', name: 'Shop plan' },
      version: 'sv:AQLx9wMA',
      exportedAt: '2026-11-29T18:39:05.000Z',
      exportedBy: 'lin.wei',
      options: { mode: 'raw', delimiter: ',', encoding: 'utf-8', bom: true, locale: 'en' },
    });
    expect(manifest.sheets.map((s) => [s.name, s.file, s.rows])).toEqual([
      ['Products', 'Products.csv', 2],
      ['库存 / Inventory', '库存-Inventory.csv', 1],
    ]);
    expect(manifest.sheets[0]?.id).toBe(sheet);
    expect(manifest.sheets[0]?.columns.slice(2, 5)).toEqual([
      { id: wb.columns(sheet)[2]?.id, header: 'Cost', type: 'currency', options: {}, formula: false },
      { id: wb.columns(sheet)[3]?.id, header: 'Price', type: 'currency', options: { currency: 'USD' }, formula: false },
      { id: wb.columns(sheet)[4]?.id, header: 'Margin', type: 'percent', options: { precision: 1 }, formula: false },
    ]);
  });

  test('only the chosen sheets when asked', () => {
    const { wb, inv } = twoSheets();
    const zip = exportWorkbookZip(wb, { snapshot: SNAPSHOT, sheetIds: [inv] });
    expect(Object.keys(unzipSync(zip.bytes))).toEqual(['库存-Inventory.csv', 'manifest.json']);
    expect(zip.manifest.sheets).toHaveLength(1);
  });

  test('the same state gives the same bytes, in any time zone (entry times are the snapshot time in UTC)', () => {
    const { wb } = twoSheets();
    const first = exportWorkbookZip(wb, { snapshot: SNAPSHOT }).bytes;
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      expect(exportWorkbookZip(wb, { snapshot: SNAPSHOT }).bytes).toEqual(first);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    // DOS time and date of the first local file header (offsets 10 and 12).
    const view = new DataView(first.buffer, first.byteOffset);
    const time = view.getUint16(10, true);
    const date = view.getUint16(12, true);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([18, 39, 4]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 11, 29]);
  });

  test('a CSV of the zip imports into a new sheet with the manifest’s column types and gives the same values', async () => {
    const { wb, sheet } = twoSheets();
    const files = unzipSync(exportWorkbookZip(wb, { snapshot: SNAPSHOT, mode: 'display', locale: 'zh-CN' }).bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as ExportManifest;
    const entry = manifest.sheets[0];
    const bytes = files[entry?.file ?? ''];
    if (!entry || !bytes) throw new Error('fixture');
    const restored = Workbook.create({ name: 'Restored', locale: 'zh-CN' });
    const types = Object.fromEntries(entry.columns.map((c) => [c.header, c.type]));
    const preview = previewImport(bytes, { newSheet: entry.name }, restored, { types });
    const result = commitImport(await planImport(bytes, preview.setup), 'good-rows', restored);
    expect(sheetValues(restored, result.sheetId ?? '')).toEqual(sheetValues(wb, sheet));
  });

  test.each([
    ['Products', 'Products'],
    ['库存 / Inventory', '库存-Inventory'],
    ['Q3: plan? "final" <v2>|*', 'Q3-plan-final-v2'],
    ['  spaced   out  ', 'spaced-out'],
    ['..hidden', 'hidden'],
    ['CON', 'CON-sheet'],
    ['???', 'sheet'],
  ])('a sheet named %j is written as %j.csv', (name, file) => {
    expect(safeFileName(name, 'sheet')).toBe(file);
  });
});
