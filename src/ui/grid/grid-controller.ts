/**
 * One sheet's grid: the AG Grid api, the person's selection and edit session, and the mapping
 * between what they see (displayed rows and columns, after their sort and filter) and the model
 * (row and column ids). Components read its signals; model writes go through the workbook.
 */
import { batch, createSignal, type Accessor } from 'solid-js';
import type { GridApi } from 'ag-grid-community';
import type { AppState } from '../app-context.ts';
import { formatValue } from '../../schema/format-value.ts';
import type { ReferenceIndex } from '../../app/reference-index.ts';
import { sheetShape, type SheetShape } from '../../app/sheet-shape.ts';
import { isViewSheet, type Column } from '../../schema/types.ts';
import { orderRows } from '../../app/row-order.ts';
import { shownColumns } from '../../app/column-display.ts';
import { inRect, rectOf, sameSelection, single, type CellPos, type Rect, type Selection } from '../../app/selection.ts';
import type { SortEntry, ViewState } from '../../app/sheet-view.ts';
import { loadView, saveView } from './view-state.ts';

/** The row object AG Grid holds: only the id; values are read from the engine when shown. */
export interface RowRef {
  id: string;
}

/** Id of the row-number column at the left. */
export const ROW_NUMBER_COL = '__row';

/** An open cell editor. */
export interface EditSession {
  rowId: string;
  colId: string;
  rowIndex: number;
  /** Start from empty text (typing replaces the value) rather than the current value. */
  replace: boolean;
}

/** Where the active cell goes after a commit. */
export type Move = 'down' | 'up' | 'right' | 'left' | 'none';

/** The controller of one mounted sheet grid. */
export class GridController {
  api: GridApi<RowRef> | undefined;
  readonly selection: Accessor<Selection | null>;
  readonly editing: Accessor<EditSession | null>;
  readonly view: Accessor<ViewState>;
  /** Bumps whenever rows are re-sorted, filtered, added or removed (status bar, find). */
  readonly rowsVersion: Accessor<number>;
  /** True while a big sheet's rows are still being handed to the grid after its first paint. */
  readonly loadingRows: Accessor<boolean>;
  readonly setLoadingRows: (loading: boolean) => void;
  /** The column whose formula is being set in the formula bar (from its menu), or null. */
  readonly formulaColumn: Accessor<string | null>;
  readonly setFormulaColumn: (colId: string | null) => void;
  /** Cells matching the find bar, as `rowId colId`; highlighted in the grid. */
  findHits: ReadonlySet<string> = new Set();
  /** The editor's text input, always mounted so typing can be sent to it within the key event. */
  editorInput: HTMLInputElement | undefined;
  /** Called when the grid body scrolls (the editor follows its cell). */
  onScroll: (() => void) | undefined;
  private readonly setSelectionSignal: (s: Selection | null) => void;
  private readonly setEditing: (e: EditSession | null) => void;
  private readonly setView: (v: ViewState) => void;
  private readonly bumpRows: () => void;
  private refs = new Map<string, RowRef>();
  private colOrder: Column[] | null = null;
  private colIndexes = new Map<string, number>();
  private rect: Rect | null = null;

  constructor(
    readonly app: AppState,
    readonly sheetId: string,
    readonly references: ReferenceIndex,
  ) {
    const [selection, setSelection] = createSignal<Selection | null>(null, { equals: sameSelection });
    const [editing, setEditing] = createSignal<EditSession | null>(null);
    const [view, setView] = createSignal<ViewState>(loadView(app.workbookKey, sheetId));
    const [rowsVersion, setRowsVersion] = createSignal(0);
    const [formulaColumn, setFormulaColumn] = createSignal<string | null>(null);
    const [loadingRows, setLoadingRows] = createSignal(false);
    this.loadingRows = loadingRows;
    this.setLoadingRows = setLoadingRows;
    this.formulaColumn = formulaColumn;
    this.setFormulaColumn = setFormulaColumn;
    this.selection = selection;
    this.setSelectionSignal = setSelection;
    this.editing = editing;
    this.setEditing = setEditing;
    this.view = view;
    this.setView = setView;
    this.rowsVersion = rowsVersion;
    this.bumpRows = () => setRowsVersion((v) => v + 1);
  }

  get wb() {
    return this.app.wb;
  }

  /** The columns and rows this sheet shows: its own, or, for a view sheet, what its formula computes. */
  get shape(): SheetShape {
    return sheetShape(this.app.wb, this.app.calc, this.sheetId);
  }

  /** Nothing can be typed or changed here: a viewer's workbook, or a view sheet (its rows are computed). */
  get readOnly(): boolean {
    return this.app.readOnly || isViewSheet(this.app.wb.sheet(this.sheetId));
  }

