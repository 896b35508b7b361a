/**
 * How a value looks in a cell (locale- and currency-aware, via Intl) and as plain text (what an
 * editor starts from and what a copy puts on the clipboard, readable by Excel and Google Sheets).
 */
import type { Column, ColumnType, CurrencyCode, Locale } from '../../schema/index.ts';
import { isCalcError, type CalcValue } from '../calc.ts';

/** What formatting depends on besides the column. */
export interface FormatContext {
  locale: Locale;
  /** The workbook currency; a column may override it. */
  currency: CurrencyCode;
}

/** Currency symbols as the workbook settings show them. */
export const CURRENCY_SYMBOL: Record<CurrencyCode, string> = { CNY: '¥', USD: '$', EUR: '€' };

const formatters = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: `key` names the options (formatters are costly to create). */
export const numberFormat = (key: string, locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const id = `${locale}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
};

/** Decimals shown when a column does not set its precision. */
const DEFAULT_PRECISION: Partial<Record<ColumnType, number>> = { currency: 2, percent: 1 };

/** Formats a number for a numeric type. */
export const formatNumber = (n: number, type: ColumnType, options: Column['options'], ctx: FormatContext): string => {
  const p = options.precision ?? DEFAULT_PRECISION[type];
  switch (type) {
    case 'integer':
      return numberFormat('int', ctx.locale, { maximumFractionDigits: 0 }).format(n);
    case 'currency': {
      const currency = options.currency ?? ctx.currency;
      return numberFormat(`cur${currency}${p}`, ctx.locale, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: p,
        maximumFractionDigits: p,
      }).format(n);
    }
    case 'percent':
      return numberFormat(`pct${p}`, ctx.locale, { style: 'percent', minimumFractionDigits: p, maximumFractionDigits: p }).format(n);
    default:
      return p === undefined
        ? numberFormat('num', ctx.locale, { maximumFractionDigits: 6 }).format(n)
        : numberFormat(`num${p}`, ctx.locale, { minimumFractionDigits: p, maximumFractionDigits: p }).format(n);
  }
};

/**
 * The text a cell shows. `type` is the type to format as (a formula column's result type).
 * Booleans show nothing here: their cells draw a checkbox.
 */
export const formatValue = (
  v: CalcValue | undefined,
  column: Pick<Column, 'type' | 'options'>,
  ctx: FormatContext,
  type: ColumnType = column.type,
): string => {
  if (v === null || v === undefined) return '';
  if (isCalcError(v)) return v.error;
  if (typeof v === 'number') {
    if (type === 'text' || type === 'choice' || type === 'reference' || type === 'date' || type === 'boolean') return String(v);
    return formatNumber(v, type, column.options, ctx);
  }
  if (typeof v === 'boolean') return type === 'boolean' ? '' : v ? 'TRUE' : 'FALSE';
  return v;
};

/** Removes binary noise (12.5% stays "12.5", not "12.500000000000002"). */
const clean = (n: number): string => String(Number(n.toPrecision(15)));

/**
 * Plain text of a value, the same in every language: what an editor starts from and what a copy
 * puts on the clipboard (numbers without grouping, percentages with %, ISO dates, TRUE / FALSE).
 */
export const plainText = (v: CalcValue | undefined, type: ColumnType): string => {
  if (v === null || v === undefined) return '';
  if (isCalcError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return type === 'percent' ? `${clean(v * 100)}%` : clean(v);
  return v;
};
