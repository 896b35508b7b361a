/**
 * Dynamic arrays that make or reshape arrays: SEQUENCE, TAKE, DROP, CHOOSECOLS, VSTACK, TEXTSPLIT.
 * An array is checked against the size limit before it is built (SEQUENCE(1E9) is an error value).
 */
import { arrayOf, columnsOf, elementOf, wideOf } from '../array-types.ts';
import { badValue, isError, notAvailable, type FormulaError } from '../errors.ts';
import { arrayLimitError, arrayTooLarge } from '../limits.ts';
import { msg } from '../messages.ts';
import { unifyResults, type ColumnShape, type ScalarType, type Ty, type ValueType } from '../types.ts';
import { scalarOf, Table, toList, toNumber, toTable, toText, type Scalar, type Value } from '../values.ts';
import { arrayArg, flagArg, pickedColumns, wholeArg } from './array-args.ts';
import { defineFunctions, type FunctionDef, type ResultContext } from './registry.ts';

const array = { name: 'array', kind: 'array' } as const;
const count = (name: string, optional = false) => ({ name, kind: 'number', optional }) as const;

/** Positions from..to−1 as row numbers. */
const range = (from: number, to: number): Int32Array => Int32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** The first (n ≥ 0) or last (n < 0) |n| of `size` positions: [from, to). */
const takeSpan = (n: number, size: number): [number, number] => (n >= 0 ? [0, Math.min(n, size)] : [Math.max(0, size + n), size]);
/** What is left of `size` positions after dropping the first (n ≥ 0) or last (n < 0) |n|: [from, to). */
const dropSpan = (n: number, size: number): [number, number] => (n >= 0 ? [Math.min(n, size), size] : [0, Math.max(0, size + n)]);

/** TAKE and DROP: rows (all when left out) and optionally columns kept by `span`. */
const reshape = (args: readonly Value[], span: (n: number, size: number) => [number, number]): Value => {
  let t = toTable(args[0] ?? null);
  if (args[1] !== undefined) {
    const n = wholeArg(args[1], 0);
    if (isError(n)) return n;
    t = t.selectRows(range(...span(n, t.rowCount)));
  }
  if (args[2] !== undefined) {
    const n = wholeArg(args[2], 0);
    if (isError(n)) return n;
    const [from, to] = span(n, t.colCount);
    t = t.selectColumns([...range(from, to)]);
  }
  return t;
};

/** TAKE's and DROP's type: the array's, with the columns kept when their count is written as a number. */
const reshapeType =
  (fn: string, span: (n: number, size: number) => [number, number]) =>
  (ctx: ResultContext): Ty => {
    const ty = arrayArg(ctx, 0);
    const n = ctx.literals[2];
    if (ctx.args.length < 3 || ctx.args[2]?.t === 'error') return ty;
    const cols = columnsOf(ty);
    if (typeof n === 'number' && cols) {
      const [from, to] = span(Math.trunc(n), cols.length);
      return to > from ? arrayOf(cols.slice(from, to)) : ty;
    }
    return pickedColumns(ctx, fn, ty, [undefined], 2);
  };

const sequence = (args: readonly Value[]): Value => {
  const rows = wholeArg(args[0], 1);
  if (isError(rows)) return rows;
  const cols = wholeArg(args[1], 1);
  if (isError(cols)) return cols;
  const start = args[2] === undefined ? 1 : toNumber(scalarOf(args[2]));
  if (isError(start)) return start;
  const step = args[3] === undefined ? 1 : toNumber(scalarOf(args[3]));
  if (isError(step)) return step;
  if (rows < 0 || cols < 0) return badValue('sequence.negative', rows, cols);
  if (arrayTooLarge(rows * cols)) return arrayLimitError(rows * cols, { fn: 'SEQUENCE' });
  const columns: number[][] = [];
  for (let c = 0; c < cols; c++) {
    const col = new Array<number>(rows);
    for (let r = 0; r < rows; r++) col[r] = start + step * (r * cols + c);
    columns.push(col);
  }
  return cols === 1 ? (columns[0] ?? []) : Table.of(columns);
};

/** SEQUENCE's values: dates from a date, currency from currency, whole numbers from whole numbers. */
const sequenceType = (ctx: ResultContext): Ty => {
  const given = (i: number) => ctx.args.length > i && ctx.args[i]?.t !== 'error';
  const start: ValueType = given(2) ? (ctx.args[2]?.t ?? 'number') : 'integer';
  const step: ValueType = given(3) ? (ctx.args[3]?.t ?? 'number') : 'integer';
  const t: ValueType =
    start === 'date' || start === 'currency' || start === 'percent' ? start : start === 'integer' && (step === 'integer' || step === 'boolean') ? 'integer' : 'number';
  const cols = given(1) ? ctx.literals[1] : 1;
  if (typeof cols !== 'number') return wideOf({ t });
  const n = Math.max(1, Math.trunc(cols));
  return arrayOf(Array.from({ length: n }, (): ColumnShape => ({ t })));
};

