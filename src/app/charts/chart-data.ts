/**
 * What a chart shows, computed from a sheet's values: rows filtered, grouped by the x column, each
 * series aggregated per group, error bars per group; or each row a point (scatter). Pure: the
 * values come in through `ChartSource` (the engine's computed values in the app, plain arrays in tests).
 */
import { checkChart, type ChartProblem } from '../../schema/chart-check.ts';
import { type Chart, type ChartFilter, type ChartKind, type ChartSeries } from '../../schema/chart-types.ts';
import { type Column, type ColumnType } from '../../schema/types.ts';
import { type ComputedValue, isErrorValue } from '../../schema/computed-value.ts';
import { addNumber, aggregateOf, emptyAccumulator, type GroupAccumulator } from './group-accumulator.ts';
import { orderGroups, type GroupKey, type XKind } from './group-order.ts';
import { proportionInterval } from './proportion-interval.ts';
import { dayFromIso } from '../../schema/calendar-day.ts';

export type { GroupKey, XKind } from './group-order.ts';

/** Where a chart reads its sheet. */
export interface ChartSource {
  /** The sheet's columns, in order. */
  columns(): readonly Column[];
  /** Computed values of a column, in row order. */
  values(colId: string): readonly ComputedValue[];
  /** The type a column's values have (a formula column's result type); the column's own type when missing. */
  type?(colId: string): ColumnType | undefined;
  /** The text a value shows (text filters match what a person reads). */
  text(v: ComputedValue, col: Column): string;
  /**
   * Whether a value passes one of the chart's filters: the grid's column filters (row-filter.ts),
   * handed in by the caller so both always agree. `text` is what the cell shows.
   */
  passes(v: ComputedValue, text: string, filter: ChartFilter): boolean;
  /** The loudest alert of the row at `index` (row order), or null; needed by charts coloured by alerts. */
  alertLevel?(index: number): 'error' | 'warning' | null;
}

/** One series, ready to draw. */
export interface SeriesData {
  column: string;
  /** combo: bars or a line; other kinds: what the kind draws. */
  as: 'bar' | 'line';
  /** One value per group; null is a gap. */
  values: (number | null)[];
  /** Error bars per group, when the series has them. */
  errors?: ({ low: number; high: number } | null)[];
  /** Scatter: one point per row (dates as day numbers). */
  points?: { x: number; y: number }[];
}

/** Cells a chart could not use, so it can say so. */
export interface Skipped {
  /** Cells holding an error value; `codes` lists the distinct codes (#DIV/0! …). */
  errors: number;
  codes: string[];
  /** Values of a numeric series that were not numbers. */
  notNumbers: number;
  /** Rows without an x value on a number or date axis. */
  blankX: number;
}

/** A chart's data. */
export interface ChartData {
  kind: ChartKind;
  xKind: XKind;
  /** The x groups in axis order (grouped kinds). */
  groups: GroupKey[];
  /** Each group's x as a number (dates: days since 1970-01-01), for number and date axes. */
  xs: number[];
  series: SeriesData[];
  /** Charts coloured by alerts: the loudest alert of each group's rows ('ok' for none), in group order. */
  status?: ('ok' | 'warning' | 'error')[];
  /** Rows the filters let through. */
  rows: number;
  skipped: Skipped;
}

const NUMERIC: readonly ColumnType[] = ['number', 'integer', 'currency', 'percent'];

/** The axis kind of a column type. */
export const xKindOf = (type: ColumnType): XKind => (type === 'date' ? 'date' : NUMERIC.includes(type) ? 'number' : 'category');

/** How a series is drawn: combo charts draw the first series as bars and the rest as lines unless told. */
export const seriesStyle = (kind: ChartKind, s: ChartSeries, index: number): 'bar' | 'line' =>
  kind === 'combo' ? (s.as ?? (index === 0 ? 'bar' : 'line')) : kind === 'line' || kind === 'scatter' ? 'line' : 'bar';

const isBlank = (v: ComputedValue): boolean => v === null || v === '';

/** Per series and group: the series' values, and the error columns' (bounds, or counts). */
interface Cell {
  acc: GroupAccumulator;
  lo?: GroupAccumulator;
  hi?: GroupAccumulator;
}

