/** What each column type accepts, checked at the model boundary, and conversion between types. */
import type { CellScalar, CellValue, Column, ColumnType } from './types.ts';
import { isCellFormula } from './types.ts';

/** A value accepted for a column (normalised), or the reason it is not. */
export type Checked = { ok: true; value: CellValue } | { ok: false; message: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export const isIsoDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
};

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
export const checkValue = (column: Pick<Column, 'type' | 'options'>, value: unknown): Checked => {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (isCellFormula(value as CellValue)) {
    const f = (value as { f: string }).f;
    return f.startsWith('=') ? { ok: true, value: { f } } : { ok: false, message: 'a formula must start with "="' };
  }
  const bad = (): Checked => ({ ok: false, message: `${show(value)} is not ${TYPE_WORDS[column.type]}` });
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

const numberFromText = (s: string): number | undefined => {
  const t = s.trim().replace(/,/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

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