const chooseCols = (args: readonly Value[]): Value => {
  const t = toTable(args[0] ?? null);
  const picks: number[] = [];
  for (let i = 1; i < args.length; i++) {
    const n = wholeArg(args[i], 0);
    if (isError(n)) return n;
    const c = n > 0 ? n - 1 : t.colCount + n;
    if (n === 0 || c < 0 || c >= t.colCount) return badValue('array.noColumn', 'CHOOSECOLS', t.colCount, n);
    picks.push(c);
  }
  return t.selectColumns(picks);
};

const vstack = (args: readonly Value[]): Value | FormulaError => {
  const tables = args.map((a) => toTable(a ?? null));
  const width = Math.max(...tables.map((t) => t.colCount));
  const rows = tables.reduce((n, t) => n + t.rowCount, 0);
  if (arrayTooLarge(rows * width)) return arrayLimitError(rows * width, { fn: 'VSTACK' });
  const columns: Scalar[][] = Array.from({ length: width }, () => new Array<Scalar>(rows));
  let at = 0;
  for (const t of tables) {
    for (let r = 0; r < t.rowCount; r++, at++) {
      for (let c = 0; c < width; c++) (columns[c] as Scalar[])[at] = c < t.colCount ? t.at(r, c) : notAvailable('vstack.fewerColumns');
    }
  }
  // Stacked rows of one sheet are still that sheet's rows (a view sheet names them so).
  const sheet = tables[0]?.source?.sheetId;
  const same = sheet !== undefined && tables.every((t) => t.source?.sheetId === sheet);
  const source = same ? { sheetId: sheet, rows: Int32Array.from(tables.flatMap((t) => Array.from({ length: t.rowCount }, (_, r) => t.sourceRow(r)))) } : undefined;
  return Table.of(columns, source);
};

/** VSTACK's type: column by column, the types of the arrays' columns at that place agree (missing ones are #N/A). */
const vstackType = (ctx: ResultContext): Ty => {
  const tys = ctx.args.map((_, i) => arrayArg(ctx, i));
  const all = tys.map(columnsOf);
  if (all.every((c) => c !== undefined)) {
    const width = Math.max(...all.map((c) => c?.length ?? 0));
    const out: ColumnShape[] = [];
    for (let c = 0; c < width; c++) {
      let t: ScalarType = { t: 'error' };
      for (const [i, cols] of all.entries()) t = unifyResults(t, cols?.[c] ?? { t: 'error' }) ?? ctx.fail(i, msg('vstack.columnAgree', c + 1));
      out.push({ ...t, ...(all[0]?.[c]?.from ? { from: all[0][c].from } : {}) });
    }
    return arrayOf(out);
  }
  let t: ScalarType = { t: 'error' };
  for (const [i, ty] of tys.entries()) t = unifyResults(t, elementOf(ty) ?? { t: 'error' }) ?? ctx.fail(i, msg('vstack.agree'));
  return wideOf(t);
};

/** Splits `s` at every delimiter (the first found wins; at one place, the longest). */
const splitAt = (s: string, delims: readonly string[], anyCase: boolean): string[] => {
  if (delims.length === 0) return [s];
  const hay = anyCase ? s.toLowerCase() : s;
  const needles = delims.map((d) => (anyCase ? d.toLowerCase() : d));
  const out: string[] = [];
  for (let from = 0; ; ) {
    let best = -1;
    let len = 0;
    for (const d of needles) {
      const i = hay.indexOf(d, from);
      if (i >= 0 && (best < 0 || i < best || (i === best && d.length > len))) [best, len] = [i, d.length];
    }
    if (best < 0) {
      out.push(s.slice(from));
      return out;
    }
    out.push(s.slice(from, best));
    from = best + len;
  }
};

/** Delimiters from an argument: a text or an array of texts ("" splits nothing). */
const delimiters = (v: Value | undefined): string[] | FormulaError => {
  const out: string[] = [];
  for (const d of v === undefined ? [] : toList(v)) {
    const t = toText(d);
    if (isError(t)) return t;
    if (t !== '') out.push(t);
  }
  return out;
};

