/** Mapping CSV headers to sheet columns: by name or label (English or Chinese), then by hand. */
import { describe, expect, test } from 'vitest';
import { commitImport, ImportError, planImport, previewImport } from '../../../src/csv/index.ts';
import { bytesOf } from './read-as-text.ts';
import { shop } from './shop.ts';

const headersOf = (setup: { columns: { header: string; into: { name: string } | null }[] }) =>
  Object.fromEntries(setup.columns.map((c) => [c.header, c.into?.name ?? null]));

describe('mapping: headers find their columns by name', () => {
  test('English names, any case, extra spaces, full-width letters', () => {
    const { wb, sheet } = shop();
    const p = previewImport(bytesOf('sku,  DAILY   sales ,ｃｏｓｔ\r\nA,1,2\r\n'), { sheetId: sheet }, wb);
    expect(headersOf(p.setup)).toEqual({ sku: 'SKU', 'DAILY   sales': 'Daily sales', 'ｃｏｓｔ': 'Cost' });
  });

  test('Chinese labels of template columns', () => {
    const { wb, sheet } = shop();
    const p = previewImport(bytesOf('库存量单位,名称,成本,上架日期\r\nA,蒜泥器,12,2026-01-05\r\n'), { sheetId: sheet }, wb);
    expect(headersOf(p.setup)).toEqual({ 库存量单位: 'SKU', 名称: 'Name', 成本: 'Cost', 上架日期: 'Launch' });
  });

  test('an unknown header is left out with a note saying how to bring it in', () => {
    const { wb, sheet } = shop();
    const p = previewImport(bytesOf('SKU,Colour\r\nA,red\r\n'), { sheetId: sheet }, wb);
    expect(p.setup.columns[1]?.into).toBeNull();
    expect(p.notes).toEqual(['Column "Colour" matches no column of "Products"; it is not imported unless you choose a column for it.']);
  });

  test('a header twice in the file: only the first goes in', () => {
    const { wb, sheet } = shop();
    const p = previewImport(bytesOf('SKU,sku\r\nA,B\r\n'), { sheetId: sheet }, wb);
    expect(p.setup.columns.map((c) => c.into?.name ?? null)).toEqual(['SKU', null]);
  });

  test('a formula column is never a target: its values are computed', () => {
    const { wb, sheet } = shop();
    wb.addColumn(sheet, { name: 'Profit', type: 'currency', formula: '=[Price]-[Cost]' });
    const p = previewImport(bytesOf('SKU,Profit\r\nA,3\r\n'), { sheetId: sheet }, wb);
    expect(p.setup.columns[1]?.into).toBeNull();
    expect(p.notes[0]).toBe('Column "Profit" is computed by a formula in "Products"; its values in the file are not imported.');
  });

  test('a new sheet takes its column names from the header, made unique and non-empty', () => {
    const { wb } = shop();
    const p = previewImport(bytesOf('Name,,name,Cost\r\nA,x,y,3\r\n'), { newSheet: 'Suppliers' }, wb);
    expect(p.setup.columns.map((c) => c.into?.name)).toEqual(['Name', 'Column 2', 'name (2)', 'Cost']);
  });

  test('a file without a header row gets numbered columns', () => {
    const { wb } = shop();
    const p = previewImport(bytesOf('A,1\r\nB,2\r\n'), { newSheet: 'Raw' }, wb, { header: false });
    expect(p.headers).toEqual(['Column 1', 'Column 2']);
    expect(p.rows).toEqual([['A', '1'], ['B', '2']]);
  });
});

describe('mapping: by hand', () => {
  test('a CSV column mapped by hand to a sheet column is imported there', async () => {
    const { wb, sheet, ids } = shop();
    const bytes = bytesOf('Artikel,Kosten\r\nA-9,12.5\r\n');
    const p = previewImport(bytes, { sheetId: sheet }, wb);
    const cost = wb.columns(sheet)[2];
    const sku = wb.columns(sheet)[0];
    if (!cost || !sku) throw new Error('fixture');
    const setup = {
      ...p.setup,
      columns: [
        { ...p.setup.columns[0], header: 'Artikel', dateOrder: 'MDY' as const, into: { ...sku } },
        { ...p.setup.columns[1], header: 'Kosten', dateOrder: 'MDY' as const, into: { ...cost } },
      ],
    };
    const plan = await planImport(bytes, setup);
    const [row] = commitImport(plan, 'good-rows', wb).rowIds;
    expect(wb.cell(sheet, row ?? '', ids[0] ?? '')).toBe('A-9');
    expect(wb.cell(sheet, row ?? '', ids[2] ?? '')).toBe(12.5);
  });

  test('types of new columns can be set from outside (CLI --type COLUMN=TYPE), any case', () => {
    const { wb } = shop();
    const p = previewImport(bytesOf('Code,Qty\r\n00123,5\r\n'), { newSheet: 'Codes' }, wb, { types: { qty: 'number', CODE: 'text' } });
    expect(p.setup.columns.map((c) => c.into?.type)).toEqual(['text', 'number']);
  });

  test('a --type for a column the file does not have is refused with a sentence', () => {
    const { wb } = shop();
    expect(() => previewImport(bytesOf('Code\r\n1\r\n'), { newSheet: 'Codes' }, wb, { types: { Qty: 'number' } })).toThrow(
      'The file has no column "Qty"; check the name given with its type.',
    );
  });

  test('two CSV columns into one column, or none at all, are refused before reading the file', async () => {
    const { wb, sheet } = shop();
    const bytes = bytesOf('SKU,Name\r\nA,B\r\n');
    const p = previewImport(bytes, { sheetId: sheet }, wb);
    const first = p.setup.columns[0];
    if (!first) throw new Error('fixture');
    const twice = { ...p.setup, columns: [first, { ...first, header: 'Name' }] };
    await expect(planImport(bytes, twice)).rejects.toThrow('CSV columns "SKU" and "Name" both go into column "SKU"; choose one of them.');
    const none = { ...p.setup, columns: p.setup.columns.map((c) => ({ ...c, into: null })) };
    await expect(planImport(bytes, none)).rejects.toThrow(ImportError);
    await expect(planImport(bytes, none)).rejects.toThrow('No CSV column goes into a column of "Products"; choose a column for at least one of them.');
  });
});
