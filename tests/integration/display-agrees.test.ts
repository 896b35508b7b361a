/**
 * One meaning, one place, as a seeded property: for every column type and 1,000 random values each
 * (fast-check, seed printed on failure), the text a grid cell shows (`cellText`, what the grid's
 * column definitions call), the CSV the app exports "as displayed", and the CSV the CLI's
 * `export --mode display` writes from the store are the same text, in both languages. And the
 * texts people type most ("12%", "¥1,200", "1.2万", "2027/1/10") are read as the same values by
 * typing, the app's CSV import and the CLI's import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { cellText } from '../../src/app/calc-service.ts';
import { calcExportSource } from '../../src/app/calc-export-source.ts';
import { typeIntoCell } from '../../src/app/edit-commands.ts';
import { engineCalc } from '../../src/app/engine-calc.ts';
import { exportSheetCsv, parseCellText, unprotectText } from '../../src/csv/index.ts';
import { Workbook } from '../../src/model/index.ts';
import { COLUMN_TYPES, type CellScalar, type ColumnSpec, type ColumnType, type Locale } from '../../src/schema/index.ts';
import { createWorkbook, loadWorkbook } from '../../server/store/stored-workbook.ts';
import { runCli, tempDataDir, withTestStore } from './relay/fixtures.ts';

const SEED = Number(process.env.DISPLAY_SEED ?? 15_2027);
const VALUES = 1000;
const TODAY = '2027-01-10';
const CHOICES = ['App', 'Web, Store', '满减 200-20', '-5 off'];

/** One column per type (two for numbers: with and without a precision), and a formula column shown as its result type. */
const COLUMNS: ColumnSpec[] = [
  ...COLUMN_TYPES.map((type): ColumnSpec => ({ name: `c-${type}`, type, options: type === 'choice' ? { choices: CHOICES } : {} })),
  { name: 'c-number-2', type: 'number', options: { precision: 2 } },
  { name: 'c-usd', type: 'currency', options: { currency: 'USD', precision: 0 } },
  { name: 'c-percent-0', type: 'percent', options: { precision: 0 } },
  { name: 'c-formula', type: 'text', formula: '=[c-currency] * 2' },
];

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 100),
  fc.constantFrom(0, -0.001, 0.005, 1.005, 2.5, -2.5, 999_999.5, 1e21, 1e-7, 0.125),
);
const iso = fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Random values a column of each type may hold. */
const valueOf: Record<ColumnType, fc.Arbitrary<CellScalar>> = {
  text: fc.oneof(fc.string(), fc.constantFrom('=1+1', '-5', '@x', '  spaced ', '满减')),
  number,
  integer: fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  currency: number,
  percent: number,
  date: iso,
  boolean: fc.boolean(),
  choice: fc.constantFrom(...CHOICES),
  reference: fc.constantFrom('SUP-1', 'SUP-2', '-SUP'),
};

/** A workbook with VALUES random rows (a tenth of the cells empty), seeded. */
const randomWorkbook = (locale: Locale, seed: number): { wb: Workbook; sheet: string } => {
  const wb = Workbook.create({ name: 'Agree', locale, currency: 'CNY' });
  const sheet = wb.addSheet({ name: 'Values', columns: COLUMNS });
  const cols = wb.columns(sheet).filter((c) => c.formula === undefined);
  const columnValues = cols.map((c, i) =>
    fc.sample(fc.option(valueOf[c.type], { freq: 10, nil: null }), { seed: seed + i, numRuns: VALUES }),
  );
  wb.appendRows(sheet, cols.map((c) => c.id), Array.from({ length: VALUES }, (_x, r) => columnValues.map((vs) => vs[r] ?? null)));
  return { wb, sheet };
};

/** The CSV's records without its header; protected text (a leading ' against CSV injection) read back. */
const records = (csv: string): string[][] => {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
  return rows.slice(1).filter((r) => r.length > 1).map((r) => r.map(unprotectText));
};

