/**
 * Find in one sheet or the whole workbook, matching what a person sees and what they typed: a
 * cell matches when the text it shows (the schema's one formatter, as the grid, a CSV "as
 * displayed" and the CLI write it) or the text its editor starts from (plain `1200` for
 * `¥1,200.00`, `TRUE` for a ticked box, a cell's own formula as typed) holds the query. View
 * sheets are searched like any sheet (they are shown); hits come grouped by sheet in tab order,
 * each sheet's in the order the person sees its rows (their sort), then column by column. Matches
 * in rows their filter hides are counted apart, not listed: they cannot be shown, and Replace all
 * leaves alone what the person cannot see.
 *
 * @example
 *   const r = findInWorkbook({ wb, calc, format }, { text: 'mug', scope: 'workbook', sheetId, matchCase: false, wholeCell: false });
 *   r.sheets.map((s) => `${s.sheetId}: ${s.count}`);
 */
import type { Workbook } from '../model/index.ts';
import type { ComputedValue } from '../schema/computed-value.ts';
import { plainText, type FormatContext } from '../schema/format-value.ts';
import { isCellFormula, type Column } from '../schema/types.ts';
import type { CalcService } from './calc-service.ts';
import { FindIndex, type ColumnTexts } from './find-index.ts';
import { sheetShape } from './sheet-shape.ts';
import { joinedPattern, type MatchOptions } from './text-matcher.ts';

/** Where to look: the sheet `sheetId` only, or every sheet. */
export type FindScope = 'sheet' | 'workbook';

/** A query of the find bar. */
export interface FindQuery extends MatchOptions {
  scope: FindScope;
  /** The sheet open now: the only one searched with scope `sheet`. */
  sheetId: string;
}

/** One matching cell. */
export interface FindHit {
  sheetId: string;
  rowId: string;
  colId: string;
}

/** The matches of one sheet: all are counted; `hits` keeps them up to the overall cap. */
export interface SheetMatches {
  sheetId: string;
  count: number;
  hits: FindHit[];
  /** Matches in rows the person's filter hides: counted, not listed (they cannot be shown or replaced). */
  hidden: number;
}

/** What a search found: sheets with at least one match, in tab order. */
export interface FindResult {
  sheets: SheetMatches[];
  /** Every match counted. */
  total: number;
  /** The hits kept, in order (all sheets' `hits` one after the other). */
  hits: FindHit[];
  /** True when more cells matched than were kept (`total` still counts them all). */
  capped: boolean;
  /** Matches in rows hidden by filters, over all sheets (not in `total`). */
  hidden: number;
  /** False while the index is still being read (`readSoFar`): only the part read so far was searched. */
  complete: boolean;
}

/** What a search reads: the workbook, computed values and how values are shown. */
export interface FindSource {
  wb: Workbook;
  calc: CalcService;
  format: FormatContext;
  /**
   * The rows of a sheet the person sees, in their order (their sort and filter); the sheet's order
   * when undefined. Rows left out are hidden by a filter: their matches are counted apart.
   */
  rowOrder?: (sheetId: string) => readonly string[] | undefined;
  /** The texts kept between searches (find-index.ts); without one, each search reads every cell. */
  index?: FindIndex;
  /**
   * Search only what the index has read so far (its background build, find-build.ts, goes on);
   * without it, a search first reads whatever is missing.
   */
  readSoFar?: boolean;
}

/** Hits past this many are counted, not kept (a search for "0" in 100k rows of numbers). */
export const MAX_FIND_HITS = 10_000;

/** The text a cell's editor starts from: its own formula as typed, else its plain value (nothing for a computed cell). */
export const typedText = (src: Pick<FindSource, 'wb' | 'calc' | 'format'>, sheetId: string, rowId: string, col: Column, value: ComputedValue): string | undefined => {
  if (col.formula !== undefined) return undefined;
  const stored = src.wb.hasSheet(sheetId) && src.wb.hasRow(sheetId, rowId) ? src.wb.cell(sheetId, rowId, col.id) : null;
  if (isCellFormula(stored)) return src.calc.display(stored.f, sheetId, src.format.locale);
  return plainText(value, col.type);
};

/** The first row whose texts end after `pos` (rows' ends ascend). */
const rowAt = (ends: Int32Array, pos: number, from: number): number => {
  let lo = from;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

/** Marks the rows (by position in the sheet) of one column whose texts match; the number marked. */
const markColumn = (t: ColumnTexts, re: RegExp, marks: Uint8Array): number => {
  let n = 0;
  let row = 0;
  re.lastIndex = 0;
  for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
    row = rowAt(t.ends, m.index, row);
    marks[row] = 1;
    n++;
    // One match per cell: go on from the end of this row.
    re.lastIndex = (t.ends[row] ?? t.text.length) + (m[0].length === 0 ? 1 : 0);
  }
  return n;
};

