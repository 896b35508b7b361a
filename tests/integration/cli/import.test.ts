/**
 * `import` from a shell, with the app's rules: columns matched by name (English or Chinese), types
 * detected and printed for a new sheet (`--type` overrides), every row checked before anything is
 * written, a bad row reported with its line and reason and nothing written. Its own process on a
 * real data folder; next to a running relay, a stock y-websocket client receives the rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addViewSheet, stateVersion, type Workbook } from '../../../src/model/index.ts';
import { createTemplateWorkbook } from '../../../sheets/index.ts';
import { createWorkbook, loadWorkbook } from '../../../server/store/stored-workbook.ts';
import type { AppServer } from '../../support/app-server.ts';
import { connectClient, waitFor } from '../../support/relay-clients.ts';
import { runCli, seed, startRelay, tempDataDir, withTestStore } from '../relay/fixtures.ts';

const readStored = <T,>(dataDir: string, fn: (wb: Workbook) => T): Promise<T> => withTestStore(dataDir, async (store) => fn(await loadWorkbook(store, 'shop')));

/** A sheet's rows as objects by column name. */
const rowsOf = (wb: Workbook, sheetName: string): Record<string, unknown>[] => {
  const sheet = wb.sheetByName(sheetName);
  if (!sheet) return [];
  const cols = wb.columns(sheet.id);
  return wb.rowIds(sheet.id).map((r) => Object.fromEntries(cols.filter((c) => c.formula === undefined).map((c) => [c.name, wb.cell(sheet.id, r, c.id)])));
};

/** GBK bytes of `text`, from a table the platform's own GBK decoder makes (Node has no GBK encoder). */
const gbk = (() => {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return (text: string): Uint8Array =>
    Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
})();

