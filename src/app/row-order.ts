/**
 * Which rows a person sees and in what order: their filters, then their sort. Done here rather
 * than by AG Grid: one pass reads each sort key once (AG Grid's sort reads both values of every
 * comparison through the engine, ~2.4 s for 100k rows against ~0.2 s here), and the filter and
 * sort modules stay out of the first load.
 */
import type { Column } from '../schema/types.ts';
import { type ComputedValue, isErrorValue } from '../schema/computed-value.ts';
import { passesFilter, type ColumnFilter } from './row-filter.ts';
import type { ViewState } from './sheet-view.ts';

/** One collator for every text comparison (creating one per comparison costs microseconds each). */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const rank = (v: ComputedValue): number => (isErrorValue(v) ? 2 : v === null || v === '' ? 1 : 0);

/** Sort order: values of one kind by value, empty cells after them, errors last. */
export const compareForSort = (a: ComputedValue, b: ComputedValue): number => {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra > 0) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
};

/** One sort key read for every row into flat arrays, so comparing two rows reads no object. */
interface KeyColumn {
  rank: Uint8Array;
  num: Float64Array;
  text: (string | undefined)[];
  desc: boolean;
}

const readKey = (rows: readonly number[], values: readonly ComputedValue[], desc: boolean): KeyColumn => {
  const n = rows.length;
  const key: KeyColumn = { rank: new Uint8Array(n), num: new Float64Array(n), text: new Array(n), desc };
  for (let i = 0; i < n; i++) {
    const v = values[rows[i] ?? 0] ?? null;
    const r = rank(v);
    key.rank[i] = r;
    if (r !== 0) continue;
    if (typeof v === 'number') key.num[i] = v;
    else if (typeof v === 'boolean') key.num[i] = v ? 1 : 0;
    else key.text[i] = String(v);
  }
  return key;
};

/** Compares rows x and y on one key; empty cells and errors stay last in both directions. */
const compareOn = (k: KeyColumn, x: number, y: number): number => {
  const rx = k.rank[x] ?? 0;
  const ry = k.rank[y] ?? 0;
  if (rx !== ry || rx > 0) return rx - ry;
  const tx = k.text[x];
  const ty = k.text[y];
  let c: number;
  if (tx === undefined && ty === undefined) c = (k.num[x] ?? 0) - (k.num[y] ?? 0);
  else if (tx === undefined) c = -1;
  else if (ty === undefined) c = 1;
  else c = collator.compare(tx, ty);
  return k.desc ? -c : c;
};

/** How to read a column's values (aligned with the ids being ordered) and how a column shows a value. */
export interface RowReader {
  values: (colId: string) => readonly ComputedValue[];
  format: (v: ComputedValue, col: Column) => string;
  column: (colId: string) => Column | undefined;
}

/**
 * The ids of `ids` (model order) that pass the view's filters, in the view's sort order (stable).
 * With `limit`, only the first `limit` of them (a first screen), found without sorting them all.
 */
export const orderRows = (ids: readonly string[], view: ViewState, read: RowReader, limit = Number.POSITIVE_INFINITY): string[] => {
  const filters = Object.entries(view.filters)
    .map(([colId, f]) => ({ col: read.column(colId), f }))
    .filter((x): x is { col: Column; f: ColumnFilter } => x.col !== undefined)
    .map(({ col, f }) => ({ col, f, values: read.values(col.id) }));
  // Rows are handled by their position in `ids` (reading a column once, not a cell at a time).
  const all = Array.from({ length: ids.length }, (_, i) => i);
  const kept =
    filters.length === 0
      ? all
      : all.filter((i) =>
          filters.every(({ col, f, values }) => {
            const v = values[i] ?? null;
            return passesFilter(v, isErrorValue(v) ? v.error : read.format(v, col), f);
          }),
        );
  const idsOf = (rows: readonly number[]) => rows.map((i) => ids[i] ?? '');
  const sort = view.sort.filter((s) => read.column(s.colId) !== undefined);
  if (sort.length === 0) return idsOf(kept.length > limit ? kept.slice(0, limit) : kept);
  const keys = sort.map((srt) => readKey(kept, read.values(srt.colId), srt.sort === 'desc'));
  const compare = (x: number, y: number): number => {
    for (const k of keys) {
      const c = compareOn(k, x, y);
      if (c !== 0) return c;
    }
    return x - y;
  };
  const order = limit < kept.length ? firstOf(kept.length, limit, compare) : Array.from({ length: kept.length }, (_, i) => i).sort(compare);
  return order.map((i) => ids[kept[i] ?? 0] ?? '');
};

/** The `k` smallest of 0 … n−1 under `compare`, in order: one pass keeping a sorted list of k. */
const firstOf = (n: number, k: number, compare: (x: number, y: number) => number): number[] => {
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const last = best[best.length - 1];
    if (best.length === k && last !== undefined && compare(i, last) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid] ?? 0, i) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
};
