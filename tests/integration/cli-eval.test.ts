/** The real CLI: `npm run -s workbook -- eval "=EXPR" …` as a user runs it (a child process). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const cli = (...args: string[]) => {
  const r = spawnSync('npm', ['run', '-s', 'workbook', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, lines: r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown), stderr: r.stderr };
};

describe('workbook eval', () => {
  it('prints one JSON line per expression, in order, with dates as YYYY-MM-DD', () => {
    const r = cli('eval', '=1+2', '=0.1+0.2=0.3', '=DATE(2025, 11, 11) + 1', '=ROUND(-2.5, 0)', '=NORM.S.INV(0.95)', '=1/0', '=TEXT(0.285, "0.0%")');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      { value: 3, type: 'integer' },
      { value: true, type: 'boolean' },
      { value: '2025-11-12', type: 'date' },
      { value: -3, type: 'number' },
      { value: 1.64485362695147, type: 'number' },
      { error: '#DIV/0!', message: 'division by zero' },
      { value: '28.5%', type: 'text' },
    ]);
  });

  it('prints #TYPE! for a formula that does not type-check, keeps going, and exits 1', () => {
    const r = cli('eval', '=1+"a"', '=SUMM(1)', '=2*3');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      { error: '#TYPE!', message: expect.stringContaining('cannot add integer and text') },
      { error: '#TYPE!', message: expect.stringContaining('no function SUMM; did you mean SUM?') },
      { value: 6, type: 'integer' },
    ]);
  });

  it('prints a fallback of another type as "type|text", and refuses it where a number is required, with the fix', () => {
    const r = cli(
      'eval', '=IFERROR(1/0, "-")', '=IFERROR(1/4, "-")', '=IFERROR(1/0, "-") * 2', '=IF(COUNTIF(0, 0), "yes", "no")',
      '=WORKDAY(DATE(2008, 10, 1), 151)', '=IF(FALSE, 1)', '=1E+308*10', '=TEXT(12200000, "#,###.0,")', '=VALUE("¥1,200")',
      '=LET(x, 2, x * 3)', '=RAND() = RAND()',
    );
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      { value: '-', type: 'number|text' },
      { value: 0.25, type: 'number|text' },
      { error: '#TYPE!', message: expect.stringContaining('use IFERROR(…, 0) to keep a number') },
      { value: 'yes', type: 'text' },
      { value: '2009-04-30', type: 'date' },
      { value: false, type: 'integer' },
      { error: '#NUM!', message: 'the result is too large' },
      { value: '12,200.0', type: 'text' },
      { value: 1200, type: 'number' },
      { value: 6, type: 'integer' },
      { value: expect.any(Boolean), type: 'boolean' },
    ]);
    // RAND() is stable: the same formula prints the same number on every run.
    expect(cli('eval', '=RAND()').lines).toEqual(cli('eval', '=RAND()').lines);
  });

  it('prints an array as its rows, each a list of values, with its columns’ types', () => {
    const r = cli('eval', '={1,2;3,4}', '=SEQUENCE(3, 1, DATE(2026, 1, 30))', '=TEXTSPLIT("a,b;c", ",", ";")', '=FILTER({1;2}, {FALSE;FALSE})', '=SEQUENCE(1E9)');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      { value: [[1, 2], [3, 4]], type: 'array', rows: 2, columns: [{ type: 'integer' }, { type: 'integer' }] },
      { value: [['2026-01-30'], ['2026-01-31'], ['2026-02-01']], type: 'array', rows: 3, columns: [{ type: 'date' }] },
      { value: [['a', 'b'], ['c', { error: '#N/A', message: expect.stringContaining('fewer parts') }]], type: 'array', rows: 2, columns: [{ type: 'text' }, { type: 'text' }] },
      { value: [], type: 'array', rows: 0, columns: [{ type: 'integer' }] },
      { error: '#VALUE!', message: 'SEQUENCE would make an array of 1,000,000,000 values; at most 10,000,000 are allowed' },
    ]);
  });

  it('says what to do when no formula is given', () => {
    const r = cli('eval');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Give at least one formula');
  });
});

describe('workbook eval --workbook', () => {
  it('computes against a stored workbook, reading its sheets by name', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createDemoWorkbook } = await import('../../sheets/index.ts');
    const { encodeBackupFile } = await import('../../src/model/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'wb-eval-'));
    const file = join(dir, 'demo.bin');
    writeFileSync(file, encodeBackupFile(createDemoWorkbook('2026-11-29').encode()));
    const env = { ...process.env, DATA_DIR: dir };
    const run = (...args: string[]) => {
      const r = spawnSync('npm', ['run', '-s', 'workbook', '--', ...args], { cwd: ROOT, encoding: 'utf8', env });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    expect(run('restore', '--workbook', 'shop', file).code).toBe(0);
    const r = run(
      'eval', '--workbook', 'shop', '=COUNTA(Products[SKU])', "=COUNTIF(Inventory[Status], \"Reorder\") > 0", '=SUM(Products[Cots])',
      '=TAKE(SORT(UNIQUE(Campaigns[Channel])), 2)', '=COUNTA(UNIQUE(Products[Category]))',
    );
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines[0]).toEqual({ value: 200, type: 'integer' });
    expect(lines[1]).toEqual({ value: true, type: 'boolean' });
    expect(lines[2]).toEqual({ error: '#TYPE!', message: expect.stringContaining('did you mean "Cost') });
    // An array's columns that are a sheet's columns carry their names.
    expect(lines[3]).toEqual({ value: [[expect.any(String)], [expect.any(String)]], type: 'array', rows: 2, columns: [{ type: 'text', name: 'Channel' }] });
    expect(lines[4]).toEqual({ value: expect.any(Number), type: 'integer' });
    expect(r.code).toBe(1);
    const missing = run('eval', '--workbook', 'nope', '=1');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope/);
  });

  it('reads dates such as 10/01/2027 in the stored workbook’s regional order (en-GB: day first); without a workbook, month first', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { Workbook, encodeBackupFile } = await import('../../src/model/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'wb-eval-region-'));
    const wb = Workbook.create({ name: 'UK shop', locale: 'en', region: 'en-GB' });
    const sheet = wb.addSheet({ name: 'Orders', columns: [{ id: 'when', name: 'Ordered', type: 'text' }] });
    wb.appendRows(sheet, ['when'], [['03/04/2027']]);
    const file = join(dir, 'uk.bin');
    writeFileSync(file, encodeBackupFile(wb.encode()));
    const env = { ...process.env, DATA_DIR: dir };
    const run = (...args: string[]) => {
      const r = spawnSync('npm', ['run', '-s', 'workbook', '--', ...args], { cwd: ROOT, encoding: 'utf8', env });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    expect(run('restore', '--workbook', 'uk', file).code).toBe(0);
    const uk = run('eval', '--workbook', 'uk', '=DATEVALUE("10/01/2027")', '=DATEVALUE(INDEX(Orders[Ordered], 1))', '=DATEVALUE("13/01/2027")');
    expect(uk.code).toBe(0);
    expect(uk.out.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { value: '2027-01-10', type: 'date' },
      { value: '2027-04-03', type: 'date' },
      { value: '2027-01-13', type: 'date' },
    ]);
    // With no workbook there is no region: the default workbook's (English, en-US) reads month first.
    expect(cli('eval', '=DATEVALUE("10/01/2027")').lines).toEqual([{ value: '2027-10-01', type: 'date' }]);
  });
});
