/**
 * `export` as a manager's scheduled job runs it: its own process on a real data folder, no
 * browser. It runs the app's own engine adapter (src/app/engine-calc.ts) and export code, so its
 * files are the app's; tests/unit/app/display-agrees.test.ts holds the grid, the CSV and the CLI
 * to the same text.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addViewSheet, type Workbook } from '../../../src/model/index.ts';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { createWorkbook, loadWorkbook } from '../../../server/store/stored-workbook.ts';
import { ROOT } from '../../support/app-server.ts';
import { runCli, tempDataDir, withTestStore } from '../relay/fixtures.ts';
import { records } from '../../unit/csv/shop.ts';

/** Not the day the tests run: the CLI must compute TODAY() as told, as the app did that day. */
const TODAY = '2025-06-15';

/**
 * The demo shop plan, with text that must be protected or quoted, a cell's own formula and a
 * "currency or text" column (a price, or "no promo").
 */
const trickyPlan = (): Workbook => {
  const wb = createDemoWorkbook(TODAY);
  const products = wb.sheetByName('Products')?.id ?? '';
  const name = wb.columnByName(products, 'Name')?.id ?? '';
  const cost = wb.columnByName(products, 'Cost')?.id ?? '';
  const promo = wb.columnByName(products, 'Promo price')?.id ?? '';
  const list = wb.columnByName(products, 'List price')?.id ?? '';
  wb.addColumn(products, { id: 'offer', name: 'Offer', type: 'currency', formula: `=IF([#${promo}] > 0, [#${promo}], "no promo")` });
  const rows = wb.rowIds(products);
  wb.setCells(products, [
    { rowId: rows[0] ?? '', colId: name, value: '=HYPERLINK("http://x")' },
    { rowId: rows[1] ?? '', colId: name, value: '-5 off, "best" 满减\r\n第二行 🎉' },
    { rowId: rows[2] ?? '', colId: name, value: '\n@SUM(1)' },
    { rowId: rows[3] ?? '', colId: cost, value: { f: '=1/0' } },
    { rowId: rows[4] ?? '', colId: cost, value: -12.5 },
    { rowId: rows[5] ?? '', colId: cost, value: 47.17000000000001 },
    { rowId: rows[6] ?? '', colId: cost, value: { f: '=0.1 + 0.2' } },
  ]);
  // A view sheet: only its formula is stored; the export computes its rows.
  addViewSheet(wb, { name: 'Dearest', formula: `=TAKE(SORTBY(CHOOSECOLS(#${products}, 1, 2), #${products}[#${list}], -1), 3)` });
  wb.clearHistory();
  return wb;
};

/** The files of a CLI export folder, by name (manifest.json parsed). */
const folder = (dir: string) => {
  const names = readdirSync(dir).sort();
  const csv = Object.fromEntries(names.filter((n) => n.endsWith('.csv')).map((n) => [n, readFileSync(join(dir, n))]));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  return { names, csv, manifest };
};

