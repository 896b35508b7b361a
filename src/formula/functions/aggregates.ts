/** Sums, counts, averages and their conditional forms (SUMIFS …): the math family's column functions. */
import { parseCriterion, type Criterion } from '../criteria.ts';
import { badValue, divZero, FormulaError, isError } from '../errors.ts';
import { msg } from '../messages.ts';
import { ExactSum, exactSum } from '../numbers.ts';
import type { List, Scalar, Value } from '../values.ts';
import { isList, numbersOf, scalarOf, toNumber } from '../values.ts';
import type { ValueType } from '../types.ts';
import { aggregateType, defineFunctions, getFunction, sameAs, type FunctionDef, type ResultContext } from './registry.ts';

/** A list argument (a single value counts as a list of one). */
export const asList = (v: Value): List => (isList(v) ? v : [scalarOf(v)]);

/** Rows that meet every (range, criterion) pair, as a predicate over row positions; or an error. */
export const matcher = (pairs: readonly Value[], length: number): ((i: number) => boolean) | FormulaError => {
  const tests: { range: List; crit: Criterion }[] = [];
  for (let p = 0; p + 1 < pairs.length; p += 2) {
    const range = asList(pairs[p] ?? null);
    if (range.length !== length) return badValue('criteria.lengths');
    const c = pairs[p + 1] ?? null;
    if (isError(c)) return c as FormulaError;
    tests.push({ range, crit: parseCriterion(c as Scalar) });
  }
  return (i) => tests.every((t) => t.crit.test(t.range[i] ?? null));
};

/** Sum, numeric count and matching-row count of `values` over the rows that meet the criteria. */
export const conditional = (
  values: List,
  pairs: readonly Value[],
): { sum: number; count: number; rows: number } | FormulaError => {
  const match = matcher(pairs, values.length);
  if (isError(match)) return match;
  const sum = new ExactSum();
  let count = 0;
  let rows = 0;
  for (let i = 0; i < values.length; i++) {
    if (!match(i)) continue;
    rows++;
    const v = values[i] ?? null;
    if (typeof v === 'number') {
      sum.add(v);
      count++;
    } else if (isError(v)) return v;
  }
  return { sum: sum.value(), count, rows };
};

const extreme = (values: List, pairs: readonly Value[], max: boolean): Scalar => {
  const match = matcher(pairs, values.length);
  if (isError(match)) return match;
  let best: number | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (!match(i) || (typeof v !== 'number' && !isError(v))) continue;
    if (isError(v)) return v;
    if (best === null || (max ? v > best : v < best)) best = v;
  }
  return best ?? 0;
};

const numList = { name: 'values', kind: 'numlist' } as const;
const range = (name: string) => ({ name, kind: 'list' }) as const;
const criteria = (name = 'criteria') => ({ name, kind: 'any' }) as const;
/** SUMIF's result: the type of the summed column (argument 2 when given, else 0). */
const sumIfType = (ctx: ResultContext): ValueType => {
  const t = ctx.args[ctx.args.length > 2 ? 2 : 0]?.t;
  return t === 'currency' || t === 'percent' ? t : t === 'integer' || t === 'boolean' ? 'integer' : 'number';
};

