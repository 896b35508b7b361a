/**
 * The cell range a person has selected, in what they see: displayed row index (after their sort
 * and filter) and displayed column index (data columns, pinned first). Pure.
 */

/** A cell position in the displayed grid. */
export interface CellPos {
  row: number;
  col: number;
}

/** Anchor is where the selection started (the active cell); focus is its other corner. */
export interface Selection {
  anchor: CellPos;
  focus: CellPos;
  /** Whole rows were selected from the row numbers. */
  rows?: boolean;
}

/** A normalised rectangle, bounds inclusive. */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The rectangle a selection covers. */
export const rectOf = (s: Selection): Rect => ({
  top: Math.min(s.anchor.row, s.focus.row),
  bottom: Math.max(s.anchor.row, s.focus.row),
  left: Math.min(s.anchor.col, s.focus.col),
  right: Math.max(s.anchor.col, s.focus.col),
});

/** True when (row, col) lies in the rectangle. */
export const inRect = (r: Rect, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** Number of cells in the rectangle. */
export const rectSize = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** A selection of one cell. */
export const single = (pos: CellPos): Selection => ({ anchor: pos, focus: pos });

/** Keeps a position inside a grid of `rows` × `cols` (both at least 1). */
export const clampPos = (p: CellPos, rows: number, cols: number): CellPos => ({
  row: Math.max(0, Math.min(rows - 1, p.row)),
  col: Math.max(0, Math.min(cols - 1, p.col)),
});

/** The selection with its focus moved by (dRow, dCol), kept inside the grid: Shift+arrow. */
export const extendBy = (s: Selection, dRow: number, dCol: number, rows: number, cols: number): Selection => ({
  anchor: s.anchor,
  focus: clampPos({ row: s.focus.row + dRow, col: s.focus.col + dCol }, rows, cols),
  rows: s.rows && dCol === 0,
});

/** Whole rows from `fromRow` to `toRow`, over `cols` columns. */
export const rowSelection = (fromRow: number, toRow: number, cols: number): Selection => ({
  anchor: { row: fromRow, col: 0 },
  focus: { row: toRow, col: Math.max(0, cols - 1) },
  rows: true,
});

/** Equality of two selections (null for none). */
export const sameSelection = (a: Selection | null, b: Selection | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.anchor.row === b.anchor.row &&
    a.anchor.col === b.anchor.col &&
    a.focus.row === b.focus.row &&
    a.focus.col === b.focus.col &&
    !!a.rows === !!b.rows);
