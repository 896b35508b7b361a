/**
 * "Import with those cells blank": a row whose values are only of the wrong type is imported with
 * those cells empty, a record that cannot be read is still left out; every rejected row can be
 * written back as CSV with its line and reason, in English or Chinese; a column that is text only
 * because of a few values says so and offers the type it would have had.
 */
import { describe, expect, test } from 'vitest';
import {
  commitImport,
  CSV_PROBLEM_EN,
  csvProblemText,
  detectColumnType,
  planImport,
  previewImport,
  rejectedRowsCsv,
  rowsToWrite,
  type CsvProblem,
  type ImportPlan,
} from '../../../src/csv/index.ts';
import { importRows } from '../../../src/app/import-rows.ts';
import type { Workbook } from '../../../src/model/index.ts';
import { csvProblemTexts } from '../../../src/ui/csv/csv-problem-texts.ts';
import { retypeNew } from '../../../src/app/setup-edits.ts';
import { bytesOf } from './read-as-text.ts';
import { records, sheetValues, shop } from './shop.ts';

const FILE = [
  'SKU,Name,Cost,Stock,Launch', //            line 1
  'A-1,Press,12.5,3,2026-01-05', //           line 2: good
  'A-2,Peeler,abc,4,2026-01-06', //           line 3: Cost
  'A-3,Knife,5,2.5,2026-02-30', //            line 4: Stock and Launch
  'A-4,Board,7,1', //                         line 5: a value missing (cannot be read)
  'A-5,Bowl,9,2,2026-03-01', //               line 6: good
  'A-6,"=HYPERLINK(1)",x,5,2026-03-03', //    line 7: Cost … and a formula-like name
].join('\n');

const planFor = async (wb: Workbook, sheet: string, text = FILE): Promise<ImportPlan> => {
  const preview = previewImport(bytesOf(text), { sheetId: sheet }, wb);
  return planImport(bytesOf(text), preview.setup);
};

describe('the plan keeps every rejected row', () => {
  test('with its fields, its reasons as data, and (when only values were wrong) the row with those cells blank', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    expect(plan.lines).toEqual([2, 6]);
    expect(plan.rejected.map((r) => [r.line, r.problems.map((p) => p.problem.code), r.blanked])).toEqual([
      [3, ['notNumber'], ['A-2', 'Peeler', null, 4, '2026-01-06']],
      [4, ['notWhole', 'notDate'], ['A-3', 'Knife', 5, null, null]],
      [5, ['width'], null],
      [7, ['notNumber'], ['A-6', '=HYPERLINK(1)', null, 5, '2026-03-03']],
    ]);
    expect(plan.rejected[0]?.fields).toEqual(['A-2', 'Peeler', 'abc', '4', '2026-01-06']);
    expect(plan.badRows).toBe(4);
  });
});

describe('writing: the good rows, or with the bad cells blank, in file order, as one undo step', () => {
  test.each([
    ['good-rows', ['A-1', 'A-5'], { skipped: 4, blanked: 0 }],
    ['blank-bad-cells', ['A-1', 'A-2', 'A-3', 'A-5', 'A-6'], { skipped: 1, blanked: 3 }],
    ['nothing', [], { skipped: 6, blanked: 0 }],
  ] as const)('%s writes %j', async (choice, skus, counts) => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    const r = importRows(plan, choice, wb);
    expect(r).toMatchObject(counts);
    expect(sheetValues(wb, sheet).map((row) => row[0])).toEqual(skus);
    if (choice === 'blank-bad-cells') {
      expect(sheetValues(wb, sheet)[2]?.slice(0, 5)).toEqual(['A-3', 'Knife', 5, null, null]);
      wb.undo();
      expect(wb.rowIds(sheet)).toEqual([]);
    }
  });

  test('rowsToWrite merges the blanked rows between the good ones by line', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    expect(rowsToWrite(plan, 'blank-bad-cells').rows.map((r) => r[0])).toEqual(['A-1', 'A-2', 'A-3', 'A-5', 'A-6']);
    expect(rowsToWrite(plan, 'good-rows')).toEqual({ rows: plan.rows, blanked: 0 });
  });

  test('into a new sheet too, and a formula smuggled into a blanked row is refused before anything is written', async () => {
    const { wb } = shop();
    const preview = previewImport(bytesOf(FILE), { newSheet: 'Fresh' }, wb);
    const plan = await planImport(bytesOf(FILE), preview.setup);
    expect(commitImport(plan, 'blank-bad-cells', wb).rowIds).toHaveLength(plan.rows.length + plan.rejected.filter((r) => r.blanked).length);
    const bad = { ...plan, rejected: [{ line: 9, fields: [], problems: [], blanked: [{ f: '=1+1' }] }] } as unknown as ImportPlan;
    const sheets = wb.sheets().length;
    expect(() => importRows(bad, 'blank-bad-cells', wb)).toThrow(/values only/);
    expect(wb.sheets().length).toBe(sheets);
  });
});