const textSplit = (args: readonly Value[]): Value => {
  const text = toText(scalarOf(args[0]));
  if (isError(text)) return text;
  const cols = delimiters(args[1]);
  if (isError(cols)) return cols;
  const rowsBy = delimiters(args[2]);
  if (isError(rowsBy)) return rowsBy;
  const skip = flagArg(args[3]);
  if (isError(skip)) return skip;
  const mode = wholeArg(args[4], 0);
  if (isError(mode)) return mode;
  const keep = (parts: string[]) => (skip ? parts.filter((p) => p !== '') : parts);
  const rows = keep(splitAt(text, rowsBy, mode === 1)).map((line) => keep(splitAt(line, cols, mode === 1)));
  const width = Math.max(1, ...rows.map((r) => r.length));
  if (arrayTooLarge(rows.length * width)) return arrayLimitError(rows.length * width, { fn: 'TEXTSPLIT' });
  const pad: Scalar = args[5] === undefined ? notAvailable('textsplit.fewerParts') : scalarOf(args[5]);
  return Table.fromRows(rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => pad)]), width);
};

const textSplitType = (ctx: ResultContext): Ty => {
  const pad = ctx.args[5];
  const t = pad && pad.t !== 'error' ? (unifyResults({ t: 'text' }, pad) ?? { t: 'text' }) : { t: 'text' as const };
  return wideOf(t);
};

const SHAPES: FunctionDef[] = [
  {
    name: 'SEQUENCE', family: 'math',
    params: [count('rows'), count('columns', true), { name: 'start', kind: 'numdate', optional: true }, count('step', true)],
    result: sequenceType, impl: sequence,
    doc: {
      en: 'A list of numbers (rows, and columns filled row by row) from start (1) by step (1); a date start counts days.',
      'zh-CN': '生成数字序列（按行填充的行数与列数），从 start（默认 1）起按 step（默认 1）递增；起点为日期时按天递增。',
    },
    example: '=SEQUENCE(7, 1, TODAY())',
  },
  {
    name: 'TAKE', family: 'lookup', params: [array, count('rows', true), count('columns', true)],
    result: reshapeType('TAKE', takeSpan), impl: (args) => reshape(args, takeSpan),
    doc: {
      en: 'The first rows (and columns) of an array; a negative count takes them from the end.',
      'zh-CN': '返回数组开头的若干行（和列）；负数表示从末尾取。',
    },
    example: '=TAKE(SORTBY(Products[Name], Products[List price], -1), 5)',
  },
  {
    name: 'DROP', family: 'lookup', params: [array, count('rows', true), count('columns', true)],
    result: reshapeType('DROP', dropSpan), impl: (args) => reshape(args, dropSpan),
    doc: {
      en: 'An array without its first rows (and columns); a negative count drops them from the end.',
      'zh-CN': '去掉数组开头的若干行（和列）后返回；负数表示从末尾去掉。',
    },
    example: '=DROP(SORT(Products[List price]), 1)',
  },
  {
    name: 'CHOOSECOLS', family: 'lookup', params: [array, count('col_num')], repeat: 1,
    result: (ctx) => pickedColumns(ctx, 'CHOOSECOLS', arrayArg(ctx, 0), ctx.literals.slice(1), 1), impl: chooseCols,
    doc: {
      en: 'Columns of an array by number (from 1; negative numbers count from the last), in the order given.',
      'zh-CN': '按编号（从 1 开始；负数从最后一列数起）依次返回数组中的列。',
    },
    example: '=CHOOSECOLS(FILTER(Inventory, Inventory[Status] = "Reorder"), 1, -1)',
  },
  {
    name: 'VSTACK', family: 'lookup', params: [array], repeat: 1,
    result: vstackType, impl: vstack,
    doc: {
      en: 'Arrays stacked one under the other; a narrower array is filled out with #N/A.',
      'zh-CN': '将多个数组上下拼接；较窄的数组用 #N/A 补齐。',
    },
    example: '=VSTACK(UNIQUE(Campaigns[Channel]), "Offline")',
  },
  {
    name: 'TEXTSPLIT', family: 'text',
    params: [
      { name: 'text', kind: 'text' }, { name: 'col_delimiter', kind: 'array', optional: true }, { name: 'row_delimiter', kind: 'array', optional: true },
      { name: 'ignore_empty', kind: 'boolean', optional: true }, count('match_mode', true), { name: 'pad_with', kind: 'any', optional: true },
    ],
    result: textSplitType, impl: textSplit,
    doc: {
      en: 'A text split into columns at col_delimiter and into rows at row_delimiter (a list such as {",",";"} splits at each).',
      'zh-CN': '按 col_delimiter 将文本拆成列、按 row_delimiter 拆成行（{",",";"} 这样的列表表示按其中每个拆分）。',
    },
    example: '=TEXTSPLIT("red,green;blue,white", ",", ";")',
  },
];

defineFunctions(SHAPES);