describe('what a cell shows is the same text everywhere', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`${locale}: grid = CSV as displayed = CLI, ${VALUES} values of each column type (seed ${SEED})`, async () => {
      const { wb, sheet } = randomWorkbook(locale, SEED);
      const calc = engineCalc(wb, () => locale, { today: TODAY });
      const fmt = { locale, currency: wb.settings.currency };
      const cols = wb.columns(sheet);
      const grid = wb.rowIds(sheet).map((r) => cols.map((c) => cellText(calc, fmt, sheet, r, c)));

      const app = records(exportSheetCsv(calcExportSource(wb, calc), sheet, { mode: 'display', values: calc, locale }));
      calc.dispose();

      const dataDir = tempDataDir();
      await withTestStore(dataDir, (store) => createWorkbook(store, 'agree', wb));
      const out = join(dataDir, 'out');
      const r = await runCli(dataDir, ['export', '--workbook', 'agree', '--out', out, '--mode', 'display', '--locale', locale, '--today', TODAY]);
      expect(r.stderr, `seed ${SEED}`).toBe('');
      const cli = records(readFileSync(join(out, 'Values.csv'), 'utf8'));

      for (let row = 0; row < grid.length; row++) {
        for (let c = 0; c < cols.length; c++) {
          const where = `seed ${SEED}, ${locale}, row ${row + 1}, ${cols[c]?.name}: ${JSON.stringify(wb.cell(sheet, wb.rowIds(sheet)[row] ?? '', cols[c]?.id ?? ''))}`;
          expect(app[row]?.[c], where).toBe(grid[row]?.[c]);
          expect(cli[row]?.[c], where).toBe(grid[row]?.[c]);
        }
      }
    });
  }
});

describe('the texts people type most are read the same everywhere', () => {
  const CASES = [
    ['percent', '12%', 0.12],
    ['currency', '¥1,200', 1200],
    ['number', '1.2万', 12000],
    ['date', '2027/1/10', '2027-01-10'],
  ] as const;

  test.each(CASES)('%s %j is %j typed, in the app’s import and in the CLI’s import', async (type, text, value) => {
    // Typed into a cell (editor, paste and formula bar go through this command).
    const wb = Workbook.create({ name: 'Typed', locale: 'zh-CN' });
    const sheet = wb.addSheet({ name: 'S', columns: [{ name: 'V', type }] });
    const [row = ''] = wb.appendRows(sheet, [], [[]]);
    const colId = wb.columns(sheet)[0]?.id ?? '';
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(typeIntoCell({ wb, calc: { check: () => ({ ok: false, message: '', from: 0, to: 0, suggestions: [] }) }, locale }, sheet, row, colId, text)).toEqual({ ok: true, value });
    }
    // Read from a file by the app's import, whatever the date order chosen.
    for (const dateOrder of ['MDY', 'DMY'] as const) expect(parseCellText(text, { type, options: {} }, { dateOrder })).toEqual({ ok: true, value });
    // The CLI's import, from a real file into a stored workbook.
    const dataDir = tempDataDir();
    const target = Workbook.create({ name: 'CLI' });
    target.addSheet({ name: 'S', columns: [{ name: 'V', type }] });
    await withTestStore(dataDir, (store) => createWorkbook(store, 'cli', target));
    const file = join(dataDir, 'in.csv');
    writeFileSync(file, `V\n"${text}"\n`);
    const r = await runCli(dataDir, ['import', '--workbook', 'cli', '--sheet', 'S', file]);
    expect(r.code, r.stderr).toBe(0);
    const stored = await withTestStore(dataDir, (store) => loadWorkbook(store, 'cli'));
    const s = stored.sheetByName('S')?.id ?? '';
    expect(stored.cell(s, stored.rowIds(s)[0] ?? '', stored.columns(s)[0]?.id ?? '')).toEqual(value);
  });
});