const AGGREGATES: FunctionDef[] = [
  {
    name: 'SUM', family: 'math', params: [numList], repeat: 1, result: aggregateType(true),
    impl: (args) => { const xs = numbersOf(args); return isError(xs) ? xs : exactSum(xs); },
    doc: { en: 'Adds numbers; blanks and text in a column are skipped.', 'zh-CN': '求和；列中的空白和文本被忽略。' },
    example: '=SUM(Products[Cost])',
  },
  {
    name: 'PRODUCT', family: 'math', params: [numList], repeat: 1, result: 'number',
    impl: (args) => { const xs = numbersOf(args); return isError(xs) ? xs : xs.reduce((a, b) => a * b, 1); },
    doc: { en: 'Multiplies numbers.', 'zh-CN': '求乘积。' }, example: '=PRODUCT(2, 3, 4)',
  },
  {
    name: 'SUMPRODUCT', family: 'math', params: [range('column1')], repeat: 1, result: aggregateType(true),
    impl: (args) => {
      const lists = args.map(asList);
      const n = lists[0]?.length ?? 0;
      if (lists.some((l) => l.length !== n)) return badValue('sumproduct.lengths');
      const s = new ExactSum();
      for (let i = 0; i < n; i++) {
        let p = 1;
        for (let j = 0; j < lists.length; j++) {
          const v = (lists[j] as List)[i];
          // Numbers multiply, anything else counts as 0; an error (the only object) is the result.
          if (typeof v === 'number') p *= v;
          else if (typeof v === 'object' && v !== null) return v;
          else p = 0;
        }
        if (p !== 0) s.add(p);
      }
      return s.value();
    },
    doc: { en: 'Multiplies columns row by row and adds the products.', 'zh-CN': '逐行相乘后求和。' },
    example: '=SUMPRODUCT(Inventory[On hand], Inventory[Unit cost])',
  },
  {
    name: 'AVERAGE', family: 'math', params: [numList], repeat: 1, result: aggregateType(false),
    impl: (args) => {
      const xs = numbersOf(args);
      if (isError(xs)) return xs;
      if (xs.length > 0) return exactSum(xs) / xs.length;
      // Cells that are all blank (or text) average to blank; no cells at all is #DIV/0!.
      return args.some((a) => isList(a) && a.length > 0) ? null : divZero('average.noNumbers');
    },
    doc: { en: 'Average of the numbers; blanks are skipped (only blanks: blank).', 'zh-CN': '平均值；空白被忽略（全为空白时为空白）。' },
    example: '=AVERAGE(Products[Price])',
  },
  {
    name: 'COUNT', family: 'math', params: [range('values')], repeat: 1, result: 'integer',
    impl: (args) => args.reduce<number>((n, a) => n + (isList(a) ? a.filter((v) => typeof v === 'number').length : typeof a === 'number' ? 1 : 0), 0),
    handlesErrors: true,
    doc: { en: 'Counts the numbers.', 'zh-CN': '统计数字的个数。' }, example: '=COUNT(Products[Cost])',
  },
  {
    name: 'COUNTA', family: 'math', params: [range('values')], repeat: 1, result: 'integer',
    impl: (args) => args.reduce<number>((n, a) => n + asList(a).filter((v) => v !== null && v !== '').length, 0),
    handlesErrors: true,
    doc: { en: 'Counts the cells that are not blank.', 'zh-CN': '统计非空单元格的个数。' }, example: '=COUNTA(Products[SKU])',
  },
  {
    name: 'COUNTBLANK', family: 'math', params: [range('values')], result: 'integer',
    impl: (args) => asList(args[0] ?? null).filter((v) => v === null || v === '').length,
    handlesErrors: true,
    doc: { en: 'Counts blank cells.', 'zh-CN': '统计空白单元格的个数。' }, example: '=COUNTBLANK(Products[Supplier])',
  },
  {
    name: 'SUMIF', family: 'math', params: [range('range'), criteria(), { name: 'sum_range', kind: 'list', optional: true }],
    result: sumIfType,
    impl: (args) => {
      const r = conditional(asList(args[2] ?? args[0] ?? null), [args[0] ?? null, args[1] ?? null]);
      return isError(r) ? r : r.sum;
    },
    doc: { en: 'Adds the values of the rows that meet a criterion.', 'zh-CN': '对满足条件的行求和。' },
    example: '=SUMIF(Products[Category], "Kitchen", Products[Stock value])',
  },
  {
    name: 'SUMIFS', family: 'math', params: [range('sum_range'), range('criteria_range'), criteria()], repeat: 2,
    result: aggregateType(true, 0, 99),
    impl: (args) => { const r = conditional(asList(args[0] ?? null), args.slice(1)); return isError(r) ? r : r.sum; },
    doc: { en: 'Adds the values of the rows that meet every criterion.', 'zh-CN': '对满足所有条件的行求和。' },
    example: '=SUMIFS(Campaigns[Budget], Campaigns[Channel], "App")',
  },
  {
    name: 'COUNTIF', family: 'math', params: [range('range'), criteria()], result: 'integer',
    impl: (args) => { const r = conditional(asList(args[0] ?? null).map(() => 0), args); return isError(r) ? r : r.rows; },
    doc: { en: 'Counts the rows that meet a criterion.', 'zh-CN': '统计满足条件的行数。' }, example: '=COUNTIF(Products[Category], "Kitchen")',
  },
  {
    name: 'COUNTIFS', family: 'math', params: [range('criteria_range'), criteria()], repeat: 2, result: 'integer',
    impl: (args) => { const r = conditional(asList(args[0] ?? null).map(() => 0), args); return isError(r) ? r : r.rows; },
    doc: { en: 'Counts the rows that meet every criterion.', 'zh-CN': '统计满足所有条件的行数。' },
    example: '=COUNTIFS(Campaigns[Channel], "App", Campaigns[Budget], ">1000")',
  },
  {
    name: 'AVERAGEIF', family: 'math', params: [range('range'), criteria(), { name: 'average_range', kind: 'list', optional: true }],
    result: (c) => { const t = sumIfType(c); return t === 'integer' ? 'number' : t; },
    impl: (args) => {
      const r = conditional(asList(args[2] ?? args[0] ?? null), [args[0] ?? null, args[1] ?? null]);
      return isError(r) ? r : r.count > 0 ? r.sum / r.count : r.rows > 0 ? null : divZero('average.noRow');
    },
    doc: { en: 'Average of the rows that meet a criterion (blank when they have no number).', 'zh-CN': '满足条件的行的平均值（这些行没有数字时为空白）。' },
    example: '=AVERAGEIF(Products[Category], "Home", Products[Price])',
  },
  {
    name: 'AVERAGEIFS', family: 'math', params: [range('average_range'), range('criteria_range'), criteria()], repeat: 2,
    result: aggregateType(false, 0, 99),
    impl: (args) => {
      const r = conditional(asList(args[0] ?? null), args.slice(1));
      return isError(r) ? r : r.count > 0 ? r.sum / r.count : r.rows > 0 ? null : divZero('average.noRowAll');
    },
    doc: { en: 'Average of the rows that meet every criterion (blank when they have no number).', 'zh-CN': '满足所有条件的行的平均值（这些行没有数字时为空白）。' },
    example: '=AVERAGEIFS(Orders[Amount], Orders[Channel], "App")',
  },
  {
    name: 'MIN', family: 'math', params: [{ name: 'values', kind: 'numdatelist' }], repeat: 1, result: sameAs(0),
    impl: (args) => { const xs = numbersOf(args); return isError(xs) ? xs : xs.length ? Math.min(...xs) : 0; },
    doc: { en: 'Smallest number (dates too).', 'zh-CN': '最小值（也可用于日期）。' }, example: '=MIN(Products[Price])',
  },
  {
    name: 'MAX', family: 'math', params: [{ name: 'values', kind: 'numdatelist' }], repeat: 1, result: sameAs(0),
    impl: (args) => { const xs = numbersOf(args); return isError(xs) ? xs : xs.length ? Math.max(...xs) : 0; },
    doc: { en: 'Largest number (dates too).', 'zh-CN': '最大值（也可用于日期）。' }, example: '=MAX(Campaigns[End])',
  },
  {
    name: 'MINIFS', family: 'math', params: [range('min_range'), range('criteria_range'), criteria()], repeat: 2, result: sameAs(0),
    impl: (args) => extreme(asList(args[0] ?? null), args.slice(1), false),
    doc: { en: 'Smallest value among the rows that meet every criterion.', 'zh-CN': '满足所有条件的行中的最小值。' },
    example: '=MINIFS(Products[Price], Products[Category], "Home")',
  },
  {
    name: 'MAXIFS', family: 'math', params: [range('max_range'), range('criteria_range'), criteria()], repeat: 2, result: sameAs(0),
    impl: (args) => extreme(asList(args[0] ?? null), args.slice(1), true),
    doc: { en: 'Largest value among the rows that meet every criterion.', 'zh-CN': '满足所有条件的行中的最大值。' },
    example: '=MAXIFS(Products[Price], Products[Category], "Home")',
  },
];

