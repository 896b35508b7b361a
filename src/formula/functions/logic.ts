/**
 * Logic: IF and friends (lazy: only the branch taken is evaluated), CHOOSE, LET, AND/OR/XOR/NOT, the
 * IS… tests, NA and N. Conditions take numbers as Excel does (anything but 0 is TRUE).
 */
import { badValue, isError, notAvailable } from '../errors.ts';
import { compare15 } from '../numbers.ts';
import { msg, type BranchingFunction } from '../messages.ts';
import { unifyResults, type ScalarType } from '../types.ts';
import type { Scalar, Value } from '../values.ts';
import { isArray, scalarOf, toBoolean, toList, toNumber } from '../values.ts';
import { defineFunctions, type FunctionDef, type ResultContext } from './registry.ts';

/** Result rule: the arguments at `indices` must agree on a type; text and one other type make a union ("currency or text"). */
export const agreeing =
  (indices: (n: number) => number[], fn: BranchingFunction) =>
  (ctx: ResultContext): ScalarType => {
    let t: ScalarType = { t: 'error' };
    for (const i of indices(ctx.args.length)) {
      const a: ScalarType = ctx.args[i] ?? { t: 'error' };
      const u = unifyResults(t, a);
      if (!u) ctx.fail(i, msg('arg.agree', fn, t, a));
      t = u;
    }
    return t;
  };

/** The result rule and the result positions of a function whose arguments at `indices` can be its result. */
export const branching = (indices: (n: number) => number[], fn: BranchingFunction): Pick<FunctionDef, 'result' | 'branches'> => ({
  result: agreeing(indices, fn),
  branches: indices,
});

const single = scalarOf;

/** Equality as SWITCH and MATCH see it: numbers at 15 digits, text case-insensitively. */
export const sameValue = (a: Scalar, b: Scalar): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return compare15(a, b) === 0;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b || ((a === null || a === '') && (b === null || b === ''));
};

const bool = { name: 'condition', kind: 'boolean' } as const;
const val = (name: string, optional = false) => ({ name, kind: 'any', optional }) as const;

/**
 * Combines conditions as AND, OR and XOR do. An array adds each of its values (text and blanks in it
 * are skipped, as Excel skips them in a range: AND(Inventory[Stock] >= 0)); conditions given one by
 * one are read as TRUE or FALSE. No condition at all is #VALUE!.
 */
const fold = (args: readonly Value[], op: (acc: boolean, b: boolean) => boolean, init: boolean): Scalar => {
  let acc = init;
  let seen = false;
  for (const a of args) {
    if (isArray(a)) {
      for (const v of toList(a)) {
        if (isError(v)) return v;
        if (typeof v !== 'boolean' && typeof v !== 'number') continue;
        acc = op(acc, typeof v === 'boolean' ? v : v !== 0);
        seen = true;
      }
      continue;
    }
    const b = toBoolean(single(a));
    if (isError(b)) return b;
    acc = op(acc, b);
    seen = true;
  }
  return seen ? acc : badValue('logic.noCondition');
};
const conditions = { name: 'condition', kind: 'conditions' } as const;