/** The texts of a column to search: all of it, or what the index has read so far (undefined: nothing yet). */
const columnTexts = (src: FindSource, index: FindIndex, sheetId: string, col: Column, rowIds: readonly string[], isView: boolean): { t: ColumnTexts; rows: number } | undefined => {
  if (!src.readSoFar) return { t: index.texts(sheetId, col, rowIds, isView, src.format), rows: rowIds.length };
  const s = index.soFar(sheetId, col.id, src.format);
  return s && { t: s.texts, rows: Math.min(s.rows, rowIds.length) };
};

/**
 * Calls `fn` with each matching cell of one sheet, row by row in the order the person sees them (or
 * the sheet's), then column by column; counts those in rows their filter hides. False when a part
 * of the sheet is not read yet (`readSoFar`).
 */
const matchSheet = (src: FindSource, index: FindIndex, sheetId: string, re: RegExp, fn: (rowId: string, col: Column) => void, hidden: () => void): boolean => {
  const shape = sheetShape(src.wb, src.calc, sheetId);
  const cols = shape.columns();
  const rowIds = shape.rowIds();
  if (cols.length === 0 || rowIds.length === 0) return true;
  // Each column scanned whole; then the marks are read in the order the person sees the rows.
  const marked: { col: Column; marks: Uint8Array }[] = [];
  let complete = true;
  for (const col of cols) {
    const texts = columnTexts(src, index, sheetId, col, rowIds, shape.isView);
    if (!texts || texts.rows < rowIds.length) complete = false;
    if (!texts) continue;
    const marks = new Uint8Array(rowIds.length);
    if (markColumn(texts.t, re, marks) > 0) marked.push({ col, marks });
  }
  if (marked.length === 0) return complete;
  const order = src.rowOrder?.(sheetId);
  const n = order ? order.length : rowIds.length;
  const shown = order ? new Uint8Array(rowIds.length) : undefined;
  for (let i = 0; i < n; i++) {
    const at = order ? shape.rowIndex(order[i] ?? '') : i;
    if (at < 0) continue;
    if (shown) shown[at] = 1;
    for (const { col, marks } of marked) if (marks[at] === 1) fn(rowIds[at] ?? '', col);
  }
  if (shown) for (const { marks } of marked) for (let at = 0; at < rowIds.length; at++) if (marks[at] === 1 && shown[at] === 0) hidden();
  return complete;
};

/** The sheets a query searches, in tab order. */
const sheetsOf = (wb: Workbook, query: FindQuery): string[] =>
  query.scope === 'sheet' ? (wb.hasSheet(query.sheetId) ? [query.sheetId] : []) : wb.sheets().map((s) => s.id);

/**
 * Calls `fn` with every cell of the query's scope that matches, sheet by sheet in tab order (none
 * for a blank query); no cap, for replacing.
 */
export const forEachMatch = (src: FindSource, query: FindQuery, fn: (hit: FindHit, col: Column) => void): void => {
  const re = joinedPattern(query);
  if (!re) return;
  const index = src.index ?? new FindIndex(src.wb, src.calc);
  const all = { ...src, readSoFar: false };
  const none = () => undefined;
  for (const sheetId of sheetsOf(src.wb, query)) matchSheet(all, index, sheetId, re, (rowId, col) => fn({ sheetId, rowId, colId: col.id }, col), none);
};

/** Every cell of the scope that matches the query (nothing for a blank query); hits kept up to MAX_FIND_HITS. */
export const findInWorkbook = (src: FindSource, query: FindQuery): FindResult => {
  const out: FindResult = { sheets: [], total: 0, hits: [], capped: false, hidden: 0, complete: true };
  const re = joinedPattern(query);
  if (!re) return out;
  const index = src.index ?? new FindIndex(src.wb, src.calc);
  for (const sheetId of sheetsOf(src.wb, query)) {
    const matches: SheetMatches = { sheetId, count: 0, hits: [], hidden: 0 };
    const read = matchSheet(src, index, sheetId, re, (rowId, col) => {
      matches.count++;
      if (out.hits.length >= MAX_FIND_HITS) {
        out.capped = true;
        return;
      }
      const hit = { sheetId, rowId, colId: col.id };
      matches.hits.push(hit);
      out.hits.push(hit);
    }, () => matches.hidden++);
    if (!read) out.complete = false;
    if (matches.count + matches.hidden === 0) continue;
    out.sheets.push(matches);
    out.total += matches.count;
    out.hidden += matches.hidden;
  }
  return out;
};
