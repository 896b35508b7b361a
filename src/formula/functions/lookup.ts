/**
 * Lookups: XLOOKUP, XMATCH, MATCH, INDEX, VLOOKUP, HLOOKUP, LOOKUP and COUNTUNIQUE. The engine
 * answers exact lookups from an index. A blank lookup value (a row not filled in yet) gives blank,
 * not #N/A, so a half-entered row does not put errors in every sheet that reads it.
 */
import { parseCriterion } from '../criteria.ts';
import { badRef, badValue, isError, notAvailable } from '../errors.ts';
import { compare15 } from '../numbers.ts';
import { msg } from '../messages.ts';
import { unifyResults, unionType, type ScalarType } from '../types.ts';
import type { List, Scalar, Value } from '../values.ts';
import { scalarOf, Table, toNumber } from '../values.ts';
import { asList } from './aggregates.ts';
import { branching, sameValue } from './logic.ts';
import { defineFunctions, type FunctionDef, type ResultContext } from './registry.ts';

const single = scalarOf;

/** Orders two values for approximate matches: numbers before text, text case-insensitively. */
const order = (a: Scalar, b: Scalar): number => {
  if (typeof a === 'number' && typeof b === 'number') return compare15(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return typeof a === 'number' ? -1 : 1;
};

/**
 * Position (0-based) of `value` in `list` by XLOOKUP's match modes: 0 exact, -1 exact or next
 * smaller, 1 exact or next larger, 2 wildcard; searching from the end when `reverse`. −1 when none.
 */
export const findPosition = (value: Scalar, list: List, mode: number, reverse: boolean): number => {
  const n = list.length;
  const wild = mode === 2 && typeof value === 'string' ? parseCriterion(value) : null;
  let best = -1;
  for (let k = 0; k < n; k++) {
    const i = reverse ? n - 1 - k : k;
    const v = list[i] ?? null;
    if (wild ? wild.test(v) : sameValue(v, value)) return i;
    if (mode === -1 || mode === 1) {
      if (v === null || typeof v !== typeof value) continue;
      const c = order(v, value);
      if ((mode === -1 && c < 0 && (best < 0 || order(v, list[best] ?? null) > 0)) ||
          (mode === 1 && c > 0 && (best < 0 || order(v, list[best] ?? null) < 0))) best = i;
    }
  }
  return best;
};

/** MATCH's sorted search: the last position whose value is ≤ (type 1) or ≥ (type −1) the value. */
export const sortedPosition = (value: Scalar, list: List, type: number): number => {
  let best = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i] ?? null;
    if (v === null || typeof v !== typeof value) continue;
    const c = order(v, value);
    if (type === 1 ? c <= 0 : c >= 0) best = i;
    else break;
  }
  return best;
};

const int = (v: Value | undefined, dflt: number): number | ReturnType<typeof badValue> => {
  if (v === undefined) return dflt;
  const n = toNumber(single(v));
  return isError(n) ? n : Math.trunc(n);
};