/** The chart's data, or the problem that keeps it from being drawn (a column deleted or retyped since). */
export const chartData = (chart: Chart, source: ChartSource): ChartData | { problem: ChartProblem } => {
  const columns = source.columns();
  const problem = checkChart(chart, columns);
  if (problem) return { problem };
  const colOf = new Map(columns.map((c) => [c.id, c]));
  const typeOf = (id: string): ColumnType => source.type?.(id) ?? colOf.get(id)?.type ?? 'text';
  const xCol = colOf.get(chart.x) as Column;
  const xKind = xKindOf(typeOf(chart.x));
  const xs = source.values(chart.x);
  const n = xs.length;
  const skipped: Skipped = { errors: 0, codes: [], notNumbers: 0, blankX: 0 };
  const error = (v: ComputedValue): void => {
    skipped.errors++;
    const code = isErrorValue(v) ? v.error : '';
    if (!skipped.codes.includes(code)) skipped.codes.push(code);
  };

  const filters = chart.filters.map((f) => ({ f, col: colOf.get(f.column) as Column, values: source.values(f.column) }));
  const passes = (i: number): boolean =>
    filters.every(({ f, col, values }) => {
      const v = values[i] ?? null;
      const needsText = f.op === 'contains' || f.op === 'notContains';
      return source.passes(v, needsText ? source.text(v, col) : '', f);
    });

  const series = chart.series.map((s) => ({
    s,
    values: source.values(s.column),
    lo: s.error ? source.values(s.error.kind === 'range' ? s.error.low : s.error.trials) : undefined,
    hi: s.error ? source.values(s.error.kind === 'range' ? s.error.high : s.error.successes) : undefined,
  }));

  // Adds a value to an accumulator; errors and non-numbers are counted, blanks ignored.
  const add = (acc: GroupAccumulator, v: ComputedValue, anyType: boolean): void => {
    if (isErrorValue(v)) return error(v);
    if (isBlank(v)) return;
    if (typeof v === 'number') addNumber(acc, v);
    else if (anyType) acc.filled++;
    else skipped.notNumbers++;
  };

  let rows = 0;
  if (chart.kind === 'scatter') {
    const points = series.map(() => [] as { x: number; y: number }[]);
    for (let i = 0; i < n; i++) {
      if (!passes(i)) continue;
      rows++;
      const xv = xs[i] ?? null;
      if (isErrorValue(xv)) error(xv);
      if (isErrorValue(xv) || isBlank(xv)) continue;
      const x = typeof xv === 'number' ? xv : typeof xv === 'string' && xKind === 'date' ? (dayFromIso(xv) ?? Number.NaN) : Number.NaN;
      if (!Number.isFinite(x)) {
        skipped.notNumbers++;
        continue;
      }
      series.forEach(({ values }, k) => {
        const y = values[i] ?? null;
        if (isErrorValue(y)) error(y);
        else if (typeof y === 'number') points[k]?.push({ x, y });
        else if (!isBlank(y)) skipped.notNumbers++;
      });
    }
    return {
      kind: chart.kind,
      xKind,
      groups: [],
      xs: [],
      series: series.map(({ s }, k) => ({ column: s.column, as: 'line', values: [], points: points[k] ?? [] })),
      rows,
      skipped,
    };
  }

  const index = new Map<GroupKey, number>();
  const keys: GroupKey[] = [];
  const cells: Cell[][] = series.map(() => []);
  const levels: ('ok' | 'warning' | 'error')[] = [];
  const byAlerts = chart.colorByAlerts === true && source.alertLevel !== undefined;
  for (let i = 0; i < n; i++) {
    if (!passes(i)) continue;
    rows++;
    const xv = xs[i] ?? null;
    if (isErrorValue(xv)) {
      error(xv);
      continue;
    }
    const key: GroupKey = isBlank(xv) ? null : xv;
    if (key === null && xKind !== 'category') {
      skipped.blankX++;
      continue;
    }
    let g = index.get(key);
    if (g === undefined) {
      g = keys.length;
      index.set(key, g);
      keys.push(key);
      for (const list of cells) list.push({ acc: emptyAccumulator() });
      levels.push('ok');
    }
    if (byAlerts) {
      const level = source.alertLevel?.(i) ?? null;
      if (level === 'error' || (level === 'warning' && levels[g] === 'ok')) levels[g] = level;
    }
    series.forEach(({ s, values, lo, hi }, k) => {
      const cell = cells[k]?.[g] as Cell;
      add(cell.acc, values[i] ?? null, s.aggregate === 'count');
      if (lo && hi) {
        add((cell.lo ??= emptyAccumulator()), lo[i] ?? null, false);
        add((cell.hi ??= emptyAccumulator()), hi[i] ?? null, false);
      }
    });
  }

  const order = orderGroups(keys, xKind, xCol);
  const groups = order.map((g) => keys[g] ?? null);
  return {
    kind: chart.kind,
    xKind,
    groups,
    xs: xKind === 'category' ? [] : groups.map((k) => (typeof k === 'number' ? k : (dayFromIso(String(k)) ?? Number.NaN))),
    series: series.map(({ s }, k) => {
      const list = cells[k] ?? [];
      const out: SeriesData = {
        column: s.column,
        as: seriesStyle(chart.kind, s, k),
        values: order.map((g) => aggregateOf((list[g] as Cell).acc, s.aggregate)),
      };
      const e = s.error;
      if (e) {
        out.errors = order.map((g) => {
          const { lo, hi } = list[g] as Cell;
          if (!lo || !hi) return null;
          if (e.kind === 'proportion') return proportionInterval(hi.sum, lo.sum, e.confidence);
          const low = aggregateOf(lo, s.aggregate);
          const high = aggregateOf(hi, s.aggregate);
          return low === null || high === null ? null : { low, high };
        });
      }
      return out;
    }),
    ...(byAlerts ? { status: order.map((g) => levels[g] ?? 'ok') } : {}),
    rows,
    skipped,
  };
};