/** SUBTOTAL's function numbers (1–11, or 101–111 which Excel uses to skip hidden rows; no row is hidden from a formula here). */
const SUBTOTALS: Record<number, string> = {
  1: 'AVERAGE', 2: 'COUNT', 3: 'COUNTA', 4: 'MAX', 5: 'MIN', 6: 'PRODUCT', 7: 'STDEV.S', 8: 'STDEV.P', 9: 'SUM', 10: 'VAR.S', 11: 'VAR.P',
};
const subtotalOf = (n: number): string | undefined => SUBTOTALS[n > 100 ? n - 100 : n];

const SUBTOTAL: FunctionDef = {
  name: 'SUBTOTAL', family: 'math', params: [{ name: 'function_number', kind: 'number' }, range('values')], repeat: 1,
  result: (ctx) => {
    const n = ctx.literals[0];
    const name = typeof n === 'number' ? subtotalOf(n) : undefined;
    if (name === 'COUNT' || name === 'COUNTA') return 'integer';
    if (name !== 'COUNTA') {
      ctx.args.forEach((a, i) => {
        if (i > 0 && a.t !== 'error' && !['number', 'integer', 'currency', 'percent', 'boolean', 'date'].includes(a.t)) {
          ctx.fail(i, msg('subtotal.numbers', String(n ?? ''), a.t));
        }
      });
    }
    if (name === undefined) return 'number';
    if (name === 'PRODUCT' || name.startsWith('VAR')) return 'number';
    return aggregateType(name === 'SUM' || name === 'MAX' || name === 'MIN', 1)(ctx);
  },
  impl: (args, ctx) => {
    const n = toNumber(scalarOf(args[0] ?? null));
    if (isError(n)) return n;
    const def = getFunction(subtotalOf(Math.trunc(n)) ?? '');
    if (!def?.impl) return badValue('subtotal.number', n);
    return def.impl(args.slice(1), { ...ctx, types: ctx.types.slice(1) });
  },
  doc: { en: 'An aggregate chosen by number: 1 AVERAGE, 2 COUNT, 3 COUNTA, 4 MAX, 5 MIN, 9 SUM … (101–111 the same).', 'zh-CN': '按编号选择的汇总：1 平均值，2 计数，3 非空计数，4 最大值，5 最小值，9 求和……（101–111 相同）。' },
  example: '=SUBTOTAL(9, Orders[Amount])',
};

defineFunctions(AGGREGATES);
defineFunctions([SUBTOTAL]);

/** Converts a single numeric argument (used by families that take one number). */
export const num = (v: Value): number | FormulaError => toNumber(scalarOf(v));
