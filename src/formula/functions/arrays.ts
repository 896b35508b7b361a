/**
 * Dynamic arrays that choose and order rows: FILTER, UNIQUE, SORT, SORTBY. Each keeps the rows it
 * chooses as row numbers of its array (no value is copied), so a view sheet over 100,000 rows costs
 * the rows kept, and a column of the sheet those rows come from still lines up with them.
 */
import { arrayOf, columnsOf } from '../array-types.ts';
import { cellKey } from '../criteria.ts';
import { badValue, isError } from '../errors.ts';
import { msg } from '../messages.ts';
import { unifyResults, type Ty } from '../types.ts';
import { toList, toTable, type Scalar, type Table, type Value } from '../values.ts';
import { alignColumns, alignRows, arrayArg, flagArg, orderArg, sameArray, sortedRows, sortKey, wholeArg, type SortKey } from './array-args.ts';
import { defineFunctions, type FunctionDef, type ResultContext } from './registry.ts';

const array = { name: 'array', kind: 'array' } as const;

/** A condition of FILTER: TRUE, or a number other than 0; text is #VALUE!. */
const kept = (v: Scalar): boolean | ReturnType<typeof badValue> => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (isError(v)) return v;
  return badValue('filter.notCondition', v);
};

/** The rows (or, with a row of conditions, the columns) of an array whose condition holds. */
const filter = (args: readonly Value[]): Value => {
  const t = toTable(args[0] ?? null);
  const include = args[1] ?? null;
  const inc = toTable(include);
  const byColumns = inc.rowCount === 1 && inc.colCount > 1;
  const at = byColumns ? alignColumns(t, include, 'FILTER', 'include') : alignRows(t, include, 'FILTER', 'include');
  if (isError(at)) return at;
  const count = byColumns ? t.colCount : t.rowCount;
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = kept(at(i));
    if (isError(k)) return k;
    if (k) chosen.push(i);
  }
  // Nothing kept: if_empty when given, else an empty array (a view sheet with no rows).
  if (chosen.length === 0 && args[2] !== undefined) return toTable(args[2]);
  return byColumns ? t.selectColumns(chosen) : t.selectRows(Int32Array.from(chosen));
};

/** FILTER's type: its array's, with if_empty's type joining the first column's. */
const filterType = (ctx: ResultContext): Ty => {
  const ty = arrayArg(ctx, 0);
  const fallback = ctx.args[2];
  if (!fallback || fallback.t === 'error') return ty;
  const cols = columnsOf(ty);
  const first = cols?.[0];
  if (!cols || !first) return { ...ty, ...(unifyResults(ty, fallback) ?? ctx.fail(2, msg('filter.ifEmptyAgree'))) };
  const u = unifyResults(first, fallback) ?? ctx.fail(2, msg('filter.ifEmptyFirst'));
  return arrayOf([{ ...u, ...(first.from ? { from: first.from } : {}) }, ...cols.slice(1)]);
};

/** Row (or column) keys: every value's equality key, case ignored as Excel's UNIQUE ignores it. */
const lineKey = (t: Table, i: number, byCol: boolean): string => {
  const n = byCol ? t.rowCount : t.colCount;
  let k = '';
  for (let j = 0; j < n; j++) k += `${cellKey(byCol ? t.at(j, i) : t.at(i, j))}\u0000`;
  return k;
};

const unique = (args: readonly Value[]): Value => {
  const t = toTable(args[0] ?? null);
  const byCol = flagArg(args[1]);
  if (isError(byCol)) return byCol;
  const once = flagArg(args[2]);
  if (isError(once)) return once;
  const count = byCol ? t.colCount : t.rowCount;
  const seen = new Map<string, { first: number; times: number }>();
  for (let i = 0; i < count; i++) {
    const k = lineKey(t, i, byCol);
    const s = seen.get(k);
    if (s) s.times++;
    else seen.set(k, { first: i, times: 1 });
  }
  const chosen = [...seen.values()].filter((s) => !once || s.times === 1).map((s) => s.first);
  return byCol ? t.selectColumns(chosen) : t.selectRows(Int32Array.from(chosen));
};

