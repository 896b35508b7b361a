/**
 * Reading the maps of a kept history whatever was deleted since (src/model, for the history
 * readers): the items a key held one after another, a held value, and each sheet's maps.
 */
import * as Y from 'yjs';
import { KEPT_ROOTS } from './kept-roots.ts';

/** The Y.Map an item holds (deleted or not), or null. */
export const mapIn = (item: Y.Item | undefined): Y.Map<unknown> | null =>
  item?.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? (item.content.type as Y.Map<unknown>) : null;

/** The Y.Map under `key` of `map`, even when it was deleted. */
export const keptMap = (map: Y.Map<unknown>, key: string): Y.Map<unknown> | null => mapIn(map._map.get(key));

/** The items a key of a map held, newest first (the last one is its value now, unless deleted). */
export const keyItems = (map: Y.Map<unknown>, key: string): Y.Item[] => {
  const out: Y.Item[] = [];
  for (let it: Y.Item | null = map._map.get(key) ?? null; it; it = it.left) if (it.parentSub === key) out.push(it);
  return out;
};

/** The value an item held, or `lost` when the history no longer has it. */
export const heldValue = (item: Y.Item): { value: unknown } | 'lost' => {
  const c = item.content;
  return c instanceof Y.ContentAny && c.arr.length > 0 ? { value: c.arr[c.arr.length - 1] } : 'lost';
};

/** One sheet of a kept history: its id, whether it is there now, and its row and cell maps. */
export interface KeptSheet {
  id: string;
  alive: boolean;
  rows: Y.Map<unknown>;
  rowOrder: Y.Map<unknown>;
  cells: Y.Map<unknown>;
  columns: Y.Map<unknown>;
}

/** Every sheet of a kept history that has its maps, deleted ones included. */
export const keptSheets = (doc: Y.Doc): KeptSheet[] => {
  const out: KeptSheet[] = [];
  for (const [id, item] of doc.getMap(KEPT_ROOTS.sheets)._map) {
    const meta = mapIn(item);
    if (!meta) continue;
    const [rows, rowOrder, cells, columns] = ['rows', 'rowOrder', 'cells', 'columns'].map((k) => keptMap(meta, k));
    if (rows && rowOrder && cells && columns) out.push({ id, alive: !item.deleted, rows, rowOrder, cells, columns });
  }
  return out;
};

/** The column ids each layout lists (layouts are never deleted). */
export const keptLayouts = (doc: Y.Doc): ReadonlyMap<string, readonly string[]> => {
  const out = new Map<string, string[]>();
  doc.getMap(KEPT_ROOTS.layouts).forEach((cols, id) => {
    if (Array.isArray(cols) && cols.every((c) => typeof c === 'string')) out.set(id, cols as string[]);
  });
  return out;
};
