/** Reading a chart of a sheet from the document. */
import {
  AGGREGATIONS,
  CHART_FILTER_OPS,
  CHART_KINDS,
  CONFIDENCE_LEVELS,
  MAX_SERIES,
  type Chart,
  type ChartErrorBars,
  type ChartFilter,
  type ChartSeries,
  type ChartThreshold,
} from '../chart-types.ts';
import type { StoredRead } from './read-record.ts';
import {
  isPlainRecord,
  isRecordId,
  MAX_LABEL,
  ownFields,
  readEnum,
  readId,
  readLabels,
  readNumber,
  readText,
  wrongType,
  type Problems,
} from './stored-parts.ts';

/** Most values an "any of" filter keeps. */
const MAX_FILTER_VALUES = 1000;

const recordAt = (problems: Problems, field: string, v: unknown): ((k: string) => unknown) | undefined =>
  isPlainRecord(v) ? ownFields(v) : wrongType(problems, field, 'record', v);

const readErrorBars = (problems: Problems, field: string, v: unknown): ChartErrorBars | undefined => {
  if (v === undefined) return undefined;
  const get = recordAt(problems, field, v);
  if (!get) return undefined;
  const kind = readEnum(problems, `${field}.kind`, get('kind'), ['range', 'proportion'] as const, true);
  if (kind === 'range') {
    const low = readId(problems, `${field}.low`, get('low'), true);
    const high = readId(problems, `${field}.high`, get('high'), true);
    return low !== undefined && high !== undefined ? { kind, low, high } : undefined;
  }
  if (kind === 'proportion') {
    const trials = readId(problems, `${field}.trials`, get('trials'), true);
    const successes = readId(problems, `${field}.successes`, get('successes'), true);
    const confidence = readNumber(problems, `${field}.confidence`, get('confidence'), { min: 0, max: 1, required: true });
    if (confidence !== undefined && !(CONFIDENCE_LEVELS as readonly number[]).includes(confidence)) {
      problems.push({ code: 'unknown', field: `${field}.confidence`, value: String(confidence), allowed: CONFIDENCE_LEVELS.map(String) });
      return undefined;
    }
    return trials !== undefined && successes !== undefined && confidence !== undefined ? { kind, trials, successes, confidence } : undefined;
  }
  return undefined;
};

const readSeries = (problems: Problems, field: string, v: unknown): ChartSeries | undefined => {
  const get = recordAt(problems, field, v);
  if (!get) return undefined;
  const column = readId(problems, `${field}.column`, get('column'), true);
  const aggregate = readEnum(problems, `${field}.aggregate`, get('aggregate'), AGGREGATIONS, true);
  const as = readEnum(problems, `${field}.as`, get('as'), ['bar', 'line'] as const);
  const label = readText(problems, `${field}.label`, get('label'), MAX_LABEL);
  const labels = readLabels(problems, `${field}.labels`, get('labels'), MAX_LABEL);
  const error = readErrorBars(problems, `${field}.error`, get('error'));
  if (column === undefined || aggregate === undefined) return undefined;
  const s: ChartSeries = { column, aggregate };
  if (as) s.as = as;
  if (label !== undefined) s.label = label;
  if (labels) s.labels = labels;
  if (error) s.error = error;
  return s;
};

const readFilter = (problems: Problems, field: string, v: unknown): ChartFilter | undefined => {
  const get = recordAt(problems, field, v);
  if (!get) return undefined;
  const column = readId(problems, `${field}.column`, get('column'), true);
  const op = readEnum(problems, `${field}.op`, get('op'), CHART_FILTER_OPS, true);
  const raw = get('value');
  const value = typeof raw === 'number' ? readNumber(problems, `${field}.value`, raw, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE }) : readText(problems, `${field}.value`, raw, MAX_LABEL);
  let values: string[] | undefined;
  const rawValues = get('values');
  if (rawValues !== undefined) {
    if (!Array.isArray(rawValues) || rawValues.length > MAX_FILTER_VALUES) wrongType(problems, `${field}.values`, 'list', rawValues);
    else values = rawValues.flatMap((x) => readText(problems, `${field}.values[]`, x, MAX_LABEL, true) ?? []);
  }
  if (column === undefined || op === undefined) return undefined;
  const f: ChartFilter = { column, op };
  if (value !== undefined) f.value = value;
  if (values) f.values = values;
  return f;
};

const readThreshold = (problems: Problems, v: unknown, seriesCount: number): ChartThreshold | undefined => {
  if (v === undefined) return undefined;
  const get = recordAt(problems, 'threshold', v);
  if (!get) return undefined;
  const value = readNumber(problems, 'threshold.value', get('value'), { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, required: true });
  const label = readText(problems, 'threshold.label', get('label'), MAX_LABEL);
  const labels = readLabels(problems, 'threshold.labels', get('labels'), MAX_LABEL);
  const series = readNumber(problems, 'threshold.series', get('series'), { min: 0, max: Math.max(0, seriesCount - 1), whole: true });
  if (value === undefined) return undefined;
  const t: ChartThreshold = { value, label: label ?? '' };
  if (labels) t.labels = labels;
  if (series !== undefined) t.series = series;
  return t;
};

/** Reads a list field item by item; items that cannot be used are left out. */
const readList = <T,>(problems: Problems, field: string, v: unknown, max: number, item: (f: string, x: unknown) => T | undefined): T[] | undefined => {
  if (!Array.isArray(v)) return wrongType(problems, field, 'list', v);
  if (v.length > max) problems.push({ code: 'range', field: `${field}.length`, value: v.length, min: 0, max });
  const out: T[] = [];
  v.slice(0, max).forEach((x, i) => {
    const r = item(`${field}[${i}]`, x);
    if (r !== undefined) out.push(r);
  });
  return out;
};

/**
 * A chart as stored under `id`. Without a usable title, kind, x column or any usable series it is
 * not drawn; a series, filter or reference line that cannot be used is left out.
 */
export const readChart = (id: string, stored: unknown): StoredRead<Chart> => {
  if (!isRecordId(id)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: id }] };
  const problems: Problems = [];
  const get = recordAt(problems, 'chart', stored);
  if (!get) return { value: undefined, problems };
  const title = readText(problems, 'title', get('title'), MAX_LABEL, true);
  const labels = readLabels(problems, 'labels', get('labels'), MAX_LABEL);
  const kind = readEnum(problems, 'kind', get('kind'), CHART_KINDS, true);
  const x = readId(problems, 'x', get('x'), true);
  const series = readList(problems, 'series', get('series'), MAX_SERIES, (f, s) => readSeries(problems, f, s)) ?? [];
  const filtersRaw = get('filters');
  const filters = filtersRaw === undefined ? [] : (readList(problems, 'filters', filtersRaw, 100, (f, s) => readFilter(problems, f, s)) ?? []);
  const threshold = readThreshold(problems, get('threshold'), series.length);
  if (series.length === 0 && !problems.some((p) => p.field.startsWith('series'))) problems.push({ code: 'missing', field: 'series' });
  if (title === undefined || kind === undefined || x === undefined || series.length === 0) return { value: undefined, problems };
  const chart: Chart = { id, title, kind, x, series, filters };
  if (labels) chart.labels = labels;
  if (threshold) chart.threshold = threshold;
  return { value: chart, problems };
};
