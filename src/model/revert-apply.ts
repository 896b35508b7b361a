/**
 * Writing a planned revert (revert-plan.ts) to a replica as one undo step (src/model), dated on
 * the timeline as a revert. Each part is checked against the replica as it is when written: a row
 * already back is not brought back twice, a row already gone is not deleted, a cell of a column or
 * row that no longer exists is left out.
 */
import { bulkLogged, cellsLogged } from './history-ops.ts';
import { cellKey } from './layout.ts';
import { planKeys } from './order-keys.ts';
import { deleteRows } from './row-ops.ts';
import type { RevertPlan } from '../schema/moment-types.ts';
import type { Workbook } from './workbook.ts';

/** What a revert wrote. */
export interface RevertDone {
  cells: number;
  revived: number;
  removed: number;
  moved: number;
}

const bySheet = <T extends { sheetId: string }>(list: readonly T[], sheetId: string): T[] => list.filter((x) => x.sheetId === sheetId);

/** Writes `plan` to `live` as one undo step. Throws ReadOnlyError for a viewer's replica. */
export const applyRevert = (live: Workbook, plan: RevertPlan): RevertDone => {
  const done: RevertDone = { cells: 0, revived: 0, removed: 0, moved: 0 };
  const sheets = new Set([...plan.cells, ...plan.revive, ...plan.remove, ...plan.moves].map((x) => x.sheetId));
  if (sheets.size === 0) return done;
  live.transact(() => {
    for (const sheetId of sheets) {
      if (!live.hasSheet(sheetId)) continue;
      const cache = live.cache(sheetId);
      const { rows, rowOrder, cells, layouts } = cache.maps;
      const columns = new Set(cache.columns().map((c) => c.id));

      const revive = bySheet(plan.revive, sheetId).filter((r) => !rows.has(r.rowId) && layouts.has(String(r.record[0])));
      if (revive.length > 0) {
        const last = planKeys(cache.keyedRows(), cache.keyedRows().length, revive.length).keys;
        bulkLogged(live, sheetId, 'rows', revive.length, () => {
          revive.forEach((r, i) => {
            rows.set(r.rowId, [...r.record]);
            rowOrder.set(r.rowId, r.order ?? last[i] ?? 'a0');
            for (const c of r.cells) if (columns.has(c.colId)) cells.set(cellKey(r.rowId, c.colId), c.value);
          });
        });
        cache.rowsChanged(revive.map((r) => r.rowId), revive.length);
        done.revived += revive.length;
      }

      const remove = bySheet(plan.remove, sheetId).map((r) => r.rowId).filter((id) => rows.has(id));
      deleteRows(live, sheetId, remove);
      done.removed += remove.length;

      const moves = bySheet(plan.moves, sheetId).filter((m) => rows.has(m.rowId));
      for (const m of moves) rowOrder.set(m.rowId, m.order);
      if (moves.length > 0) cache.rowsChanged(moves.map((m) => m.rowId), moves.length);
      done.moved += moves.length;

      const writes = bySheet(plan.cells, sheetId).filter((c) => rows.has(c.rowId) && columns.has(c.colId));
      cellsLogged(live, sheetId, writes, () => {
        for (const w of writes) cells.set(cellKey(w.rowId, w.colId), w.value);
      });
      done.cells += writes.length;
    }
  }, 'revert');
  return done;
};