  // ── rows ──────────────────────────────────────────────────────────────

  /**
   * Row objects of the rows this person sees, in their order (filters and sort applied, see
   * row-order.ts), reusing one object per id so AG Grid keeps its row state; with `limit`, only
   * the first ones (a first screen).
   */
  rowData(limit?: number): RowRef[] {
    if (!this.wb.hasSheet(this.sheetId)) return [];
    const { sheetId, app } = this;
    const fmt = app.format();
    const calc = app.calc;
    const shape = this.shape;
    const shown = orderRows(shape.rowIds(), this.view(), {
      values: (colId) => calc.columnValues(sheetId, colId),
      format: (v, col) => formatValue(v, col, fmt),
      column: (colId) => shape.column(colId),
    }, limit);
    const next = new Map<string, RowRef>();
    const out = shown.map((id) => {
      const ref = this.refs.get(id) ?? { id };
      next.set(id, ref);
      return ref;
    });
    // Rows filtered out keep their objects too, for when the filter changes.
    for (const [id, ref] of this.refs) if (!next.has(id) && shape.hasRow(id)) next.set(id, ref);
    this.refs = next;
    return out;
  }

  /** Called by the grid after it re-sorted, filtered or changed rows. */
  rowsChanged(): void {
    this.bumpRows();
  }

  /** Number of rows shown (after the filter). */
  displayedRowCount(): number {
    return this.api?.getDisplayedRowCount() ?? 0;
  }

  /** Id of the row shown at `index`. */
  rowIdAt(index: number): string | undefined {
    return this.api?.getDisplayedRowAtIndex(index)?.data?.id;
  }

  /** Displayed index of a row, or -1 when it is filtered out or gone. */
  indexOfRow(rowId: string): number {
    return this.api?.getRowNode(rowId)?.rowIndex ?? -1;
  }

  // ── columns ───────────────────────────────────────────────────────────

  /** Data columns in the order shown (pinned first), as model records. */
  displayedColumns(): Column[] {
    if (!this.colOrder) {
      // AG Grid shows pinned columns first, each group in the sheet's order; hidden ones not at all.
      const all = shownColumns(this.shape.columns());
      this.colOrder = [...all.filter((c) => c.options.pinned), ...all.filter((c) => !c.options.pinned)];
      this.colIndexes = new Map(this.colOrder.map((c, i) => [c.id, i]));
    }
    return this.colOrder;
  }

  /** Forgets the cached column order (after a move, pin, add or delete). */
  columnsChanged(): void {
    this.colOrder = null;
  }

  /** Displayed index of a data column, or -1. */
  colIndex(colId: string): number {
    this.displayedColumns();
    return this.colIndexes.get(colId) ?? -1;
  }

  /** The model record of the column shown at `index`. */
  columnAt(index: number): Column | undefined {
    return this.displayedColumns()[index];
  }

  // ── selection ─────────────────────────────────────────────────────────

  /** Sets the selection and repaints the rows whose highlight changed (all rendered rows for big ranges). */
  select(next: Selection | null): void {
    const before = this.rect;
    this.rect = next ? rectOf(next) : null;
    this.setSelectionSignal(next);
    const api = this.api;
    if (!api) return;
    const rows = new Set<number>();
    for (const r of [before, this.rect]) {
      if (!r) continue;
      if (r.bottom - r.top > 60) return api.refreshCells({ suppressFlash: true });
      for (let i = r.top; i <= r.bottom; i++) rows.add(i);
    }
    const rowNodes = [...rows].map((i) => api.getDisplayedRowAtIndex(i)).filter((n) => n !== undefined);
    if (rowNodes.length > 0) api.refreshCells({ rowNodes, suppressFlash: true });
  }

  /** True for the active cell (the selection's anchor), drawn with a border even when the grid has no focus. */
  isActive(rowIndex: number | null, colId: string): boolean {
    const a = this.selection()?.anchor;
    return a !== undefined && rowIndex === a.row && this.colIndex(colId) === a.col;
  }

  /** The selected rectangle, or null. */
  selectedRect(): Rect | null {
    return this.rect;
  }

  /** True when a cell is inside a multi-cell selection (drives the range highlight). */
  inRange(rowIndex: number | null, colId: string | undefined): boolean {
    const r = this.rect;
    if (!r || rowIndex === null || colId === undefined) return false;
    if (r.top === r.bottom && r.left === r.right) return false;
    return inRect(r, rowIndex, this.colIndex(colId));
  }

  /** True when a displayed row is part of the selection (its row number is highlighted). */
  rowInSelection(rowIndex: number | null): boolean {
    const r = this.rect;
    return r !== null && rowIndex !== null && rowIndex >= r.top && rowIndex <= r.bottom;
  }