const LOGIC: FunctionDef[] = [
  {
    name: 'IF', family: 'logic', params: [bool, val('value_if_true'), val('value_if_false', true)],
    ...branching((n) => (n > 2 ? [1, 2] : [1]), 'IF'),
    lazy: ([c, a, b]) => {
      const cond = toBoolean(single(c?.() ?? null));
      if (isError(cond)) return cond;
      return cond ? single(a?.() ?? null) : b ? single(b()) : false;
    },
    doc: {
      en: 'One value if a condition holds, another if not (FALSE when omitted; "" leaves the cell blank).',
      'zh-CN': '条件成立时返回一个值，否则返回另一个值（省略时为 FALSE；"" 表示空白）。',
    },
    example: '=IF([On hand] <= [Reorder point], "Reorder", "OK")',
  },
  {
    name: 'IFS', family: 'logic', params: [bool, val('value')], repeat: 2,
    ...branching((n) => Array.from({ length: n >> 1 }, (_, i) => 2 * i + 1), 'IFS'),
    lazy: (args) => {
      for (let i = 0; i + 1 < args.length; i += 2) {
        const cond = toBoolean(single(args[i]?.() ?? null));
        if (isError(cond)) return cond;
        if (cond) return single(args[i + 1]?.() ?? null);
      }
      return notAvailable('ifs.none');
    },
    doc: { en: 'The value of the first condition that holds.', 'zh-CN': '返回第一个成立条件对应的值。' },
    example: '=IFS([Margin] < 0.1, "low", [Margin] < 0.3, "mid", TRUE, "high")',
  },
  {
    name: 'IFERROR', family: 'logic', params: [val('value'), val('value_if_error')], handlesErrors: true,
    ...branching(() => [0, 1], 'IFERROR'),
    lazy: ([a, b]) => { const v = single(a?.() ?? null); return isError(v) ? single(b?.() ?? null) : v; },
    doc: {
      en: 'The value, or a fallback when it is an error; a text fallback makes it "number or text".',
      'zh-CN': '值为错误时返回备用值；备用值为文本时结果为“数字或文本”。',
    },
    example: '=IFERROR([Units] / [Days in stock], "-")',
  },
  {
    name: 'IFNA', family: 'logic', params: [val('value'), val('value_if_na')], handlesErrors: true,
    ...branching(() => [0, 1], 'IFNA'),
    lazy: ([a, b]) => { const v = single(a?.() ?? null); return isError(v) && v.code === '#N/A' ? single(b?.() ?? null) : v; },
    doc: { en: 'The value, or a fallback when it is #N/A.', 'zh-CN': '值为 #N/A 时返回备用值。' },
    example: '=IFNA(XLOOKUP([SKU], Products[SKU], Products[Cost]), 0)',
  },
  {
    name: 'AND', family: 'logic', params: [conditions], repeat: 1, result: 'boolean', impl: (args) => fold(args, (a, b) => a && b, true),
    doc: { en: 'TRUE when every condition holds.', 'zh-CN': '所有条件都成立时为 TRUE。' }, example: '=AND([Active], [On hand] > 0)',
  },
  {
    name: 'OR', family: 'logic', params: [conditions], repeat: 1, result: 'boolean', impl: (args) => fold(args, (a, b) => a || b, false),
    doc: { en: 'TRUE when any condition holds.', 'zh-CN': '任一条件成立时为 TRUE。' }, example: '=OR([Channel] = "App", [Channel] = "Web")',
  },
  {
    name: 'XOR', family: 'logic', params: [conditions], repeat: 1, result: 'boolean', impl: (args) => fold(args, (a, b) => a !== b, false),
    doc: { en: 'TRUE when an odd number of conditions hold.', 'zh-CN': '奇数个条件成立时为 TRUE。' }, example: '=XOR(TRUE, FALSE)',
  },
  {
    name: 'NOT', family: 'logic', params: [bool], result: 'boolean',
    impl: ([a]) => { const b = toBoolean(single(a ?? null)); return isError(b) ? b : !b; },
    doc: { en: 'The opposite truth value.', 'zh-CN': '取反。' }, example: '=NOT([Active])',
  },
  {
    name: 'SWITCH', family: 'logic', params: [val('expression'), val('value'), val('result')], repeat: 2, optionalTail: true,
    ...branching((n) => [...Array.from({ length: (n - 1) >> 1 }, (_, i) => 2 * i + 2), ...(n % 2 === 0 ? [n - 1] : [])], 'SWITCH'),
    lazy: (args) => {
      const e = single(args[0]?.() ?? null);
      if (isError(e)) return e;
      let i = 1;
      for (; i + 1 < args.length; i += 2) {
        const v = single(args[i]?.() ?? null);
        if (isError(v)) return v;
        if (sameValue(e, v)) return single(args[i + 1]?.() ?? null);
      }
      return i < args.length ? single(args[i]?.() ?? null) : notAvailable('switch.none');
    },
    doc: { en: 'The result paired with the first value equal to the expression.', 'zh-CN': '返回与表达式相等的第一个值对应的结果。' },
    example: '=SWITCH([Tier], "A", 0.2, "B", 0.1, 0)',
  },
  ...(
    [
      ['ISBLANK', (v: Scalar) => v === null, 'TRUE for a blank cell.', '单元格为空时为 TRUE。', '=ISBLANK([Supplier])'],
      ['ISNUMBER', (v: Scalar) => typeof v === 'number', 'TRUE for a number.', '为数字时为 TRUE。', '=ISNUMBER([Cost])'],
      ['ISTEXT', (v: Scalar) => typeof v === 'string', 'TRUE for text.', '为文本时为 TRUE。', '=ISTEXT([SKU])'],
      ['ISERROR', (v: Scalar) => isError(v), 'TRUE for an error value.', '为错误值时为 TRUE。', '=ISERROR([Margin])'],
      ['ISNA', (v: Scalar) => isError(v) && v.code === '#N/A', 'TRUE for #N/A (a value not found).', '为 #N/A（未找到）时为 TRUE。', '=ISNA(XLOOKUP([SKU], Products[SKU], Products[Cost]))'],
    ] as const
  ).map(([name, test, en, zh, example]): FunctionDef => ({
    name, family: 'logic', params: [val('value')], result: 'boolean', handlesErrors: true,
    impl: ([a]) => test(single(a ?? null)),
    doc: { en, 'zh-CN': zh }, example,
  })),
];