const LOOKUP: FunctionDef[] = [
  {
    name: 'XLOOKUP', family: 'lookup',
    params: [
      { name: 'lookup_value', kind: 'any' }, { name: 'lookup_column', kind: 'list' }, { name: 'return_column', kind: 'list' },
      { name: 'if_not_found', kind: 'any', optional: true }, { name: 'match_mode', kind: 'number', optional: true },
      { name: 'search_mode', kind: 'number', optional: true },
    ],
    ...branching((n) => (n > 3 ? [2, 3] : [2]), 'XLOOKUP'),
    impl: (args) => {
      const look = asList(args[1] ?? null);
      const ret = asList(args[2] ?? null);
      if (look.length !== ret.length) return badValue('lookup.lengths');
      const mode = int(args[4], 0);
      const search = int(args[5], 1);
      if (isError(mode)) return mode;
      if (isError(search)) return search;
      if (single(args[0]) === null) return null;
      const at = findPosition(single(args[0]), look, mode, search < 0);
      if (at >= 0) return ret[at] ?? null;
      return args[3] !== undefined ? single(args[3]) : notAvailable('value.notFound', JSON.stringify(single(args[0])));
    },
    handlesErrors: false,
    doc: { en: 'Finds a value in one column and returns the same row of another.', 'zh-CN': '在一列中查找值，返回另一列同一行的值。' },
    example: '=XLOOKUP([SKU], Products[SKU], Products[Cost])',
  },
  {
    name: 'MATCH', family: 'lookup',
    params: [{ name: 'lookup_value', kind: 'any' }, { name: 'lookup_column', kind: 'list' }, { name: 'match_type', kind: 'number', optional: true }],
    result: 'integer',
    impl: (args) => {
      const type = int(args[2], 1);
      if (isError(type)) return type;
      const list = asList(args[1] ?? null);
      const v = single(args[0]);
      if (v === null) return null;
      const at = type === 0 ? findPosition(v, list, typeof v === 'string' && /[*?]/.test(v) ? 2 : 0, false) : sortedPosition(v, list, type);
      return at >= 0 ? at + 1 : notAvailable('value.notFound', JSON.stringify(v));
    },
    doc: { en: 'Position (from 1) of a value in a column; 0 for an exact match.', 'zh-CN': '值在列中的位置（从 1 开始）；0 表示精确匹配。' },
    example: '=MATCH("SKU-002", Products[SKU], 0)',
  },
  {
    name: 'INDEX', family: 'lookup', params: [{ name: 'column', kind: 'list' }, { name: 'row', kind: 'number' }],
    result: (c) => unionType(c.args[0]?.t ?? 'error', c.args[0]?.orText),
    impl: (args) => {
      const list = asList(args[0] ?? null);
      const r = int(args[1], 1);
      if (isError(r)) return r;
      if (r < 1 || r > list.length) return badRef('index.row', r, list.length);
      return list[r - 1] ?? null;
    },
    doc: { en: 'The value at a row (from 1) of a column.', 'zh-CN': '返回列中第几行（从 1 开始）的值。' }, example: '=INDEX(Products[Price], 3)',
  },
  {
    name: 'VLOOKUP', family: 'lookup',
    params: [{ name: 'lookup_value', kind: 'any' }, { name: 'sheet', kind: 'table' }, { name: 'column_number', kind: 'number' },
      { name: 'approximate', kind: 'boolean', optional: true }],
    result: (c) => {
      const n = c.literals[2];
      const cols = c.args[1]?.table ?? [];
      if (typeof n !== 'number') return c.fail(2, msg('vlookup.columnLiteral'));
      const t = cols[n - 1];
      return t ?? c.fail(2, msg('vlookup.columnRange', cols.length));
    },
    impl: (args) => {
      const table = args[1];
      if (!(table instanceof Table)) return badValue('lookup.needsSheet', 'VLOOKUP');
      const n = int(args[2], 1);
      if (isError(n)) return n;
      const ret = table.columns[n - 1];
      const first = table.columns[0];
      if (!ret || !first) return badRef('vlookup.column', n);
      const approx = args[3] === undefined ? true : single(args[3]) === true || (typeof single(args[3]) === 'number' && single(args[3]) !== 0);
      const v = single(args[0]);
      if (v === null) return null;
      const at = approx ? sortedPosition(v, first, 1) : findPosition(v, first, 0, false);
      return at >= 0 ? (ret[at] ?? null) : notAvailable('value.notFound', JSON.stringify(v));
    },
    doc: { en: 'Finds a value in a sheet’s first column and returns a column of that row.', 'zh-CN': '在工作表第一列中查找，返回该行指定列的值。' },
    example: '=VLOOKUP([SKU], Products, 4, FALSE)',
  },
  {
    name: 'COUNTUNIQUE', family: 'lookup', params: [{ name: 'values', kind: 'list' }], repeat: 1, result: 'integer',
    impl: (args) => {
      const seen = new Set<string>();
      for (const a of args) {
        for (const v of a instanceof Table ? [] : asList(a)) {
          if (v === null || v === '') continue;
          if (isError(v)) return v;
          seen.add(typeof v === 'string' ? `t${v.toLowerCase()}` : `${typeof v}${String(v)}`);
        }
      }
      return seen.size;
    },
    doc: { en: 'Counts distinct values (blanks not counted).', 'zh-CN': '统计不同值的个数（不计空白）。' },
    example: '=COUNTUNIQUE(Orders[Customer])',
  },
];

/** HLOOKUP's result: the type its columns share (text and one other type make a union); row 1 is the column names. */
const hlookupType = (c: ResultContext): ScalarType => {
  const row = c.literals[2];
  if (row === 1) return { t: 'text' };
  let t: ScalarType = { t: 'error' };
  for (const col of c.args[1]?.table ?? []) {
    const u = unifyResults(t, col);
    if (!u) {
      return c.fail(1, msg('hlookup.types', t, col));
    }
    t = u;
  }
  return t;
};

