/**
 * Reading the cell history's stored entries (src/model/edit-log.ts keeps them in the document's
 * `edits` list and `seen` map). The short field names are the stored form:
 *   edit  { id, s: sheetId, k: "rowId colId", v: value, u: userId, n: name, t: ms, p: id | null }
 *   bulk  { id, s, b: 'rows' | 'cells' | 'retype', count, c: clientId, from, to, u, n, t }
 *   seen  { s, k, u, n, t }
 */
import type { HistoryKind } from '../history-types.ts';
import type { CellValue } from '../types.ts';
import type { StoredRead } from './read-record.ts';
import { isStoredCell } from './stored-cell.ts';
import { isPlainRecord, ownFields, readEnum, readId, readNumber, readText, wrongType, type FieldReader, type Problems } from './stored-parts.ts';
import { kindOf } from './stored-problem.ts';

/** A logged write of one cell, as stored. */
export interface StoredEdit {
  id: string;
  s: string;
  k: string;
  v: CellValue;
  u: string;
  n: string;
  t: number;
  p: string | null;
}

/** A bulk write, as stored. */
export interface StoredBulk {
  id: string;
  s: string;
  b: Exclude<HistoryKind, 'edit'>;
  count: number;
  c: number;
  from: number;
  to: number;
  u: string;
  n: string;
  t: number;
}

/** One entry of the log. */
export type StoredEntry = StoredEdit | StoredBulk;

/** Someone looked at a lost value. */
export interface SeenMark {
  s: string;
  k: string;
  u: string;
  n: string;
  t: number;
}

/** Longest entry id, cell key, user id or user name kept. */
const MAX_FIELD = 200;
const BULK_KINDS = ['rows', 'cells', 'retype'] as const;
const CLOCK = { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true, required: true };

const who = (problems: Problems, get: FieldReader) => ({
  s: readId(problems, 's', get('s'), true),
  u: readText(problems, 'u', get('u'), MAX_FIELD, true),
  n: readText(problems, 'n', get('n'), MAX_FIELD, true),
  t: readNumber(problems, 't', get('t'), { min: -8.64e15, max: 8.64e15, required: true }),
});

/** A log entry as stored; one with any part wrong is left out of the history (value undefined). */
export const readLogEntry = (stored: unknown): StoredRead<StoredEntry> => {
  const problems: Problems = [];
  if (!isPlainRecord(stored)) return { value: wrongType(problems, 'entry', 'record', stored), problems };
  const get = ownFields(stored);
  const id = readText(problems, 'id', get('id'), MAX_FIELD, true);
  const { s, u, n, t } = who(problems, get);
  if (get('b') !== undefined) {
    const b = readEnum(problems, 'b', get('b'), BULK_KINDS, true);
    const count = readNumber(problems, 'count', get('count'), CLOCK);
    const c = readNumber(problems, 'c', get('c'), CLOCK);
    const from = readNumber(problems, 'from', get('from'), CLOCK);
    const to = readNumber(problems, 'to', get('to'), CLOCK);
    const ok = id !== undefined && s !== undefined && u !== undefined && n !== undefined && t !== undefined && b !== undefined;
    return ok && count !== undefined && c !== undefined && from !== undefined && to !== undefined
      ? { value: { id, s, b, count, c, from, to, u, n, t }, problems }
      : { value: undefined, problems };
  }
  const k = readText(problems, 'k', get('k'), MAX_FIELD, true);
  const v = get('v');
  if (!isStoredCell(v)) problems.push({ code: 'type', field: 'v', expected: 'cellValue', got: kindOf(v) });
  const pRaw = get('p');
  const p = pRaw === null ? null : readText(problems, 'p', pRaw, MAX_FIELD, true);
  if (id === undefined || s === undefined || u === undefined || n === undefined || t === undefined || k === undefined || p === undefined || !isStoredCell(v)) {
    return { value: undefined, problems };
  }
  return { value: { id, s, k, v, u, n, t, p }, problems };
};

/** A "seen" mark as stored; one with any part wrong is ignored (value undefined). */
export const readSeenMark = (stored: unknown): StoredRead<SeenMark> => {
  const problems: Problems = [];
  if (!isPlainRecord(stored)) return { value: wrongType(problems, 'mark', 'record', stored), problems };
  const get = ownFields(stored);
  const { s, u, n, t } = who(problems, get);
  const k = readText(problems, 'k', get('k'), MAX_FIELD, true);
  return s !== undefined && u !== undefined && n !== undefined && t !== undefined && k !== undefined
    ? { value: { s, k, u, n, t }, problems }
    : { value: undefined, problems };
};
