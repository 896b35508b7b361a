/**
 * The one formatter: a value of a column as text, raw (what a program reads back: ISO dates, plain
 * numbers, true/false) or as displayed (what a person reads in the grid, and so in a CSV exported
 * "as displayed", the CLI's `--mode display`, the history panel and the find bar). Also the plain
 * text an editor starts from and a copy puts on the clipboard. Pure and without Intl (see
 * number-format.ts), so the browser, Node and every ICU version write the same characters.
 *
 * @example
 *   formatValue(-1234.5, { type: 'currency', options: {} }, { mode: 'display', locale: 'en', currency: 'CNY' }) // '-¥1,234.50'
 *   formatValue(0.125, { type: 'percent', options: {} }, { mode: 'display', locale: 'en', currency: 'CNY' })    // '12.5%'
 */
import { ownEntry } from './own-entry.ts';
import { isErrorValue, type ComputedValue } from './computed-value.ts';
import { currencyText, decimalText, generalText } from './number-format.ts';
import type { CellFormula, Column, ColumnType, CurrencyCode, Locale } from './types.ts';

/** Raw: what a program reads back exactly. Display: what a person reads in the grid. */
export type FormatMode = 'raw' | 'display';

/** How values are written. `currency` is the workbook's (a column may override it); `mode` is display unless said. */
export interface FormatContext {
  mode?: FormatMode;
  locale: Locale;
  currency: CurrencyCode;
}

/** Words shown for true and false in each language (a boolean cell draws a checkbox with this label). */
export const BOOLEAN_WORDS: Record<Locale, readonly [string, string]> = { en: ['Yes', 'No'], 'zh-CN': ['是', '否'] };

/** Decimals shown when a column does not set its precision. */
const DEFAULT_DECIMALS: Partial<Record<ColumnType, number>> = { currency: 2, percent: 1, integer: 0 };

/** A value to show: a computed value, or a cell formula nothing has computed yet (shown as its text). */
export type ShownValue = ComputedValue | CellFormula;

/**
 * A number as raw text: an integer exactly, any other number to 15 significant digits, as Excel
 * shows it, so binary noise never reaches a file (`47.17`, not `47.17000000000001`).
 */
export const rawNumberText = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15))));

/** The raw text of any value; also what a value shows whose JS type does not fit the column (a concurrent retype can leave one). */
const rawText = (v: ShownValue): string => {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return rawNumberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return isErrorValue(v) ? v.error : v.f;
};

/** A value of another type than its column's, as displayed. */
const strayText = (v: ShownValue): string => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : rawText(v));

/** The writer of numbers of a numeric column type, with the column's precision (or the type's default); build once per column. */
const numberWriter = (type: ColumnType, options: Column['options'], ctx: FormatContext): ((n: number) => string) => {
  const p = type === 'integer' ? 0 : (options.precision ?? DEFAULT_DECIMALS[type]);
  // Without a precision, a number shows as Excel's General does (ten significant digits).
  if (p === undefined) return generalText;
  const style = { min: p, max: p };
  switch (type) {
    case 'currency': {
      const currency = options.currency ?? ctx.currency;
      return (n) => currencyText(n, currency, style);
    }
    case 'percent': {
      const points = { ...style, shift: 2 };
      return (n) => `${decimalText(n, points)}%`;
    }
    default:
      return (n) => decimalText(n, style);
  }
};

/** A number as displayed for a numeric column type, with the column's precision (or the type's default). */
export const formatNumber = (n: number, type: ColumnType, options: Column['options'], ctx: FormatContext): string =>
  numberWriter(type, options, ctx)(n);

/**
 * A formatter for one column: value → text (empty text for an empty cell). `type` is the type to
 * show values as (a formula column's result type). Build it once per column and call it per cell.
 */
export const valueFormatter = (
  column: Pick<Column, 'type' | 'options'>,
  ctx: FormatContext,
  type: ColumnType = column.type,
): ((value: ShownValue | undefined) => string) => {
  if (ctx.mode === 'raw') {
    return (v) => (typeof v === 'number' ? rawNumberText(v) : typeof v === 'string' ? v : v === undefined ? '' : rawText(v));
  }
  switch (type) {
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent': {
      const write = numberWriter(type, column.options, ctx);
      return (v) => (typeof v === 'number' ? write(v) : v === undefined ? '' : strayText(v));
    }
    case 'boolean': {
      const [yes, no] = ownEntry(BOOLEAN_WORDS, ctx.locale, BOOLEAN_WORDS.en);
      return (v) => (v === true ? yes : v === false ? no : v === undefined ? '' : rawText(v));
    }
    case 'date':
    case 'text':
    case 'choice':
    case 'reference':
      return (v) => (typeof v === 'string' ? v : v === undefined ? '' : strayText(v));
  }
};

/** One value as text (builds a formatter each call: use `valueFormatter` in loops). */
export const formatValue = (
  value: ShownValue | undefined,
  column: Pick<Column, 'type' | 'options'>,
  ctx: FormatContext,
  type: ColumnType = column.type,
): string => valueFormatter(column, ctx, type)(value);

/** Removes binary noise (12.5% stays "12.5", not "12.500000000000002"). */
const clean = (n: number): string => String(Number(n.toPrecision(15)));

/**
 * Plain text of a value, the same in every language: what an editor starts from and what a copy
 * puts on the clipboard (numbers without grouping, percentages with %, ISO dates, TRUE / FALSE),
 * which the cell's own reader and Excel read back as the same value.
 */
export const plainText = (v: ComputedValue | undefined, type: ColumnType): string => {
  if (v === null || v === undefined) return '';
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return type === 'percent' ? `${clean(v * 100)}%` : clean(v);
  return v;
};
