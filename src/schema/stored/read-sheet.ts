/** Reading a sheet's identity (name, kind, labels, tab position, and a view sheet's formula) from the document. */
import { isViewSheet, type SheetInfo } from '../types.ts';
import { isOrderKey } from './order-key.ts';
import type { StoredRead } from './read-record.ts';
import { fields, isRecordId, labels, MAX_NAME, text, type Check, type FieldReader, type Problems } from './stored-parts.ts';
import { kindOf } from './stored-problem.ts';

/** A sheet's identity and its order key among the tabs. */
export interface StoredSheet {
  info: SheetInfo;
  order: string;
}

/** The key of an item with no usable order key: it sorts before keyed ones, by id. */
export const FALLBACK_ORDER = 'a0';

/** The name shown for a sheet whose stored name cannot be read. */
export const fallbackSheetName = (id: string): string => `Sheet ${id}`;

/** An order key (a missing one is read as FALLBACK_ORDER by the caller). */
export const orderKey: Check<string> = (v, field, problems) => {
  if (v === undefined || isOrderKey(v)) return v;
  problems.push(typeof v === 'string' ? { code: 'format', field, expected: 'orderKey', value: v } : { code: 'type', field, expected: 'orderKey', got: kindOf(v) });
  return undefined;
};

/** Reads an order key; a missing or malformed one reads as FALLBACK_ORDER. */
export const readOrder = (problems: Problems, v: unknown): string => orderKey(v, 'order', problems) ?? FALLBACK_ORDER;

/** Longest stored formula of a view sheet (its stored form names sheets and columns by id, so it is longer than typed). */
export const MAX_VIEW_FORMULA = 65_536;

/** A view sheet's table formula: text starting with "=", at most MAX_VIEW_FORMULA characters. */
export const viewFormula: Check<string> = (v, field, problems) => {
  const f = text(MAX_VIEW_FORMULA)(v, field, problems);
  if (f === undefined || f.startsWith('=')) return f;
  problems.push({ code: 'format', field, expected: 'formula', value: f });
  return undefined;
};

const SHEET = { name: text(MAX_NAME, true), kind: text(MAX_NAME), labels: labels(), order: orderKey };

/**
 * A sheet's identity as stored under `id`. A sheet whose id is not an id is not shown; a wrong name
 * reads as its template label or "Sheet <id>", a wrong kind as custom (so a view sheet whose kind is
 * damaged is a plain, empty sheet), wrong labels as none. A view sheet's formula is read only for a
 * view sheet: one that is not a formula is left out (the sheet then says it has none to show).
 */
export const readSheetMeta = (id: string, get: FieldReader): StoredRead<StoredSheet> => {
  if (!isRecordId(id)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: id }] };
  const problems: Problems = [];
  const r = fields(SHEET, get, '', problems) ?? {};
  const info: SheetInfo = { id, name: r.name ?? r.labels?.en ?? r.labels?.['zh-CN'] ?? fallbackSheetName(id), kind: r.kind ?? 'custom' };
  if (r.labels) info.labels = r.labels;
  if (isViewSheet(info)) {
    const formula = viewFormula(get('formula'), 'formula', problems);
    if (formula !== undefined) info.formula = formula;
  }
  return { value: { info, order: r.order ?? FALLBACK_ORDER }, problems };
};