describe('export writes the sheets with their computed values', () => {
  const dataDir = tempDataDir();
  let stored: Workbook;
  beforeAll(() =>
    withTestStore(dataDir, async (store) => {
      await createWorkbook(store, 'shop', trickyPlan());
      stored = await loadWorkbook(store, 'shop');
    }),
  );
  afterEach(() => {
    vi.useRealTimers();
  });

  test('the files are the exported sheets with computed values, protected text and the manifest', async () => {
    const out = join(dataDir, 'out-look');
    expect((await runCli(dataDir, ['export', '--workbook', 'shop', '--out', out, '--today', TODAY, '--sheet', 'Products'])).code).toBe(0);
    const { names, csv, manifest } = folder(out);
    expect(names).toEqual(['Products.csv', 'manifest.json']);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv['Products.csv']);
    expect(text.startsWith('\uFEFFSKU,')).toBe(true);
    expect(text).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(text).toContain(`,"'-5 off, ""best"" 满减\r\n第二行 🎉",`);
    expect(text).toContain(`,"'\n@SUM(1)",`);
    expect(text).toContain(',#DIV/0!,');
    expect(text).toContain(',-12.5,');
    // Raw numbers to 15 significant digits, as Excel shows them: no binary noise, stored or computed.
    expect(text).toContain(',47.17,');
    expect(text).toContain(',0.3,');
    expect(text).not.toMatch(/\d\.\d*0000000000\d/);
    expect(text).not.toMatch(/\d\.\d*9999999999\d/);
    // A "currency or text" column: the number as a number, the text as text.
    const [header = [], ...body] = records(text);
    const offer = header.indexOf('Offer');
    const offers = body.map((r) => r[offer] ?? '');
    expect(offer).toBeGreaterThan(0);
    expect(offers).toContain('no promo');
    expect(offers.some((o) => /^\d+(\.\d+)?$/.test(o))).toBe(true);
    expect(manifest).toMatchObject({ format: 'ops-workbook-csv', today: TODAY, workbook: { id: 'shop', name: stored.settings.name } });
  });

  test('a view sheet is exported with the rows its formula computes, its columns named and typed as their sources', async () => {
    const out = join(dataDir, 'out-view');
    expect((await runCli(dataDir, ['export', '--workbook', 'shop', '--out', out, '--today', TODAY, '--sheet', 'Dearest'])).code).toBe(0);
    const { names, csv, manifest } = folder(out);
    expect(names).toEqual(['Dearest.csv', 'manifest.json']);
    const [header, ...body] = records(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv['Dearest.csv']).replace(/^\uFEFF/, ''));
    expect(header).toEqual(['SKU', 'Name']);
    // The three dearest products of the stored sheet, dearest first.
    const products = stored.sheetByName('Products')?.id ?? '';
    const col = (name: string) => stored.columnValues(products, stored.columnByName(products, name)?.id ?? '');
    const prices = col('List price');
    const skus = col('SKU');
    const dearest = prices.map((p, i) => ({ p: Number(p), sku: String(skus[i]) })).sort((a, b) => b.p - a.p).slice(0, 3).map((x) => x.sku);
    expect(body.map((r) => r[0])).toEqual(dearest);
    const sheets = manifest.sheets as { name: string; rows: number; columns: { header: string; type: string; formula: boolean }[] }[];
    expect(sheets[0]).toMatchObject({ name: 'Dearest', rows: 3, columns: [{ header: 'SKU', type: 'text', formula: true }, { header: 'Name', type: 'text', formula: true }] });
  });

  test('a relative --out is the folder the command was typed in, not the project folder (npm run says it in INIT_CWD)', async () => {
    const typedIn = join(dataDir, 'typed-here');
    mkdirSync(typedIn);
    const r = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', 'weekly', '--sheet', 'Products'], { INIT_CWD: typedIn });
    expect(r.code).toBe(0);
    expect(readdirSync(join(typedIn, 'weekly')).sort()).toEqual(['Products.csv', 'manifest.json']);
    expect(existsSync(join(ROOT, 'weekly'))).toBe(false);
  });

  test('says what to do with a missing workbook, an unknown sheet or option, and a file where the folder should be', async () => {
    const none = await runCli(dataDir, ['export', '--workbook', 'nope', '--out', join(dataDir, 'x')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no workbook "nope"');
    const sheet = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'x'), '--sheet', 'Suppliers']);
    expect(sheet.code).toBe(1);
    expect(sheet.stderr).toContain('There is no sheet "Suppliers" in this workbook; its sheets are: "KPIs", "Products"');
    const mode = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'x'), '--mode', 'pretty']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('Unknown mode "pretty"; use raw');
    const delimiter = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'x'), '--delimiter', '|']);
    expect(delimiter.stderr).toContain('Unknown delimiter "|"; use , or ; or tab.');
    const day = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'x'), '--today', '2026-02-30']);
    expect(day.stderr).toContain('--today needs a date written YYYY-MM-DD');
    writeFileSync(join(dataDir, 'a-file'), '');
    const file = await runCli(dataDir, ['export', '--workbook', 'shop', '--out', join(dataDir, 'a-file')]);
    expect(file.code).not.toBe(0);
    expect(file.stderr).toMatch(/a-file (is a file, not a folder|cannot be made)/);
  });
});