describe('the rejected-rows file', () => {
  test('line, result and reason, then the values as the file had them, under its header (English, as the CLI writes it)', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    const text = rejectedRowsCsv(plan, 'blank-bad-cells') ?? '';
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(records(text)).toEqual([
      ['Line', 'Result', 'Reason', 'SKU', 'Name', 'Cost', 'Stock', 'Launch'],
      ['3', 'imported, these cells left blank', 'Cost: "abc" is not a number', 'A-2', 'Peeler', 'abc', '4', '2026-01-06'],
      ['4', 'imported, these cells left blank', 'Stock: "2.5" is not a whole number; Launch: "2026-02-30" is not a date (write it as YYYY-MM-DD)', 'A-3', 'Knife', '5', '2.5', '2026-02-30'],
      ['5', 'not imported', 'This record has 4 values but the header has 5; a value with a "," in it may be missing its quotes.', 'A-4', 'Board', '7', '1'],
      // Text a spreadsheet would run is written with ' in front, as the export does.
      ['7', 'imported, these cells left blank', 'Cost: "x" is not a number', 'A-6', "'=HYPERLINK(1)", 'x', '5', '2026-03-03'],
    ]);
    expect(records(rejectedRowsCsv(plan, 'good-rows') ?? '').slice(1).map((r) => r[1])).toEqual(['not imported', 'not imported', 'not imported', 'not imported']);
    expect(rejectedRowsCsv({ ...plan, rejected: [] }, 'good-rows')).toBeNull();
  });

  test('in Chinese: the header row and the reasons as the dialog shows them', async () => {
    const { wb, sheet } = shop();
    const plan = await planFor(wb, sheet);
    const zh = csvProblemTexts('zh-CN');
    const words = { line: '行号', result: '结果', reason: '原因', notImported: '未导入', importedBlank: '已导入，这些单元格留空', describe: (p: CsvProblem) => csvProblemText(p, zh) };
    const rows = records(rejectedRowsCsv(plan, 'good-rows', words) ?? '');
    expect(rows[0]?.slice(0, 3)).toEqual(['行号', '结果', '原因']);
    expect(rows[1]?.slice(0, 3)).toEqual(['3', '未导入', 'Cost: “abc” 不是数字']);
    expect(rows[3]?.[2]).toBe('这条记录有 4 个值，但标题行有 5 个；某个含有“,”的值可能缺少引号。');
  });

  // Every reason, in both languages: a text of its own, naming the value it is about.
  const PROBLEMS: CsvProblem[] = [
    { code: 'notNumber', text: 'abc' },
    { code: 'percentNotMoney', text: '5%' },
    { code: 'otherCurrency', text: '$5', got: 'USD', want: 'CNY' },
    { code: 'moneyNotPercent', text: '¥5' },
    { code: 'moneyAsCurrency', text: '¥5' },
    { code: 'percentAsPercent', text: '5%' },
    { code: 'notWhole', text: '2.5' },
    { code: 'notDate', text: 'soon' },
    { code: 'notBoolean', text: 'maybe' },
    { code: 'notChoice', text: 'Store', choices: ['App', 'Web'] },
    { code: 'malformed', quote: 'MissingQuotes' },
    { code: 'malformed', quote: 'InvalidQuotes' },
    { code: 'width', got: 4, want: 5, header: false, delimiter: '\t' },
  ];
  test.each(PROBLEMS)('%j is worded in English and Chinese', (p) => {
    const en = csvProblemText(p, CSV_PROBLEM_EN);
    const zh = csvProblemText(p, csvProblemTexts('zh-CN'));
    expect(en).not.toBe(zh);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    if ('text' in p) {
      expect(en).toContain(p.text);
      expect(zh).toContain(p.text);
    }
  });
});

describe('a column that is text only because of a few values says so', () => {
  const ints = (n: number) => Array.from({ length: n }, (_x, i) => String(i + 1));
  // values, proposed type, the type it would otherwise have had (null: none), the reason's start
  const CASES: [string, string[], string | null, string][] = [
    ['1 of 206 not a number', [...ints(205), 'n/a'], 'integer', '1 of 206 values is not a number (such as "n/a")'],
    ['amounts with one word', [...ints(30).map((v) => `¥${v}.50`), 'TBD'], 'currency', '1 of 31 values is not a number'],
    ['2 of 40 not a date', [...ints(38).map((d) => `2027-01-${String((Number(d) % 28) + 1).padStart(2, '0')}`), 'soon', 'later'], 'date', '2 of 40 values are not a date'],
    ['too few values to say', [...ints(8), 'n/a'], null, 'Values such as "n/a" are text.'],
    ['too many words', [...ints(90), ...Array.from({ length: 10 }, () => 'none')], null, 'Values such as "none" are text.'],
    ['leading zeros stay text anyway', [...ints(30).map((v) => `0${v}`), 'x'], null, 'Values such as "x" are text.'],
  ];
  test.each(CASES)('%s', (_what, values, almost, reason) => {
    const p = detectColumnType(values);
    expect(p.type).toBe('text');
    expect(p.almost?.type ?? null).toBe(almost);
    expect(p.reason.startsWith(reason)).toBe(true);
    if (almost) expect(p.reason).toContain(`otherwise it would be ${almost}`);
  });

  test('choosing that type takes its options, and those values become bad cells (blank on request)', async () => {
    const { wb } = shop();
    const text = ['Code,Cost', ...Array.from({ length: 20 }, (_x, i) => `C${i},$${i + 1}.00`), 'C99,ask'].join('\n');
    const preview = previewImport(bytesOf(text), { newSheet: 'Quotes' }, wb);
    expect(preview.setup.columns[1]?.into?.type).toBe('text');
    expect(preview.proposals[1]?.almost).toMatchObject({ type: 'currency', options: { currency: 'USD' }, bad: 1, total: 21, example: 'ask' });
    const setup = retypeNew(preview.setup, preview, 1, 'currency');
    expect(setup.columns[1]?.into).toMatchObject({ type: 'currency', options: { currency: 'USD' } });
    const plan = await planImport(bytesOf(text), setup);
    expect(plan.rejected.map((r) => [r.line, r.blanked])).toEqual([[22, ['C99', null]]]);
    const r = importRows(plan, 'blank-bad-cells', wb);
    expect(r.rowIds).toHaveLength(21);
  });
});
