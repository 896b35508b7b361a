/**
 * A proposed type for a CSV column, from its first values, with the reason in a sentence. Only a
 * proposal: the caller shows it and the user confirms or changes it. A column is typed only when
 * every sampled value fits; anything doubtful stays text (`2013 Malbec`, `00123`, a 20-digit id).
 */
import type { ColumnOptions, ColumnType, CurrencyCode } from '../schema/types.ts';
import { isProtectedText } from './csv-injection.ts';
import { booleanWord } from './parse-cell-text.ts';
import { isOrderDependent, parseDateText, type DateOrder } from '../schema/date-text.ts';
import { parseNumberText, trimSpaces, type NumberText } from '../schema/number-text.ts';

/**
 * A text column that would have had another type but for a few values (`1 of 206 values is not a
 * number`): that type, and how many values do not fit it, so the person can choose it (those cells
 * are then bad: left out with their row, or imported blank).
 */
export interface AlmostType {
  type: ColumnType;
  options: ColumnOptions;
  dateOrder: DateOrder;
  /** What the values that fit are: numbers or dates. */
  kind: 'number' | 'date';
  bad: number;
  total: number;
  /** The first value that does not fit. */
  example: string;
}

/** A proposed column type and why. `dateOrder` matters for date columns only. */
export interface TypeProposal {
  type: ColumnType;
  options: ColumnOptions;
  dateOrder: DateOrder;
  reason: string;
  /** Set when the column is text only because of a few values. */
  almost?: AlmostType;
}

/** At most this share of the values may not fit for a column to be "almost" of a type (and at least this many values looked at). */
const ALMOST_SHARE = 0.05;
const ALMOST_MIN = 10;

/** Digits past which a whole number loses precision as a JS number. */
const MAX_DIGITS = 15;

const q = (s: string): string => `"${s.length > 30 ? `${s.slice(0, 30)}…` : s}"`;

const numbers = (values: readonly string[], nums: readonly NumberText[], fallbackOrder: DateOrder): TypeProposal => {
  const text = (reason: string): TypeProposal => ({ type: 'text', options: {}, dateOrder: fallbackOrder, reason });
  const zeros = nums.findIndex((n) => n.intDigits.length > 1 && n.intDigits.startsWith('0'));
  if (zeros >= 0) return text(`Values such as ${q(values[zeros] ?? '')} keep their leading zeros as text.`);
  const long = nums.findIndex((n) => n.intDigits.length > MAX_DIGITS);
  if (long >= 0) return text(`Long digit strings such as ${q(values[long] ?? '')} stay text (a number would lose digits).`);
  const percents = nums.filter((n) => n.percent).length;
  if (percents === nums.length) return { type: 'percent', options: {}, dateOrder: fallbackOrder, reason: 'Every value is a percentage.' };
  if (percents > 0) return text('Some values are percentages and some are not.');
  const currencies = new Set(nums.map((n) => n.currency).filter((c): c is CurrencyCode => c !== null));
  if (currencies.size > 1) return text(`Values are in several currencies (${[...currencies].join(', ')}).`);
  const [currency] = currencies;
  if (currency) {
    return { type: 'currency', options: { currency }, dateOrder: fallbackOrder, reason: `Values are amounts in ${currency}.` };
  }
  if (nums.every((n) => n.integer)) return { type: 'integer', options: {}, dateOrder: fallbackOrder, reason: 'Every value is a whole number.' };
  return { type: 'number', options: {}, dateOrder: fallbackOrder, reason: 'Every value is a number.' };
};

const dates = (values: readonly string[], fallbackOrder: DateOrder): TypeProposal | null => {
  const mdy = values.every((v) => parseDateText(v, { order: 'MDY' }) !== null);
  const dmy = values.every((v) => parseDateText(v, { order: 'DMY' }) !== null);
  if (!mdy && !dmy) return null;
  const dependent = values.find(isOrderDependent);
  const order: DateOrder = mdy && dmy ? fallbackOrder : mdy ? 'MDY' : 'DMY';
  const words = order === 'MDY' ? 'month/day/year' : 'day/month/year';
  const reason = !dependent
    ? 'Every value is a date.'
    : mdy && dmy
      ? `Every value is a date; dates such as ${q(dependent)} are read as ${words} (change it if they are not).`
      : `Every value is a date, written ${words}.`;
  return { type: 'date', options: {}, dateOrder: order, reason };
};

/**
 * Proposes a type for the values of one CSV column (empty fields are ignored).
 * `fallbackOrder` is used for dates that read both ways (`01/05/2026`).
 */
export const detectColumnType = (values: readonly string[], fallbackOrder: DateOrder = 'MDY'): TypeProposal => {
  const text = (reason: string): TypeProposal => ({ type: 'text', options: {}, dateOrder: fallbackOrder, reason });
  const filled = values.filter((v) => trimSpaces(v) !== '');
  if (filled.length === 0) return text('The column is empty in the rows looked at.');
  const escaped = filled.find(isProtectedText);
  if (escaped !== undefined) return text(`Values such as ${q(escaped)} were written as text (they start with ').`);
  if (filled.every((v) => booleanWord(v, false) !== null)) {
    return { type: 'boolean', options: {}, dateOrder: fallbackOrder, reason: 'Every value is yes or no.' };
  }
  const nums: NumberText[] = [];
  let notNumber: string | undefined;
  for (const v of filled) {
    const n = parseNumberText(v);
    if (!n) {
      notNumber = v;
      break;
    }
    nums.push(n);
  }
  if (notNumber === undefined) return numbers(filled, nums, fallbackOrder);
  const date = dates(filled, fallbackOrder);
  if (date) return date;
  const example = filled.find((v) => parseNumberText(v) === null && parseDateText(v, { order: fallbackOrder }) === null) ?? notNumber;
  return almostTyped(filled, fallbackOrder) ?? text(`Values such as ${q(trimSpaces(example))} are text.`);
};

/** Text, saying which type the column would have had but for a few values; null when it is not nearly of one. */
const almostTyped = (filled: readonly string[], fallbackOrder: DateOrder): TypeProposal | null => {
  if (filled.length < ALMOST_MIN) return null;
  const most = (fits: (v: string) => boolean, kind: AlmostType['kind'], propose: (good: string[]) => TypeProposal | null): TypeProposal | null => {
    const good = filled.filter(fits);
    const bad = filled.length - good.length;
    if (bad === 0 || bad > filled.length * ALMOST_SHARE) return null;
    const p = propose(good);
    if (!p || p.type === 'text') return null;
    const example = trimSpaces(filled.find((v) => !fits(v)) ?? '');
    const almost: AlmostType = { type: p.type, options: p.options, dateOrder: p.dateOrder, kind, bad, total: filled.length, example };
    const what = kind === 'number' ? 'a number' : 'a date';
    const reason = `${bad} of ${filled.length} values ${bad === 1 ? 'is' : 'are'} not ${what} (such as ${q(example)}), so the column is text; otherwise it would be ${p.type}. Choose ${p.type} to import those values as bad cells.`;
    return { type: 'text', options: {}, dateOrder: fallbackOrder, reason, almost };
  };
  const isNumber = (v: string) => parseNumberText(v) !== null;
  return (
    most(isNumber, 'number', (good) => numbers(good, good.flatMap((v) => parseNumberText(v) ?? []), fallbackOrder)) ??
    most((v) => parseDateText(v, { order: 'MDY' }) !== null || parseDateText(v, { order: 'DMY' }) !== null, 'date', (good) => dates(good, fallbackOrder))
  );
};
