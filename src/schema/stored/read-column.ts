/** Reading a column (name, type, options, formula, labels, position) from the document. */
import { COLUMN_TYPES, CURRENCIES, type Column, type ColumnOptions } from '../types.ts';
import { readOrder } from './read-sheet.ts';
import type { StoredRead } from './read-record.ts';
import {
  isPlainRecord,
  isRecordId,
  MAX_NAME,
  ownFields,
  readBoolean,
  readEnum,
  readId,
  readLabels,
  readName,
  readNumber,
  readText,
  wrongType,
  type FieldReader,
  type Problems,
} from './stored-parts.ts';

/** A column and its order key among the sheet's columns. */
export interface StoredColumn {
  column: Column;
  order: string;
}

/** Most choices a choice column keeps. */
export const MAX_CHOICES = 1000;

/** The name shown for a column whose stored name cannot be read. */
export const fallbackColumnName = (id: string): string => `Column ${id}`;

const readChoices = (problems: Problems, v: unknown): string[] | undefined => {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return wrongType(problems, 'options.choices', 'list', v);
  if (v.length > MAX_CHOICES) {
    problems.push({ code: 'range', field: 'options.choices.length', value: v.length, min: 0, max: MAX_CHOICES });
    return undefined;
  }
  const out: string[] = [];
  for (const c of v) {
    const s = readText(problems, 'options.choices[]', c, MAX_NAME, true);
    if (s !== undefined) out.push(s);
  }
  return out;
};

/** Column options as stored: known options only, each one that is wrong left out. */
export const readColumnOptions = (problems: Problems, v: unknown): ColumnOptions => {
  if (v === undefined) return {};
  if (!isPlainRecord(v)) {
    wrongType(problems, 'options', 'record', v);
    return {};
  }
  const get = ownFields(v);
  const out: ColumnOptions = {};
  const choices = readChoices(problems, get('choices'));
  if (choices) out.choices = choices;
  const currency = readEnum(problems, 'options.currency', get('currency'), CURRENCIES);
  if (currency) out.currency = currency;
  const precision = readNumber(problems, 'options.precision', get('precision'), { min: 0, max: 10, whole: true });
  if (precision !== undefined) out.precision = precision;
  const refSheet = readId(problems, 'options.refSheet', get('refSheet'));
  if (refSheet !== undefined) out.refSheet = refSheet;
  const key = readBoolean(problems, 'options.key', get('key'));
  if (key !== undefined) out.key = key;
  const width = readNumber(problems, 'options.width', get('width'), { min: 16, max: 4000 });
  if (width !== undefined) out.width = width;
  const pinned = readBoolean(problems, 'options.pinned', get('pinned'));
  if (pinned !== undefined) out.pinned = pinned;
  return out;
};

/**
 * A column as stored under `id`. One whose id or type cannot be used is not shown (its values mean
 * nothing without a type); any other part that is wrong reads as its default (a wrong name as
 * "Column <id>", wrong options as none, a formula that is not text as no formula).
 */
export const readColumn = (id: string, get: FieldReader): StoredRead<StoredColumn> => {
  const problems: Problems = [];
  if (!isRecordId(id)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: id }] };
  const type = readEnum(problems, 'type', get('type'), COLUMN_TYPES, true);
  const name = readName(problems, 'name', get('name'));
  const options = readColumnOptions(problems, get('options'));
  const formulaRaw = get('formula');
  const formula = formulaRaw === undefined || typeof formulaRaw === 'string' ? formulaRaw : wrongType(problems, 'formula', 'formula', formulaRaw);
  const labels = readLabels(problems, 'labels', get('labels'));
  const order = readOrder(problems, get('order'));
  if (type === undefined) return { value: undefined, problems };
  const column: Column = { id, name: name ?? labels?.en ?? labels?.['zh-CN'] ?? fallbackColumnName(id), type, options };
  if (formula !== undefined) column.formula = formula;
  if (labels) column.labels = labels;
  return { value: { column, order }, problems };
};
