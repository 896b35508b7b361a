/** Reading a sheet's identity (name, kind, labels, tab position) from the document. */
import type { SheetInfo } from '../types.ts';
import { isOrderKey } from './order-key.ts';
import { kindOf } from './stored-problem.ts';
import type { StoredRead } from './read-record.ts';
import { isRecordId, MAX_NAME, readLabels, readName, readText, type FieldReader, type Problems } from './stored-parts.ts';

/** A sheet's identity and its order key among the tabs. */
export interface StoredSheet {
  info: SheetInfo;
  order: string;
}

/** The key of an item with no usable order key: it sorts before keyed ones, by id. */
export const FALLBACK_ORDER = 'a0';

/** The name shown for a sheet whose stored name cannot be read. */
export const fallbackSheetName = (id: string): string => `Sheet ${id}`;

/** Reads an order key; a missing or malformed one reads as FALLBACK_ORDER. */
export const readOrder = (problems: Problems, v: unknown): string => {
  if (isOrderKey(v)) return v;
  if (typeof v === 'string') problems.push({ code: 'format', field: 'order', expected: 'orderKey', value: v });
  else if (v !== undefined) problems.push({ code: 'type', field: 'order', expected: 'orderKey', got: kindOf(v) });
  return FALLBACK_ORDER;
};

/**
 * A sheet's identity as stored under `id`. A sheet whose id is not an id is not shown; a wrong name
 * reads as "Sheet <id>", a wrong kind as custom, wrong labels as none.
 */
export const readSheetMeta = (id: string, get: FieldReader): StoredRead<StoredSheet> => {
  const problems: Problems = [];
  if (!isRecordId(id)) return { value: undefined, problems: [{ code: 'badKey', field: 'id', key: id }] };
  const name = readName(problems, 'name', get('name'));
  const kind = readText(problems, 'kind', get('kind'), MAX_NAME);
  const labels = readLabels(problems, 'labels', get('labels'));
  const order = readOrder(problems, get('order'));
  // A template sheet whose name is damaged still has its names in each language.
  const info: SheetInfo = { id, name: name ?? labels?.en ?? labels?.['zh-CN'] ?? fallbackSheetName(id), kind: kind ?? 'custom' };
  if (labels) info.labels = labels;
  return { value: { info, order }, problems };
};
