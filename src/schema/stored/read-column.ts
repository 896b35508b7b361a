/** Reading a column (name, type, options, formula, labels, position) from the document. */
import { COLUMN_TYPES, CURRENCIES, type Column, type ColumnOptions } from '../types.ts';
import { FALLBACK_ORDER, orderKey } from './read-sheet.ts';
import type { StoredRead } from './read-record.ts';
import { bool, fields, id, isRecordId, labels, list, MAX_NAME, num, oneOf, record, text, type FieldReader, type Problems } from './stored-parts.ts';

/** A column and its order key among the sheet's columns. */
export interface StoredColumn {
  column: Column;
  order: string;
}

/** Most choices a choice column keeps. */
export const MAX_CHOICES = 1000;

/** The name shown for a column whose stored name cannot be read. */
export const fallbackColumnName = (colId: string): string => `Column ${colId}`;

const OPTIONS = record({
  choices: list(text(MAX_NAME, true), MAX_CHOICES),
  currency: oneOf(CURRENCIES),
  precision: num(0, 10, true),
  refSheet: id,
  key: bool,
  width: num(16, 4000),
  pinned: bool,
  hidden: bool,
  wrap: bool,
  formatLike: id,
});

const COLUMN = {
  name: text(MAX_NAME, true),
  type: oneOf(COLUMN_TYPES),
  options: OPTIONS,
  formula: text(Number.MAX_SAFE_INTEGER),
  labels: labels(),
  order: orderKey,
};

/** Column options as stored: known options only, each one that is wrong left out. */
export const readColumnOptions = (problems: Problems, v: unknown): ColumnOptions => OPTIONS(v, 'options', problems) ?? {};

/**
 * A column as stored under `id`. One whose id or type cannot be used is not shown (its values mean
 * nothing without a type); any other part that is wrong reads as its default (a wrong name as its
 * template label or "Column <id>", wrong options as none, a formula that is not text as none).
 */
export const readColumn = (colId: string, get: FieldReader): StoredRead<StoredColumn> => {
  if (!isRecordId(colId)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: colId }] };
  const problems: Problems = [];
  const r = fields(COLUMN, get, '', problems, ['type']);
  if (!r) return { value: undefined, problems };
  const column: Column = { id: colId, name: r.name ?? r.labels?.en ?? r.labels?.['zh-CN'] ?? fallbackColumnName(colId), type: r.type, options: r.options ?? {} };
  if (r.formula !== undefined) column.formula = r.formula;
  if (r.labels) column.labels = r.labels;
  return { value: { column, order: r.order ?? FALLBACK_ORDER }, problems };
};