  /** Ids of the selected rows, top to bottom. */
  selectedRowIds(): string[] {
    const r = this.rect;
    if (!r) return [];
    const out: string[] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const id = this.rowIdAt(i);
      if (id) out.push(id);
    }
    return out;
  }

  /** The active cell (anchor) as ids, or null. */
  activeCell(): { rowId: string; col: Column; rowIndex: number } | null {
    const s = this.selection();
    if (!s) return null;
    const rowId = this.rowIdAt(s.anchor.row);
    const col = this.columnAt(s.anchor.col);
    return rowId && col ? { rowId, col, rowIndex: s.anchor.row } : null;
  }

  /** Moves keyboard focus (and a one-cell selection) to a cell, scrolling it into view. */
  focusCell(pos: CellPos, opts: { keepSelection?: boolean } = {}): void {
    const col = this.columnAt(pos.col);
    if (!this.api || !col || pos.row < 0 || pos.row >= this.displayedRowCount()) return;
    if (!opts.keepSelection) this.select(single(pos));
    this.api.ensureIndexVisible(pos.row);
    this.api.ensureColumnVisible(col.id);
    this.api.setFocusedCell(pos.row, col.id);
  }

  /** Scrolls a cell into view without moving focus (Shift+arrow extends past the screen). */
  reveal(pos: CellPos): void {
    const col = this.columnAt(pos.col);
    if (!this.api || !col) return;
    this.api.ensureIndexVisible(pos.row);
    this.api.ensureColumnVisible(col.id);
  }

  /** Puts keyboard focus back on the active cell (after an editor or a menu closes). */
  refocus(): void {
    const s = this.selection();
    const col = s ? this.columnAt(s.anchor.col) : undefined;
    if (s && col && this.api) this.api.setFocusedCell(s.anchor.row, col.id);
  }

  // ── editing ───────────────────────────────────────────────────────────

  /** Opens the editor on the active cell; false when there is none (or the workbook is open for viewing only). */
  startEdit(replace: boolean): boolean {
    const cell = this.activeCell();
    if (!cell || this.readOnly) return false;
    this.reveal({ row: cell.rowIndex, col: this.colIndex(cell.col.id) });
    this.setEditing({ rowId: cell.rowId, colId: cell.col.id, rowIndex: cell.rowIndex, replace });
    return true;
  }

  /** Closes the editor and moves the active cell as asked. */
  endEdit(move: Move): void {
    const s = this.selection();
    this.setEditing(null);
    if (!s) return;
    const d: Record<Move, [number, number]> = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1], none: [0, 0] };
    const [dr, dc] = d[move];
    const rows = this.displayedRowCount();
    const cols = this.displayedColumns().length;
    const row = Math.max(0, Math.min(rows - 1, s.anchor.row + dr));
    const col = Math.max(0, Math.min(cols - 1, s.anchor.col + dc));
    this.focusCell({ row, col });
  }

  /** Starts setting a column's formula in the formula bar. */
  editColumnFormula(colId: string): void {
    const col = this.colIndex(colId);
    const row = this.selection()?.anchor.row ?? 0;
    if (col >= 0 && this.displayedRowCount() > 0) this.focusCell({ row, col });
    this.setFormulaColumn(colId);
  }

  // ── the person's view: sort and filters ───────────────────────────────

  /** Called after the view changed, to show it (set by the component that owns the grid). */
  applyView: (() => void) | undefined;

  /** Replaces the view, saves it for this person and shows it. */
  updateView(next: ViewState): void {
    this.setView(next);
    saveView(this.app.workbookKey, this.sheetId, next);
    this.applyView?.();
  }

  /**
   * A header click: none → ascending → descending → none, as spreadsheets cycle. With `multi`
   * (Shift) the column is added to the sort instead of replacing it.
   */
  toggleSort(colId: string, multi: boolean): void {
    const v = this.view();
    const now = v.sort.find((s) => s.colId === colId)?.sort;
    const next: SortEntry['sort'] | undefined = now === undefined ? 'asc' : now === 'asc' ? 'desc' : undefined;
    const others = multi ? v.sort.filter((s) => s.colId !== colId) : [];
    const sort = next ? [...others, { colId, sort: next }] : others;
    this.updateView({ ...v, sort });
  }

  /** True while a sort or a filter is on: row order on screen is not the sheet's order. */
  viewActive(): boolean {
    const v = this.view();
    return v.sort.length > 0 || Object.keys(v.filters).length > 0;
  }

  /** Clears this person's sort and filters. */
  clearView(): void {
    batch(() => this.updateView({ sort: [], filters: {} }));
  }
}
