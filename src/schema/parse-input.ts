/**
 * Typed text → cell value, for a column: what a cell editor and a paste do with what a person
 * wrote. Pure (no DOM, no Yjs); the result passes `checkValue` for the column. Numbers and dates are
 * read by the one reader of each (number-text.ts, date-text.ts); what typing adds is its own rules
 * (percent points, this year, the language's date order). A CSV import applies a file's rules to
 * the same readers: see src/csv/parse-cell-text.ts.
 *
 * @example
 *   parseInput('¥1,234.50', { type: 'currency', options: {} }, { locale: 'en' })  // { ok: true, value: 1234.5 }
 *   parseInput('是', { type: 'boolean', options: {} }, { locale: 'zh-CN' })        // { ok: true, value: true }
 */
import { DATE_HINT, dateOrderOf, otherDateReading, parseDateText, type DateOrder, type DateReading } from './date-text.ts';
import { ownEntry } from './own-entry.ts';
import { parseNumberText, toHalfWidth } from './number-text.ts';
import type { CellValue, Column, ColumnType, Locale } from './types.ts';

/** Why a text could not be taken, for a message in the user's language. */
export type ParseProblem =
  | { kind: Exclude<ColumnType, 'text' | 'choice' | 'reference'>; text: string }
  | { kind: 'choice'; text: string; choices: readonly string[] };

/**
 * The value for the column, or the problem with a plain English sentence that says what to do.
 * `otherDate`: the date typed also reads the other way round (`10/01/2027`: 1 Oct or 10 Jan), and
 * that is the other reading, to offer it.
 */
export type ParsedInput = { ok: true; value: CellValue; otherDate?: string } | { ok: false; problem: ParseProblem; message: string };

/** How to read the text. */
export interface ParseInputOptions {
  locale: Locale;
  /** Year for dates typed without one; the current year when omitted. */
  currentYear?: number;
  /** Text starting with "=" becomes a cell formula `{ f }` (typing). Off by default: an import keeps it as text. */
  formulas?: boolean;
  /** The workbook's regional formats (`en-GB` …): they set the order of typed dates; the language's when omitted. */
  region?: string;
  /** percent: a bare number is percent points ("12" → 12 %) as in spreadsheets; false reads it as a fraction. */
  percentPoints?: boolean;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', '是', '真', '对', '✓', '✔', '☑', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', '否', '假', '错', '✗', '✘', '☐']);

/** English sentence for a problem (the UI has its own in each language). */
export const describeProblem = (p: ParseProblem): string => {
  const t = JSON.stringify(p.text);
  switch (p.kind) {
    case 'number':
      return `${t} is not a number; type digits such as 1234.5.`;
    case 'integer':
      return `${t} is not a whole number; type a whole number such as 42.`;
    case 'currency':
      return `${t} is not an amount; type an amount such as 1234.50 (a ¥, $ or € sign is fine).`;
    case 'percent':
      return `${t} is not a percentage; type it as 12.5% or 12.5.`;
    case 'date':
      return `${t} is not a date; write it as ${DATE_HINT.en}.`;
    case 'boolean':
      return `${t} is not yes or no; type true or false.`;
    case 'choice':
      return `${t} is not one of the choices (${p.choices.join(', ')}); pick one of them or add it to the column's choices.`;
  }
};

const fail = (problem: ParseProblem): ParsedInput => ({ ok: false, problem, message: describeProblem(problem) });

/** Rounds away binary noise from scaling (0.07 stays 0.07 after /100). */
const clean = (n: number): number => Number(n.toPrecision(15));

/** How a person writes dates like 01/05/2026 in each language; Chinese writes the year first, so none. */
const TYPED_DATE_ORDER: Record<Locale, DateOrder | null> = { en: 'MDY', 'zh-CN': null };

/** Parses what a person typed into a cell of `column`. Empty text clears the cell (null). */
export const parseInput = (
  text: string,
  column: Pick<Column, 'type' | 'options'>,
  opts: ParseInputOptions,
): ParsedInput => {
  if (opts.formulas && text.trimStart().startsWith('=')) return { ok: true, value: { f: text.trim() } };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  switch (column.type) {
    case 'text':
      // A leading apostrophe keeps text that would otherwise read as a formula, as in spreadsheets.
      return { ok: true, value: text.startsWith("'") ? text.slice(1) : text };
    case 'reference':
      return { ok: true, value: trimmed };
    case 'choice': {
      const choices = column.options.choices ?? [];
      if (choices.length === 0) return { ok: true, value: trimmed };
      const want = toHalfWidth(trimmed).toLowerCase();
      const hit = choices.find((c) => c === trimmed) ?? choices.find((c) => c.toLowerCase() === want);
      return hit === undefined ? fail({ kind: 'choice', text: trimmed, choices }) : { ok: true, value: hit };
    }
    case 'boolean': {
      const w = toHalfWidth(trimmed).toLowerCase();
      if (TRUE_WORDS.has(w)) return { ok: true, value: true };
      if (FALSE_WORDS.has(w)) return { ok: true, value: false };
      return fail({ kind: 'boolean', text: trimmed });
    }
    case 'date': {
      const order = opts.region === undefined ? ownEntry<DateOrder | null>(TYPED_DATE_ORDER, opts.locale, null) : dateOrderOf(opts.region);
      const how: DateReading = { order, currentYear: opts.currentYear ?? new Date().getFullYear() };
      const d = parseDateText(trimmed, how);
      if (d === null) return fail({ kind: 'date', text: trimmed });
      const other = otherDateReading(trimmed, how);
      return other === null ? { ok: true, value: d } : { ok: true, value: d, otherDate: other };
    }
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent': {
      const n = parseNumberText(trimmed);
      const kind = column.type;
      if (!n) return fail({ kind, text: trimmed });
      if (kind === 'percent') {
        // "12%" is 0.12; a bare 12 typed in a percent cell means 12 % too, as in spreadsheets.
        return { ok: true, value: n.percent || opts.percentPoints === false ? n.value : clean(n.value / 100) };
      }
      if (n.percent && kind !== 'number') return fail({ kind, text: trimmed });
      if (kind === 'integer' && !Number.isSafeInteger(n.value)) return fail({ kind, text: trimmed });
      return { ok: true, value: n.value };
    }
  }
};
