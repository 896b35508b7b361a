/**
 * Text from a file → the typed value of a column. The one place where imported text becomes a
 * cell value. It stays apart from the grid's typed input (`parseInput` in src/model) on purpose:
 * a file is read as written (no percent points, no year filled in, the date order and currency
 * confirmed for the column, exact messages), fast enough for 500k rows, and its readers also feed
 * type detection (currency code, leading zeros); tests/unit/csv/typed-input-vs-import.test.ts
 * lists where the two must differ.
 */
import type { CellScalar, Column } from '../schema/types.ts';
import { isProtectedText, unprotectText } from './csv-injection.ts';
import { parseDateText, type DateOrder } from '../schema/date-text.ts';
import { parseNumberText, trimSpaces } from '../schema/number-text.ts';
import { csvProblemText, shortText, type CsvProblem } from './csv-problem.ts';

/** How a text is read: the day/month order of dates like `01/05/2026`. */
export interface ParseContext {
  dateOrder: DateOrder;
}

/** A value for the column, or why the text is not one: as data, and as an English sentence. */
export type ParsedCell = { ok: true; value: CellScalar } | { ok: false; problem: CsvProblem; message: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '是', '真', '对']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '否', '假', '错']);

/** true/false for a yes/no word (`TRUE`, `yes`, `是` …), else null; 1 and 0 only when `digits`. */
export const booleanWord = (text: string, digits: boolean): boolean | null => {
  const t = trimSpaces(text).toLowerCase();
  if (TRUE_WORDS.has(t) || (digits && t === '1')) return true;
  if (FALSE_WORDS.has(t) || (digits && t === '0')) return false;
  return null;
};

const fail = (problem: CsvProblem): ParsedCell => ({ ok: false, problem, message: csvProblemText(problem) });

const amount = (text: string, column: Pick<Column, 'type' | 'options'>): ParsedCell => {
  const n = parseNumberText(text);
  const shown = shortText(trimSpaces(text));
  if (!n) return fail({ code: 'notNumber', text: shown });
  switch (column.type) {
    case 'currency': {
      const want = column.options.currency;
      if (n.percent) return fail({ code: 'percentNotMoney', text: shown });
      if (n.currency && want && n.currency !== want) return fail({ code: 'otherCurrency', text: shown, got: n.currency, want });
      return { ok: true, value: n.value };
    }
    case 'percent':
      if (n.currency) return fail({ code: 'moneyNotPercent', text: shown });
      return { ok: true, value: n.value };
    default:
      if (n.currency) return fail({ code: 'moneyAsCurrency', text: shown });
      if (n.percent) return fail({ code: 'percentAsPercent', text: shown });
      if (column.type === 'integer' && !Number.isSafeInteger(n.value)) return fail({ code: 'notWhole', text: shown });
      return { ok: true, value: n.value };
  }
};

/**
 * The value of `text` for `column`. An empty field is an empty cell. Text keeps its spaces and
 * loses only the `'` that export adds against CSV injection.
 *
 * @example parseCellText('¥1,234.50', { type: 'currency', options: {} }, { dateOrder: 'MDY' }) // { ok: true, value: 1234.5 }
 */
export const parseCellText = (text: string, column: Pick<Column, 'type' | 'options'>, ctx: ParseContext): ParsedCell => {
  if (text === '') return { ok: true, value: null };
  if (column.type === 'text' || column.type === 'reference') return { ok: true, value: unprotectText(text) };
  const t = trimSpaces(isProtectedText(text) ? unprotectText(text) : text);
  if (t === '') return { ok: true, value: null };
  switch (column.type) {
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent':
      return amount(t, column);
    case 'date': {
      const d = parseDateText(t, { order: ctx.dateOrder });
      return d ? { ok: true, value: d } : fail({ code: 'notDate', text: shortText(t) });
    }
    case 'boolean': {
      const b = booleanWord(t, true);
      return b === null ? fail({ code: 'notBoolean', text: shortText(t) }) : { ok: true, value: b };
    }
    case 'choice': {
      const choices = column.options.choices ?? [];
      if (choices.length === 0) return { ok: true, value: t };
      const lower = t.toLowerCase();
      const hit = choices.find((c) => c === t) ?? choices.find((c) => c.toLowerCase() === lower);
      return hit !== undefined ? { ok: true, value: hit } : fail({ code: 'notChoice', text: shortText(t), choices });
    }
  }
};