describe('import on its own', () => {
  const dataDir = tempDataDir();
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dataDir, name);
    writeFileSync(path, content);
    return path;
  };
  beforeAll(() =>
    withTestStore(dataDir, (store) => {
      const wb = createTemplateWorkbook('ops');
      addViewSheet(wb, { name: 'New products', formula: `=FILTER(#${wb.sheetByName('Products')?.id ?? ''}, TRUE)` });
      return createWorkbook(store, 'shop', wb);
    }),
  );

  test('into an existing sheet: CSV columns matched by their Chinese names, values read as the columns’ types', async () => {
    const csv = file('products.csv', '\uFEFF成本,货号,商品名称,上新日期,品类\r\n¥12.50,SKU-1,"锅, 大号",2026-03-01,Kitchen\r\n"1,299.00",SKU-2,"碗 ""青花""",2026-03-02,tableware\r\n');
    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', '商品', csv]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Into sheet "Products", columns matched by name:');
    expect(r.stdout).toMatch(/"成本"\s+→ Cost \(currency\)/);
    expect(r.stdout).toContain('Imported 2 rows into "Products"');
    expect(await readStored(dataDir, (wb) => rowsOf(wb, 'Products'))).toEqual([
      expect.objectContaining({ SKU: 'SKU-1', Name: '锅, 大号', Cost: 12.5, 'Launch date': '2026-03-01', Category: 'Kitchen' }),
      expect.objectContaining({ SKU: 'SKU-2', Name: '碗 "青花"', Cost: 1299, 'Launch date': '2026-03-02', Category: 'Tableware' }),
    ]);
  });

  test('into a view sheet: refused, since its rows are what its formula computes', async () => {
    const csv = file('view.csv', 'SKU\nSKU-9\n');
    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'New products', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"New products" is a view sheet: its rows come from its formula, so rows cannot be imported into it.');
  });

  test('into a new sheet: the detected types are printed, --type overrides one, and nothing is guessed silently', async () => {
    const csv = file('suppliers.csv', 'Code,Supplier,Lead time,Wine,Since,Price\n00123,Hangzhou Home,12,2013 Malbec,2024-05-01,¥8.00\n00456,Ningbo Cups,7,2019 Rioja,2023-11-20,¥3.50\n');
    // A type the values do not fit is refused row by row, with the types printed to choose again.
    const forced = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Suppliers', '--type', 'Price=number', csv]);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(/Price\s+number\s+given with --type \(detected: currency\)/);
    expect(forced.stderr).toContain('line 2, column "Price": "¥8.00" is an amount of money; import this column as currency.');
    expect(await readStored(dataDir, (wb) => wb.sheetByName('Suppliers'))).toBeUndefined();

    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Suppliers', '--type', 'lead time=number', csv]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    expect(out).toContain('New sheet "Suppliers" from the header, with these column types (change one with --type COLUMN=TYPE):');
    expect(out.find((l) => l.includes('Code'))).toMatch(/Code\s+text\s+Values such as "00123" keep their leading zeros as text\./);
    expect(out.find((l) => l.includes('Lead time'))).toMatch(/Lead time\s+number\s+given with --type \(detected: integer\)/);
    expect(out.find((l) => l.includes('Wine'))).toMatch(/Wine\s+text\s+Values such as "2013 Malbec" are text\./);
    expect(out.find((l) => l.includes('Since'))).toMatch(/Since\s+date\s+Every value is a date\./);
    expect(out.find((l) => l.includes('Price'))).toMatch(/Price\s+currency\s+Values are amounts in CNY\./);
    expect(r.stdout).toContain('Imported 2 rows into "Suppliers" (a new sheet)');
    expect(await readStored(dataDir, (wb) => rowsOf(wb, 'Suppliers'))).toEqual([
      { Code: '00123', Supplier: 'Hangzhou Home', 'Lead time': 12, Wine: '2013 Malbec', Since: '2024-05-01', Price: 8 },
      { Code: '00456', Supplier: 'Ningbo Cups', 'Lead time': 7, Wine: '2019 Rioja', Since: '2023-11-20', Price: 3.5 },
    ]);
  });

  test('a bad row: each is listed with its line and reason, the exit code is 1, and the store is as it was', async () => {
    const before = await readStored(dataDir, (wb) => ({ version: stateVersion(wb), sheets: wb.sheets().length }));
    const csv = file('bad.csv', 'SKU,Cost,Launch date\nA-1,10,2026-01-01\nA-2,ten,2026-01-02\n"A-3\nsecond line",3,2026-01-03\nA-4,4,someday\nA-5,5,2026-01-05,extra\n');
    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      '3 of 5 rows cannot be imported, so nothing was written. Correct these rows in the file (or choose other column types with --type) and import it again:',
      '  line 3, column "Cost": "ten" is not a number.',
      '  line 6, column "Launch date": "someday" is not a date (write it as YYYY-MM-DD).',
      '  line 7: This record has 4 values but the header has 3; a value with a "," in it may be missing its quotes.',
      '',
    ]);
    // The file named as typed in its own folder (`npm run` says where in INIT_CWD).
    const fresh = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Fresh', 'bad.csv'], { INIT_CWD: dataDir });
    expect(fresh.stderr).toContain('line 7: This record has 4 values but the header has 3');
    expect(fresh.code).toBe(1);
    expect(await readStored(dataDir, (wb) => ({ version: stateVersion(wb), sheets: wb.sheets().length }))).toEqual(before);
  });

  test('--blank-bad-cells imports the rows with their bad values blank; --rejected writes those rows with lines and reasons', async () => {
    const csv = file('blank.csv', 'SKU,Cost,Launch date\nB-1,10,2026-01-01\nB-2,ten,2026-01-02\nB-3,3,someday\nB-4,4,2026-01-04\n');
    const rejected = join(dataDir, 'rejected.csv');
    const types = ['--type', 'Cost=number', '--type', 'Launch date=date'];
    // By default nothing is written, and the rejected rows are written all the same.
    const strict = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Blanked', ...types, '--rejected', rejected, csv]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('2 of 4 rows cannot be imported, so nothing was written.');
    expect(await readStored(dataDir, (wb) => wb.sheetByName('Blanked'))).toBeUndefined();
    expect(readFileSync(rejected, 'utf8').split('\r\n')[1]).toBe('3,not imported,"Cost: ""ten"" is not a number",B-2,ten,2026-01-02');

    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Blanked', ...types, '--blank-bad-cells', '--rejected', rejected, csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported 4 rows into "Blanked" (a new sheet)');
    expect(r.stderr).toContain('2 rows were imported with bad values left blank:');
    expect(r.stderr).toContain('  line 4, column "Launch date": "someday" is not a date (write it as YYYY-MM-DD).');
    expect(r.stderr).toContain('The rejected rows, with their lines and reasons, are in');
    expect(await readStored(dataDir, (wb) => rowsOf(wb, 'Blanked'))).toEqual([
      { SKU: 'B-1', Cost: 10, 'Launch date': '2026-01-01' },
      { SKU: 'B-2', Cost: null, 'Launch date': '2026-01-02' },
      { SKU: 'B-3', Cost: 3, 'Launch date': null },
      { SKU: 'B-4', Cost: 4, 'Launch date': '2026-01-04' },
    ]);
    expect(readFileSync(rejected, 'utf8')).toBe(
      '\uFEFFLine,Result,Reason,SKU,Cost,Launch date\r\n' +
        '3,"imported, these cells left blank","Cost: ""ten"" is not a number",B-2,ten,2026-01-02\r\n' +
        '4,"imported, these cells left blank","Launch date: ""someday"" is not a date (write it as YYYY-MM-DD)",B-3,3,someday\r\n',
    );
  });

  test('--blank-bad-cells does not take a record that cannot be read: nothing is written; flags are strict', async () => {
    const csv = file('broken.csv', 'SKU,Cost\nC-1,1\nC-2,two\nC-3,3,extra\n');
    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Broken', '--blank-bad-cells', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 of 3 rows cannot be read at all, so nothing was written');
    expect(await readStored(dataDir, (wb) => wb.sheetByName('Broken'))).toBeUndefined();
    const value = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Broken', '--blank-bad-cells=yes', csv]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--blank-bad-cells takes no value.');
    expect(value.stderr).toContain('[--blank-bad-cells] [--rejected FILE]');
    const missing = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Broken', csv, '--rejected']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--rejected needs a value.');
  });

  test('a GBK file from a Chinese system is detected and read', async () => {
    const csv = file('gbk.csv', gbk('货号,商品名称,成本\r\nG-1,青花碗,5.5\r\nG-2,满减礼盒,88\r\n'));
    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reading the file as GBK / GB18030');
    expect(r.stdout).toContain('it reads as GBK / GB18030');
    expect(await readStored(dataDir, (wb) => rowsOf(wb, 'Products').filter((p) => String(p['SKU']).startsWith('G-')))).toEqual([
      expect.objectContaining({ SKU: 'G-1', Name: '青花碗', Cost: 5.5 }),
      expect.objectContaining({ SKU: 'G-2', Name: '满减礼盒', Cost: 88 }),
    ]);
  });

  test('a large file is checked in chunks with progress on stderr, then written at once', async () => {
    const lines = ['SKU,Name,Cost,On hand'];
    for (let i = 0; i < 60_000; i++) lines.push(`L-${i},"Large import item ${i}, boxed",${(i % 500) + 0.25},${i % 97}`);
    const csv = file('large.csv', `${lines.join('\r\n')}\r\n`);
    // 60,000 rows make the workbook bigger than the default MAX_ROOM_BYTES (which the CLI refuses to pass).
    const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Large', csv], { MAX_ROOM_BYTES: String(64 * 1024 * 1024) });
    expect(r.code).toBe(0);
    const progress = r.stderr.split('\n').filter((l) => l.startsWith('Checked '));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe('Checked 100% of the file (60,000 rows)');
    expect(r.stderr).toContain('Writing 60000 rows…');
    expect(await readStored(dataDir, (wb) => wb.rowIds(wb.sheetByName('Large')?.id ?? '').length)).toBe(60_000);
  });

  test('says what to do with a missing file, an unknown encoding or type, and a file that is not valid in the encoding given', async () => {
    const missing = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', join(dataDir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    const noFile = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products']);
    expect(noFile.stderr).toContain('Give the CSV file to import');
    const enc = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', '--encoding', 'ebcdic', join(dataDir, 'gbk.csv')]);
    expect(enc.stderr).toContain('Unknown encoding "ebcdic"');
    const type = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'New', '--type', 'Code=money', join(dataDir, 'suppliers.csv')]);
    expect(type.stderr).toContain('"money" is not a column type; use one of text, number');
    const wrong = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', '--encoding', 'utf-8', join(dataDir, 'gbk.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The file is not valid UTF-8. Choose the encoding it was saved in');
  });
});

