/**
 * Text functions that cut, build and clean text: REPLACE, REPT, PROPER, EXACT, TEXTBEFORE,
 * TEXTAFTER, CHAR, CODE, CLEAN and CONCATENATE. Positions count characters, so 上新 is 2 long.
 */
import { badValue, isError, notAvailable } from '../errors.ts';
import type { Scalar, Value } from '../values.ts';
import { scalarOf, toNumber } from '../values.ts';
import { defineFunctions, type CallContext, type FunctionDef } from './registry.ts';
import { intArg, onText, textArg } from './text.ts';

const text = (name = 'text') => ({ name, kind: 'text' }) as const;
const num = (name: string, optional = false) => ({ name, kind: 'number', optional }) as const;

/** Excel's longest text. */
const MAX_TEXT = 32767;

/** Windows-1252 codes 128–159, where it differs from Latin-1 (written out: Node's decoder reads them as Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252, the code page of CHAR and CODE in Excel for Windows: code → character for 0–255. */
const CP1252: readonly string[] = Array.from({ length: 256 }, (_, i) => (i >= 128 && i < 160 ? (CP1252_HIGH[i - 128] ?? '') : String.fromCharCode(i)));
const CODE_OF = new Map(CP1252.map((c, i) => [c, i]));

/** TEXTBEFORE / TEXTAFTER: where the `instance`-th delimiter starts and ends, or undefined. */
const delimiterAt = (s: string, d: string, instance: number, ignoreCase: boolean, matchEnd: boolean): [number, number] | undefined => {
  const hay = ignoreCase ? s.toLowerCase() : s;
  const needle = ignoreCase ? d.toLowerCase() : d;
  const found: [number, number][] = [];
  if (needle === '') {
    // An empty delimiter sits before the first character (or after the last, from the end).
    return instance > 0 ? [0, 0] : [s.length, s.length];
  }
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  if (matchEnd) {
    if (instance > 0) found.push([s.length, s.length]);
    else found.unshift([0, 0]);
  }
  return instance > 0 ? found[instance - 1] : found[found.length + instance];
};

const around = (after: boolean) => (args: readonly Value[], ctx: CallContext): Scalar => {
  const s = textArg(args, ctx, 0);
  const d = textArg(args, ctx, 1);
  if (isError(s)) return s;
  if (isError(d)) return d;
  const instance = intArg(args, 2, 1);
  const mode = intArg(args, 3, 0);
  const end = intArg(args, 4, 0);
  for (const n of [instance, mode, end]) if (isError(n)) return n;
  const k = instance as number;
  if (k === 0 || Math.abs(k) > Math.max(s.length, 1)) return badValue('text.instanceRange');
  const at = delimiterAt(s, d, k, mode === 1, end === 1);
  if (!at) return args[5] !== undefined ? textArg(args, ctx, 5) : notAvailable('value.notFound', `"${d}"`);
  return after ? s.slice(at[1]) : s.slice(0, at[0]);
};

