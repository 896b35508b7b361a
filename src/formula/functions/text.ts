/** Text functions; dates passed to them read YYYY-MM-DD, because the checker knows they are dates. */
import { parseNumberText } from '../../schema/number-text.ts';
import { badValue, isError } from '../errors.ts';
import { formatText } from '../text-format.ts';
import { wildcardSearch } from '../wildcard-search.ts';
import type { Scalar, Value } from '../values.ts';
import { isList, scalarOf, Table, toBoolean, toNumber, toText } from '../values.ts';
import { textLimitError, textTooLong } from '../limits.ts';
import { defineFunctions, type CallContext, type FunctionDef } from './registry.ts';

const single = scalarOf;

/** The text of argument i (formatted by its static type). */
export const textArg = (args: readonly Value[], ctx: CallContext, i: number): string | ReturnType<typeof badValue> =>
  toText(single(args[i]), ctx.types[i]?.t);

/** Argument i as a whole number (truncated), `dflt` when it is not given. */
export const intArg = (args: readonly Value[], i: number, dflt: number): number | ReturnType<typeof badValue> => {
  if (args[i] === undefined) return dflt;
  const n = toNumber(single(args[i]));
  return isError(n) ? n : Math.trunc(n);
};

/** Wraps an implementation over the first `count` arguments as text. */
export const onText =
  (fn: (s: string[], args: readonly Value[]) => Scalar, count: number) =>
  (args: readonly Value[], ctx: CallContext): Scalar => {
    const s: string[] = [];
    for (let i = 0; i < Math.min(count, args.length); i++) {
      const t = textArg(args, ctx, i);
      if (isError(t)) return t;
      s.push(t);
    }
    return fn(s, args);
  };

const text = (name = 'text') => ({ name, kind: 'text' }) as const;
const optNum = (name: string) => ({ name, kind: 'number', optional: true }) as const;

const joinAll = (args: readonly Value[], ctx: CallContext, from: number, delim: string, skipEmpty: boolean, name: string): Scalar => {
  const parts: string[] = [];
  // The length is counted as parts are taken, so an over-long result is refused before it is built.
  let length = 0;
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    const items = a instanceof Table ? [] : isList(a) ? a : [a ?? null];
    for (const v of items) {
      const t = toText(v, ctx.types[i]?.t);
      if (isError(t)) return t;
      if (skipEmpty && t === '') continue;
      length += t.length + (parts.length > 0 ? delim.length : 0);
      if (textTooLong(length)) return textLimitError(length, name);
      parts.push(t);
    }
  }
  return parts.join(delim);
};

/** SUBSTITUTE of every occurrence, refused before it is built when the result would be over the limit. */
const substituteAll = (s: string, o: string, n: string): Scalar => {
  if (n.length > o.length) {
    let hits = 0;
    for (let at = s.indexOf(o); at >= 0; at = s.indexOf(o, at + o.length)) hits++;
    const length = s.length + hits * (n.length - o.length);
    if (textTooLong(length)) return textLimitError(length, 'SUBSTITUTE');
  }
  return s.split(o).join(n);
};

