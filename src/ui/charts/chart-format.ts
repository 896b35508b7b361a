/**
 * Numbers on chart axes and in tooltips, in the person's locale and the column's kind: money and
 * plain numbers in compact form on axes (¥1.5M, ¥150万), in full in tooltips; percentages as %.
 * Numbers come from the schema's formatter; only the short month names of a date axis use Intl.
 */
import { compactText } from '../../schema/compact-text.ts';
import { CURRENCY_SYMBOLS } from '../../schema/number-format.ts';
import { formatNumber, type FormatContext } from '../../schema/format-value.ts';
import { type Column, type ColumnType, type CurrencyCode } from '../../schema/types.ts';
import { isoFromDay } from '../../schema/calendar-day.ts';
import type { XKind } from '../../app/charts/chart-data.ts';

/** A big number on an axis, short: ¥1.5M, ¥150万, 12K. */
const compactLabel = (n: number, ctx: FormatContext, currency: CurrencyCode | undefined): string => {
  const s = compactText(n, ctx.locale, { max: 1 });
  if (!currency) return s;
  const symbol = CURRENCY_SYMBOLS[currency];
  return s.startsWith('-') ? `-${symbol}${s.slice(1)}` : symbol + s;
};

/** A value's axis label: compact for big numbers, percentages with no decimals past what matters. */
export const axisLabel = (n: number, col: Pick<Column, 'type' | 'options'> | undefined, ctx: FormatContext): string => {
  const type: ColumnType = col?.type ?? 'number';
  if (type === 'percent') return formatNumber(n, 'percent', { precision: Math.abs(n) < 0.1 && n !== 0 ? 1 : 0 }, ctx);
  const currency = type === 'currency' ? (col?.options.currency ?? ctx.currency) : undefined;
  if (Math.abs(n) >= 10_000) return compactLabel(n, ctx, currency);
  return formatNumber(n, type === 'integer' ? 'number' : type, { ...col?.options, precision: Number.isInteger(n) ? 0 : undefined }, ctx);
};

/** A value as a tooltip shows it: as its cell would. Counts are plain whole numbers. */
export const tooltipLabel = (n: number, col: Pick<Column, 'type' | 'options'> | undefined, ctx: FormatContext, count: boolean): string =>
  count || !col ? formatNumber(n, 'number', { precision: Number.isInteger(n) ? 0 : 2 }, ctx) : formatNumber(n, col.type === 'integer' ? 'number' : col.type, col.options, ctx);

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A day number as a short date (Nov 29, 11月29日). */
export const dayLabel = (day: number, ctx: FormatContext): string => {
  let f = dateFormats.get(ctx.locale);
  if (!f) {
    f = new Intl.DateTimeFormat(ctx.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(ctx.locale, f);
  }
  return f.format(new Date(`${isoFromDay(Math.round(day))}T00:00:00Z`));
};

/** An x value on a number or date axis. */
export const xLabel = (x: number, xKind: XKind, col: Pick<Column, 'type' | 'options'> | undefined, ctx: FormatContext): string =>
  xKind === 'date' ? dayLabel(x, ctx) : axisLabel(x, col, ctx);