describe('import next to a running relay', () => {
  let server: AppServer;
  let dataDir: string;
  let editor = '';
  beforeAll(async () => {
    dataDir = tempDataDir();
    editor = (await seed(dataDir, ['shop'], () => createTemplateWorkbook('ops')))['shop']?.editor ?? '';
    server = await startRelay({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('a stock y-websocket client connected to the relay receives the imported rows, and keeps editing with them', async () => {
    const c = connectClient(server.port, 'shop', editor);
    try {
      await c.synced();
      const csv = join(dataDir, 'restock.csv');
      writeFileSync(csv, 'SKU,Name,Cost\nR-1,Kettle,45\nR-2,Teapot,"1,280.00"\n');
      const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', csv]);
      expect(r.code).toBe(0);
      await waitFor('the client has the imported rows', () => rowsOf(c.wb(), 'Products').length === 2);
      expect(rowsOf(c.wb(), 'Products')).toEqual([
        expect.objectContaining({ SKU: 'R-1', Name: 'Kettle', Cost: 45 }),
        expect.objectContaining({ SKU: 'R-2', Name: 'Teapot', Cost: 1280 }),
      ]);
      // The client edits an imported row; the store, the relay and the client stay one workbook.
      const products = c.wb().sheetByName('Products')?.id ?? '';
      c.wb().setCell(products, c.wb().rowIds(products)[0] ?? '', c.wb().columnByName(products, 'Cost')?.id ?? '', 44);
      await waitFor('the store has the client’s edit', async () => (await readStored(dataDir, (wb) => stateVersion(wb))) === stateVersion(c.wb()));
      expect(await readStored(dataDir, (wb) => rowsOf(wb, 'Products')[0]?.['Cost'])).toBe(44);
    } finally {
      c.destroy();
    }
  });

  test('a file with a bad row: its line is reported, the exit code is 1, and neither the store nor a connected client gets any of its rows', async () => {
    const c = connectClient(server.port, 'shop', editor);
    try {
      await c.synced();
      const before = await readStored(dataDir, (wb) => stateVersion(wb));
      const bad = join(dataDir, 'restock-bad.csv');
      writeFileSync(bad, 'SKU,Name,Cost\nB-1,Mug,12\nB-2,Saucer,twelve\nB-3,Plate,8\n');
      const r = await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', bad]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('1 of 3 rows cannot be imported, so nothing was written.');
      expect(r.stderr).toContain('line 3, column "Cost": "twelve" is not a number.');
      expect(await readStored(dataDir, (wb) => stateVersion(wb))).toBe(before);

      // A good file imported after it arrives alone: had the bad one written anything, it would have come first.
      const good = join(dataDir, 'restock-good.csv');
      writeFileSync(good, 'SKU,Name,Cost\nG-1,Bowl,9\n');
      expect((await runCli(dataDir, ['import', '--workbook', 'shop', '--sheet', 'Products', good])).code).toBe(0);
      await waitFor('the client has the good row', () => rowsOf(c.wb(), 'Products').some((p) => p['SKU'] === 'G-1'));
      const skus = rowsOf(c.wb(), 'Products').map((p) => p['SKU']);
      expect(skus.filter((s) => String(s).startsWith('B-'))).toEqual([]);
      expect(await readStored(dataDir, (wb) => rowsOf(wb, 'Products').map((p) => p['SKU']))).toEqual(skus);
    } finally {
      c.destroy();
    }
  });
});
