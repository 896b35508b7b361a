/** How a KPI card writes a metric's number: the schema's formatter in its short forms. Pure. */
import { compactText } from '../../schema/compact-text.ts';
import { CURRENCY_SYMBOLS, currencyText, decimalText } from '../../schema/number-format.ts';
import { type ColumnType } from '../../schema/types.ts';
import { type FormatContext } from '../../schema/format-value.ts';

/** Numbers from this size on are written short (3.2M, 320万). */
const BIG = 10_000;

/**
 * A metric's number, as its formula's type when it has one (¥3.1M, 4.6%, 36,000). A plain number
 * is read by its size: big ones compact (3.2M, 320万), a rate (its target a fraction) as a
 * percentage, others with at most two decimals.
 */
export const metricText = (v: number, target: number | null, fmt: FormatContext, type?: ColumnType): string => {
  const big = Math.abs(v) >= BIG;
  const percent = (): string => `${decimalText(v, { max: 1, shift: 2 })}%`;
  if (type === 'percent') return percent();
  if (type === 'currency') {
    if (big) {
      const s = compactText(v, fmt.locale, { max: 2 });
      const symbol = CURRENCY_SYMBOLS[fmt.currency];
      return s.startsWith('-') ? `-${symbol}${s.slice(1)}` : symbol + s;
    }
    // Cents matter on ¥88.23, not on ¥5,787.
    return currencyText(v, fmt.currency, Math.abs(v) >= 1000 ? { max: 0 } : { min: 2, max: 2 });
  }
  if (type === undefined && target !== null && target > 0 && target < 1) return percent();
  if (big) return compactText(v, fmt.locale, { max: 2 });
  return decimalText(v, { max: type === 'integer' ? 0 : 2 });
};
