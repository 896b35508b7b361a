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
} from '../chart-types.ts';
import type { StoredRead } from './read-record.ts';
import { bool, id, isRecordId, labels, list, MAX_LABEL, num, oneOf, record, text, type Check, type Problems } from './stored-parts.ts';

const RANGE = record({ low: id, high: id }, ['low', 'high']);
const PROPORTION = record({ trials: id, successes: id, confidence: num(0, 1) }, ['trials', 'successes', 'confidence']);
const KIND = record({ kind: oneOf(['range', 'proportion'] as const) }, ['kind']);

/** Error bars: an interval read from two columns, or a proportion's interval at a known confidence level. */
const errorBars: Check<ChartErrorBars> = (v, at, problems) => {
  const kind = KIND(v, at, problems)?.kind;
  if (kind === 'range') {
    const r = RANGE(v, at, problems);
    return r && { kind, ...r };
  }
  const p = kind && PROPORTION(v, at, problems);
  if (p && !(CONFIDENCE_LEVELS as readonly number[]).includes(p.confidence)) {
    problems.push({ code: 'unknown', field: `${at}.confidence`, value: String(p.confidence), allowed: CONFIDENCE_LEVELS.map(String) });
    return undefined;
  }
  return p && { kind: 'proportion', ...p };
};

const SERIES = record(
  { column: id, aggregate: oneOf(AGGREGATIONS), as: oneOf(['bar', 'line'] as const), label: text(MAX_LABEL), labels: labels(MAX_LABEL), error: errorBars },
  ['column', 'aggregate'],
);

/** A filter's value: a number or text. */
const filterValue: Check<string | number> = (v, at, problems) => (typeof v === 'number' ? num(-Number.MAX_VALUE, Number.MAX_VALUE)(v, at, problems) : text(MAX_LABEL)(v, at, problems));

const FILTER = record({ column: id, op: oneOf(CHART_FILTER_OPS), value: filterValue, values: list(text(MAX_LABEL, true), 1000) }, ['column', 'op']);

const THRESHOLD = record({ value: num(-Number.MAX_VALUE, Number.MAX_VALUE), label: text(MAX_LABEL), labels: labels(MAX_LABEL), series: num(0, MAX_SERIES - 1, true) }, ['value']);

const CHART = record(
  {
    title: text(MAX_LABEL),
    labels: labels(MAX_LABEL),
    kind: oneOf(CHART_KINDS),
    x: id,
    series: list(SERIES, MAX_SERIES),
    filters: list(FILTER, 100),
    threshold: THRESHOLD,
    colorByAlerts: bool,
  },
  ['title', 'kind', 'x', 'series'],
  'chart',
);

/**
 * A chart as stored under `id`. Without a usable title, kind, x column or any usable series it is
 * not drawn; a series, filter or reference line that cannot be used is left out.
 */
export const readChart = (chartId: string, stored: unknown): StoredRead<Chart> => {
  if (!isRecordId(chartId)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: chartId }] };
  const problems: Problems = [];
  const r = CHART(stored ?? null, '', problems);
  if (r?.series.length === 0 && !problems.some((p) => p.field.startsWith('series'))) problems.push({ code: 'missing', field: 'series' });
  if (!r || r.series.length === 0) return { value: undefined, problems };
  const { threshold, ...rest } = r;
  const chart: Chart = { ...rest, id: chartId, filters: (r.filters ?? []) as ChartFilter[] };
  // A reference line belongs to one of the series that are drawn.
  if (threshold && (threshold.series ?? 0) >= r.series.length) {
    problems.push({ code: 'range', field: 'threshold.series', value: threshold.series ?? 0, min: 0, max: r.series.length - 1 });
  } else if (threshold) chart.threshold = { ...threshold, label: threshold.label ?? '' };
  return { value: chart, problems };
};