const MORE: FunctionDef[] = [
  {
    name: 'CHOOSE', family: 'logic', params: [{ name: 'index', kind: 'number' }, val('value')], repeat: 1,
    ...branching((n) => Array.from({ length: n - 1 }, (_, i) => i + 1), 'CHOOSE'),
    lazy: (args) => {
      const k = toNumber(single(args[0]?.() ?? null));
      if (isError(k)) return k;
      const i = Math.trunc(k);
      if (i < 1 || i >= args.length) return badValue('choose.index', args.length - 1);
      return single(args[i]?.() ?? null);
    },
    doc: { en: 'The value at a position (from 1) of the list that follows.', 'zh-CN': '返回列表中第几个（从 1 开始）值。' },
    example: '=CHOOSE(WEEKDAY([Start], 2), "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")',
  },
  {
    name: 'LET', family: 'logic', params: [val('name'), val('value'), val('calculation')], usage: 'LET(name1, value1, [name2, value2, …], calculation)',
    // Checked and computed by the checker and compiler themselves (names are bound for what follows).
    result: 'error',
    doc: {
      en: 'Names values for use in a calculation, each computed once.',
      'zh-CN': '为值命名后在计算中使用，每个值只计算一次。',
    },
    example: '=LET(net, [Price] - [Cost], IF(net > 0, net / [Price], 0))',
  },
  {
    name: 'NA', family: 'logic', params: [], result: 'error', impl: () => notAvailable('na.value'),
    doc: { en: 'The #N/A error value (a value not available).', 'zh-CN': '返回错误值 #N/A（值不可用）。' },
    example: '=IF([Stock] = 0, NA(), [Stock])',
  },
  {
    name: 'N', family: 'logic', params: [val('value')], result: (c) => {
      const t = c.args[0]?.t ?? 'number';
      return t === 'text' || t === 'boolean' || t === 'error' ? 'number' : t;
    },
    impl: ([a]) => {
      const v = single(a ?? null);
      return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
    },
    doc: {
      en: 'The number of a value: text and blanks are 0, TRUE is 1 (keeps a number from a "number or text" value).',
      'zh-CN': '值对应的数字：文本和空白为 0，TRUE 为 1（从“数字或文本”值中取数字）。',
    },
    example: '=N([Margin]) * 100',
  },
];

defineFunctions(LOGIC);
defineFunctions(MORE);
