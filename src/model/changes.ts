/** Typed change events: what a transaction (local, undo or remote) changed, without Y types. */
import type * as Y from 'yjs';
import { splitCellKey } from './layout.ts';

/** What about a column changed; `display`: only options of how the grid shows it (width, pinned, hidden, wrap). */
export type ColumnChangeKind = 'added' | 'removed' | 'name' | 'type' | 'options' | 'display' | 'formula' | 'order' | 'labels';

/** Changes within one sheet. */
export interface SheetChange {
  sheetId: string;
  /** The sheet was created (everything in it is new) … */
  added: boolean;
  /** … or deleted. */
  removed: boolean;
  /** Name, kind, labels or position among sheets. */
  meta: boolean;
  /** A view sheet's formula (its rows are computed from it). */
  view: boolean;
  /** Column id → what changed about it. */
  columns: Map<string, Set<ColumnChangeKind>>;
  rowsAdded: Set<string>;
  rowsRemoved: Set<string>;
  /** Rows whose order key changed (moved, or re-keyed to make room). */
  rowsMoved: Set<string>;
  /** Row id → column ids whose stored value changed (edits after insert; inserted rows are in rowsAdded). */
  cells: Map<string, Set<string>>;
  /** Alert rules added, changed or removed (ids). */
  rules: Set<string>;
  /** Charts added, changed or removed (ids). */
  charts: Set<string>;
  /** Row id → column ids whose history or conflict mark changed (a logged write, someone looked at a conflict). */
  marks: Map<string, Set<string>>;
}

/** Everything one transaction changed. */
export interface WorkbookChange {
  /** Made by this replica (an operation, undo or redo); false for updates from peers or storage. */
  local: boolean;
  /** Workbook settings (name, currency, locale). */
  settings: boolean;
  /** A sheet was added, removed, renamed or moved. */
  sheetList: boolean;
  /** Dashboard tiles pinned, unpinned, moved or resized. */
  dashboard: boolean;
  sheets: Map<string, SheetChange>;
}

export const emptySheetChange = (sheetId: string): SheetChange => ({
  sheetId,
  added: false,
  removed: false,
  meta: false,
  view: false,
  columns: new Map(),
  rowsAdded: new Set(),
  rowsRemoved: new Set(),
  rowsMoved: new Set(),
  cells: new Map(),
  rules: new Set(),
  charts: new Set(),
  marks: new Map(),
});

/** Adds a cell (by its overlay key) to a row → columns map. */
export const addCell = (cells: Map<string, Set<string>>, key: string): void => {
  const [rowId, colId] = splitCellKey(key);
  let set = cells.get(rowId);
  if (!set) {
    set = new Set();
    cells.set(rowId, set);
  }
  set.add(colId);
};

/** The change of one sheet within a workbook change, created on first use. */
export const sheetChangeOf = (change: WorkbookChange, sheetId: string): SheetChange => {
  let c = change.sheets.get(sheetId);
  if (!c) {
    c = emptySheetChange(sheetId);
    change.sheets.set(sheetId, c);
  }
  return c;
};

const COLUMN_KEYS = new Set<string>(['name', 'type', 'options', 'formula', 'order', 'labels']);

/** Column options that change only how the grid shows the column, never a value or a formula's result. */
const DISPLAY_OPTIONS = new Set<string>(['width', 'pinned', 'hidden', 'wrap']);

/** Options but the display ones, as text to compare; null when not a record (or not JSON: a peer's bigint). */
const nonDisplay = (o: unknown): string | null => {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const rest: Record<string, unknown> = { ...o };
  for (const k of DISPLAY_OPTIONS) delete rest[k];
  try {
    return JSON.stringify(rest);
  } catch {
    return null;
  }
};

/**
 * `display` when a column's options changed in display options only (wrap turned on for a column
 * of 100k rows needs no formula engine rebuild), else `options`. Anything unexpected is `options`.
 */
const optionsKind = (event: Y.YEvent<Y.AbstractType<unknown>>): ColumnChangeKind => {
  const before = nonDisplay((event as Y.YMapEvent<unknown>).changes.keys.get('options')?.oldValue);
  return before !== null && before === nonDisplay((event.target as Y.Map<unknown>).get('options')) ? 'display' : 'options';
};

/** Translates the deep events of the sheets root into a typed change. */
export const translateSheetEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[], change: WorkbookChange): void => {
  const sheet = (id: string): SheetChange => sheetChangeOf(change, id);
  for (const event of events) {
    const path = event.path as string[];
    const keys = (event as Y.YMapEvent<unknown>).keysChanged;
    if (path.length === 0) {
      change.sheetList = true;
      for (const [id, info] of (event as Y.YMapEvent<unknown>).changes.keys) {
        const c = sheet(id);
        if (info.action === 'add') c.added = true;
        else if (info.action === 'delete') c.removed = true;
        else {
          c.removed = true;
          c.added = true;
        }
      }
      continue;
    }
    const [sheetId, part, colId] = path;
    if (sheetId === undefined) continue;
    const c = sheet(sheetId);
    if (path.length === 1) {
      c.meta = true;
      if (keys.has('formula')) c.view = true;
      change.sheetList = true;
      continue;
    }
    // Deeper changes (inside a value a peer stored as a shared type, say) change no cell, row or
    // rule by their keys; they are reported as a change of the sheet's structure, which re-reads it.
    if (path.length > (part === 'columns' ? 3 : 2)) {
      c.meta = true;
      continue;
    }
    switch (part) {
      case 'columns': {
        if (colId !== undefined) {
          const kinds = c.columns.get(colId) ?? new Set<ColumnChangeKind>();
          for (const k of keys) if (COLUMN_KEYS.has(k)) kinds.add(k === 'options' ? optionsKind(event) : (k as ColumnChangeKind));
          c.columns.set(colId, kinds);
        } else {
          for (const [id, info] of (event as Y.YMapEvent<unknown>).changes.keys) {
            const kinds = c.columns.get(id) ?? new Set<ColumnChangeKind>();
            kinds.add(info.action === 'delete' ? 'removed' : 'added');
            c.columns.set(id, kinds);
          }
        }
        break;
      }
      case 'rows':
        for (const [id, info] of (event as Y.YMapEvent<unknown>).changes.keys) {
          if (info.action === 'delete') c.rowsRemoved.add(id);
          else c.rowsAdded.add(id);
        }
        break;
      case 'rowOrder':
        for (const id of keys) c.rowsMoved.add(id);
        break;
      case 'rules':
        for (const id of keys) c.rules.add(id);
        break;
      case 'charts':
        for (const id of keys) c.charts.add(id);
        break;
      case 'cells':
        for (const key of keys) addCell(c.cells, key);
        break;
      default:
        break;
    }
  }
};
