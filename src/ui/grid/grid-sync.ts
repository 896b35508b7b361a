/**
 * Keeps the grid in step with the workbook and the engine: typed change events (local, undo or a
 * teammate's) and recalculations become the smallest grid update that shows them. Only rendered
 * cells are ever repainted, so a change to 100k rows costs what the screen shows.
 */
import type { WorkbookChange } from '../../model/index.ts';
import type { SheetRepaint } from '../../app/calc-service.ts';
import type { GridController } from './grid-controller.ts';

/** Above this many changed rows, repainting every rendered cell is cheaper than finding the rows. */
const ROW_LIMIT = 200;

/** What the grid does when columns or rows change (given by the component that owns the grid). */
export interface GridSyncHooks {
  rebuildColumns: () => void;
}

const refreshCells = (ctl: GridController, cells: ReadonlyMap<string, ReadonlySet<string>>): void => {
  const api = ctl.api;
  if (!api) return;
  if (cells.size > ROW_LIMIT) {
    api.refreshCells({ suppressFlash: true });
    return;
  }
  const rowNodes = [];
  const columns = new Set<string>();
  for (const [rowId, cols] of cells) {
    const node = api.getRowNode(rowId);
    if (node) rowNodes.push(node);
    for (const c of cols) columns.add(c);
  }
  if (rowNodes.length > 0) api.refreshCells({ rowNodes, columns: [...columns], suppressFlash: true });
};

/** Columns of this sheet showing references into `sheetId` (their names may have changed). */
const referencesInto = (ctl: GridController, sheetId: string): string[] =>
  ctl.wb
    .columns(ctl.sheetId)
    .filter((c) => c.type === 'reference' && c.options.refSheet === sheetId)
    .map((c) => c.id);

/** Applies one workbook change to the grid. */
export const applyModelChange = (ctl: GridController, change: WorkbookChange, hooks: GridSyncHooks): void => {
  const api = ctl.api;
  if (!api || !ctl.wb.hasSheet(ctl.sheetId)) return;
  if (change.settings) api.refreshCells({ force: true, suppressFlash: true });
  for (const id of change.sheets.keys()) {
    if (id === ctl.sheetId) continue;
    const cols = referencesInto(ctl, id);
    if (cols.length > 0) api.refreshCells({ columns: cols, force: true, suppressFlash: true });
  }
  const c = change.sheets.get(ctl.sheetId);
  if (!c || c.removed) return;
  if (c.columns.size > 0) hooks.rebuildColumns();
  if (c.rowsAdded.size + c.rowsRemoved.size + c.rowsMoved.size > 0) {
    api.setGridOption('rowData', ctl.rowData());
    ctl.setLoadingRows(false);
  }
  if (c.cells.size > 0) refreshCells(ctl, c.cells);
  // History written or looked at: conflict marks may come or go.
  if (c.marks.size > 0) refreshCells(ctl, c.marks);
};

/** Applies a recalculation of this sheet to the grid. */
export const applyRecalc = (ctl: GridController, r: SheetRepaint): void => {
  const api = ctl.api;
  if (!api) return;
  if (r.all) api.refreshCells({ suppressFlash: true });
  else {
    if (r.columns && r.columns.size > 0) api.refreshCells({ columns: [...r.columns], suppressFlash: true });
    if (r.cells) refreshCells(ctl, r.cells);
  }
};
