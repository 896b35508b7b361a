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
import { clippedText, id, isPlainRecord, num, oneOf, record, text, wrongType, type Check, type Problems } from './stored-parts.ts';

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

/** Longest entry id, cell key or user id kept; a longer user name is cut to this. */
const MAX_FIELD = 200;
const CLOCK = num(0, Number.MAX_SAFE_INTEGER, true);
const TIME = num(-8.64e15, 8.64e15);

/** A cell value as stored in an entry. */
const cellValue: Check<CellValue> = (v, field, problems) => (isStoredCell(v) ? v : wrongType(problems, field, 'cellValue', v));
/** An entry id, or null for none. */
const parentId: Check<string | null> = (v, field, problems) => (v === null ? null : text(MAX_FIELD)(v, field, problems));

const WHO = { s: id, u: text(MAX_FIELD), n: clippedText(MAX_FIELD), t: TIME };
const EDIT = record({ id: text(MAX_FIELD), ...WHO, k: text(MAX_FIELD), v: cellValue, p: parentId }, ['id', 's', 'u', 'n', 't', 'k', 'v', 'p'], 'entry');
const BULK = record(
  { id: text(MAX_FIELD), ...WHO, b: oneOf(['rows', 'cells', 'retype'] as const), count: CLOCK, c: CLOCK, from: CLOCK, to: CLOCK },
  ['id', 's', 'u', 'n', 't', 'b', 'count', 'c', 'from', 'to'],
  'entry',
);
const SEEN = record({ ...WHO, k: text(MAX_FIELD) }, ['s', 'u', 'n', 't', 'k'], 'mark');

/** A log entry as stored; one with any part wrong is left out of the history (value undefined). */
export const readLogEntry = (stored: unknown): StoredRead<StoredEntry> => {
  const problems: Problems = [];
  const bulk = isPlainRecord(stored) && Object.hasOwn(stored, 'b');
  // `v` may be null, which `record` reads as absent: an edit without it at all is damaged.
  const value = bulk ? BULK(stored, '', problems) : EDIT(stored ?? null, '', problems);
  return { value, problems };
};

/** A "seen" mark as stored; one with any part wrong is ignored (value undefined). */
export const readSeenMark = (stored: unknown): StoredRead<SeenMark> => {
  const problems: Problems = [];
  return { value: SEEN(stored ?? null, '', problems), problems };
};