const TEXT: FunctionDef[] = [
  {
    name: 'CONCAT', family: 'text', params: [{ name: 'text', kind: 'list' }], repeat: 1, result: 'text',
    impl: (args, ctx) => joinAll(args, ctx, 0, '', false, 'CONCAT'),
    doc: { en: 'Joins texts.', 'zh-CN': '连接文本。' }, example: '=CONCAT([Brand], " ", [Model])',
  },
  {
    name: 'TEXTJOIN', family: 'text', params: [text('delimiter'), { name: 'ignore_empty', kind: 'boolean' }, { name: 'text', kind: 'list' }],
    repeat: 1, result: 'text',
    impl: (args, ctx) => {
      const d = textArg(args, ctx, 0);
      if (isError(d)) return d;
      const skip = toBoolean(single(args[1]));
      return isError(skip) ? skip : joinAll(args, ctx, 2, d, skip, 'TEXTJOIN');
    },
    doc: { en: 'Joins texts with a delimiter, optionally skipping empty ones.', 'zh-CN': '用分隔符连接文本，可跳过空值。' },
    example: '=TEXTJOIN(", ", TRUE, Products[SKU])',
  },
  {
    name: 'LEFT', family: 'text', params: [text(), optNum('count')], result: 'text',
    impl: onText(([s = ''], a) => { const n = intArg(a, 1, 1); return isError(n) ? n : n < 0 ? badValue('text.countNegative', 'LEFT') : [...s].slice(0, n).join(''); }, 1),
    doc: { en: 'The first characters of a text.', 'zh-CN': '文本开头的若干字符。' }, example: '=LEFT([SKU], 3)',
  },
  {
    name: 'RIGHT', family: 'text', params: [text(), optNum('count')], result: 'text',
    impl: onText(([s = ''], a) => { const n = intArg(a, 1, 1); return isError(n) ? n : n < 0 ? badValue('text.countNegative', 'RIGHT') : n === 0 ? '' : [...s].slice(-n).join(''); }, 1),
    doc: { en: 'The last characters of a text.', 'zh-CN': '文本末尾的若干字符。' }, example: '=RIGHT([SKU], 4)',
  },
  {
    name: 'MID', family: 'text', params: [text(), { name: 'start', kind: 'number' }, { name: 'count', kind: 'number' }], result: 'text',
    impl: onText(([s = ''], a) => {
      const st = intArg(a, 1, 1);
      const n = intArg(a, 2, 0);
      if (isError(st)) return st;
      if (isError(n)) return n;
      return st < 1 || n < 0 ? badValue('text.startCount', 'MID') : [...s].slice(st - 1, st - 1 + n).join('');
    }, 1),
    doc: { en: 'Characters from the middle of a text.', 'zh-CN': '从文本中间截取字符。' }, example: '=MID([SKU], 5, 3)',
  },
  {
    name: 'LEN', family: 'text', params: [text()], result: 'integer', impl: onText(([s = '']) => [...s].length, 1),
    doc: { en: 'Number of characters.', 'zh-CN': '字符数。' }, example: '=LEN([Name])',
  },
  {
    name: 'UPPER', family: 'text', params: [text()], result: 'text', impl: onText(([s = '']) => s.toUpperCase(), 1),
    doc: { en: 'Upper case.', 'zh-CN': '转为大写。' }, example: '=UPPER([SKU])',
  },
  {
    name: 'LOWER', family: 'text', params: [text()], result: 'text', impl: onText(([s = '']) => s.toLowerCase(), 1),
    doc: { en: 'Lower case.', 'zh-CN': '转为小写。' }, example: '=LOWER([Email])',
  },
  {
    // Only the ASCII space, as Excel: a full-width space (U+3000) or a no-break space stays.
    name: 'TRIM', family: 'text', params: [text()], result: 'text', impl: onText(([s = '']) => s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' '), 1),
    doc: { en: 'Removes leading, trailing and repeated spaces (ASCII spaces only).', 'zh-CN': '删除首尾空格和重复空格（仅 ASCII 空格）。' }, example: '=TRIM([Name])',
  },
  {
    name: 'SUBSTITUTE', family: 'text', params: [text(), text('old_text'), text('new_text'), optNum('instance')], result: 'text',
    impl: onText(([s = '', o = '', n = ''], a) => {
      if (o === '') return s;
      if (a[3] === undefined) return substituteAll(s, o, n);
      const k = intArg(a, 3, 1);
      if (isError(k)) return k;
      if (k < 1) return badValue('text.instance');
      let at = -1;
      for (let i = 0; i < k; i++) {
        at = s.indexOf(o, at + 1);
        if (at < 0) return s;
      }
      const length = s.length - o.length + n.length;
      return textTooLong(length) ? textLimitError(length, 'SUBSTITUTE') : s.slice(0, at) + n + s.slice(at + o.length);
    }, 3),
    doc: { en: 'Replaces occurrences of a text.', 'zh-CN': '替换文本中的指定内容。' }, example: '=SUBSTITUTE([SKU], "-", "")',
  },
  {
    name: 'FIND', family: 'text', params: [text('find_text'), text('within_text'), optNum('start')], result: 'integer',
    impl: onText(([f = '', s = ''], a) => {
      const st = intArg(a, 2, 1);
      if (isError(st)) return st;
      const at = st < 1 ? -1 : s.indexOf(f, st - 1);
      return at < 0 ? badValue('value.notFound', `"${f}"`) : at + 1;
    }, 2),
    doc: { en: 'Position of a text in another (case-sensitive).', 'zh-CN': '查找文本位置（区分大小写）。' }, example: '=FIND("-", [SKU])',
  },
  {
    name: 'SEARCH', family: 'text', params: [text('find_text'), text('within_text'), optNum('start')], result: 'integer',
    impl: onText(([f = '', s = ''], a) => {
      const st = intArg(a, 2, 1);
      if (isError(st)) return st;
      if (st < 1) return badValue('text.start', 'SEARCH');
      const at = wildcardSearch(f, s, st - 1);
      return at < 0 ? badValue('value.notFound', `"${f}"`) : at + 1;
    }, 2),
    doc: { en: 'Position of a text in another (ignores case, allows * and ?).', 'zh-CN': '查找文本位置（不区分大小写，支持通配符）。' },
    example: '=SEARCH("pro", [Name])',
  },
  {
    name: 'TEXT', family: 'text', params: [{ name: 'value', kind: 'numdate' }, text('format')], result: 'text',
    impl: (args, ctx) => {
      const v = toNumber(single(args[0]));
      const f = textArg(args, ctx, 1);
      if (isError(v)) return v;
      return isError(f) ? f : formatText(v, f);
    },
    doc: { en: 'A number or date as text in a format ("0.00", "#,##0", "0%", "yyyy-mm-dd").', 'zh-CN': '按格式把数字或日期转为文本。' },
    example: '=TEXT([Launch], "yyyy-mm")',
  },
  {
    name: 'VALUE', family: 'text', params: [text()], result: 'number',
    // Read as an import reads a number: grouping, currency symbols ($, ¥, 元), a % sign, (1,234) for negatives.
    impl: onText(([s = '']) => parseNumberText(s)?.value ?? badValue('value.notNumber', s), 1),
    doc: { en: 'The number a text reads as ("1,250.50", "¥1,200", "12%").', 'zh-CN': '把文本转换为数字（"1,250.50"、"¥1,200"、"12%"）。' },
    example: '=VALUE("¥1,200")',
  },
];

defineFunctions(TEXT);
