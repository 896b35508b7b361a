/** What each column type accepts, checked at the model boundary, and conversion between types. */
import type { CellScalar, CellValue, Column, ColumnType } from './types.ts';
import { isCellFormula } from './types.ts';
import { isIsoDate } from './calendar-day.ts';
import { parseNumberText } from './number-text.ts';

/** A number read from text by the one number reader ("12%" is 0.12, "¥1,200" is 1200). */
const numberFromText = (s: string): number | undefined => parseNumberText(s)?.value;

/** A value accepted for a column (normalised), or the reason it is not. */
export type CheckedValue = { ok: true; value: CellValue } | { ok: false; message: string };

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

const TYPE_WORDS: Record<ColumnType, string> = {
  text: 'a text',
  number: 'a number',
  integer: 'a whole number',
  currency: 'a currency amount',
  percent: 'a percentage',
  date: 'a date (YYYY-MM-DD)',
  boolean: 'true or false',
  choice: 'one of the column’s choices',
  reference: 'a key of the referenced sheet',
};

/** Checks a typed value against a column; the message names what was expected. */
export const checkValue = (column: Pick<Column, 'type' | 'options'>, value: unknown): CheckedValue => {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (isCellFormula(value as CellValue)) {
    const f = (value as { f: string }).f;
    return f.startsWith('=') ? { ok: true, value: { f } } : { ok: false, message: 'a formula must start with "="' };
  }
  const bad = (): CheckedValue => ({ ok: false, message: `${show(value)} is not ${TYPE_WORDS[column.type]}` });
  switch (column.type) {
    case 'text':
      return typeof value === 'string' ? { ok: true, value } : bad();
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : bad();
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? { ok: true, value } : bad();
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? { ok: true, value } : bad();
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : bad();
    case 'choice': {
      if (typeof value !== 'string') return bad();
      const choices = column.options.choices;
      if (choices && choices.length > 0 && !choices.includes(value)) {
        return { ok: false, message: `${show(value)} is not one of ${choices.map(show).join(', ')}` };
      }
      return { ok: true, value };
    }
    case 'reference':
      return typeof value === 'string' ? { ok: true, value } : bad();
  }
};

/** True when a stored value fits the column's current type (a concurrent retype can leave one that does not). */
export const fitsColumn = (column: Pick<Column, 'type' | 'options'>, value: CellValue): boolean =>
  checkValue(column, value).ok;

/**
 * Converts a stored value to another column type, as a retype does: numbers become text and back,
 * dates keep their text form. `undefined` means it cannot be converted.
 */
export const convertValue = (
  value: CellScalar,
  to: Pick<Column, 'type' | 'options'>,
): CellScalar | undefined => {
  if (value === null) return null;
  if (checkValue(to, value).ok) return value;
  switch (to.type) {
    case 'text':
    case 'reference':
      return String(value);
    case 'number':
    case 'currency':
    case 'percent':
      if (typeof value === 'boolean') return value ? 1 : 0;
      return typeof value === 'string' ? numberFromText(value) : undefined;
    case 'integer': {
      const n = typeof value === 'string' ? numberFromText(value) : typeof value === 'number' ? value : undefined;
      return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
    }
    case 'date':
      return typeof value === 'string' && isIsoDate(value.trim()) ? value.trim() : undefined;
    case 'boolean':
      if (typeof value === 'number') return value !== 0;
      if (typeof value === 'string') {
        const t = value.trim().toLowerCase();
        if (t === 'true') return true;
        if (t === 'false') return false;
      }
      return undefined;
    case 'choice': {
      const s = String(value);
      return checkValue(to, s).ok ? s : undefined;
    }
  }
};
