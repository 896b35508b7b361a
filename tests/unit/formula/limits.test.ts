/**
 * Formula resource limits (FORMULA_LIMITS): what is refused when typed, what a formula written into
 * the document by another client becomes, text results capped, long reference chains and cycles
 * without stack overflow, and the budget of steps per recalculation. Each attack of issue 16 is a
 * named regression test here (and in the CLI and browser tests).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_SOURCE, evaluateInWorkbook, FormulaEngine, FormulaError, type Scalar } from '../../../src/formula/index.ts';
import { FORMULA_LIMITS } from '../../../src/formula/limits.ts';
import { Workbook } from '../../../src/model/index.ts';
import { createDemoWorkbook } from '../../../sheets/index.ts';
import { addChain, addDeepColumn, CHAIN, DEEP, deepFormula, NESTED_PARENS, NESTED_SUBSTITUTE } from '../../support/formula-attacks.ts';
import { buildFixture, ids } from './fixture.ts';

const code = (v: Scalar): string | undefined => (v instanceof FormulaError ? v.code : undefined);
const message = (v: Scalar): string => (v instanceof FormulaError ? v.message : '');
const DEPTH = /more than 100 levels deep/;

describe('formula limits: refused when typed, with the limit in the message', () => {
  it('attack: 1,000 nested parentheses are refused with the depth limit (the CLI crashed with a stack overflow)', () => {
    const engine = new FormulaEngine(EMPTY_SOURCE);
    const r = engine.check(NESTED_PARENS);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(DEPTH) });
    expect(evaluateInWorkbook(EMPTY_SOURCE, NESTED_PARENS)).toEqual({ error: '#TYPE!', message: expect.stringMatching(DEPTH) });
  });

  it.each([
    ['parentheses', (n: number) => deepFormula(n - 1, '1')],
    ['functions', (n: number) => `=${'ABS('.repeat(n - 1)}1${')'.repeat(n - 1)}`],
    ['operators in a row', (n: number) => `=1${'+1'.repeat(n - 1)}`],
    ['signs', (n: number) => `=${'-'.repeat(n - 1)}1`],
    ['percent signs', (n: number) => `=1${'%'.repeat(n - 1)}`],
  ])('%s: 100 levels are taken, 101 are refused', (_, formula) => {
    const engine = new FormulaEngine(EMPTY_SOURCE);
    expect(engine.check(formula(FORMULA_LIMITS.maxDepth))).toMatchObject({ ok: true });
    expect(engine.check(formula(FORMULA_LIMITS.maxDepth + 1))).toMatchObject({ ok: false, message: expect.stringMatching(DEPTH) });
  });

  it('a formula of 8,192 characters is taken; a longer one is refused, saying how long it is and the limit', () => {
    const engine = new FormulaEngine(EMPTY_SOURCE);
    const text = (length: number) => `="${'a'.repeat(length - 3)}"`;
    expect(engine.check(text(8192))).toMatchObject({ ok: true });
    expect(engine.check(text(8193))).toEqual({
      ok: false, detail: { code: 'limit.length', args: [8193, 8192] }, message: 'this formula is 8,193 characters long; at most 8,192 are allowed', from: 8192, to: 8193,
    });
  });
});

describe('formula limits: a formula written into the document by another client', () => {
  it('attack: a 3,000-level column formula shows #VALUE! with the limit in every row, and reads as stored', () => {
    const { wb } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    addDeepColumn(wb);
    const values = engine.column(DEEP.sheet, DEEP.deep).values;
    expect(values.map(code)).toEqual(['#VALUE!', '#VALUE!', '#VALUE!']);
    expect(message(values[0] ?? null)).toMatch(DEPTH);
    const stored = wb.column(DEEP.sheet, DEEP.deep)?.formula ?? '';
    expect(engine.display(stored, DEEP.sheet)).toBe(stored);
    // The rest of the workbook computes, and formulas over the broken column get its error.
    expect(engine.column(ids.products, 'margin').values).toEqual([0.5, 0.25, 0.75, 0.2]);
    expect(evaluateInWorkbook(wb, '=SUM(Deep[Deeper])')).toEqual({ error: '#VALUE!', message: expect.stringMatching(DEPTH) });
  });

  it('a cell formula nested 3,000 deep is #VALUE! in that cell only', () => {
    const { wb, products } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    wb.setCell(ids.products, products[1] ?? '', 'price', { f: deepFormula(3000, '1') });
    expect(engine.value(ids.products, products[1] ?? '', 'price')).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(DEPTH) });
    expect(engine.value(ids.products, products[0] ?? '', 'margin')).toBe(0.5);
  });

  it('a stored formula longer than the stored limit is #VALUE! saying its length', () => {
    const { wb, products } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    const huge = `=${'1+'.repeat(40_000)}1`;
    wb.setCell(ids.products, products[0] ?? '', 'cost', { f: huge });
    expect(engine.value(ids.products, products[0] ?? '', 'cost')).toMatchObject({
      code: '#VALUE!', message: 'this formula is 80,002 characters long; at most 65,536 are allowed',
    });
  });
});

describe('formula limits: text results are capped before they are built', () => {
  it('attack: nested SUBSTITUTE (a text of 10^9 characters) is #VALUE! at once (it froze a tab for 12 s)', () => {
    expect(evaluateInWorkbook(EMPTY_SOURCE, NESTED_SUBSTITUTE)).toEqual({
      error: '#VALUE!', message: 'SUBSTITUTE would make a text of 100,000 characters; at most 32,767 are allowed',
    });
  });

  // 30,000 characters, and exactly as many more as a case needs.
  const BIG = 'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE("aaa", "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa"), "a", "aaaaaaaaaa")';
  const b = (n: number) => `"${'b'.repeat(n)}"`;

  it.each([
    ['&', `=LEN(${BIG} & ${b(2767)})`, `=${BIG} & ${b(2768)}`, 'the & operator would make a text of 32,768 characters'],
    ['CONCAT', `=LEN(CONCAT(${BIG}, ${b(2767)}))`, `=CONCAT(${BIG}, ${b(2768)})`, 'CONCAT would make a text of 32,768 characters'],
    ['TEXTJOIN', `=LEN(TEXTJOIN("-", TRUE, ${BIG}, ${b(2766)}))`, `=TEXTJOIN("--", TRUE, ${BIG}, ${b(2766)})`, 'TEXTJOIN would make a text of 32,768 characters'],
    ['SUBSTITUTE, one instance', `=LEN(SUBSTITUTE(${BIG} & ${b(2766)}, "b", "bb", 1))`, `=SUBSTITUTE(${BIG} & ${b(2767)}, "b", "bb", 1)`, 'SUBSTITUTE would make a text of 32,768 characters'],
    ['SUBSTITUTE, every instance', `=LEN(SUBSTITUTE(${BIG} & ${b(2767)}, "b", "c"))`, `=SUBSTITUTE(${BIG}, "a", "ab")`, 'SUBSTITUTE would make a text of 60,000 characters'],
  ])('%s: makes a text of 32,767 characters; a longer one is #VALUE! saying the limit', (_, atLimit, overLimit, why) => {
    expect(evaluateInWorkbook(EMPTY_SOURCE, atLimit)).toEqual({ value: 32767, type: 'integer' });
    expect(evaluateInWorkbook(EMPTY_SOURCE, overLimit)).toEqual({ error: '#VALUE!', message: `${why}; at most 32,767 are allowed` });
  });

  it('an input a function cannot take (TEXT with 101 decimals) is #VALUE! in that cell, not an exception', () => {
    expect(evaluateInWorkbook(EMPTY_SOURCE, `=TEXT(1, "0.${'0'.repeat(101)}")`)).toEqual({
      error: '#VALUE!', message: 'TEXT cannot compute this: toFixed() digits argument must be between 0 and 100',
    });
  });

  it('a text cell longer than the limit, read by a formula, is #VALUE!; its length can still be read', () => {
    const { wb } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    const s = wb.addSheet({ name: 'Notes', columns: [
      { id: 't', name: 'T', type: 'text' },
      { id: 'same', name: 'Same', type: 'text', formula: '=[#t]' },
      { id: 'len', name: 'Len', type: 'integer', formula: '=LEN([#t])' },
    ] });
    const [row = ''] = wb.appendRows(s, ['t'], [['x'.repeat(40_000)]]);
    expect(engine.value(s, row, 'same')).toMatchObject({ code: '#VALUE!', message: 'this formula would make a text of 40,000 characters; at most 32,767 are allowed' });
    expect(engine.value(s, row, 'len')).toBe(40_000);
  });
});

// Workbooks of 10,000 rows: seconds, not milliseconds, to build on a busy machine.
describe('formula limits: long chains of references and cycles are computed without recursion that can overflow', { timeout: 30_000 }, () => {
  const chainValues = (engine: FormulaEngine) => engine.column(CHAIN.sheet, CHAIN.v).values;

  it('attack: a 10,000-row XLOOKUP chain (each row looks up the previous one) is #N/A in every row (it overflowed the CLI’s stack)', () => {
    const { wb } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    addChain(wb, 'attack');
    const values = chainValues(engine);
    expect(new Set(values.map(code))).toEqual(new Set(['#N/A']));
    expect(values[9999]).toMatchObject({ code: '#N/A', message: '0 was not found' });
    expect(evaluateInWorkbook(wb, '=XLOOKUP(10000, Chain[N], Chain[V])')).toEqual({ error: '#N/A', message: '0 was not found' });
  });

  it('a 10,000-row chain with a start computes every row; an edit at its start recomputes all of them', () => {
    const { wb } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    addChain(wb, 'base');
    expect(chainValues(engine)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    const [first = ''] = wb.rowIds(CHAIN.sheet);
    wb.setCell(CHAIN.sheet, first, CHAIN.n, 0); // row 2 now finds no row 1: the chain starts again there
    const after = chainValues(engine);
    expect([after[0], after[1], after[9999]]).toEqual([1, 1, 9999]);
    expect(after).toEqual(chainValues(new FormulaEngine(wb)));
    expect(evaluateInWorkbook(wb, '=XLOOKUP(10000, Chain[N], Chain[V])')).toEqual({ value: 9999, type: 'number' });
  });

  it('a 10,000-row chain that comes back to its start is #CYCLE! in every row; breaking it recomputes every row', () => {
    const { wb } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    addChain(wb, 'cycle');
    const values = chainValues(engine);
    expect(new Set(values.map(code))).toEqual(new Set(['#CYCLE!']));
    expect(message(values[0] ?? null)).toMatch(/^circular reference: /);
    expect(message(values[0] ?? null).length).toBeLessThan(400);
    expect(values.map(code)).toEqual(chainValues(new FormulaEngine(wb)).map(code));
    const rows = wb.rowIds(CHAIN.sheet);
    wb.setCell(CHAIN.sheet, rows[9999] ?? '', CHAIN.n, 0); // row 1 looks up 10,000: gone
    const after = chainValues(engine);
    expect([after[0], after[1], after[9998], after[9999]]).toEqual([1, 2, 9999, 1]);
  });

  it('a long cycle through a whole-column read is #CYCLE!, not a value computed from stale cells', () => {
    const { wb } = buildFixture();
    const engine = FormulaEngine.attach(wb);
    addChain(wb, 'base', 3000);
    wb.setColumnFormula(CHAIN.sheet, CHAIN.v, `=IF([#n] = 1, SUM(#chain[#v]), XLOOKUP([#n] - 1, #chain[#n], #chain[#v], 0) + 1)`);
    expect(new Set(chainValues(engine).map(code))).toEqual(new Set(['#CYCLE!']));
    expect(new Set(chainValues(new FormulaEngine(wb)).map(code))).toEqual(new Set(['#CYCLE!']));
  });

  it('500 columns, each reading the one before in the same row, compute; made into a loop they are #CYCLE!', () => {
    const wb = Workbook.create({ name: 'Wide' });
    const columns = [
      { id: 'c0', name: 'C0', type: 'number' as const },
      ...Array.from({ length: 499 }, (_, i) => ({ id: `c${i + 1}`, name: `C${i + 1}`, type: 'number' as const, formula: `=[#c${i}] + 1` })),
    ];
    const s = wb.addSheet({ name: 'Wide', columns });
    const [row = ''] = wb.appendRows(s, ['c0'], [[1]]);
    const engine = FormulaEngine.attach(wb);
    expect(engine.value(s, row, 'c499')).toBe(500);
    wb.setCell(s, row, 'c0', 10);
    expect(engine.value(s, row, 'c499')).toBe(509);
    wb.setCell(s, row, 'c0', { f: '=[#c499] + 1' });
    expect(code(engine.value(s, row, 'c250'))).toBe('#CYCLE!');
    expect(code(new FormulaEngine(wb).value(s, row, 'c499'))).toBe('#CYCLE!');
  });
});

describe('formula limits: a recalculation has a budget of steps', () => {
  const quadratic = (rows: number) => {
    const wb = Workbook.create({ name: 'Heavy' });
    const s = wb.addSheet({ id: 'heavy', name: 'Heavy', columns: [
      { id: 'n', name: 'N', type: 'integer' },
      // Each row keeps running totals over every row: rows × rows steps.
      { id: 'above', name: 'Above', type: 'integer', formula: '=COUNTIF(#heavy[#n], ">" & [#n])' },
    ] });
    const ids = wb.appendRows(s, ['n'], Array.from({ length: rows }, (_, i) => [i + 1]));
    return { wb, s, ids };
  };
  const BUDGET = /^not computed: recalculating the workbook took more than 100,000,000 steps/;

  it('a formula that scans a whole column in each of 5,000 rows stops at the budget: the cells left say so, the same in a fresh engine and the CLI', () => {
    const { wb, s, ids } = quadratic(5000);
    const engine = FormulaEngine.attach(wb);
    const values = engine.column(s, 'above').values;
    const stopped = values.filter((v) => BUDGET.test(message(v)));
    expect(stopped.length).toBeGreaterThan(1000);
    expect(stopped.length).toBeLessThan(5000);
    // Cells computed before the budget ran out are right.
    const i = values.findIndex((v) => typeof v === 'number');
    expect(values[i]).toBe(5000 - (i + 1));
    expect(values).toEqual(new FormulaEngine(wb).column(s, 'above').values);
    expect(evaluateInWorkbook(wb, '=SUM(Heavy[Above])')).toEqual({ error: '#VALUE!', message: expect.stringMatching(BUDGET) });
    // An edit recomputes as a fresh load does, so every replica shows the same cells in error.
    wb.setCell(s, ids[10] ?? '', 'n', 99_999);
    expect(engine.column(s, 'above').values).toEqual(new FormulaEngine(wb).column(s, 'above').values);
  }, 60_000); // five recalculations of a second's work each, on a busy machine

  it('a workbook within the budget has no cell in error for it: the demo shop, and 2,000 rows of the same formula', () => {
    const demo = createDemoWorkbook('2026-11-29');
    const engine = new FormulaEngine(demo);
    for (const sheet of demo.sheets()) {
      for (const col of demo.columns(sheet.id)) {
        expect(engine.column(sheet.id, col.id).values.filter((v) => BUDGET.test(message(v)))).toEqual([]);
      }
    }
    const { wb, s } = quadratic(2000);
    expect(new FormulaEngine(wb).column(s, 'above').values).toEqual(Array.from({ length: 2000 }, (_, i) => 2000 - (i + 1)));
  }, 30_000);
});
