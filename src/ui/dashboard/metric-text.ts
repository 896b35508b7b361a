/** How a KPI card writes a metric's number. Pure. */
import type { ColumnType } from '../../schema/index.ts';
import { numberFormat as cachedFormat, type FormatContext } from '../format/cell-format.ts';

const numberFormat = (locale: FormatContext['locale'], opts: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cachedFormat(`kpi${JSON.stringify(opts)}`, locale, opts);

/**
 * A metric's number, as its formula's type when it has one (¥3.1M, 4.6%, 36,000). A plain number
 * is read by its size: big ones compact (3.2M, 320万), a rate (its target a fraction) as a
 * percentage, others with at most two decimals.
 */
export const metricText = (v: number, target: number | null, fmt: FormatContext, type?: ColumnType): string => {
  const big = Math.abs(v) >= 10_000;
  if (type === 'percent') return numberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  if (type === 'currency') {
    const money = { style: 'currency', currency: fmt.currency, currencyDisplay: 'narrowSymbol' } as const;
    if (big) return numberFormat(fmt.locale, { ...money, notation: 'compact', maximumFractionDigits: 2 }).format(v);
    // Cents matter on ¥88.23, not on ¥5,787.
    return numberFormat(fmt.locale, Math.abs(v) >= 1000 ? { ...money, minimumFractionDigits: 0, maximumFractionDigits: 0 } : money).format(v);
  }
  if (type === undefined && target !== null && target > 0 && target < 1) return numberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  if (big) return numberFormat(fmt.locale, { notation: 'compact', maximumFractionDigits: 2 }).format(v);
  return numberFormat(fmt.locale, { maximumFractionDigits: type === 'integer' ? 0 : 2 }).format(v);
};
