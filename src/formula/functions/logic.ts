/** Logic: IF and friends (lazy: only the branch taken is evaluated), AND/OR/XOR/NOT and the IS… tests. */
import { isError, notAvailable } from '../errors.ts';
import { compare15 } from '../numbers.ts';
import { unifyTypes, type ValueType } from '../types.ts';
import type { Scalar, Value } from '../values.ts';
import { scalarOf, toBoolean } from '../values.ts';
import { defineFunctions, type FunctionDef, type ResultContext } from './registry.ts';

/** Result rule: the arguments at `indices` must agree on a type. */
export const agreeing =
  (indices: (n: number) => number[], what: string) =>
  (ctx: ResultContext): ValueType => {
    let t: ValueType = 'error';
    for (const i of indices(ctx.args.length)) {
      const a = ctx.args[i]?.t ?? 'error';
      const u = unifyTypes(t, a);
      if (!u) ctx.fail(i, `${what} must agree: ${t} and ${a}`);
      t = u;
    }
    return t;
  };

const single = scalarOf;

/** Equality as SWITCH and MATCH see it: numbers at 15 digits, text case-insensitively. */
export const sameValue = (a: Scalar, b: Scalar): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return compare15(a, b) === 0;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b || ((a === null || a === '') && (b === null || b === ''));
};

const bool = { name: 'condition', kind: 'boolean' } as const;
const val = (name: string, optional = false) => ({ name, kind: 'any', optional }) as const;

const fold = (args: readonly Value[], op: (acc: boolean, b: boolean) => boolean, init: boolean): Scalar => {
  let acc = init;
  for (const a of args) {
    const b = toBoolean(single(a));
    if (isError(b)) return b;
    acc = op(acc, b);
  }
  return acc;
};

const LOGIC: FunctionDef[] = [
  {
    name: 'IF', family: 'logic', params: [bool, val('value_if_true'), val('value_if_false', true)],
    result: agreeing((n) => (n > 2 ? [1, 2] : [1]), 'IF’s two results'),
    lazy: ([c, a, b]) => {
      const cond = toBoolean(single(c?.() ?? null));
      if (isError(cond)) return cond;
      return single(cond ? (a?.() ?? null) : b ? b() : null);
    },
    doc: { en: 'One value if a condition holds, another if not (blank when omitted).', 'zh-CN': '条件成立时返回一个值，否则返回另一个值（省略时为空）。' },
    example: '=IF([On hand] <= [Reorder point], "Reorder", "OK")',
  },
  {
    name: 'IFS', family: 'logic', params: [bool, val('value')], repeat: 2,
    result: agreeing((n) => Array.from({ length: n >> 1 }, (_, i) => 2 * i + 1), 'IFS’s results'),
    lazy: (args) => {
      for (let i = 0; i + 1 < args.length; i += 2) {
        const cond = toBoolean(single(args[i]?.() ?? null));
        if (isError(cond)) return cond;
        if (cond) return single(args[i + 1]?.() ?? null);
      }
      return notAvailable('no condition of IFS holds');
    },
    doc: { en: 'The value of the first condition that holds.', 'zh-CN': '返回第一个成立条件对应的值。' },
    example: '=IFS([Margin] < 0.1, "low", [Margin] < 0.3, "mid", TRUE, "high")',
  },
  {
    name: 'IFERROR', family: 'logic', params: [val('value'), val('value_if_error')], handlesErrors: true,
    result: agreeing(() => [0, 1], 'IFERROR’s value and fallback'),
    lazy: ([a, b]) => { const v = single(a?.() ?? null); return isError(v) ? single(b?.() ?? null) : v; },
    doc: { en: 'The value, or a fallback when it is an error.', 'zh-CN': '值为错误时返回备用值。' },
    example: '=IFERROR([Units] / [Days in stock], 0)',
  },
  {
    name: 'IFNA', family: 'logic', params: [val('value'), val('value_if_na')], handlesErrors: true,
    result: agreeing(() => [0, 1], 'IFNA’s value and fallback'),
    lazy: ([a, b]) => { const v = single(a?.() ?? null); return isError(v) && v.code === '#N/A' ? single(b?.() ?? null) : v; },
    doc: { en: 'The value, or a fallback when it is #N/A.', 'zh-CN': '值为 #N/A 时返回备用值。' },
    example: '=IFNA(XLOOKUP([SKU], Products[SKU], Products[Cost]), 0)',
  },
  {
    name: 'AND', family: 'logic', params: [bool], repeat: 1, result: 'boolean', impl: (args) => fold(args, (a, b) => a && b, true),
    doc: { en: 'TRUE when every condition holds.', 'zh-CN': '所有条件都成立时为 TRUE。' }, example: '=AND([Active], [On hand] > 0)',
  },
  {
    name: 'OR', family: 'logic', params: [bool], repeat: 1, result: 'boolean', impl: (args) => fold(args, (a, b) => a || b, false),
    doc: { en: 'TRUE when any condition holds.', 'zh-CN': '任一条件成立时为 TRUE。' }, example: '=OR([Channel] = "App", [Channel] = "Web")',
  },
  {
    name: 'XOR', family: 'logic', params: [bool], repeat: 1, result: 'boolean', impl: (args) => fold(args, (a, b) => a !== b, false),
    doc: { en: 'TRUE when an odd number of conditions hold.', 'zh-CN': '奇数个条件成立时为 TRUE。' }, example: '=XOR(TRUE, FALSE)',
  },
  {
    name: 'NOT', family: 'logic', params: [bool], result: 'boolean',
    impl: ([a]) => { const b = toBoolean(single(a ?? null)); return isError(b) ? b : !b; },
    doc: { en: 'The opposite truth value.', 'zh-CN': '取反。' }, example: '=NOT([Active])',
  },
  {
    name: 'SWITCH', family: 'logic', params: [val('expression'), val('value'), val('result')], repeat: 2, optionalTail: true,
    result: agreeing((n) => [...Array.from({ length: (n - 1) >> 1 }, (_, i) => 2 * i + 2), ...(n % 2 === 0 ? [n - 1] : [])], 'SWITCH’s results'),
    lazy: (args) => {
      const e = single(args[0]?.() ?? null);
      if (isError(e)) return e;
      let i = 1;
      for (; i + 1 < args.length; i += 2) {
        const v = single(args[i]?.() ?? null);
        if (isError(v)) return v;
        if (sameValue(e, v)) return single(args[i + 1]?.() ?? null);
      }
      return i < args.length ? single(args[i]?.() ?? null) : notAvailable('no value of SWITCH matches');
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
    ] as const
  ).map(([name, test, en, zh, example]): FunctionDef => ({
    name, family: 'logic', params: [val('value')], result: 'boolean', handlesErrors: true,
    impl: ([a]) => test(single(a ?? null)),
    doc: { en, 'zh-CN': zh }, example,
  })),
];

defineFunctions(LOGIC);