const TEXT_EDIT: FunctionDef[] = [
  {
    name: 'REPLACE', family: 'text', params: [text('old_text'), num('start'), num('count'), text('new_text')], result: 'text',
    impl: (args, ctx) => {
      const s = textArg(args, ctx, 0);
      const n = textArg(args, ctx, 3);
      const st = intArg(args, 1, 1);
      const k = intArg(args, 2, 0);
      for (const v of [s, n, st, k]) if (isError(v)) return v;
      if ((st as number) < 1 || (k as number) < 0) return badValue('text.startCount', 'REPLACE');
      const chars = [...(s as string)];
      return [...chars.slice(0, (st as number) - 1), n as string, ...chars.slice((st as number) - 1 + (k as number))].join('');
    },
    doc: { en: 'Replaces characters at a position with another text.', 'zh-CN': '用另一文本替换指定位置的字符。' },
    example: '=REPLACE([SKU], 1, 3, "NEW")',
  },
  {
    name: 'REPT', family: 'text', params: [text(), num('times')], result: 'text',
    impl: onText(([s = ''], a) => {
      const n = intArg(a, 1, 1);
      if (isError(n)) return n;
      if (n < 0) return badValue('rept.times');
      return s.length * n > MAX_TEXT ? badValue('rept.long', MAX_TEXT) : s.repeat(n);
    }, 1),
    doc: { en: 'A text repeated a number of times.', 'zh-CN': '将文本重复若干次。' }, example: '=REPT("★", [Rating])',
  },
  {
    name: 'PROPER', family: 'text', params: [text()], result: 'text',
    // A letter after anything but a letter starts a word: "2-way street" → "2-Way Street".
    impl: onText(([s = '']) => s.toLowerCase().replace(/(^|[^\p{L}])(\p{L})/gu, (_m, before: string, l: string) => before + l.toUpperCase()), 1),
    doc: { en: 'Capitalises the first letter of each word.', 'zh-CN': '每个单词首字母大写。' }, example: '=PROPER([Name])',
  },
  {
    name: 'EXACT', family: 'text', params: [text('text1'), text('text2')], result: 'boolean',
    impl: onText(([a = '', b = '']) => a === b, 2),
    doc: { en: 'TRUE when two texts are the same, case included.', 'zh-CN': '两个文本完全相同（区分大小写）时为 TRUE。' },
    example: '=EXACT([SKU], UPPER([SKU]))',
  },
  {
    name: 'TEXTBEFORE', family: 'text',
    params: [text(), text('delimiter'), num('instance', true), num('match_mode', true), num('match_end', true), text('if_not_found')].map((p, i) => (i === 5 ? { ...p, optional: true } : p)),
    result: 'text', impl: around(false),
    doc: { en: 'The text before a delimiter (the n-th, or from the end when negative).', 'zh-CN': '分隔符之前的文本（第 n 个，负数表示从末尾数）。' },
    example: '=TEXTBEFORE([Email], "@")',
  },
  {
    name: 'TEXTAFTER', family: 'text',
    params: [text(), text('delimiter'), num('instance', true), num('match_mode', true), num('match_end', true), text('if_not_found')].map((p, i) => (i === 5 ? { ...p, optional: true } : p)),
    result: 'text', impl: around(true),
    doc: { en: 'The text after a delimiter (the n-th, or from the end when negative).', 'zh-CN': '分隔符之后的文本（第 n 个，负数表示从末尾数）。' },
    example: '=TEXTAFTER([SKU], "-")',
  },
  {
    name: 'CHAR', family: 'text', params: [num('number')], result: 'text',
    impl: ([a]) => {
      const n = toNumber(scalarOf(a));
      if (isError(n)) return n;
      const c = Math.trunc(n);
      return c < 1 || c > 255 ? badValue('char.range') : (CP1252[c] ?? '');
    },
    doc: { en: 'The character of a code from 1 to 255 (CHAR(10) is a line break).', 'zh-CN': '代码 1 到 255 对应的字符（CHAR(10) 为换行）。' },
    example: '=[Line 1] & CHAR(10) & [Line 2]',
  },
  {
    name: 'CODE', family: 'text', params: [text()], result: 'integer',
    impl: onText(([s = '']) => {
      const [c] = [...s];
      if (c === undefined) return badValue('code.empty');
      return CODE_OF.get(c) ?? c.codePointAt(0) ?? 0;
    }, 1),
    doc: { en: 'The code of the first character (its Unicode number beyond Windows-1252).', 'zh-CN': '第一个字符的代码（超出 Windows-1252 时为 Unicode 编码）。' },
    example: '=CODE("A")',
  },
  {
    name: 'CLEAN', family: 'text', params: [text()], result: 'text',
    impl: onText(([s = '']) => s.replace(/[\u0000-\u001f]/g, ''), 1),
    doc: { en: 'Removes non-printing characters (codes 0–31), such as line breaks.', 'zh-CN': '删除不可打印字符（代码 0–31），如换行。' },
    example: '=CLEAN([Pasted name])',
  },
  {
    name: 'CONCATENATE', family: 'text', params: [text()], repeat: 1, result: 'text',
    impl: (args, ctx) => {
      let out = '';
      for (let i = 0; i < args.length; i++) {
        const t = textArg(args, ctx, i);
        if (isError(t)) return t;
        out += t;
      }
      return out;
    },
    doc: { en: 'Joins texts (the older name of CONCAT, for single values).', 'zh-CN': '连接文本（CONCAT 的旧名称，用于单个值）。' },
    example: '=CONCATENATE([Brand], " ", [Model])',
  },
];

defineFunctions(TEXT_EDIT);