/** SORT(array, [sort_index], [sort_order], [by_col]): by one or more columns (or rows) of the array itself. */
const sort = (args: readonly Value[]): Value => {
  const t = toTable(args[0] ?? null);
  const byCol = flagArg(args[3]);
  if (isError(byCol)) return byCol;
  const indexes = args[1] === undefined ? [1] : toList(args[1]);
  const orders = args[2] === undefined ? [1] : toList(args[2]);
  const count = byCol ? t.colCount : t.rowCount;
  const width = byCol ? t.rowCount : t.colCount;
  const keys: SortKey[] = [];
  for (const [i, ix] of indexes.entries()) {
    const n = wholeArg(ix, 1);
    if (isError(n)) return n;
    if (n < 1 || n > width) return badValue('sort.index', width, byCol, n);
    const order = orderArg(orders.length === 1 ? orders[0] : orders[i], 'SORT');
    if (isError(order)) return order;
    keys.push(sortKey(count, (r) => (byCol ? t.at(n - 1, r) : t.at(r, n - 1)), order));
  }
  const rows = sortedRows(count, keys);
  return byCol ? t.selectColumns([...rows]) : t.selectRows(rows);
};

/** SORTBY(array, by_array1, [sort_order1], [by_array2, sort_order2] …): by columns given beside it. */
const sortBy = (args: readonly Value[]): Value => {
  const t = toTable(args[0] ?? null);
  const keys: SortKey[] = [];
  for (let i = 1; i < args.length; i += 2) {
    const at = alignRows(t, args[i] ?? null, 'SORTBY', `by_array${(i + 1) / 2}`);
    if (isError(at)) return at;
    const order = orderArg(args[i + 1], 'SORTBY');
    if (isError(order)) return order;
    keys.push(sortKey(t.rowCount, at, order));
  }
  return t.selectRows(sortedRows(t.rowCount, keys));
};

const ARRAYS: FunctionDef[] = [
  {
    name: 'FILTER', family: 'lookup',
    params: [array, { name: 'include', kind: 'array' }, { name: 'if_empty', kind: 'any', optional: true }],
    result: filterType, impl: filter,
    doc: {
      en: 'The rows of an array (or a whole sheet) whose condition is TRUE; if_empty when none is (else no rows).',
      'zh-CN': '返回数组（或整张表）中条件为 TRUE 的行；一行都没有时返回 if_empty（省略则为空）。',
    },
    example: '=FILTER(Inventory, Inventory[Status] = "Reorder")',
  },
  {
    name: 'UNIQUE', family: 'lookup',
    params: [array, { name: 'by_col', kind: 'boolean', optional: true }, { name: 'exactly_once', kind: 'boolean', optional: true }],
    result: sameArray(0), impl: unique,
    doc: {
      en: 'The distinct rows of an array, in the order they first appear (case is ignored); exactly_once keeps rows that appear once.',
      'zh-CN': '返回数组中不重复的行，按首次出现的顺序（不区分大小写）；exactly_once 为 TRUE 时只保留只出现一次的行。',
    },
    example: '=UNIQUE(Campaigns[Channel])',
  },
  {
    name: 'SORT', family: 'lookup',
    params: [array, { name: 'sort_index', kind: 'array', optional: true }, { name: 'sort_order', kind: 'array', optional: true }, { name: 'by_col', kind: 'boolean', optional: true }],
    result: sameArray(0), impl: sort,
    doc: {
      en: 'An array sorted by one of its columns (sort_index, from 1), ascending (1) or descending (-1); blanks stay last.',
      'zh-CN': '按数组的某一列（sort_index，从 1 开始）升序（1）或降序（-1）排序；空白始终在最后。',
    },
    example: '=SORT(Products[Category])',
  },
  {
    name: 'SORTBY', family: 'lookup',
    params: [array, { name: 'by_array', kind: 'array' }, { name: 'sort_order', kind: 'number', optional: true }], repeat: 2, optionalTail: true, leastArgs: 2,
    result: sameArray(0), impl: sortBy,
    doc: {
      en: 'An array sorted by other columns of as many rows (or columns of the sheet its rows come from), each ascending (1) or descending (-1).',
      'zh-CN': '按行数相同的其他列（或其行所来自的表的列）对数组排序，每列可升序（1）或降序（-1）。',
    },
    example: '=SORTBY(Inventory[SKU], Inventory[Days of cover], 1)',
  },
];

defineFunctions(ARRAYS);