const MORE_LOOKUPS: FunctionDef[] = [
  {
    name: 'XMATCH', family: 'lookup',
    params: [{ name: 'lookup_value', kind: 'any' }, { name: 'lookup_column', kind: 'list' }, { name: 'match_mode', kind: 'number', optional: true },
      { name: 'search_mode', kind: 'number', optional: true }],
    result: 'integer',
    impl: (args) => {
      const mode = int(args[2], 0);
      const search = int(args[3], 1);
      if (isError(mode)) return mode;
      if (isError(search)) return search;
      if (![0, -1, 1, 2].includes(mode)) return badValue('xmatch.matchMode');
      if (![1, -1, 2, -2].includes(search)) return badValue('xmatch.searchMode');
      const v = single(args[0]);
      if (v === null) return null;
      // Binary search (±2) of sorted data finds what a scan finds.
      const at = findPosition(v, asList(args[1] ?? null), mode, search === -1);
      return at >= 0 ? at + 1 : notAvailable('value.notFound', JSON.stringify(v));
    },
    doc: { en: 'Position (from 1) of a value in a column; exact by default, or next smaller/larger, or with wildcards.', 'zh-CN': '值在列中的位置（从 1 开始）；默认精确匹配，也可取下一个较小/较大值或通配符。' },
    example: '=XMATCH([SKU], Products[SKU])',
  },
  {
    name: 'LOOKUP', family: 'lookup',
    params: [{ name: 'lookup_value', kind: 'any' }, { name: 'lookup_column', kind: 'list' }, { name: 'result_column', kind: 'list', optional: true }],
    result: (c) => {
      const r = c.args[c.args.length > 2 ? 2 : 1];
      return unionType(r?.t ?? 'error', r?.orText);
    },
    impl: (args) => {
      const look = asList(args[1] ?? null);
      const ret = args[2] === undefined ? look : asList(args[2]);
      const v = single(args[0]);
      if (v === null) return null;
      // The column is taken as sorted: the last value not larger than the one looked up.
      const at = sortedPosition(v, look, 1);
      if (at < 0) return notAvailable('lookup.noneSmaller', JSON.stringify(v));
      return at < ret.length ? (ret[at] ?? null) : badRef('lookup.resultShorter');
    },
    doc: { en: 'In a sorted column, the last value not larger than the one looked up, or the same row of another column.', 'zh-CN': '在已排序的列中查找不大于查找值的最后一个值，或返回另一列同一行的值。' },
    example: '=LOOKUP([Units], Tiers[From], Tiers[Discount])',
  },
  {
    name: 'HLOOKUP', family: 'lookup',
    params: [{ name: 'lookup_value', kind: 'any' }, { name: 'sheet', kind: 'table' }, { name: 'row_number', kind: 'number' },
      { name: 'approximate', kind: 'boolean', optional: true }],
    result: hlookupType,
    impl: (args) => {
      const table = args[1];
      if (!(table instanceof Table)) return badValue('lookup.needsSheet', 'HLOOKUP');
      const n = int(args[2], 1);
      if (isError(n)) return n;
      const v = single(args[0]);
      if (v === null) return null;
      const rows = table.columns[0]?.length ?? 0;
      if (n < 1 || n > rows + 1) return badRef('hlookup.row', n, rows + 1);
      const a = single(args[3]);
      const approx = args[3] === undefined ? true : a === true || (typeof a === 'number' && a !== 0);
      // The first row is the column names, as the header row of the sheet it came from.
      const shown = table.headers.map((h) => h[0] ?? '');
      let at: number;
      if (approx) at = sortedPosition(v, shown, 1);
      else {
        const wild = typeof v === 'string' && /[*?~]/.test(v) ? parseCriterion(v) : null;
        at = table.headers.findIndex((names) => names.some((name) => (wild ? wild.test(name) : sameValue(name, v))));
      }
      if (at < 0) return notAvailable('hlookup.noColumn', JSON.stringify(v));
      return n === 1 ? (shown[at] ?? null) : (table.columns[at]?.[n - 2] ?? null);
    },
    doc: {
      en: 'Finds a column by its name and returns one of its rows (row 1 is the names, row 2 the first row).',
      'zh-CN': '按列名查找列，返回该列的某一行（第 1 行是列名，第 2 行是第一行数据）。',
    },
    example: '=HLOOKUP("Mar", Sales, 2, FALSE)',
  },
];

defineFunctions(LOOKUP);
defineFunctions(MORE_LOOKUPS);

