/** The AG Grid options of a sheet grid: data, columns, and the events that drive selection, moves and the view. */
import { markFirstRowsShown } from '../first-paint.ts';
import type { Column as AgColumn, GridOptions } from 'ag-grid-community';
import { moveIndexAmongShown } from '../../app/column-display.ts';
import { reportError, toggleBoolean } from './grid-commands.ts';
import { ROW_NUMBER_COL, type GridController, type RowRef } from './grid-controller.ts';
import { gridTheme } from './grid-setup.ts';
import { rowSelection, single } from '../../app/selection.ts';

/** What the options call back into the component that owns the grid. */
export interface GridOptionHooks {
  columnDefs: () => GridOptions<RowRef>['columnDefs'];
  openRowMenu: (x: number, y: number) => void;
  openEditor: () => void;
  afterRowsChanged: () => void;
  /** The rows the grid starts with. */
  initialRows: RowRef[];
  /** The first rows have been painted. */
  firstRowsShown: () => void;
}

const colIdOf = (c: AgColumn | string | null | undefined): string | undefined => (typeof c === 'string' ? c : c?.getColId());

/** Builds the options; `ctl.api` is set by the caller once the grid exists. */
export const gridOptions = (ctl: GridController, hooks: GridOptionHooks): GridOptions<RowRef> => {
  let movedTo: number | undefined;
  return {
    theme: gridTheme,
    rowData: hooks.initialRows,
    columnDefs: hooks.columnDefs(),
    getRowId: (p) => p.data.id,
    animateRows: false,
    suppressColumnMoveAnimation: true,
    suppressDragLeaveHidesColumns: true,
    suppressScrollOnNewData: true,
    suppressNoRowsOverlay: true,
    preventDefaultOnContextMenu: true,
    rowBuffer: 12,
    onCellFocused: (e) => {
      // Keyboard navigation moved the focus: the active cell follows (mouse selection is set on
      // mouse-down already, see mouse-selection.ts, and a range stays while its anchor has focus).
      const colId = colIdOf(e.column);
      if (e.rowIndex === null || e.rowIndex === undefined || !colId || e.rowPinned || colId === ROW_NUMBER_COL) return;
      const pos = { row: e.rowIndex, col: ctl.colIndex(colId) };
      const sel = ctl.selection();
      const inSelection = sel && ((sel.anchor.row === pos.row && sel.anchor.col === pos.col) || (sel.focus.row === pos.row && sel.focus.col === pos.col));
      if (!inSelection) ctl.select(single(pos));
    },
    onCellClicked: (e) => {
      const colId = colIdOf(e.column);
      const target = (e.event as MouseEvent | undefined)?.target as HTMLElement | undefined;
      if (colId && e.data && target?.classList.contains('wb-check')) toggleBoolean(ctl, e.data.id, colId);
      // A reference to a deleted row: the picker opens on it, listing every row to choose from.
      if (target?.classList.contains('wb-ref-pick') && ctl.startEdit(true)) ctl.editorInput?.focus();
      // The whole array a cell's formula gives, in a dialog (its code loads then).
      if (colId && e.data && target?.classList.contains('wb-array-open')) void import('./ArrayDialog.tsx').then((m) => m.openArray(ctl, e.data?.id ?? '', colId));
    },
    onCellDoubleClicked: (e) => {
      const colId = colIdOf(e.column);
      if (colId && colId !== ROW_NUMBER_COL) hooks.openEditor();
    },
    onCellContextMenu: (e) => {
      const ev = e.event as MouseEvent | undefined;
      if (!ev || e.rowIndex === null) return;
      if (!ctl.rowInSelection(e.rowIndex)) {
        const colId = colIdOf(e.column);
        const col = colId ? ctl.colIndex(colId) : -1;
        if (col >= 0) ctl.focusCell({ row: e.rowIndex, col });
        else ctl.select(rowSelection(e.rowIndex, e.rowIndex, ctl.displayedColumns().length));
      }
      hooks.openRowMenu(ev.clientX, ev.clientY);
    },
    onBodyScroll: () => ctl.onScroll?.(),
    // For the grid benchmark: the frame in which the first rows are painted.
    onFirstDataRendered: () =>
      requestAnimationFrame(() => {
        performance.mark('wb-grid-rows');
        markFirstRowsShown();
        hooks.firstRowsShown();
      }),
    onModelUpdated: () => {
      ctl.rowsChanged();
      hooks.afterRowsChanged();
    },
    onDisplayedColumnsChanged: () => ctl.columnsChanged(),
    onColumnMoved: (e) => {
      const colId = colIdOf(e.column);
      if (e.source !== 'uiColumnMoved' || !colId) return;
      // Moves report where the column is going; the last one before the drop is where it lands.
      if (e.toIndex !== undefined) movedTo = e.toIndex;
      if (!e.finished || movedTo === undefined) return;
      // The row-number column is always first, so grid position i is sheet position i − 1.
      const index = movedTo - 1;
      movedTo = undefined;
      if (index >= 0) {
        try {
          ctl.wb.moveColumn(ctl.sheetId, colId, moveIndexAmongShown(ctl.wb.columns(ctl.sheetId), colId, index));
        } catch (err) {
          reportError(ctl, err);
        }
      }
    },
    onColumnPinned: (e) => {
      if (e.source !== 'uiColumnMoved' && e.source !== 'uiColumnDragged') return;
      for (const c of e.columns ?? []) {
        const col = ctl.wb.column(ctl.sheetId, c.getColId());
        if (col) ctl.wb.setColumnOptions(ctl.sheetId, col.id, { ...col.options, pinned: c.isPinned() || undefined });
      }
    },
    onColumnResized: (e) => {
      if (!e.finished || e.source !== 'uiColumnResized') return;
      for (const c of e.columns ?? []) {
        const col = ctl.wb.column(ctl.sheetId, c.getColId());
        if (col && col.options.width !== c.getActualWidth()) {
          ctl.wb.setColumnOptions(ctl.sheetId, col.id, { ...col.options, width: c.getActualWidth() });
        }
      }
    },
  };
};
