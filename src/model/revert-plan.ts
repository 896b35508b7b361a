/**
 * Reverting one device's changes since a moment, planned on the kept history (src/model). A device
 * is a set of Yjs client ids (deviceOf in moments.ts); its changes since the moment are the items
 * of those clients that the timeline dates at or after it (all of them when nothing dates them: a
 * stock Yjs client), and the deletions its timeline entries name at or after it.
 *
 * What happens to each thing it touched:
 * - a cell it changed goes back to the value it had before the device's change: the latest value
 *   written by anyone else (or before the moment), else the value its row was added with. When
 *   someone else changed the cell since, it keeps their value and is listed as skipped;
 * - a row it added is deleted, unless someone else changed a cell of it since (then listed);
 * - a row it deleted comes back as an explicit new write (the model never revives a row by
 *   itself): its id, its values as added and its cells as they were, at its old place;
 * - a row it moved goes back to where it was, unless someone else moved it since.
 * Sheets, columns, charts and rules are not touched: restoring a moment brings those back.
 * A value the history no longer holds (deleted before history was kept) is listed as lost.
 */
import type * as Y from 'yjs';
import { splitCellKey } from './layout.ts';
import type { KeptHistory } from './kept-history.ts';
import { heldValue, keptLayouts, keptSheets, keyItems, type KeptSheet } from './kept-maps.ts';
import type { CellValue } from '../schema/types.ts';
import type { RevertPlan } from '../schema/moment-types.ts';

/** A stored value as the document may hold it (anything else is not written back). */
const asCellValue = (v: unknown): CellValue | undefined => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { f?: unknown }).f === 'string') return { f: (v as { f: string }).f };
  return undefined;
};

const asRecord = (v: unknown): CellValue[] | undefined => {
  if (!Array.isArray(v) || typeof v[0] !== 'string') return undefined;
  const out = v.map(asCellValue);
  return out.every((x) => x !== undefined) ? (out as CellValue[]) : undefined;
};

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Plans reverting the changes of `clients` made at `since` (ms) or later; nothing is written. */
export const planRevert = (history: KeptHistory, clients: ReadonlySet<number>, since: number): RevertPlan => {
  const timeline = history.timeline;
  const from = new Map([...clients].map((c) => [c, timeline.cutSince(c, since)]));
  const theirs = (it: Y.Item): boolean => it.id.clock >= (from.get(it.id.client) ?? Infinity);
  const deletedByThem = (it: Y.Item): boolean => timeline.claimsOn(it.id.client, it.id.clock).some((c) => clients.has(c.by) && c.time >= since);
  const layouts = keptLayouts(history.doc);
  const plan: RevertPlan = { clients: [...clients], since, cells: [], revive: [], remove: [], moves: [], skipped: [] };

  /** The value before theirs: the newest item of the key not theirs (undefined when every one is theirs). */
  const before = (map: Y.Map<unknown>, key: string): Y.Item | undefined => keyItems(map, key).find((it) => !theirs(it));

  const planSheet = (sheet: KeptSheet): void => {
    const sheetId = sheet.id;
    const keysOfRow = new Map<string, string[]>();
    for (const key of sheet.cells._map.keys()) {
      const [rowId] = splitCellKey(key);
      const list = keysOfRow.get(rowId);
      if (list) list.push(key);
      else keysOfRow.set(rowId, [key]);
    }
    const liveColumns = new Set([...sheet.columns._map].filter(([, it]) => !it.deleted).map(([id]) => id));
    const addedByThem = new Set<string>();
    const baseOf = new Map<string, CellValue[]>();

    for (const [rowId, top] of sheet.rows._map) {
      const record = heldValue(top);
      const rec = record === 'lost' ? undefined : asRecord(record.value);
      if (!top.deleted) {
        if (rec) baseOf.set(rowId, rec);
        if (!theirs(top)) continue;
        addedByThem.add(rowId);
        const touched = (keysOfRow.get(rowId) ?? []).some((k) => keyItems(sheet.cells, k).some((it) => !theirs(it)));
        if (touched) plan.skipped.push({ sheetId, rowId, why: 'changed' });
        else plan.remove.push({ sheetId, rowId });
        continue;
      }
      if (theirs(top) || !deletedByThem(top)) continue;
      if (!rec || !layouts.has(String(rec[0]))) {
        plan.skipped.push({ sheetId, rowId, why: 'lost' });
        continue;
      }
      const orderItem = before(sheet.rowOrder, rowId);
      const order = orderItem ? heldValue(orderItem) : 'lost';
      const cells: { colId: string; value: CellValue }[] = [];
      for (const key of keysOfRow.get(rowId) ?? []) {
        const it = before(sheet.cells, key);
        const held = it && it.deleted ? heldValue(it) : undefined;
        const value = held && held !== 'lost' ? asCellValue(held.value) : undefined;
        if (value !== undefined) cells.push({ colId: splitCellKey(key)[1], value });
      }
      plan.revive.push({ sheetId, rowId, record: rec, order: order !== 'lost' && typeof order.value === 'string' ? order.value : null, cells });
    }

    for (const [key, top] of sheet.cells._map) {
      const items = keyItems(sheet.cells, key);
      if (!items.some(theirs)) continue;
      const [rowId, colId] = splitCellKey(key);
      const base = baseOf.get(rowId);
      if (!base || addedByThem.has(rowId) || !liveColumns.has(colId) || top.deleted) continue;
      if (!theirs(top)) {
        plan.skipped.push({ sheetId, rowId, colId, why: 'changed' });
        continue;
      }
      const prev = items.find((it) => !theirs(it));
      let value: CellValue | undefined;
      if (prev) {
        const held = heldValue(prev);
        value = held === 'lost' ? undefined : asCellValue(held.value);
      } else {
        const slot = (layouts.get(String(base[0])) ?? []).indexOf(colId);
        value = slot < 0 ? null : (base[slot + 1] ?? null);
      }
      if (value === undefined) plan.skipped.push({ sheetId, rowId, colId, why: 'lost' });
      else {
        const now = heldValue(top);
        if (now === 'lost' || !same(asCellValue(now.value), value)) plan.cells.push({ sheetId, rowId, colId, value });
      }
    }

    for (const [rowId, top] of sheet.rowOrder._map) {
      if (top.deleted || !theirs(top) || !baseOf.has(rowId) || addedByThem.has(rowId)) continue;
      const prev = before(sheet.rowOrder, rowId);
      const held = prev ? heldValue(prev) : 'lost';
      const now = heldValue(top);
      if (held !== 'lost' && typeof held.value === 'string' && (now === 'lost' || now.value !== held.value)) plan.moves.push({ sheetId, rowId, order: held.value });
    }
  };

  for (const sheet of keptSheets(history.doc)) if (sheet.alive) planSheet(sheet);
  return plan;
};

